import com.sun.net.httpserver.HttpServer

// a real registry with htpasswd auth on 127.0.0.1:55125 (settings.xml has <server><id>127.0.0.1:55125</id>)
binding.setVariable('registryPort', 55125)
def registry = new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/registry.groovy'))
def sha = registry.sha
def blob = registry.blob
def putManifest = registry.putManifest
def pushChart = registry.pushChart

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
