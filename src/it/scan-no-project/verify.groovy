def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('1 HelmRelease in 2 files: 0 on OCI, 1 ready to migrate, 0 blocked, 0 unknown; 0 problems')
assert new File(basedir, 'kubernetes/target/oci/scan.json').isFile()
assert new File(basedir, 'kubernetes/target/oci/scan.md').isFile()
assert !new File(basedir, '${project.basedir}').exists()
assert new File(basedir, 'out/scan.json').isFile()
assert log =~ /oci\.directory \S*docs holds no YAML file \(\*\.yaml, \*\.yml\); point -Doci\.directory at the folder/
return true
