import groovy.json.JsonSlurper
try {
  def json = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
  def r = json.releases.collectEntries { [(it.name): it] }
  assert r['present'].status == 'MIGRATABLE'
  assert r['present'].oci.tag == '1.0.0'
  // the manifest was read with the credentials too: its chart layer digest is known; an OCI HelmRepository has no
  // index.yaml to compare with, and the tag carries no signature
  assert r['present'].oci.proof.ociDigest ==~ /sha256:[0-9a-f]{64}/
  assert r['present'].oci.proof.verdict == 'unknown'
  assert r['present'].oci.proof.reason.startsWith('no index.yaml to compare with: oci://127.0.0.1:55123/charts is an OCI repository')
  assert r['present'].oci.proof.signature == 'unsigned'
  assert r['absent'].status == 'BLOCKED'
  assert r['absent'].reasons == ['version 2.0.0 not published at oci://127.0.0.1:55123/charts/app']
  assert r['stale'].status == 'OCI'
  // the credentials came from settings.xml, and no secret is in any output
  def log = new File(basedir, 'build.log').text
  assert !log.contains('s3cr3t') && !new File(basedir, 'target/oci/scan.md').text.contains('s3cr3t')
  // Maven's -o wins: the second run asked nothing
  assert log.contains('oci.online=true but Maven runs offline (-o): no registry is asked')
  def offline = new JsonSlurper().parse(new File(basedir, 'target/offline/scan.json'))
  assert offline.releases.findAll { it.name != 'stale' }.every { it.status == 'MIGRATABLE' }
  // a dry run onto a mirror: the OCIRepository would point there, mirror.txt says what to copy, and the mirror,
  // asked online, lacks it
  // (the source pinned to the manifest digest the online check read)
  assert new File(basedir, 'target/mirror/mirror.txt').text ==
      "127.0.0.1:55123/charts/app:1.0.0@${r['present'].oci.proof.manifestDigest} 127.0.0.1:55123/mirror/charts/app:1.0.0\n"
  assert new File(basedir, 'target/mirror/migrate.diff').text.contains('+  url: oci://127.0.0.1:55123/mirror/charts/app')
  assert log.contains('the mirror lacks oci://127.0.0.1:55123/mirror/charts/app:1.0.0: copy oci://127.0.0.1:55123/charts/app:1.0.0 there')
  assert new File(basedir, 'target/mirror/migrate.md').text.contains('## Mirror')
  // migrate (online) writes the release whose tag exists and refuses the other, saying why
  def migrate = new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
  assert migrate.releases*.name == ['present']
  assert migrate.skipped.find { it.release == 'apps/absent' }.reason ==
      'cannot use OCI: version 2.0.0 not published at oci://127.0.0.1:55123/charts/app'
  // the tree already keeps an OCIRepository inline (stale.yaml), so oci.layout=auto goes inline
  assert new File(basedir, 'kubernetes/app/present.yaml').text.contains('kind: OCIRepository')
  assert new File(basedir, 'kubernetes/app/present.yaml').text.contains('    tag: 1.0.0\n')
  // verify (online): the migrated tag exists; the stale one does not
  def verify = new JsonSlurper().parse(new File(basedir, 'target/oci/verify.json'))
  def tagFindings = verify.findings.findAll { it.rule == 'oci-tag-exists' }
  assert tagFindings.size() == 1
  assert tagFindings[0].file == 'app/stale.yaml'
  assert tagFindings[0].message == 'tag 9.9.9 is not published at oci://127.0.0.1:55123/charts/app; pick a published version'
} finally {
  ProcessHandle.of(new File(basedir, 'target/registry/pid').text.trim() as long).ifPresent { it.destroy() }
}
return true
