import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split('BUILD FAILURE')
assert runs[0].contains('[ERROR] deploy/apps/release.yaml:9:5 [chartref-target] chartRef names OCIRepository "podinfo"')
assert runs[0].readLines().any { it.startsWith('::error file=deploy/apps/release.yaml,line=9,col=5,') }
def repo = new JsonSlurper().parse(new File(basedir, 'target/repo/verify.json'))
assert repo.directory == 'deploy/'
assert repo.findings[0].file == 'deploy/apps/release.yaml'
def sarif = new JsonSlurper().parse(new File(basedir, 'target/repo/verify.sarif'))
assert sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'deploy/apps/release.yaml'
assert runs[1].contains('[ERROR] apps/release.yaml:9:5 [chartref-target]')
def dir = new JsonSlurper().parse(new File(basedir, 'target/dir/verify.json'))
assert dir.findings[0].file == 'apps/release.yaml'
return true
