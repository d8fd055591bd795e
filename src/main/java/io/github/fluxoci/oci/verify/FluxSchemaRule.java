package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.flux.CelRules;
import io.github.fluxoci.oci.flux.FluxApis;
import io.github.fluxoci.oci.flux.FluxRelease;
import io.github.fluxoci.oci.flux.FluxSchemas;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.flux.JsonView;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Every HelmRelease, OCIRepository, HelmRepository, HelmChart and Flux Kustomization against the schema of its
 * apiVersion in the Flux its cluster runs, as the API server checks it when Flux applies the object server-side:
 * types (scalars typed as kustomize types them, {@link JsonView}), required fields, enums, patterns, fields the
 * schema does not declare, the CRD's CEL rules ({@link CelRules}), and a {@code metadata.name} that is a DNS-1123
 * subdomain (apiextensions-apiserver validates custom resources' names with {@code NameIsDNSSubdomain},
 * {@code pkg/registry/customresource/validator.go}). One refused object fails the whole Flux Kustomization that
 * applies it. The schemas are Flux's CRDs ({@link FluxSchemas}); an apiVersion the Flux does not serve is
 * {@code removed-api}'s. A patch file is checked for types, enums, patterns and fields (it may leave out required
 * ones); a base that patches complete is checked for required fields and CEL with its patches merged in.
 */
public final class FluxSchemaRule extends DeclaredRule {

    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public FluxSchemaRule() {
        super(
                "flux-schema",
                Severity.ERROR,
                "Flux objects match the CRD schema of their apiVersion in the tree's Flux: types, required fields,"
                        + " enums, patterns, no undeclared fields, the CRD's CEL rules, DNS-1123 names");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        Map<String, Finding> out = new LinkedHashMap<>();
        ManifestTree tree = context.tree();
        for (KubeObject o : tree.objects()) {
            if (o.kind() == null || !ManifestTree.isFluxGroup(o.group())) {
                continue;
            }
            boolean patch = tree.isPatchFile(o.file());
            JsonView view = JsonView.of(o.root());
            JsonNode complete = patch ? view.json() : withPatches(tree, o, view.json());
            for (FluxVersions.Stated flux : context.fluxOf(o).values()) {
                FluxRelease.Served served = flux.release().served(o.apiVersion(), o.kind());
                if (served == null || served.schema() == null) {
                    continue;
                }
                Target target = new Target(o, view, served, flux);
                for (Error e : FluxSchemas.shipped().validate(served.schema(), view.json())) {
                    if (reported(e, patch, complete, view)) {
                        Finding f = finding(target, e);
                        out.putIfAbsent(key(f), f);
                    }
                }
                if (!patch) {
                    celFindings(target, complete).forEach(f -> out.putIfAbsent(key(f), f));
                }
            }
            if (!patch) {
                nameFinding(o, view).ifPresent(f -> out.putIfAbsent(key(f), f));
            }
        }
        List<Finding> found = new ArrayList<>();
        for (Finding f : out.values()) {
            // a file no kustomization lists (in a tree without Flux entry points) is a warning, as for every rule
            ManifestFile file = tree.file(f.file());
            Severity severity = file == null ? f.severity() : context.fileSeverity(file);
            found.add(new Finding(f.rule(), severity, f.file(), f.line(), f.column(), f.message()));
        }
        return found;
    }

    /** One finding per place and message, however many clusters' Flux versions share the schema. */
    private static String key(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + " " + f.message();
    }

    /** An object, the view of it, and the schema it is checked against. */
    private record Target(KubeObject object, JsonView view, FluxRelease.Served served, FluxVersions.Stated flux) {

        /** {@code HelmRelease v2 of Flux 2.5.1}, saying so when the version is assumed. */
        String schemaName() {
            return object.kind() + " " + served.name() + " of Flux "
                    + flux.release().version() + (flux.assumed() ? " (assumed: -Doci.fluxVersion sets it)" : "");
        }
    }

    /**
     * False for what the object's build fills in: a required field that a patch file sets, or any required field in
     * a patch; and for a value Flux substitutes ({@code ${var}}) before the API server sees it.
     */
    private static boolean reported(Error e, boolean patch, JsonNode complete, JsonView view) {
        JsonNode instance = view.json().at(pointer(e));
        if (instance.isTextual() && instance.asText().contains("${")) {
            return false;
        }
        if ("required".equals(e.getKeyword())) {
            return !patch
                    && complete.at(pointer(e) + "/" + escape(String.valueOf(e.getProperty())))
                            .isMissingNode();
        }
        return true;
    }

    private Finding finding(Target t, Error e) {
        String path = pointer(e);
        JsonNode instance = t.view().json().at(path);
        String where = dotted(path);
        String message = switch (String.valueOf(e.getKeyword())) {
            case "required" -> join(where, e.getProperty()) + " is missing, and " + t.schemaName() + " requires it";
            case "additionalProperties" -> unknownField(t, path, String.valueOf(e.getProperty()));
            case "type" ->
                where + " is " + describe(instance) + ", where " + t.schemaName() + " has "
                        + expected(e.getSchemaNode())
                        + (instance.isValueNode()
                                        && "\"string\"".equals(e.getSchemaNode().toString())
                                ? ": quote it"
                                : "");
            case "enum" ->
                where + " is " + describe(instance) + ", which " + t.schemaName() + " does not allow: one of "
                        + join(e.getSchemaNode());
            case "pattern" ->
                where + " is " + describe(instance) + ", which does not match "
                        + e.getSchemaNode().asText() + " (" + t.schemaName() + ")";
            default -> where + ": " + stripLocation(e.getMessage()) + " (" + t.schemaName() + ")";
        };
        Node node = t.view().nearest(path);
        if ("additionalProperties".equals(e.getKeyword())) {
            Node key = keyNode(t.view(), path, String.valueOf(e.getProperty()));
            node = key != null ? key : node;
        }
        return VerifyContext.at(this, t.object(), node, message);
    }

