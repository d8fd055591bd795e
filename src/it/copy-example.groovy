import java.nio.file.Files
import java.nio.file.StandardCopyOption

// Copies the bundled example's tree into the IT that calls it, so that the test never edits examples/.
def source = new File(basedir, '../../../examples/homelab/kubernetes').toPath()
def target = new File(basedir, 'kubernetes').toPath()
Files.walk(source).forEach { p ->
  def to = target.resolve(source.relativize(p).toString())
  if (Files.isDirectory(p)) {
    Files.createDirectories(to)
  } else {
    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING)
  }
}
return true
