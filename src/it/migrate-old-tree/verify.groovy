def log = new File(basedir, 'build.log').text
def text = { String path -> new File(basedir, path).text }

// scan: both releases are on a HelmRelease version Flux 2.7.5 no longer serves, and says migrate moves them
assert log.contains('[WARNING] apps/billing/helmrelease.yaml:1: billing/billing: apiVersion helm.toolkit.fluxcd.io/v2beta1 is not served by Flux 2.7.5 (served until Flux 2.6.4); use helm.toolkit.fluxcd.io/v2 (oci:migrate moves it, unless helm.toolkit.fluxcd.io/v2 lacks a field it sets)')

// scan says what the gate would reject now, grouped by rule, before anything is changed
assert log.contains('[INFO] oci:verify would report 6 errors, 3 warnings, 0 notes on this tree now (default configuration):')
assert log.contains('[WARNING]   [removed-api] 4 errors, 3 warnings, e.g. apps/billing/helmrelease.yaml:1: HelmRelease "billing" uses helm.toolkit.fluxcd.io/v2beta1')
assert log.contains('[WARNING]   [helmrepository-source] 2 errors, e.g. ')

assert text('target/oci/scan.md') =~ /\n\nFrom `mvn oci:scan` at 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ\.\n/
assert text('target/oci/scan.md').contains("## What `oci:verify` would report")

// migrate: podinfo moves to OCI; what Flux 2.7.5 no longer serves moves to what it writes, the rest is untouched
assert log.contains('Migrated 1 release: 1 file created, 5 changed, 0 deleted; 0 skipped, 3 apiVersions moved')
assert log.contains('  HelmRelease billing helm.toolkit.fluxcd.io/v2beta1 -> helm.toolkit.fluxcd.io/v2 in apps/billing/helmrelease.yaml:1')
assert log.contains('  Kustomization flux-system kustomize.toolkit.fluxcd.io/v1beta1 -> kustomize.toolkit.fluxcd.io/v1 in flux-system/gotk-sync.yaml:13')
assert log.contains('  HelmRepository podinfo source.toolkit.fluxcd.io/v1beta1 -> source.toolkit.fluxcd.io/v1 in repos/podinfo.yaml:1')
assert text('apps/billing/helmrelease.yaml').startsWith('apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n')
assert text('apps/billing/helmrelease.yaml').contains('        name: internal\n')
// deprecated but served (v1beta2 in Flux 2.7.5) stays: it still applies
assert text('repos/internal.yaml').startsWith('apiVersion: source.toolkit.fluxcd.io/v1beta2\n')

// the HelmRepository podinfo is unused now: migrate's Next says how to remove it, and the command works
assert log.contains('[INFO] Next: 1 HelmRepository is used by no release now (podinfo (repos/podinfo.yaml)): mvn oci:migrate -Doci.prune=all removes it')

// the gate: no error; what remains are warnings (deprecated versions, the unused HelmRepository)
def gate = log.substring(log.indexOf(':verify (default) @ migrate-old-tree'))
assert !gate.contains('[removed-api] Kustomization "flux-system"')
assert !gate.contains('helm.toolkit.fluxcd.io/v2beta1, which')
assert log.contains('oci:verify: 0 errors, ')
assert text('target/oci/verify.md') =~ /\n\nFrom `mvn oci:verify` at 20\d\d-/
assert log.contains('BUILD SUCCESS')
// the fourth run, the Next line's command: the unused HelmRepository is gone, its list entry with it
assert !new File(basedir, 'repos/podinfo.yaml').exists()
assert !text('repos/kustomization.yaml').contains('podinfo.yaml')
assert log.contains('removed HelmRepository podinfo from repos/podinfo.yaml')
assert text('target/oci/migrate.md').contains('- `flux-system/podinfo` in `repos/podinfo.yaml` (file deleted)')
return true
