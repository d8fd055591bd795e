import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def scan = { name -> new JsonSlurper().parse(new File(basedir, "target/${name}/scan.json")) }
def releases = { name -> scan(name).releases.collectEntries { [(it.name + '@' + it.cluster): it] } }

// 1. FluxInstance sync of GitRepository cluster-repository, its file outside its sync path: deployed and gated
def fi = releases('flux-instance')
assert fi.keySet() == ['podinfo@clusters/prod'] as Set
assert fi['podinfo@clusters/prod'].deployed
assert fi['podinfo@clusters/prod'].namespace == 'podinfo'
assert log.contains('[ERROR] flux-instance/apps/podinfo.yaml:') || log.contains('[ERROR] apps/podinfo.yaml:')
assert log =~ /\[ERROR\] (flux-instance\/)?apps\/podinfo\.yaml:\d+:\d+ \[helmrepository-source\]/

// 2. OCI-artifact sync: paths below kubernetes/, the archive not deployed, no flux-path error
def oci = scan('oci-artifact')
def ociReleases = oci.releases.collectEntries { [(it.name): it] }
assert ociReleases['podinfo'].deployed
assert ociReleases['podinfo'].cluster == 'kubernetes/clusters/cluster-00'
assert !ociReleases['old-app'].deployed
assert oci.notices.any { it.code == 'artifact-root' && it.message.contains('folder "kubernetes"') }
assert !(log =~ /\[ERROR\] [^\n]*\[flux-path\]/)
assert oci.flux.clusters['kubernetes/clusters/cluster-00'].stated == '2.6.x'

// 3. another repository's Kustomization: not read, one cluster, one instance
def other = scan('other-source')
assert other.releases.size() == 1
assert other.releases[0].cluster == 'clusters/main' && other.releases[0].deployed
assert other.notices.any { it.code == 'other-source' && it.message.contains('GitRepository/gateway-api') }

// 4. replacements copy each namespace folder's Namespace into spec.targetNamespace, as kubectl kustomize does
def rep = releases('replacements')
assert rep['sonarr@clusters/main'].namespace == 'media'
assert rep['radarr@clusters/main'].namespace == 'media'
assert rep['hass@clusters/main'].namespace == 'home'

// 5. share=chart: one OCIRepository per chart (namespace layout), one per namespace (component layout)
def shared = { name -> new JsonSlurper().parse(new File(basedir, "target/${name}/migrate.json")).releases
        .findAll { it.chart == 'app-template' }
        .collect { it.ociRepository.namespace + '/' + it.ociRepository.name } as Set }
assert shared('share-namespace') == ['flux-system/app-template'] as Set : shared('share-namespace')
assert shared('share-component') == ['media/app-template', 'home/app-template'] as Set : shared('share-component')
assert !log.contains('at io.github.fluxoci')
return true
