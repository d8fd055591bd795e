package io.github.fluxoci.oci.tree;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The variables a Flux Kustomization's {@code spec.postBuild} gives the objects it builds, as far as the tree holds
 * them: {@code substituteFrom} ConfigMaps found in the tree (in the Kustomization's namespace, later ones winning),
 * then {@code substitute} over them (fluxcd/pkg {@code kustomize/kustomize_varsub.go}, {@code LoadVariables} and
 * {@code SubstituteVariables}). Secrets are never read (SOPS-encrypted in git), so their variables have no value
 * here.
 *
 * <p>{@link #apply} replaces {@code ${VAR}}, {@code ${VAR:=default}}, {@code ${VAR:-default}}, {@code ${VAR=default}}
 * and {@code ${VAR-default}}; a variable with no value in the tree stays as written (Flux would give it the value
 * of a Secret, or an empty string) and is remembered in {@link #unresolved()}. Other envsubst functions are left
 * as written.
 */
public final class Substitution {

    /** No postBuild: Flux substitutes nothing. */
    public static final Substitution NONE = new Substitution(Map.of(), false, null);

    static final String DISABLE_KEY = "kustomize.toolkit.fluxcd.io/substitute";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[=-])([^}]*))?}");

    private final Map<String, String> values;
    private final boolean active;
    private final String declaredBy;
    private final Set<String> unresolved = new TreeSet<>();

    private Substitution(Map<String, String> values, boolean active, String declaredBy) {
        this.values = values;
        this.active = active;
        this.declaredBy = declaredBy;
    }

    /**
     * The variables of a Flux Kustomization (as one build yields it: its own fields read through {@code outer}, the
     * substitution of the build that applies it).
     */
    static Substitution of(KubeObject kustomization, Substitution outer, String namespace, FileIndex index) {
        Node postBuild = Nodes.get(kustomization.root(), "spec", "postBuild");
        if (postBuild == null) {
            return NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Node from : Nodes.items(postBuild, "substituteFrom")) {
            String name = outer.apply(Nodes.text(from, "name"));
            if ("ConfigMap".equals(Nodes.text(from, "kind")) && name != null) {
                for (KubeObject cm : index.objectsNamed("ConfigMap", name)) {
                    boolean sameNamespace = cm.metadataNamespace() == null
                            || namespace == null
                            || namespace.equals(outer.apply(cm.metadataNamespace()));
                    if ("".equals(cm.group()) && sameNamespace) {
                        Node data = Nodes.get(cm.root(), "data");
                        for (String key : Nodes.keys(data)) {
                            String value = Nodes.text(data, key);
                            if (value != null) {
                                values.put(key, outer.apply(value).replace("\n", ""));
                            }
                        }
                    }
                }
            }
        }
        Node substitute = Nodes.get(postBuild, "substitute");
        for (String key : Nodes.keys(substitute)) {
            String value = Nodes.text(substitute, key);
            if (value != null) {
                values.put(key, outer.apply(value).replace("\n", ""));
            }
        }
        return new Substitution(values, true, kustomization.file().relativePath() + ":" + kustomization.line());
    }

    /** True when Flux runs substitution on this build (the Kustomization has a {@code postBuild}). */
    public boolean active() {
        return active;
    }

    /** The Kustomization that declares the variables ({@code file:line}), or null. */
    public String declaredBy() {
        return declaredBy;
    }

    /** The text with every variable the tree gives a value replaced; null stays null. */
    public String apply(String text) {
        if (!active || text == null || !text.contains("${")) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            String operator = m.group(2);
            if (operator != null && (value == null || (operator.startsWith(":") && value.isEmpty()))) {
                value = m.group(3);
            }
            if (value == null) {
                synchronized (unresolved) {
                    unresolved.add(name);
                }
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether Flux substitutes this object: not when it is labelled or annotated {@code substitute: disabled}. */
    boolean appliesTo(KubeObject o) {
        return active
                && !"disabled".equals(Nodes.text(o.root(), "metadata", "annotations", DISABLE_KEY))
                && !"disabled".equals(Nodes.text(o.root(), "metadata", "labels", DISABLE_KEY));
    }

    /** The variables {@link #apply} met that have no value in the tree. */
    public Set<String> unresolved() {
        synchronized (unresolved) {
            return Set.copyOf(unresolved);
        }
    }
}
