def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('1 HelmReleases in 2 files: 0 on OCI, 1 ready to migrate, 0 blocked, 0 unknown; 0 problems')
assert new File(basedir, 'out/scan.json').isFile()
assert new File(basedir, 'out/scan.md').isFile()
return true
