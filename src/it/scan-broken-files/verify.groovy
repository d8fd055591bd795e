import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))

// the one good file is still scanned
assert json.summary.helmReleases == 1
assert json.releases[0].name == 'survivor'
assert json.releases[0].status == 'MIGRATABLE'

def problems = json.problems.collectEntries { [(it.file): it] }
assert problems.keySet() == ['alias.yaml', 'charts/app/templates/deployment.yaml', 'latin1.yaml', 'not-yaml.yaml'] as Set
assert problems['alias.yaml'].line == 6
assert problems['alias.yaml'].message.contains('undefined alias undefined-anchor')
assert problems['charts/app/templates/deployment.yaml'].message.contains('{{ }} template syntax')
assert problems['charts/app/templates/deployment.yaml'].line > 0
assert problems['latin1.yaml'].message == 'not UTF-8 text; skipped'
assert problems['not-yaml.yaml'].line == 2

assert log.contains('[WARNING] alias.yaml:6:')
assert log.contains('BUILD SUCCESS')
assert !log.contains('Exception')
return true
