def log = new File(basedir, 'build.log').text
def expect = [
  '[ERROR] kubernetes/app/helmrelease.yaml:2:13 [removed-api] HelmRelease "kyverno" uses helm.toolkit.fluxcd.io/v2beta2, which is not served by Flux 2.9.4 (served until Flux 2.7.5); use helm.toolkit.fluxcd.io/v2 (Flux 2.9.4 is assumed: -Doci.fluxVersion sets it)',
  '[ERROR] kubernetes/app/kustomization.yaml:6:5 [kustomization-resources] resource "./missing.yaml" does not exist (kubernetes/app/missing.yaml); fix the path or remove the entry',
  '[ERROR] kubernetes/app/ocirepository.yaml:2:1 [source-deployed] OCIRepository "kyverno" used by security-system/kyverno is in kubernetes/app/ocirepository.yaml, which no kustomization lists',
  '[WARNING] kubernetes/app/ocirepository.yaml:7:3 [layer-selector] OCIRepository "kyverno" has no spec.layerSelector, so Flux takes the artifact\'s first layer',
  '[ERROR] kubernetes/app/ocirepository.yaml:9:10 [oci-ref] tag "3.3.4+1" holds \'+\'',
  '[ERROR] kubernetes/app/ocirepository.yaml:10:8 [oci-url] url "oci://ghcr.io/kyverno/charts/kyverno:3.3.4" holds the tag 3.3.4',
  '[ERROR] kubernetes/app/ocirepository.yaml:2:13 [removed-api] OCIRepository "kyverno" uses source.toolkit.fluxcd.io/v1beta2',
]
expect.each { assert log.contains(it) : 'missing: ' + it }
assert log.contains('oci:verify found 6 errors, 1 warning, 0 notes (oci.failOn=error)')
assert log.contains('BUILD FAILURE')
assert !log.contains('at io.github.fluxoci')
return true
