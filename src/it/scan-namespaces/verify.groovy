import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
def r = json.releases.collectEntries { [(it.name): it] }
assert r.size() == 5

assert r['meta'].namespace == 'from-metadata'
assert r['meta'].namespaceSource == 'metadata'
assert r['kustomized'].namespace == 'from-kustomization'          // set two kustomizations up
assert r['kustomized'].namespaceSource == 'kustomization'
assert r['flux'].namespace == 'from-flux'                          // Flux Kustomization targetNamespace
assert r['flux'].namespaceSource == 'flux-kustomization'
assert r['orphan'].namespace == null
assert r['orphan'].warnings.any { it.startsWith('no kustomization lists helmrelease.yaml') }

// same kustomization, no namespace on either side: the chartRef still finds its OCIRepository
assert r['together'].status == 'OCI'
assert r['together'].oci.url == 'oci://ghcr.io/stefanprodan/charts/podinfo'
assert r['together'].oci.tag == '6.5.4'
assert r['together'].warnings.isEmpty()

def usedBy = json.helmRepositories[0].usedBy as Set
assert usedBy == ['flux', 'kustomized', 'meta', 'orphan'].collect { n -> r[n].namespace ? r[n].namespace + '/' + n : n } as Set
return true
