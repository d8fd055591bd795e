import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def archived = new File(basedir, 'kubernetes/.archive/old/app/helmrelease.yaml').text
assert archived.contains('chart: podinfo') && !archived.contains('chartRef')             // not migrated
assert !new File(basedir, 'kubernetes/.archive/old/app/ocirepository.yaml').exists()
assert new File(basedir, 'kubernetes/apps/live/helmrelease.yaml').text.contains('chartRef:') // the live one moved
assert new File(basedir, 'kubernetes/apps/live/ocirepository.yaml').exists()
def json = new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
assert json.releases.collect { it.namespace + '/' + it.name } == ['live/live']
assert json.skipped.collect { it.release } == ['old/old']
assert json.skipped[0].reason.startsWith('not deployed: no Flux entry point builds kubernetes/.archive/old/app/helmrelease.yaml')
// verify passes: the archive's broken file and its release are notes at most
assert log.contains('[INFO] kubernetes/.archive/old/app/broken.yaml:3:7 [manifest-parse]')
assert log.contains('(not deployed: no Flux entry point builds this file)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
return true
