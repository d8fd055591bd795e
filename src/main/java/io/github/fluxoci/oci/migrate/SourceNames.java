package io.github.fluxoci.oci.migrate;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The HelmRepository names that documents of the tree still name in a {@code sourceRef}: HelmReleases (deployed
 * or not, overlay patches included) other than the ones a migration moves, and HelmCharts. Flux substitutions
 * count: {@code ${VAR:=name}} and {@code ${VAR:-name}} name their default, a bare {@code ${VAR}} could name any.
 */
final class SourceNames {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{[^}:]*(?::?[-=]([^}]*))?}");

    private final Set<String> names = new LinkedHashSet<>();
    private String anyName;

    private SourceNames() {}

    static SourceNames of(ManifestTree tree, Set<KubeObject> moved) {
        SourceNames out = new SourceNames();
        for (KubeObject o : tree.objects()) {
            Node sourceRef = null;
            if (o.is(ManifestTree.HELM_GROUP, "HelmRelease") && !moved.contains(o)) {
                sourceRef = Nodes.get(o.root(), "spec", "chart", "spec", "sourceRef");
            } else if (o.is(ManifestTree.SOURCE_GROUP, "HelmChart")) {
                sourceRef = Nodes.get(o.root(), "spec", "sourceRef");
            }
            String kind = Nodes.text(sourceRef, "kind");
            String name = Nodes.text(sourceRef, "name");
            if (name != null && (kind == null || "HelmRepository".equals(kind))) {
                out.add(name, o);
            }
        }
        return out;
    }

    private void add(String name, KubeObject by) {
        Matcher m = SUBSTITUTION.matcher(name);
        if (!m.find()) {
            names.add(name);
            return;
        }
        if (m.group(1) != null && m.start() == 0 && m.end() == name.length()) {
            names.add(m.group(1));
        } else if (anyName == null) {
            anyName = by.describe() + " (" + by.file().relativePath() + ":" + by.line() + ")";
        }
    }

    /** True when some document still names a HelmRepository of this name. */
    boolean names(String name) {
        return names.contains(name);
    }

    /** A document whose sourceRef name is a substitution without a default (it could name anything), or null. */
    String anyName() {
        return anyName;
    }
}
