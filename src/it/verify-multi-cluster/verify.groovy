def log = new File(basedir, 'build.log').text
// cluster a has its OCIRepository; cluster b only names one that cluster a deploys
assert log.contains('[ERROR] apps/b/helmrelease.yaml:9:5 [chartref-target] chartRef names OCIRepository "podinfo" but none is deployed in namespace podinfo of cluster clusters/b (apps/a/ocirepository.yaml deploys one in namespace podinfo of cluster clusters/a)')
assert !log.contains('[ERROR] apps/a/')
assert log.contains('oci:verify found 1 error, ') || log.contains('oci:verify found 1 errors, ')
assert log.contains('BUILD FAILURE')
assert !log.contains('at io.github.fluxoci')
return true
