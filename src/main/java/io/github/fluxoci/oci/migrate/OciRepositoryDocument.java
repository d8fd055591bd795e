package io.github.fluxoci.oci.migrate;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.github.fluxoci.oci.catalog.SigningIdentity;
import io.github.fluxoci.oci.yaml.YamlEdits;

import static io.github.fluxoci.oci.yaml.YamlEdits.stringScalar;

/**
 * The text of a new OCIRepository, in the shape real repositories use: {@code ---}, a schema comment,
 * {@code source.toolkit.fluxcd.io/v1}, {@code spec.interval}, {@code layerSelector} with the Helm chart media
 * type and {@code copy}, {@code ref}, {@code url}, then what is carried over (auth, {@code verify}). Written with
 * two spaces per level and {@code \n}; {@code YamlEdits.documentText} adapts it to the target file.
 */
public final class OciRepositoryDocument {

    public static final String HELM_CHART_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();

    private OciRepositoryDocument() {}

    /**
     * The document of a new OCIRepository.
     *
     * @param apiVersion what the tree's Flux serves ({@code source.toolkit.fluxcd.io/v1beta2} below Flux 2.6)
     * @param schemaUrl  the yaml-language-server schema; a file name with a version
     *                   ({@code ocirepository_v1.json}) follows {@code apiVersion}
     * @param tag        exact tag ({@code +} already written as {@code _}) or null
     * @param semver     range or null (exactly one of tag and semver is set)
     */
    public static OciRepositoryDocument of(
            String apiVersion,
            String schemaUrl,
            String name,
            String namespace,
            String interval,
            String url,
            String tag,
            String semver) {
        OciRepositoryDocument d = new OciRepositoryDocument();
        d.text.append("---\n");
        if (schemaUrl != null && !schemaUrl.isEmpty()) {
            d.text.append("# yaml-language-server: $schema=")
                    .append(schemaFor(schemaUrl, apiVersion))
                    .append('\n');
        }
        d.text.append("apiVersion: ").append(apiVersion).append('\n');
        d.text.append("kind: OCIRepository\n");
        d.text.append("metadata:\n  name: ").append(stringScalar(name)).append('\n');
        if (namespace != null) {
            d.text.append("  namespace: ").append(stringScalar(namespace)).append('\n');
        }
        d.text.append("spec:\n  interval: ").append(stringScalar(interval)).append('\n');
        d.text.append("  layerSelector:\n    mediaType: ")
                .append(HELM_CHART_MEDIA_TYPE)
                .append("\n    operation: copy\n");
        d.text.append("  ref:\n");
        if (tag != null) {
            d.text.append("    tag: ").append(stringScalar(tag)).append('\n');
        } else {
            d.text.append("    semver: ").append(stringScalar(semver)).append('\n');
        }
        d.text.append("  url: ").append(stringScalar(url)).append('\n');
        return d;
    }

    /** {@code .../ocirepository_v1.json} for {@code v1beta2}: {@code .../ocirepository_v1beta2.json}. */
    static String schemaFor(String schemaUrl, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return schemaUrl.replaceFirst(
                "(?i)(ocirepository[-_](?:source[-_])?)v\\d+(?:(?:alpha|beta)\\d+)?(\\.json)$", "$1" + version + "$2");
    }

    /**
     * Adds {@code spec.verify}: keyless cosign verification pinned to the publisher's signing identity (issuer and
     * subject regular expressions, single-quoted: YAML leaves their backslashes alone).
     */
    public OciRepositoryDocument cosign(SigningIdentity signer) {
        tail.append("  verify:\n    provider: cosign\n    matchOIDCIdentity:\n      - issuer: ")
                .append(singleQuoted(signer.issuer()))
                .append("\n        subject: ")
                .append(singleQuoted(signer.subject()))
                .append('\n');
        return this;
    }

    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Adds {@code spec.<key>: value} (a scalar) after url. */
    public OciRepositoryDocument scalar(String key, String value) {
        tail.append("  ").append(key).append(": ").append(stringScalar(value)).append('\n');
        return this;
    }

    /**
     * Adds {@code spec.<key>:} with a copy of a node read from the tree (block style). Scalars keep their YAML type:
     * {@code insecure: true} stays the boolean {@code true}, {@code timeout: "60"} stays the string {@code "60"}.
     */
    public OciRepositoryDocument copy(String key, Node value) {
        if (value instanceof ScalarNode s) {
            tail.append("  ").append(key).append(": ").append(typed(s)).append('\n');
            return this;
        }
        tail.append("  ").append(key).append(":\n");
        block(value, 2, tail);
        return this;
    }

    public String text() {
        return text.toString() + tail;
    }

    /**
     * A scalar as text that YAML reads back with the same value and the same type (its resolved tag): a plain
     * boolean, number or null is copied as written (a plain scalar of the source is a valid plain scalar here);
     * a string is plain when it stays a string, else double-quoted.
     */
    static String typed(ScalarNode s) {
        boolean plainNonString = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && !Tag.STR.equals(s.getTag())
                && !s.getValue().isEmpty()
                && s.getValue().indexOf('\n') < 0;
        return plainNonString ? s.getValue() : YamlEdits.plainOrQuoted(s.getValue(), s.getTag());
    }

    private static void block(Node node, int level, StringBuilder out) {
        String pad = "  ".repeat(level);
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node v = t.getValueNode();
                if (v instanceof ScalarNode s) {
                    out.append(pad)
                            .append(stringScalar(key))
                            .append(": ")
                            .append(typed(s))
                            .append('\n');
                } else {
                    out.append(pad).append(stringScalar(key)).append(":\n");
                    block(v, level + 1, out);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.append(pad).append("- ").append(typed(s)).append('\n');
                } else {
                    StringBuilder inner = new StringBuilder();
                    block(item, level + 1, inner);
                    String first = inner.substring(pad.length() + 2);
                    out.append(pad).append("- ").append(first);
                }
            }
        }
    }
}
