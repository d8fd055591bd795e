import groovy.json.JsonSlurper
def report = new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
assert report.releases*.name as Set == ['falco', 'falco-exporter'] as Set
def skipped = report.skipped.collectEntries { [(it.release): it.reason] }
assert skipped['network-system/ingress-nginx'].startsWith('cannot use OCI: charts-mirror lags behind official releases')
assert skipped['nope'].startsWith('no HelmRelease named nope')
// falcosecurity lost its last users in this run: it goes, with its kustomization entry; jetstack was unused
// before this run: -Doci.prune=true keeps it and says so (-Doci.prune=all would remove it)
def helm = new File(basedir, 'kubernetes/flux/repositories/helm')
assert !new File(helm, 'falcosecurity.yaml').exists()
assert new File(helm, 'jetstack.yaml').exists()
def list = new File(helm, 'kustomization.yaml').text
assert !list.contains('falcosecurity') && list.contains('jetstack')
assert list.contains('  - ./kyverno-charts.yaml\n')                        // still used
assert report.pruned*.name as Set == ['falcosecurity'] as Set
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] HelmRepository jetstack (kubernetes/flux/repositories/helm/jetstack.yaml) was unused before this run; kept (-Doci.prune=all removes it too)')
assert log.contains('[WARNING] kubernetes/apps/base/network-system/ingress-nginx/app/helmrelease.yaml:3: network-system/ingress-nginx not migrated: cannot use OCI')
return true
