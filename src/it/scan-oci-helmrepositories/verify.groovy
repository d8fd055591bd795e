import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
assert json.summary.helmReleases == 2
assert json.summary.migratable == 2

def echo = json.releases.find { it.name == 'echo' }
assert echo.oci.url == 'oci://ghcr.io/bjw-s/helm/app-template'
assert echo.oci.origin == 'derived'
assert echo.oci.tag == '3.7.1_build.7'          // OCI tags hold no '+'
assert echo.source.type == 'oci'
assert echo.namespace == null                    // nothing in this tree sets it
assert echo.warnings.any { it.contains('chart name changes') } == false

def op = json.releases.find { it.name == 'flux-operator' }
assert op.oci.url == 'oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator'
assert op.oci.semver == '>=0.17.0'
assert op.warnings.any { it.contains('v2beta2 is not served by Flux 2.9.4 (served until Flux 2.7.5)') }
assert op.warnings.any { it.contains('Renovate cannot track ref.semver') }
assert op.warnings.any { it.contains('no kustomization lists helmrelease.yaml') } == false

def repos = json.helmRepositories.collectEntries { [(it.name): it] }
assert repos['bjw-s'].type == 'oci'
assert repos['bjw-s'].usedBy == ['echo']
assert repos['controlplaneio'].usedBy == ['flux-system/flux-operator']
return true
