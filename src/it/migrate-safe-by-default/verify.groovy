def log = new File(basedir, 'build.log').text
assert log.contains('-Doci.dryrun is not a property of this plugin; did you mean -Doci.dryRun?')
assert log.contains('-Doci.dryRun=yes is not true or false (Maven would read it as false); write -Doci.dryRun=true'
        + ' or -Doci.dryRun=false')
assert log.contains("<dryrun> in the plugin's <configuration> is not a parameter of this plugin; did you mean <dryRun>?")
assert log.contains('oci:migrate wrote nothing: 1 file it would change has uncommitted changes (apps/podinfo.yaml).'
        + ' Commit or stash them first, so that git can undo what migrate does, or run with -Doci.force=true')
// the third run changed the file, keeping the uncommitted edit
def release = new File(basedir, 'apps/podinfo.yaml').text
assert release.contains('chartRef:')
assert release.contains('interval: 2h')
assert log.findAll('Migrated 1 release:').size() == 1
return true
