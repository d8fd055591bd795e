def log = new File(basedir, 'build.log').text
def huge = new File(basedir, 'manifests/apps/huge.yaml')
long size = huge.length()
try {
    assert size > 100L * 1024 * 1024
    // scan: the file is named with its size and the cap, the rest of the tree is scanned
    assert log.contains("[WARNING] apps/huge.yaml: not read: ${size} bytes, more than the 33554432 a manifest may have (raise -Doci.maxFileBytes, or exclude it with oci.excludes)")
    assert new File(basedir, 'target/oci/scan.json').text.contains('"name" : "podinfo"')
    // verify: a file Flux builds and this plugin could not read fails the gate, one line, no stack trace
    assert log.contains("[ERROR] apps/huge.yaml:1:1 [manifest-parse] not read: ${size} bytes")
    assert log.contains("[WARNING] apps/huge.yaml: not read: the JVM ran out of memory reading it (${size} bytes); give Maven more heap (MAVEN_OPTS=-Xmx...), lower -Doci.maxFileBytes, or exclude it with oci.excludes")
    assert log.findAll('BUILD SUCCESS').size() == 2
    assert !log.contains('OutOfMemoryError')
    assert !log.contains('java.lang.')
} finally {
    huge.delete()
}
return true
