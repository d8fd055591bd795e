import java.net.http.*
import java.security.MessageDigest

// Starts a real registry (Debian's docker-registry) with htpasswd auth (robot / s3cr3t) on 127.0.0.1:<registryPort>,
// for the IT that evaluates this with registryPort in its binding (settings.xml has a <server> for that host), and
// returns what pushing to it takes: [url, sha, blob, putManifest, pushChart]. verify.groovy stops it (target/registry/pid).
def work = new File(basedir, 'target/registry')
work.mkdirs()
def users = new File(work, 'htpasswd')
assert ['htpasswd', '-Bbc', users.path, 'robot', 's3cr3t'].execute().waitFor() == 0
def config = new File(work, 'config.yml')
config.text = "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${work}/data\n" +
    "http:\n  addr: 127.0.0.1:${registryPort}\nauth:\n  htpasswd:\n    realm: it\n    path: ${users}\n"
def process = new ProcessBuilder('docker-registry', 'serve', config.path).redirectErrorStream(true)
    .redirectOutput(new File(work, 'registry.log')).start()
new File(work, 'pid').text = process.pid().toString()
def url = "http://127.0.0.1:${registryPort}"
def http = HttpClient.newHttpClient()
def auth = 'Basic ' + 'robot:s3cr3t'.bytes.encodeBase64().toString()
def ready = false
for (int i = 0; i < 100 && !ready; i++) {
  try {
    ready = http.send(HttpRequest.newBuilder(URI.create(url + '/v2/')).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 401
  } catch (IOException e) { Thread.sleep(100) }
}
assert ready : 'registry did not start'

def sha = { byte[] b -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
def blob = { String repo, byte[] content ->
  def started = http.send(HttpRequest.newBuilder(URI.create("${url}/v2/${repo}/blobs/uploads/"))
      .header('Authorization', auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
  assert started.statusCode() == 202
  def location = URI.create(url).resolve(started.headers().firstValue('Location').get()).toString()
  def put = http.send(HttpRequest.newBuilder(URI.create(location + (location.contains('?') ? '&' : '?') + 'digest=' + sha(content)))
      .header('Authorization', auth).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString())
  assert put.statusCode() == 201
  return sha(content)
}
def putManifest = { String repo, String reference, String manifest ->
  def pushed = http.send(HttpRequest.newBuilder(URI.create("${url}/v2/${repo}/manifests/${reference}"))
      .header('Authorization', auth).header('Content-Type', 'application/vnd.oci.image.manifest.v1+json')
      .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString())
  assert pushed.statusCode() == 201 : pushed.body()
  return sha(manifest.bytes)
}
// a chart as `helm push` stores it: Helm's config and chart layer media types; returns the manifest digest
def pushChart = { String repo, String name, String version, byte[] tgz ->
  byte[] cfg = "{\"name\":\"${name}\",\"version\":\"${version}\",\"apiVersion\":\"v2\"}".bytes
  def manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
 "config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"${blob(repo, cfg)}","size":${cfg.length}},
 "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"${blob(repo, tgz)}","size":${tgz.length}}]}"""
  return putManifest(repo, version, manifest)
}
return [url: url, sha: sha, blob: blob, putManifest: putManifest, pushChart: pushChart]
