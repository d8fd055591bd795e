def log = new File(basedir, 'build.log').text
// hostile files end as messages with file and line; the rest of the tree is migrated
assert log.contains('[WARNING] apps/chain.yaml:3:5: not valid YAML: aliases and merge keys expand this document to more than 100000 nodes')
assert log.contains('[WARNING] apps/recursive.yaml:3:11: not valid YAML: an alias refers to a node that contains it (a recursive alias *a)')
assert new File(basedir, 'apps/podinfo.yaml').text.contains('chartRef:')
// prune is stopped: two files could not be read and may name a repository that looks unused
assert log.contains('prune skipped: 2 file(s) could not be read')
assert new File(basedir, 'repos/kustomization.yaml').text == 'resources: [./podinfo.yaml, ./unused.yaml]\n'
// verify fails on what Flux would fail on, one line each, no stack trace
assert log.contains('[ERROR] apps/chain.yaml:3:5 [manifest-parse]')
assert log.contains('[ERROR] apps/recursive.yaml:3:11 [manifest-parse]')
assert log.contains('[ERROR] apps/nameless.yaml:1:1 [release-shape] metadata.name must be a string')
assert !log.contains('at io.github.fluxoci')
assert !log.contains('java.lang.')
return true
