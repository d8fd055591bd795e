def log = new File(basedir, 'build.log').text
// the flow list loses exactly the pruned entries, in its own style, comment kept (was an EditConflictException)
assert new File(basedir, 'repos/kustomization.yaml').text == 'resources: [./kept.yaml]  # chart sources\n'
assert !new File(basedir, 'repos/podinfo.yaml').exists()        // freed by this run
assert !new File(basedir, 'repos/unused.yaml').exists()         // unused before: removed with prune=all
assert new File(basedir, 'repos/kept.yaml').exists()            // still named by a release that cannot move
assert new File(basedir, 'apps/kustomization.yaml').text == 'resources: [podinfo.yaml, kept.yaml, ocirepository.yaml]\n'
assert log.contains('BUILD SUCCESS')
assert !log.contains('at io.github.fluxoci')
return true
