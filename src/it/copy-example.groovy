import java.nio.file.Files
import java.nio.file.StandardCopyOption

// Copies a tree into the IT that calls it, so that the test never edits what it copies: by default the bundled
// example's kubernetes/ folder; an IT that sets copyFrom (relative to the project) and copyTo (relative to the IT)
// in the binding copies that instead.
def from = binding.hasVariable('copyFrom') ? copyFrom : 'examples/homelab/kubernetes'
def to = binding.hasVariable('copyTo') ? copyTo : 'kubernetes'
def source = new File(basedir, '../../../' + from).toPath()
def target = new File(basedir, to).toPath()
Files.walk(source).forEach { p ->
  def copy = target.resolve(source.relativize(p).toString())
  if (Files.isDirectory(p)) {
    Files.createDirectories(copy)
  } else {
    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING)
  }
}
return true
