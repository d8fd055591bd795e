package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * What the build model could not read in the builds it made, said once each: postBuild variables the tree gives no
 * value (their names and namespaces stay {@code ${VAR}}), and kustomize features it does not follow in a folder
 * that a build reaches (remote resources, {@code helmCharts}, generator and transformer plugins, {@code vars}). They
 * are never read as empty. {@code configurations} (name references for generated ConfigMaps and Secrets) and the
 * ConfigMap and Secret generators themselves make no Flux object and move none, so they are not reported.
 */
final class ModelLimits {

    /** The kustomization fields that can add, rename or move objects and that the model does not follow. */
    private static final List<String> NOT_FOLLOWED =
            List.of("helmCharts", "helmChartInflationGenerator", "generators", "transformers", "vars");

    private ModelLimits() {}

    static List<TreeNotice> of(List<ObjectInstance> instances, KustomizeGraph graph, Set<ManifestFile> built) {
        List<TreeNotice> out = new ArrayList<>();
        Map<Substitution, Boolean> substitutions = new IdentityHashMap<>();
        instances.forEach(i -> substitutions.put(i.substitution(), true));
        Map<KubeObject, Set<String>> unresolved = new IdentityHashMap<>();
        for (Substitution s : substitutions.keySet()) {
            if (!s.unresolved().isEmpty()) {
                unresolved.computeIfAbsent(s.declaredBy(), d -> new TreeSet<>()).addAll(s.unresolved());
            }
        }
        unresolved.forEach((k, names) -> out.add(new TreeNotice(
                TreeNotice.Level.NOTE,
                "unresolved-variables",
                k.file().relativePath(),
                k.line(),
                "postBuild variables with no value in the tree (a Secret's, or unset): " + String.join(", ", names)
                        + "; names and namespaces that use them are shown as written")));
        out.sort(Comparator.comparing(TreeNotice::file).thenComparingInt(TreeNotice::line));
        for (KustomizeFile k : graph.files()) {
            if (!built.contains(k.file())) {
                continue;
            }
            List<String> features = new ArrayList<>();
            for (String field : NOT_FOLLOWED) {
                boolean followed = field.equals("transformers")
                        && Nodes.items(k.root(), field).stream()
                                .allMatch(t -> KustomizeTransforms.builtinNamespaceTransformer(t) != null);
                if (Nodes.get(k.root(), field) != null && !followed) {
                    features.add(field);
                }
            }
            k.entries().stream()
                    .filter(e -> e.status() == KustomizeEntry.Status.REMOTE)
                    .forEach(e -> features.add("remote " + e.value()));
            if (!features.isEmpty()) {
                out.add(new TreeNotice(
                        TreeNotice.Level.NOTE,
                        "kustomize-not-modelled",
                        k.file().relativePath(),
                        1,
                        "kustomize builds more here than the model follows (" + String.join(", ", features)
                                + "): objects they add or rename are not in the reports"));
            }
        }
        return out;
    }
}
