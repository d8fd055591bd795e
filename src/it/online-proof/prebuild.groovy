import java.net.http.*
import java.security.MessageDigest
import com.sun.net.httpserver.HttpServer

// a real registry with htpasswd auth on 127.0.0.1:55125 (settings.xml has <server><id>127.0.0.1:55125</id>)
def work = new File(basedir, 'target/registry')
work.mkdirs()
def users = new File(work, 'htpasswd')
assert ['htpasswd', '-Bbc', users.path, 'robot', 's3cr3t'].execute().waitFor() == 0
def config = new File(work, 'config.yml')
config.text = "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${work}/data\n" +
    "http:\n  addr: 127.0.0.1:55125\nauth:\n  htpasswd:\n    realm: it\n    path: ${users}\n"
def process = new ProcessBuilder('docker-registry', 'serve', config.path).redirectErrorStream(true)
    .redirectOutput(new File(work, 'registry.log')).start()
new File(work, 'pid').text = process.pid().toString()
def registry = 'http://127.0.0.1:55125'
def http = HttpClient.newHttpClient()
def auth = 'Basic ' + 'robot:s3cr3t'.bytes.encodeBase64().toString()
def ready = false
for (int i = 0; i < 100 && !ready; i++) {
  try {
    ready = http.send(HttpRequest.newBuilder(URI.create(registry + '/v2/')).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 401
  } catch (IOException e) { Thread.sleep(100) }
}
assert ready : 'registry did not start'

def sha = { byte[] b -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }

// real chart archives, made by tar: <name>/Chart.yaml and a values.yaml that tells the builds apart
def charts = new File(basedir, 'target/charts')
def archive = { String name, String version, String build ->
  def dir = new File(charts, "${build}/${name}")
  dir.mkdirs()
  new File(dir, 'Chart.yaml').text = "apiVersion: v2\nname: ${name}\nversion: ${version}\n"
  new File(dir, 'values.yaml').text = "# built by ${build}\n"
  def tgz = new File(charts, "${name}-${version}-${build}.tgz")
  def tar = ['tar', '-czf', tgz.path, '-C', new File(charts, build).path, name].execute()
  tar.waitForProcessOutput(System.out, System.err)
  assert tar.exitValue() == 0
  return tgz.bytes
}

def blob = { String repo, byte[] content ->
  def started = http.send(HttpRequest.newBuilder(URI.create("${registry}/v2/${repo}/blobs/uploads/"))
      .header('Authorization', auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
  assert started.statusCode() == 202
  def location = URI.create(registry).resolve(started.headers().firstValue('Location').get()).toString()
  def put = http.send(HttpRequest.newBuilder(URI.create(location + (location.contains('?') ? '&' : '?') + 'digest=' + sha(content)))
      .header('Authorization', auth).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString())
  assert put.statusCode() == 201
  return sha(content)
}
def putManifest = { String repo, String reference, String manifest ->
  def pushed = http.send(HttpRequest.newBuilder(URI.create("${registry}/v2/${repo}/manifests/${reference}"))
      .header('Authorization', auth).header('Content-Type', 'application/vnd.oci.image.manifest.v1+json')
      .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString())
  assert pushed.statusCode() == 201 : pushed.body()
  return sha(manifest.bytes)
}
// a chart as `helm push` stores it: Helm's config and chart layer media types
def pushChart = { String repo, String name, String version, byte[] tgz ->
  byte[] cfg = "{\"name\":\"${name}\",\"version\":\"${version}\",\"apiVersion\":\"v2\"}".bytes
  def manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
 "config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"${blob(repo, cfg)}","size":${cfg.length}},
 "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"${blob(repo, tgz)}","size":${tgz.length}}]}"""
  return putManifest(repo, version, manifest)
}
// a cosign signature under cosign's tag convention: sha256-<hex of the signed manifest>.sig
def pushSignature = { String repo, String signed ->
  byte[] payload = "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"${signed}\"}}}".bytes
  byte[] cfg = '{}'.bytes
  def manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
 "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"${blob(repo, cfg)}","size":${cfg.length}},
 "layers":[{"mediaType":"application/vnd.dev.cosign.simplesigning.v1+json","digest":"${blob(repo, payload)}","size":${payload.length},
  "annotations":{"dev.cosignproject.cosign/signature":"MEUCIQ=="}}]}"""
  putManifest(repo, signed.replace(':', '-') + '.sig', manifest)
}

def podinfo = archive('podinfo', '6.7.1', 'publisher')
def redisHelm = archive('redis', '18.0.0', 'publisher')
def redisOci = archive('redis', '18.0.0', 'repackaged')
def nginxHelm = archive('nginx', '1.0.0', 'publisher')
def nginxOci = archive('nginx', '1.0.0', 'repackaged')

// podinfo: the same archive, signed; already copied to the mirror with its signature
def podinfoManifest = pushChart('charts/podinfo', 'podinfo', '6.7.1', podinfo)
pushSignature('charts/podinfo', podinfoManifest)
assert pushChart('mirror/charts/podinfo', 'podinfo', '6.7.1', podinfo) == podinfoManifest
pushSignature('mirror/charts/podinfo', podinfoManifest)
// redis: another build of 18.0.0 under the same tag, unsigned, not on the mirror yet
def redisManifest = pushChart('charts/redis', 'redis', '18.0.0', redisOci)
// nginx (moved by hand earlier): another build, signed
def nginxManifest = pushChart('charts/nginx', 'nginx', '1.0.0', nginxOci)
pushSignature('charts/nginx', nginxManifest)

// the Helm repository: an index.yaml with the publisher's archive digests, as `helm repo index` writes them
def hex = { byte[] b -> sha(b).substring(7) }
def index = """apiVersion: v1
entries:
  podinfo:
  - apiVersion: v2
    digest: ${hex(podinfo)}
    name: podinfo
    urls:
    - podinfo-6.7.1.tgz
    version: 6.7.1
  redis:
  - apiVersion: v2
    digest: ${hex(redisHelm)}
    name: redis
    urls:
    - redis-18.0.0.tgz
    version: 18.0.0
  nginx:
  - apiVersion: v2
    digest: ${hex(nginxHelm)}
    name: nginx
    urls:
    - nginx-1.0.0.tgz
    version: 1.0.0
generated: "2026-11-26T00:00:00Z"
"""
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 55126), 0)
server.createContext('/charts/index.yaml') { ex ->
  byte[] body = index.bytes
  ex.sendResponseHeaders(200, body.length)
  ex.responseBody.withCloseable { it.write(body) }
}
server.start()
System.properties.put('online-proof.helm', server) // verify.groovy stops it

def digests = new Properties()
digests.putAll([podinfo: sha(podinfo), podinfoManifest: podinfoManifest, redisHelm: sha(redisHelm), redisOci: sha(redisOci),
    redisManifest: redisManifest, nginxHelm: sha(nginxHelm), nginxOci: sha(nginxOci)])
new File(basedir, 'target/digests.properties').withWriter { digests.store(it, null) }
return true
