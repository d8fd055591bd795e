import java.net.http.*
import java.security.MessageDigest
import java.util.zip.GZIPOutputStream

// a real registry with htpasswd auth on 127.0.0.1:55123 (settings.xml has <server><id>127.0.0.1:55123</id>)
def work = new File(basedir, 'target/registry')
work.mkdirs()
def users = new File(work, 'htpasswd')
assert ['htpasswd', '-Bbc', users.path, 'robot', 's3cr3t'].execute().waitFor() == 0
def config = new File(work, 'config.yml')
config.text = "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${work}/data\n" +
    "http:\n  addr: 127.0.0.1:55123\nauth:\n  htpasswd:\n    realm: it\n    path: ${users}\n"
def process = new ProcessBuilder('docker-registry', 'serve', config.path).redirectErrorStream(true)
    .redirectOutput(new File(work, 'registry.log')).start()
new File(work, 'pid').text = process.pid().toString()
def http = HttpClient.newHttpClient()
def auth = 'Basic ' + 'robot:s3cr3t'.bytes.encodeBase64().toString()
def ready = false
for (int i = 0; i < 100 && !ready; i++) {
  try {
    ready = http.send(HttpRequest.newBuilder(URI.create('http://127.0.0.1:55123/v2/')).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 401
  } catch (IOException e) { Thread.sleep(100) }
}
assert ready : 'registry did not start'
def sha = { byte[] b -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
def blob = { byte[] content ->
  def started = http.send(HttpRequest.newBuilder(URI.create('http://127.0.0.1:55123/v2/charts/app/blobs/uploads/'))
      .header('Authorization', auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
  assert started.statusCode() == 202
  def location = URI.create('http://127.0.0.1:55123').resolve(started.headers().firstValue('Location').get()).toString()
  def put = http.send(HttpRequest.newBuilder(URI.create(location + (location.contains('?') ? '&' : '?') + 'digest=' + sha(content)))
      .header('Authorization', auth).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString())
  assert put.statusCode() == 201
  return sha(content)
}
byte[] cfg = '{"name":"app","version":"1.0.0","apiVersion":"v2"}'.bytes
def bytes = new ByteArrayOutputStream()
new GZIPOutputStream(bytes).withCloseable { it.write('chart app'.bytes) }
byte[] layer = bytes.toByteArray()
def manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
 "config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"${blob(cfg)}","size":${cfg.length}},
 "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"${blob(layer)}","size":${layer.length}}]}"""
def pushed = http.send(HttpRequest.newBuilder(URI.create('http://127.0.0.1:55123/v2/charts/app/manifests/1.0.0'))
    .header('Authorization', auth).header('Content-Type', 'application/vnd.oci.image.manifest.v1+json')
    .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString())
assert pushed.statusCode() == 201 : pushed.body()
return true
