def log = new File(basedir, 'build.log').text
// three modules run the execution; the gate checks the one tree once
assert log.findAll(/oci:verify: no Flux object in \S+; skipped/).size() == 2
assert log.findAll(/oci:verify: \d+ errors?/).size() == 1
assert log.contains('oci:verify: 0 errors')
assert new File(basedir, 'manifests/target/oci/verify.sarif').isFile()
return true
