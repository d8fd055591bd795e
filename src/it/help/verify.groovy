def log = new File(basedir, 'build.log').text
for (goal in ['oci:scan', 'oci:migrate', 'oci:verify', 'oci:scan-dir', 'oci:migrate-dir', 'oci:verify-dir', 'oci:help']) {
    assert log.contains(goal) : goal
}
assert log.contains('BUILD SUCCESS')
return true
