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
assert log.contains('then run the same command without -Doci.dryRun to write it')
def verifyNext = (log =~ /Next: review the change \(git diff\), then run mvn (io\.github\.fluxoci:oci-maven-plugin:[^:]+):verify-dir -Doci\.directory=(\S+) before you commit it/)
assert verifyNext.find() : 'migrate-dir names verify-dir in its Next line'
assert new File(basedir, 'kubernetes/app/helmrelease.yaml').text.contains('chartRef:')
def gate = log.substring(log.lastIndexOf('Maven Stub Project (No POM)'))
assert gate =~ /oci:verify: 0 errors, /
assert gate.contains('BUILD SUCCESS')
return true