    private List<Finding> celFindings(Target t, JsonNode complete) {
        List<Finding> out = new ArrayList<>();
        for (CelRules.Declared rule : FluxSchemas.shipped().celRules(t.served().schema())) {
            if (!CelRules.holds(rule, complete)) {
                String at = rule.at().equals("/") ? "" : rule.at();
                out.add(VerifyContext.at(
                        this,
                        t.object(),
                        t.view().nearest(at),
                        dotted(at) + ": " + rule.message() + " (" + t.schemaName() + ", CEL rule at " + rule.source()
                                + ")"));
            }
        }
        return out;
    }

    private Optional<Finding> nameFinding(KubeObject o, JsonView view) {
        Node name = Nodes.get(o.root(), "metadata", "name");
        String value = Nodes.text(o.root(), "metadata", "name");
        if (value == null) {
            return Optional.of(VerifyContext.at(
                    this,
                    o,
                    Nodes.get(o.root(), "metadata"),
                    "metadata.name is missing: the API server refuses " + o.kind() + " without a name; add"
                            + " metadata.name"));
        }
        JsonNode typed = view.json().at("/metadata/name");
        if (!typed.isTextual()) {
            return Optional.of(VerifyContext.at(
                    this,
                    o,
                    name,
                    "metadata.name is " + describe(typed) + ", where Kubernetes has a string: quote it"));
        }
        if (value.contains("${")) {
            return Optional.empty();
        }
        if (value.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(VerifyContext.at(
                this,
                o,
                name,
                "metadata.name \"" + value + "\" is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.',"
                        + " starting and ending with a letter or digit, at most 253): the API server refuses "
                        + o.kind() + " \"" + value + "\"; rename it to \"" + suggestedName(value) + "\""));
    }

    static String suggestedName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        return s.length() > 253 ? s.substring(0, 253) : s;
    }

    /** The object with every strategic-merge patch of it in the tree merged in (maps merge, the rest replaces). */
    private static JsonNode withPatches(ManifestTree tree, KubeObject o, JsonNode base) {
        JsonNode out = base;
        for (KubeObject p : tree.named(o.group(), o.kind(), o.name())) {
            if (p != o && tree.isPatchFile(p.file())) {
                out = merge(out.deepCopy(), JsonView.of(p.root()).json());
            }
        }
        return out;
    }

    private static JsonNode merge(JsonNode base, JsonNode patch) {
        if (!(base instanceof ObjectNode b) || !patch.isObject()) {
            return patch;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = b.get(e.getKey());
            b.set(e.getKey(), current == null ? e.getValue() : merge(current, e.getValue()));
        }
        return b;
    }

    /**
     * A field the schema does not declare, with where it went or what replaced it: another version of the kind that
     * has it ({@code valuesFile}: v2beta1 and v2beta2), a field of this version named like it ({@code valuesFiles}).
     */
    private static String unknownField(Target t, String parent, String field) {
        String pointer = parent + "/" + escape(field);
        String kind = t.object().kind();
        List<String> elsewhere = new ArrayList<>(FluxSchemas.shipped().versionsDeclaring(kind, pointer));
        elsewhere.remove(t.served().name());
        FluxRelease added = firstDeclaring(t, pointer);
        String had = added != null
                ? " (Flux " + added.version() + " added it)"
                : elsewhere.isEmpty()
                        ? ""
                        : " (" + kind + " " + String.join(" and ", elsewhere)
                                + (elsewhere.size() == 1 ? " has" : " have") + " it)";
        String instead = FluxSchemas.shipped().declares(t.served().schema(), pointer + "s")
                ? ": write " + field + "s, a list, instead"
                : ": remove it or fix its indentation";
        return join(dotted(parent), field) + " is not a field of " + t.schemaName() + had
                + ", and the API server refuses a field its schema does not declare" + instead;
    }

    /** The first Flux release newer than the object's whose schema of the same apiVersion declares the field. */
    private static FluxRelease firstDeclaring(Target t, String pointer) {
        for (FluxRelease r : FluxApis.shipped().releases()) {
            FluxRelease.Served s = r.served(t.object().apiVersion(), t.object().kind());
            if (r.compareTo(t.flux().release()) > 0
                    && s != null
                    && s.schema() != null
                    && FluxSchemas.shipped().declares(s.schema(), pointer)) {
                return r;
            }
        }
        return null;
    }

    private static Node keyNode(JsonView view, String parentPointer, String key) {
        var entry = Nodes.entry(view.nodes().get(parentPointer), key);
        return entry == null ? null : entry.getKeyNode();
    }

    private static String pointer(Error e) {
        StringBuilder out = new StringBuilder();
        var path = e.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /spec/postRenderers/0/kustomize} as {@code spec.postRenderers[0].kustomize}. */
    static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.length() == 0 ? "the object" : out.toString();
    }

    private static String join(String where, Object property) {
        return where.equals("the object") ? String.valueOf(property) : where + "." + property;
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string \"" + v.asText() + "\"";
        }
        if (v.isIntegralNumber()) {
            return "the integer " + v.asText();
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        return v.isArray() ? "a list" : v.isObject() ? "a mapping" : "null";
    }

    private static String expected(JsonNode type) {
        if (type != null && type.isArray()) {
            List<String> out = new ArrayList<>();
            type.forEach(t -> out.add(article(t.asText())));
            return String.join(" or ", out);
        }
        return article(type == null ? "?" : type.asText());
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return String.join(", ", out);
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }
}
