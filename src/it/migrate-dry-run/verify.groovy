def example = new File(basedir, '../../../examples/homelab/kubernetes')
example.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  def rel = example.toPath().relativize(f.toPath()).toString()
  assert new File(basedir, 'kubernetes/' + rel).bytes == f.bytes : rel + ' was written by a dry run'
}
assert !new File(basedir, 'kubernetes/apps/base/security-system/kyverno/app/ocirepository.yaml').exists()
def diff = new File(basedir, 'target/oci/migrate.diff').text
assert diff.contains('--- /dev/null\n+++ b/kubernetes/apps/base/security-system/kyverno/app/ocirepository.yaml')
assert diff.contains('-  chart:\n-    spec:\n-      chart: kyverno')
assert diff.contains('+  - ./ocirepository.yaml')
assert !diff.contains('falco')                               // only the named release
def log = new File(basedir, 'build.log').text
assert log.contains('Dry run: would migrate 1 release: 1 file created, 2 changed, 0 deleted; 0 skipped')
assert log.contains('Next: review ') && log.contains('migrate.diff (or -Doci.showDiff=true), then run the same command without -Doci.dryRun to write it')
// the diff reaches the console only when asked, in the second run
def runs = log.split('BUILD SUCCESS')
assert !runs[0].contains('[INFO] +  chartRef:')
assert runs[1].contains('[INFO] +  chartRef:')
return true
