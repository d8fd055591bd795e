// Makes the IT that calls it a git work tree with everything committed (shared by the ITs that need one).
def git = { String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid'] + args.toList()).execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
git('init', '-q', '.')
git('add', '-A')
git('commit', '-q', '-m', 'tree')
return true
