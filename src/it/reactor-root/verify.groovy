def log = new File(basedir, 'build.log').text
// the parent and the jar module hold no Flux object: one quiet line each, per goal
assert log.findAll(/oci:scan: no Flux object in \S+; skipped/).size() == 2
assert log.findAll(/oci:migrate: no Flux object in \S+; skipped/).size() == 2
assert log.findAll(/oci:verify: no Flux object in \S+; skipped/).size() == 2
// the manifests module runs with its own configuration: its <mapping> makes team-app migratable
assert log.contains('2 HelmReleases in 8 files: 0 on OCI, 2 ready to migrate, 0 blocked, 0 unknown; 0 problems')
assert log.contains('Migrated 2 releases')
assert new File(basedir, 'manifests/apps/team/ocirepository.yaml').text.contains('url: oci://registry.team.example/charts/team-app')
assert new File(basedir, 'manifests/target/oci/scan.json').isFile()
assert !new File(basedir, 'target/oci/scan.json').exists()
assert !new File(basedir, 'app/target/oci').exists()
// the migrated tree passes the gate
assert log.contains('oci:verify: 0 errors')
return true
