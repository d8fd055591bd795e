def log = new File(basedir, 'build.log').text
// offline, the critical release with a range is not moved, and says why; the other one is
assert log.contains('[WARNING] apps/podinfo/helmrelease.yaml:1: apps/podinfo not migrated: cannot use OCI: critical release (<criticalReleases>): verify requires an exact ref.tag, and version "6.x" is a range; pin an exact version, or run with -Doci.online=true to pin the newest published match')
assert log.contains('Migrated 1 release:')
assert new File(basedir, 'apps/other/helmrelease.yaml').text.contains('chartRef:')
assert !new File(basedir, 'apps/podinfo/helmrelease.yaml').text.contains('chartRef:')
// verify agrees with migrate: no exact-tag finding; the one error is the release that stayed, with its reason
assert !log.contains('[exact-tag]')
assert log.contains('[WARNING] apps/podinfo/helmrelease.yaml:12:9 [helmrepository-source] apps/podinfo stays on HelmRepository podinfo: it cannot move (critical release (<criticalReleases>)')
assert log.contains('oci:verify: 0 errors, ')
assert log.contains('BUILD SUCCESS')
return true
