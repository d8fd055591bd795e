import groovy.json.JsonSlurper

def example = new File(basedir, '../../../examples/homelab/kubernetes')
def tree = new File(basedir, 'kubernetes')
def report = new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
assert report.summary.migrated == 7
assert report.summary.filesCreated == 7
assert report.summary.filesChanged == 14
assert report.skipped.isEmpty()

def changed = [] as Set
def created = [] as Set
report.releases.each { r -> changed.addAll(r.filesChanged); created.addAll(r.filesCreated) }
// every other file is byte for byte what it was
example.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  def rel = 'kubernetes/' + example.toPath().relativize(f.toPath()).toString()
  def now = new File(basedir, rel)
  if (!changed.contains(rel)) {
    assert now.bytes == f.bytes : rel + ' changed but should not have'
  }
}
created.each { assert new File(basedir, it).isFile() : it }

def kyverno = report.releases.find { it.name == 'kyverno' }
assert kyverno.ociRepository.url == 'oci://ghcr.io/kyverno/charts/kyverno'
assert kyverno.ociRepository.semver == '3.x.x'
def hr = new File(tree, 'apps/base/security-system/kyverno/app/helmrelease.yaml').text
assert hr.contains('  chartRef:\n    kind: OCIRepository\n    name: kyverno\n')
assert !hr.contains('sourceRef')
assert new File(tree, 'apps/base/security-system/kyverno/app/kustomization.yaml').text
    .endsWith('  - ./helmrelease.yaml\n  - ./ocirepository.yaml\n')
def oci = new File(tree, 'apps/base/security-system/kyverno/app/ocirepository.yaml').text
assert oci.contains('mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip')
assert oci.contains('    semver: 3.x.x\n')

// the guide's Step 3/4 commands as one loop over the releases, and one rollback table
def md = new File(basedir, 'target/oci/migrate.md').text
assert md.contains('while read -r ns oci release; do\n  flux reconcile source oci "$oci" -n "$ns"\n  flux reconcile helmrelease "$release" -n "$ns"\n')
assert md.contains('  kubectl get hr -n "$ns" "$release" -o yaml | grep -A 5 "chartRef:"\ndone <<\'RELEASES\'\n')
assert md.contains('\nsecurity-system kyverno kyverno\n')
assert md.contains('| security-system/kyverno | `kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml` | `kyverno` |')
assert md.contains('`flux-system/kyverno-charts` |')
// the loop, run by bash with flux and kubectl stubbed, asks for each release in turn
def script = (md =~ /(?s)```bash\n(while read.*?RELEASES\n)```/)[0][1]
def stubs = new File(basedir, 'target/stubs'); stubs.mkdirs()
['flux', 'kubectl'].each { new File(stubs, it).text = '#!/bin/sh\necho "' + it + ' $*"\n'; new File(stubs, it).setExecutable(true) }
def proc = ['bash', '-c', script].execute(['PATH=' + stubs + ':/usr/bin:/bin'], basedir)
def out = proc.text
proc.waitFor()
assert out.contains('flux reconcile helmrelease kyverno -n security-system\n')
assert out.readLines().findAll { it.startsWith('flux reconcile helmrelease') }.size() == md.readLines().findAll { it ==~ /[a-z0-9.-]+ [a-z0-9.-]+ [a-z0-9.-]+/ }.size()

// a second run finds nothing to do
def second = new JsonSlurper().parse(new File(basedir, 'target/second/migrate.json'))
assert second.summary.migrated == 0
assert second.summary.filesChanged == 0 && second.summary.filesCreated == 0
// and scan now sees them on OCI
def scan = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
assert scan.summary.oci == 14
assert scan.summary.migratable == 0
// the fourth run (nothing to do) left the first run's migrate.json in place, and the reports say which run wrote them
assert new File(basedir, 'build.log').text.contains('Reports of the previous run kept in ')
assert report.run ==~ /`mvn oci:migrate` at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert md.contains('From `mvn oci:migrate` at ')
assert new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json')).summary.migrated == report.summary.migrated
return true
