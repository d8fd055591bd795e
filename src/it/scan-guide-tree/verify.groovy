import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))

assert json.summary.helmReleases == 17
assert json.summary.oci == 7
assert json.summary.migratable == 7
assert json.summary.blocked == 2
assert json.summary.unknown == 1
assert json.summary.problems == 0

// -Doci.timings=true: where the time went, in Maven's JVM
assert log =~ /oci:scan timings: before the goal \(JVM, Maven, plugin set-up\) [0-9,]+ ms; .*load .*; goal [0-9,]+ ms/

// paths start at the repository root: the example lies in examples/homelab of this project's git work tree
// (no prefix when the project is built outside git)
def dir = json.directory
assert dir in ['examples/homelab/', '']
def byName = json.releases.collectEntries { [(it.name): it] }
// Tier 1 of the guide: already on OCI, official or mirror
['cert-manager', 'kube-prometheus-stack', 'grafana-operator', 'external-secrets', 'external-dns',
 'gha-runner-scale-set-controller', 'gha-runner-scale-set'].each { assert byName[it].status == 'OCI' : it }
assert byName['external-dns'].oci.provenance == 'mirror'
assert byName['cert-manager'].oci.provenance == 'official'
// the guide's "New OCIRepository Manifests" table
def expected = [
  'kyverno'               : ['security-system/kyverno/app/ocirepository.yaml', 'oci://ghcr.io/kyverno/charts/kyverno'],
  'falco'                 : ['security-system/falco/app/ocirepository.yaml', 'oci://ghcr.io/falcosecurity/charts/falco'],
  'falco-exporter'        : ['security-system/falco-exporter/app/ocirepository.yaml', 'oci://ghcr.io/falcosecurity/charts/falco-exporter'],
  'tetragon'              : ['kube-system/tetragon/app/ocirepository.yaml', 'oci://ghcr.io/cilium/charts/tetragon'],
  'crossplane'            : ['crossplane-system/crossplane/app/ocirepository.yaml', 'oci://xpkg.upbound.io/upbound/crossplane'],
  'oauth2-proxy'          : ['network-system/oauth2-proxy/app/ocirepository.yaml', 'oci://ghcr.io/oauth2-proxy/charts/oauth2-proxy'],
  'opentelemetry-operator': ['observability/otel/app/ocirepository.yaml', 'oci://ghcr.io/open-telemetry/opentelemetry-helm-charts/opentelemetry-operator'],
]
expected.each { name, where ->
  def r = byName[name]
  assert r.status == 'MIGRATABLE' : name
  assert r.oci.file == dir + 'kubernetes/apps/base/' + where[0] : name
  assert r.oci.url == where[1] : name
}
assert byName['kyverno'].oci.semver == '3.x.x'
assert byName['falco'].oci.tag == '4.20.1'
// the guide's "Charts That Cannot Use OCI"
assert byName['ingress-nginx'].status == 'BLOCKED'
assert byName['ingress-nginx'].reasons[0].startsWith('charts-mirror lags behind official releases (4.13.0 vs 4.14.1)')
assert byName['vpa'].status == 'BLOCKED'
assert byName['vpa'].reasons == ['Fairwinds only publishes to traditional Helm repos']
assert byName['echo-server'].status == 'UNKNOWN'

def md = new File(basedir, 'target/oci/scan.md').text
assert md.contains('## 🆕 Ready to Migrate')
assert log.contains('17 HelmReleases in 88 files: 7 on OCI, 7 ready to migrate, 2 blocked, 1 unknown; 0 problems')
assert log =~ /security-system\/kyverno\s+kyverno\s+3\.x\.x\s+oci:\/\/ghcr\.io\/kyverno\/charts\/kyverno semver 3\.x\.x/
assert log.contains('[WARNING] ' + dir + 'kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml:3: security-system/kyverno: version range "3.x.x"')
return true
