package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.LineRange;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;
import io.github.fluxoci.oci.yaml.YamlFile;

/**
 * The edits that move one HelmRelease to {@code chartRef}: the {@code spec.chart} block replaced (with the Renovate
 * comments that tracked its version), anchors defined inside it moved to their first use outside, the schema
 * comment following the apiVersion, and the fields {@code v2} removed refused.
 */
final class HelmReleaseEdits {

    private HelmReleaseEdits() {}

    /**
     * The release's own edits, in the RELEASE phase: {@code spec.chart} becomes {@code spec.chartRef} to
     * {@code ociName} (in {@code chartRefNamespace}, when not null), anchors defined inside {@code spec.chart} move
     * out, and the apiVersion (with its schema comment) moves to {@code helmApiVersion} (the storage version of the
     * tree's Flux, {@code v2}).
     */
    static PlanPart of(
            KubeObject hr,
            MappingNode spec,
            NodeTuple chartEntry,
            String ociName,
            String chartRefNamespace,
            String helmApiVersion)
            throws Refusal {
        YamlEdits edits = new YamlEdits(hr.file().yaml());
        MappingNode root = hr.root();
        List<TextEdit> out = new ArrayList<>();
        out.add(chartRefEdit(edits, spec, chartEntry, ociName, chartRefNamespace));
        out.addAll(anchorMoves(edits, root, chartEntry));
        if (!helmApiVersion.equals(hr.apiVersion())) {
            out.add(edits.replaceScalar((ScalarNode) Nodes.get(root, "apiVersion"), helmApiVersion));
            TextEdit schema = schemaCommentEdit(edits, hr, helmApiVersion.substring(helmApiVersion.indexOf('/') + 1));
            if (schema != null) {
                out.add(schema);
            }
        }
        PlanPart.Builder part = new PlanPart.Builder();
        out.forEach(e -> part.edit(hr.file(), e, 0, WritePhase.RELEASE));
        return part.readBack(hr.file(), hr.name(), ociName, helmApiVersion).build();
    }

    /**
     * The {@code # yaml-language-server: $schema=...} comment above a HelmRelease names the schema of its
     * apiVersion ({@code helmrelease_v2beta2.json}, {@code helmrelease-helm-v2beta2.json}): when the apiVersion
     * moves to {@code v2}, the version in that file name follows. Null when there is no such comment.
     */
    static TextEdit schemaCommentEdit(YamlEdits edits, KubeObject hr, String version) {
        String text = edits.file().text();
        int from = edits.documentStart(hr.documentIndex());
        int to = edits.file().startOffset(hr.root());
        Matcher m = Pattern.compile(
                        "#\\s*yaml-language-server:\\s*\\$schema=\\S*?[-_](" + Pattern.quote(hr.version()) + ")\\.json")
                .matcher(text)
                .region(from, to);
        return m.find() ? new TextEdit(m.start(1), m.end(1), version) : null;
    }

