// the bundled example's tree, copied in before the build (shared: src/it/copy-example.groovy)
return new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/copy-example.groovy'))
