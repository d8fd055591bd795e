import groovy.json.JsonSlurper
try {
  def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
  def r = json.releases.collectEntries { [(it.name): it] }
  assert r['present'].status == 'MIGRATABLE'
  assert r['present'].oci.tag == '1.0.0'
  assert r['absent'].status == 'BLOCKED'
  assert r['absent'].reasons == ['version 2.0.0 not published at oci://127.0.0.1:55123/charts/app']
  // the credentials came from settings.xml, and no secret is in any output
  def log = new File(basedir, 'build.log').text
  assert !log.contains('s3cr3t') && !new File(basedir, 'target/oci/scan.md').text.contains('s3cr3t')
  // Maven's -o wins: the second run asked nothing
  assert log.contains('oci.online=true but Maven runs offline (-o): no registry is asked')
  def offline = new JsonSlurper().parse(new File(basedir, 'target/offline/scan.json'))
  assert offline.releases.every { it.status == 'MIGRATABLE' }
} finally {
  ProcessHandle.of(new File(basedir, 'target/registry/pid').text.trim() as long).ifPresent { it.destroy() }
}
return true
