package io.github.fluxoci.oci.tree;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final KubeObject declaredBy;
    private final Set<String> unresolved = new TreeSet<>();

    private Substitution(Map<String, String> values, boolean active, KubeObject declaredBy) {
        this.values = values;
        this.active = active;
        this.declaredBy = declaredBy;
    }

    /**
     * The variables of a Flux Kustomization: as one build yields it ({@code appliedAs}: its fields through the
     * patches and variables of the build that applies it), or as written ({@code appliedAs} null).
     */
    static Substitution of(KubeObject kustomization, ObjectInstance appliedAs, FileIndex index) {
        Substitution outer = appliedAs == null ? NONE : appliedAs.substitution();
        boolean declared = Nodes.get(kustomization.root(), "spec", "postBuild") != null
                || (appliedAs != null && appliedAs.patchedBelow("spec.postBuild"));
        if (!declared) {
            return NONE;
        }
        String namespace = appliedAs != null ? appliedAs.namespaceValue() : kustomization.metadataNamespace();
        List<Node> from = appliedAs != null
                ? appliedAs.items("spec", "postBuild", "substituteFrom")
                : Nodes.items(kustomization.root(), "spec", "postBuild", "substituteFrom");
        Map<String, String> values = new LinkedHashMap<>();
        for (Node reference : from) {
            String name = outer.apply(Nodes.text(reference, "name"));
            if ("ConfigMap".equals(Nodes.text(reference, "kind")) && name != null) {
                configMapData(index, name, namespace, outer, values);
            }
        }
        Set<String> keys = new LinkedHashSet<>(Nodes.keys(kustomization.root(), "spec", "postBuild", "substitute"));
        if (appliedAs != null) {
            String prefix = "spec.postBuild.substitute.";
            appliedAs.fields().keySet().stream()
                    .filter(k -> k.startsWith(prefix))
                    .forEach(k -> keys.add(k.substring(prefix.length())));
        }
        for (String key : keys) {
            String value = appliedAs != null
                    ? appliedAs.text("spec", "postBuild", "substitute", key)
                    : Nodes.text(kustomization.root(), "spec", "postBuild", "substitute", key);
            if (value != null) {
                values.put(key, value.replace("\n", ""));
            }
        }
        return new Substitution(values, true, kustomization);
    }

    /** The data of the ConfigMaps of that name in the tree (in the Kustomization's namespace, where both say). */
    private static void configMapData(
            FileIndex index, String name, String namespace, Substitution outer, Map<String, String> values) {
        for (KubeObject cm : index.objectsNamed("ConfigMap", name)) {
            String own = outer.apply(cm.metadataNamespace());
            if ("".equals(cm.group()) && (own == null || namespace == null || namespace.equals(own))) {
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

    /** True when Flux runs substitution on this build (the Kustomization has a {@code postBuild}). */
    public boolean active() {
        return active;
    }

    /** What makes two substitutions equal for a build: the variables and their values. */
    String signature() {
        return active ? values.toString() : "";
    }

    /** The Kustomization that declares the variables, or null. */
    public KubeObject declaredBy() {
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
