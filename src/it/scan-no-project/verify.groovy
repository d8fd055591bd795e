def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('1 HelmRelease in 2 files: 0 on OCI, 1 ready to migrate, 0 blocked, 0 unknown; 0 problems')
assert new File(basedir, 'kubernetes/target/oci/scan.json').isFile()
assert new File(basedir, 'kubernetes/target/oci/scan.md').isFile()
assert !new File(basedir, '${project.basedir}').exists()
assert new File(basedir, 'out/scan.json').isFile()
assert log =~ /oci\.directory \S*docs holds no YAML file \(\*\.yaml, \*\.yml\); point -Doci\.directory at the folder/
def next = (log =~ /Next: mvn (io\.github\.fluxoci:oci-maven-plugin:[^:]+):migrate-dir -Doci\.directory=(\S+) -Doci\.dryRun=true shows/)
assert next.find() : 'scan-dir names migrate-dir in its Next line'
assert next.group(2).endsWith('kubernetes')
assert log.contains('Dry run') || log.contains('would change') || log.contains('Would migrate')
return true
