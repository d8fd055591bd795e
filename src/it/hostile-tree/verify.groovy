def log = new File(basedir, 'build.log').text
// hostile files end as messages with file and line; the rest of the tree is migrated
assert log.contains('[WARNING] apps/chain.yaml:3:5: not valid YAML: aliases and merge keys expand this document to more than 100000 nodes')
assert log.contains('[WARNING] apps/recursive.yaml:3:11: not valid YAML: an alias refers to a node that contains it (a recursive alias *a)')
assert new File(basedir, 'apps/podinfo.yaml').text.contains('chartRef:')
// a JSON release and a range Helm cannot read are reported, not rewritten
assert new File(basedir, 'apps/podinfo-json.json').text.contains('"sourceRef": {"kind": "HelmRepository"')
assert new File(basedir, 'apps/garbage-range.yaml').text.contains('|| garbage')
// prune is stopped: two files could not be read and may name a repository that looks unused
assert log.contains('prune skipped: 2 files could not be read')
assert new File(basedir, 'repos/kustomization.yaml').text == 'resources: [./podinfo.yaml, ./unused.yaml]\n'
// verify fails on what Flux would fail on, one line each, no stack trace
assert log.contains('[ERROR] apps/chain.yaml:3:5 [manifest-parse]')
assert log.contains('[ERROR] apps/recursive.yaml:3:11 [manifest-parse]')
assert log.contains('[ERROR] apps/nameless.yaml:1:1 [flux-schema] metadata.name is missing: the API server refuses HelmRelease without a name')
assert log.contains('[ERROR] apps/garbage-range.yaml:10:16 [release-shape] spec.chart.spec.version ">=6.0.0 || garbage" is not a version Helm can resolve (improper constraint: " garbage")')
assert log.contains('[WARNING] apps/podinfo-json.json:8:20 [helmrepository-source] apps/podinfo-json stays on HelmRepository podinfo: it cannot move (the release is a JSON file: oci:migrate rewrites block-style YAML only')
assert log.contains('[WARNING] apps/garbage-range.yaml:12:9 [helmrepository-source] apps/garbage-range stays on HelmRepository podinfo: it cannot move (version ">=6.0.0 || garbage" is not a range Helm or Flux can read')
assert !log.contains('at io.github.fluxoci')
assert !log.contains('java.lang.')
// tree text is data (#23): run with GITHUB_ACTIONS=true, no value starts a line of the log; the only workflow
// commands are the plugin's own annotations
def commands = log.readLines().findAll { it.startsWith('::') }
assert !commands.isEmpty()
assert commands.every { it ==~ /::(error|warning|notice) file=[^:,]+(,line=\d+)?(,col=\d+)?,title=oci%3Averify [a-z-]+::.*/ }
assert !log.readLines().any { it.startsWith('::error file=forged.yaml') || it.startsWith('::stop-commands') }
assert !log.readLines().any { it.startsWith('[ERROR] forged') }
assert log.contains('evil\\u000a::error file=forged.yaml::forged annotation\\u000a::stop-commands::token')
// a tab after "chart:" is white space, as for Flux: the release migrates
def tabbed = new File(basedir, 'apps/tabbed.yaml').text
assert tabbed.contains('chartRef:') && !tabbed.contains('chart:\tpodinfo')
// a key written twice blocks that release only, naming both lines
def migrate = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/oci/migrate.json'))
assert migrate.releases*.name.containsAll(['podinfo', 'tabbed'])
assert new File(basedir, 'apps/twice.yaml').text.contains('version: 6.6.0')
assert log.contains('the key "version" is written twice in the same mapping (lines 10 and 11)')
return true
