// a git work tree with one uncommitted edit in a file migrate would change
def git = { String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid'] + args.toList()).execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
git('init', '-q', '.')
git('add', '-A')
git('commit', '-q', '-m', 'tree')
def release = new File(basedir, 'apps/podinfo.yaml')
release.text = release.text.replace('interval: 1h', 'interval: 2h')
return true
