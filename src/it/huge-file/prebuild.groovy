// 100 MiB of valid YAML, written here rather than kept in git
def huge = new File(basedir, 'manifests/apps/huge.yaml')
huge.withWriter('UTF-8') { w ->
    w.write('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n')
    def line = '  k: "' + ('x' * 1000) + '"\n'
    long written = 0
    int i = 0
    while (written < 100L * 1024 * 1024) {
        def l = line.replaceFirst('k', 'k' + i++)
        w.write(l)
        written += l.length()
    }
}
return true
