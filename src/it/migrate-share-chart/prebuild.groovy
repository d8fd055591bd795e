// the golden tree share-component (before/), copied in so that the test never edits src/test/resources
// (shared: src/it/copy-example.groovy)
binding.setVariable('copyFrom', 'src/test/resources/migrate/share-component/before')
binding.setVariable('copyTo', '.')
return new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/copy-example.groovy'))
