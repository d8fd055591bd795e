import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('oci:verify: 0 errors, 0 warnings, 0 notes')
assert !log.contains('[ERROR]')
def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
// one document, built into two namespaces: one entry per instance, both on OCI, no false "the tree has none"
assert json.releases.size() == 2
assert json.releases.collect { it.namespace } as Set == ['team-a', 'team-b'] as Set
assert json.releases.every { it.status == 'OCI' && it.deployed && it.cluster == 'clusters/home' && it.warnings.isEmpty() }
assert json.releases.every { it.file == 'components/podinfo/helmrelease.yaml' }
assert json.summary.releaseDocuments == 1
assert log.contains('podinfo in team-a, team-b')
return true
