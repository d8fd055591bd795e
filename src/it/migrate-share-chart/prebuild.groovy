import java.nio.file.Files
import java.nio.file.StandardCopyOption

// the golden tree share-component (before/), copied in so that the test never edits src/test/resources
def source = new File(basedir, '../../../src/test/resources/migrate/share-component/before').toPath()
def target = basedir.toPath()
Files.walk(source).forEach { p ->
  def to = target.resolve(source.relativize(p).toString())
  if (Files.isDirectory(p)) {
    Files.createDirectories(to)
  } else {
    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING)
  }
}
return true
