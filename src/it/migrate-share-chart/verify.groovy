import java.nio.file.Files

// the Mojo's result is the golden after/ tree, file for file (the unit test holds after/ to kubectl's builds)
def golden = new File(basedir, '../../../src/test/resources/migrate/share-component/after').toPath()
Files.walk(golden).filter { Files.isRegularFile(it) }.forEach { p ->
  def rel = golden.relativize(p).toString()
  def ours = new File(basedir, rel)
  assert ours.exists() : rel + ' was not written'
  assert ours.text == p.toFile().text : rel + ' differs from the golden tree'
}
assert new File(basedir, 'components/app-template/kustomization.yaml').text.contains('kind: Component')
def log = new File(basedir, 'build.log').text
assert log.contains('Migrated 4 releases')
assert new File(basedir, 'target/oci/migrate.md').text.contains('not shared: only 1 release of app-template at 3.6.0 (oci.shareMinReleases=2)')
// the release gate passes on the result: every chartRef resolves in its namespace folder's build
assert !log.contains('[chartref-target]')
assert log.contains('BUILD SUCCESS')
return true
