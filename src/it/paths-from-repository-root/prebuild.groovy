// the project is a git work tree (shared: src/it/git-commit-all.groovy); the Flux tree lies in its deploy/ folder
return new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/git-commit-all.groovy'))
