def log = new File(basedir, 'build.log').text
def runs = log.split('Scanning for projects')

// 1: online, the registry of billing cannot be reached and nothing else is asked: refused, nothing written
def online = runs[1]
assert online.contains('Online checks (-Doci.online=true): no tag could be checked (1 release, e.g. apps/billing.yaml:1 billing/billing: could not check oci://127.0.0.1:9/charts/billing:3.1.0 (')
assert online.contains('run offline to accept unverified tags, or retry')
assert online.contains('BUILD FAILURE')
assert !online.contains("set <online>")
assert !online.contains('Migrated')

// 2: scan offline: the catalog vouches for 61.3.0, refuses 39.4.0 (older than the first OCI release), and says
// billing's tag is unverified, once, with the command that checks it
def scan = runs[2]
assert scan.contains('oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack tag 61.3.0 [catalog]')
assert scan.contains('oci://127.0.0.1:9/charts/billing tag 3.1.0 [unverified]')
assert scan.contains('version 39.4.0 predates oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack: the catalog records OCI releases of this chart from 46.4.2 on')
assert scan.contains('[WARNING] 1 tag migrate would write is unverified (e.g. oci://127.0.0.1:9/charts/billing:3.1.0): offline, and the catalog does not record which versions those OCI locations have; -Doci.online=true checks each against its registry')
def scanMd = new File(basedir, 'target/oci/scan.md').text
assert scanMd.contains('| catalog |')
assert scanMd.contains('| ⚠️ unverified |')

// 3: migrate offline writes both, and says which tag is unverified
def migrate = runs[3]
assert migrate.contains('Migrated 2 releases:')
assert migrate.contains('in apps/ocirepository.yaml [catalog]') || migrate.contains('[catalog]')
assert migrate.contains('[WARNING] 1 tag written is unverified (e.g. oci://127.0.0.1:9/charts/billing:3.1.0)')
assert (migrate =~ /\[WARNING\]/).count == 1
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
assert json.releases.collect { it.name + ' ' + it.ociRepository.tagKnown }.sort() == ['billing unverified', 'kube-prometheus-stack catalog']
assert new File(basedir, 'target/oci/migrate.md').text.contains('| ⚠️ unverified |')
assert new File(basedir, 'apps/old-stack.yaml').text.contains('version: 39.4.0')
assert runs[4].contains('oci.prefer "mirrors" is not one of upstream, mirror')
return true
