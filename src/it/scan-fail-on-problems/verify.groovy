def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('4 file problems (oci.failOnProblems=true):')
assert log.contains('alias.yaml:6:')
assert log.contains('latin1.yaml: not UTF-8 text; skipped')
// reports are written before the build fails, so the problems can be read
assert new File(basedir, 'target/oci/scan.json').isFile()
assert !log.contains('at io.github.fluxoci')    // no stack trace for a user's files
return true
