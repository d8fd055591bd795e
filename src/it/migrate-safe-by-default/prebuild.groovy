// a git work tree (shared: src/it/git-commit-all.groovy) with one uncommitted edit in a file migrate would change
new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/git-commit-all.groovy'))
def release = new File(basedir, 'apps/podinfo.yaml')
release.text = release.text.replace('interval: 1h', 'interval: 2h')
return true