    /** {@code spec.chart} becomes {@code spec.chartRef} to the OCIRepository {@code name} (in {@code namespace}, when not null). */
    static TextEdit chartRefEdit(
            YamlEdits edits, MappingNode spec, NodeTuple chartEntry, String name, String namespace) {
        LineRange range = edits.entryLines(spec, "chart");
        YamlFile file = edits.file();
        String text = file.text();
        int column = edits.column(chartEntry.getKeyNode());
        int start = range.start();
        // "# renovate: ..." comments right above "chart:" belonged to the version it tracked
        while (start > 0) {
            int prev = file.lineStart(start - 1);
            String line = text.substring(prev, start);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && trimmed.contains("renovate:") && line.indexOf('#') == column) {
                start = prev;
            } else {
                break;
            }
        }
        String block = "chartRef:\n  kind: OCIRepository\n  name: " + YamlEdits.stringScalar(name)
                + (namespace != null ? "\n  namespace: " + YamlEdits.stringScalar(namespace) : "");
        String replacement = edits.indentBlock(block, column);
        if (range.end() == text.length() && !text.endsWith("\n") && !text.endsWith("\r")) {
            replacement = replacement.substring(
                    0, replacement.length() - file.lineEnding().length());
        }
        return new TextEdit(start, range.end(), replacement);
    }

    /**
     * An anchor defined inside {@code spec.chart} and used after it would dangle once the block is gone: the
     * first use outside takes over the definition ({@code *v} becomes {@code &v 1.2.3}).
     */
    static List<TextEdit> anchorMoves(YamlEdits edits, MappingNode root, NodeTuple chartEntry) throws Refusal {
        LineRange removed = edits.entryLines((MappingNode) Nodes.get(root, "spec"), "chart");
        Map<Node, String> anchored = new IdentityHashMap<>();
        collectAnchors(chartEntry.getValueNode(), anchored);
        // only anchors defined inside the removed block: an alias in it (chart: *app) points at a definition elsewhere
        anchored.keySet().removeIf(n -> {
            int at = edits.file().startOffset(n);
            return at < removed.start() || at >= removed.end();
        });
        if (anchored.isEmpty()) {
            return List.of();
        }
        List<TextEdit> out = new ArrayList<>();
        Set<Node> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        String text = edits.file().text();
        List<NodeTuple> uses;
        try {
            uses = aliasUses(root, anchored);
        } catch (IllegalArgumentException listItem) {
            throw new Refusal("anchor &" + listItem.getMessage() + " in spec.chart is used as a list item elsewhere;"
                    + " move the anchor out of spec.chart first");
        }
        for (NodeTuple use : uses) {
            int keyEnd = edits.file().endOffset(use.getKeyNode());
            if (keyEnd >= removed.start() && keyEnd < removed.end()) {
                continue; // a use inside the removed block goes with it
            }
            Node value = use.getValueNode();
            String anchor = anchored.get(value);
            if (!moved.add(value)) {
                continue; // later uses stay aliases of the moved definition
            }
            if (!(value instanceof ScalarNode scalar)) {
                throw new Refusal("anchor &" + anchor + " in spec.chart holds a mapping or list that line "
                        + edits.file().lineNumber(keyEnd) + " uses; move the anchor out of spec.chart first");
            }
            int star = text.indexOf("*" + anchor, keyEnd);
            if (star < 0) {
                throw new Refusal("cannot find the alias *" + anchor + " after line "
                        + edits.file().lineNumber(keyEnd));
            }
            String definition = "&" + anchor + " " + edits.sourceText(scalar);
            out.add(new TextEdit(star, star + anchor.length() + 1, definition));
        }
        return out;
    }

    private static void collectAnchors(Node node, Map<Node, String> out) {
        if (node.getAnchor() != null) {
            out.put(node, node.getAnchor());
        }
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> collectAnchors(t.getValueNode(), out));
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> collectAnchors(n, out));
        }
    }

    /** Entries (in document order) whose value is one of the anchored nodes but sits elsewhere: alias uses. */
    private static List<NodeTuple> aliasUses(Node node, Map<Node, String> anchored) {
        List<NodeTuple> out = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (anchored.containsKey(t.getValueNode()) && YamlEdits.isAlias(t)) {
                    out.add(t);
                } else if (!YamlEdits.isAlias(t)) {
                    out.addAll(aliasUses(t.getValueNode(), anchored));
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (anchored.containsKey(item)
                        && item.getStartMark().getIndex() < s.getStartMark().getIndex()) {
                    throw new IllegalArgumentException(anchored.get(item));
                }
                out.addAll(aliasUses(item, anchored));
            }
        }
        return out;
    }

    /** v2 removed some v2beta1/v2beta2 fields: such a release is left for a person. */
    static void checkRemovedFields(ScannedRelease r, MappingNode root, String helmApiVersion) throws Refusal {
        if (helmApiVersion.equals(r.apiVersion())) {
            return;
        }
        List<String> found = removedFields(root);
        if (!found.isEmpty()) {
            throw new Refusal(r.apiVersion() + " uses " + String.join(", ", found) + ", which " + helmApiVersion
                    + " removed; convert them (valuesFiles, kustomize.patches) and run again");
        }
    }

    /** The fields of a HelmRelease (or a patch of one) that {@code v2} no longer has. */
    static List<String> removedFields(MappingNode root) {
        List<String> found = new ArrayList<>();
        if (Nodes.has(root, "spec", "chart", "spec", "valuesFile")) {
            found.add("spec.chart.spec.valuesFile");
        }
        for (Node pr : Nodes.items(root, "spec", "postRenderers")) {
            for (String field : List.of("patchesJson6902", "patchesStrategicMerge")) {
                if (Nodes.has(pr, "kustomize", field)) {
                    found.add("spec.postRenderers[].kustomize." + field);
                }
            }
        }
        return found;
    }
}
