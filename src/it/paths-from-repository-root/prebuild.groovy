// the project is a git work tree; the Flux tree lies in its deploy/ folder
def git = { String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid'] + args.toList()).execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
git('init', '-q', '.')
git('add', '-A')
git('commit', '-q', '-m', 'tree')
return true
