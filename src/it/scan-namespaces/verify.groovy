import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
def r = json.releases.collectEntries { [(it.name): it] }
assert r.size() == 5

// namespaces are applied from the outside in, as kustomize and Flux do
assert r['meta'].namespace == 'from-metadata'                      // no kustomization sets one
assert r['meta'].namespaceSource == 'metadata'
assert r['kustomized'].namespace == 'outer'                        // outer kustomization over inner over metadata
assert r['kustomized'].namespaceSource == 'kustomization'
assert r['kustomized'].namespaceSetBy == 'apps/kustomized/kustomization.yaml'
assert r['kustomized'].via == ['apps/kustomized/kustomization.yaml', 'apps/kustomized/app/kustomization.yaml']
assert r['flux'].namespace == 'from-flux'                          // Flux Kustomization targetNamespace over everything
assert r['flux'].namespaceSource == 'flux-kustomization'
assert r.values().findAll { it.name != 'orphan' }.every { it.deployed && it.cluster == 'clusters/home' }

// nothing builds .archive/: listed as not deployed
assert r['orphan'].deployed == false
assert r['orphan'].cluster == null
assert r['orphan'].warnings.any { it.startsWith('not deployed: no Flux entry point builds .archive/orphan/helmrelease.yaml') }
assert json.summary.notDeployed == 1
def md = new File(basedir, 'target/oci/scan.md').text
assert md.contains('## 💤 Not Deployed')
assert md.contains('| orphan | `.archive/orphan/helmrelease.yaml:2` | podinfo | MIGRATABLE |')

// the OCIRepository says flux-system, but its kustomization puts it beside the release: no false "the tree has none"
assert r['together'].namespace == 'podinfo'
assert r['together'].status == 'OCI'
assert r['together'].oci.url == 'oci://ghcr.io/stefanprodan/charts/podinfo'
assert r['together'].oci.tag == '6.5.4'
assert r['together'].warnings.isEmpty()

def usedBy = json.helmRepositories[0].usedBy as Set
assert usedBy == ['from-flux/flux', 'outer/kustomized', 'from-metadata/meta', 'orphan'] as Set
return true
