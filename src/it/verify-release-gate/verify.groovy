import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// first mvn verify: the seven releases still on a HelmRepository fail the gate, one precise line each
assert log.contains('[ERROR] kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml:15:9 [helmrepository-source] security-system/kyverno still uses HelmRepository kyverno-charts; run mvn oci:migrate -Doci.charts=security-system/kyverno')
assert log.contains('oci:verify found 7 errors')
// GITHUB_ACTIONS=true: the same findings as workflow commands, each at the start of its line
assert log.readLines().any { it.startsWith('::error file=') && it.endsWith('kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml,line=15,col=9,title=oci%3Averify helmrepository-source::security-system/kyverno still uses HelmRepository kyverno-charts; run mvn oci:migrate -Doci.charts=security-system/kyverno') }
assert log.readLines().count { it.startsWith('::error ') } == 7
assert log.contains('[INFO] kubernetes/apps/base/kube-system/vpa/app/helmrelease.yaml:15:9 [helmrepository-source] kube-system/vpa stays on HelmRepository fairwinds-charts: Fairwinds only publishes to traditional Helm repos')
// after oci:migrate the same tree passes
def report = new JsonSlurper().parse(new File(basedir, 'target/oci/verify.json'))
assert report.summary.errors == 0
assert report.summary.notes == 3
assert log.contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/oci/verify.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.rules*.id.contains('chartref-target')
assert new File(basedir, 'target/oci/verify.md').text.contains('# oci:verify')
return true
