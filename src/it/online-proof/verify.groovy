import groovy.json.JsonSlurper
try {
  def d = new Properties()
  new File(basedir, 'target/digests.properties').withReader { d.load(it) }
  def log = new File(basedir, 'build.log').text

  // scan: per release, the Helm index digest against the OCI chart layer digest, and the signature
  def scan = new JsonSlurper().parse(new File(basedir, 'target/oci/scan.json'))
  def r = scan.releases.collectEntries { [(it.name): it] }
  def podinfo = r['podinfo'].oci.proof
  assert podinfo.verdict == 'identical'
  assert podinfo.helmDigest == d.podinfo && podinfo.ociDigest == d.podinfo
  assert podinfo.manifestDigest == d.podinfoManifest
  assert podinfo.signature == 'signed'
  def redis = r['redis'].oci.proof
  assert redis.verdict == 'different'
  assert redis.helmDigest == d.redisHelm && redis.ociDigest == d.redisOci
  assert redis.reason == 'the OCI chart is a different archive: review it before moving'
  assert redis.signature == 'unsigned'
  assert log.contains("oci://127.0.0.1:55125/charts/redis:18.0.0: the OCI chart is a different archive: review it before moving" +
      " (Helm repository ${d.redisHelm}, OCI ${d.redisOci})")
  def md = new File(basedir, 'target/oci/scan.md').text
  assert md.contains('| Same chart (digest) |')
  assert md.contains('✅ identical; signed')
  assert md.contains("⚠️ different: Helm `${d.redisHelm}`, OCI `${d.redisOci}`; unsigned")

  def sig = d.podinfoManifest.replace(':', '-') + '.sig'
  // migrate with oci.verify=cosign and oci.mirrorPrefix: URLs on the mirror; the signed chart gets no verify either,
  // since the catalog does not know who signs a chart on this registry (a verify without matchOIDCIdentity pins no
  // signer), and the note says so
  def podinfoYaml = new File(basedir, 'kubernetes/apps/podinfo.yaml').text
  assert podinfoYaml.contains('  url: oci://127.0.0.1:55125/mirror/charts/podinfo\n') && !podinfoYaml.contains('verify:')
  def redisYaml = new File(basedir, 'kubernetes/apps/redis.yaml').text
  assert redisYaml.contains('  url: oci://127.0.0.1:55125/mirror/charts/redis\n') && !redisYaml.contains('verify:')
  def migrate = new JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
  def m = migrate.releases.collectEntries { [(it.name): it] }
  assert m['podinfo'].ociRepository.mirrorOf == 'oci://127.0.0.1:55125/charts/podinfo'
  assert m['podinfo'].ociRepository.proof.verdict == 'identical'
  assert m['redis'].ociRepository.proof.helmDigest == d.redisHelm
  assert m['redis'].notes.any { it.startsWith('oci.verify=cosign: spec.verify not written, oci://127.0.0.1:55125/charts/redis:18.0.0' +
      ' carries no cosign signature') }
  assert m['podinfo'].notes.any { it.startsWith('oci.verify=cosign: spec.verify not written: oci://127.0.0.1:55125/charts/podinfo' +
      ' is signed, but the catalog does not know by whom') }
  // mirror.txt: sources pinned to the digest that was checked, the signature beside its chart
  assert new File(basedir, 'target/oci/mirror.txt').text ==
      "127.0.0.1:55125/charts/podinfo:6.7.1@${d.podinfoManifest} 127.0.0.1:55125/mirror/charts/podinfo:6.7.1\n" +
      "127.0.0.1:55125/charts/podinfo:${sig} 127.0.0.1:55125/mirror/charts/podinfo:${sig}\n" +
      "127.0.0.1:55125/charts/redis:18.0.0@${d.redisManifest} 127.0.0.1:55125/mirror/charts/redis:18.0.0\n"
  def migrateMd = new File(basedir, 'target/oci/migrate.md').text
  assert migrateMd.contains('## Mirror')
  assert migrateMd.contains("**: Chart oci://127.0.0.1:55125/charts/podinfo:6.7.1: same archive as the Helm repository (${d.podinfo});" +
      " signed with cosign (cosign signature tag ${sig})")
  assert migrateMd.contains("**: Chart oci://127.0.0.1:55125/charts/redis:18.0.0: the OCI chart is a different archive: review it" +
      " before moving (Helm repository ${d.redisHelm}, OCI ${d.redisOci}); not signed")
  // asked online, the mirror has podinfo and its signature, and lacks redis
  assert log.contains('the mirror lacks oci://127.0.0.1:55125/mirror/charts/redis:18.0.0: copy oci://127.0.0.1:55125/charts/redis:18.0.0 there')
  assert !log.contains('the mirror lacks oci://127.0.0.1:55125/mirror/charts/podinfo')
  assert !log.contains('the mirror lacks the signature')

  // verify: the release moved by hand earlier pins another build than its HelmRepository serves, and does not
  // verify the signature its publisher made; the redis copy is still missing from the mirror
  def verify = new JsonSlurper().parse(new File(basedir, 'target/oci/verify.json'))
  def byRule = verify.findings.groupBy { it.rule }
  assert byRule['different-archive']*.file == ['apps/nginx.yaml']
  assert byRule['different-archive'][0].severity == 'warning'
  assert byRule['different-archive'][0].message.contains("Helm repository ${d.nginxHelm}, OCI ${d.nginxOci}")
  // podinfo too: migrate wrote no verify for it (its signer is unknown), so the gate still says it is unchecked
  assert byRule['unverified-signature']*.file == ['apps/nginx.yaml', 'apps/podinfo.yaml']
  assert byRule['unverified-signature'][0].message.contains('add spec.verify.provider: cosign')
  assert byRule['oci-tag-exists']*.file == ['apps/redis.yaml']

  // the credentials came from settings.xml (encrypted), and no secret is in any output
  assert !log.contains('s3cr3t')
  new File(basedir, 'target/oci').eachFile { assert !it.text.contains('s3cr3t') : it.name }
} finally {
  System.properties.remove('online-proof.helm')?.stop(0)
  ProcessHandle.of(new File(basedir, 'target/registry/pid').text.trim() as long).ifPresent { it.destroy() }
}
return true
