def app = new File(basedir, 'kubernetes/apps/base/security-system/falco/app')
def hr = new File(app, 'helmrelease.yaml').text
// the OCIRepository is a new document before the HelmRelease, in the same file; no new file, no new entry
assert hr.startsWith('---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: falco\n')
assert !hr.contains('yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/source')   // schemaUrl left empty
assert hr.contains('  interval: 1h\n  layerSelector:')             // a duration in oci.interval is written as given (the chart says 12h)
assert hr.contains('\n---\n# yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/helm.toolkit.fluxcd.io/helmrelease_v2.json\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease')
assert !new File(app, 'ocirepository.yaml').exists()
assert new File(app, 'kustomization.yaml').text == new File(basedir, '../../../examples/homelab/kubernetes/apps/base/security-system/falco/app/kustomization.yaml').text
// other namespaces are left alone
assert new File(basedir, 'kubernetes/apps/base/kube-system/tetragon/app/helmrelease.yaml').text.contains('sourceRef:')
def log = new File(basedir, 'build.log').text
assert log.contains('Migrated 3 releases: 0 files created, 3 changed, 0 deleted; 0 skipped')
return true
