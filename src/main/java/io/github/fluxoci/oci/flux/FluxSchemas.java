package io.github.fluxoci.oci.flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Flux's CRD schemas as the plugin ships them ({@code flux-schemas.json}, generated from the CRDs by
 * {@code FluxApisResourceTest}): the draft-7 JSON Schema of each served version of HelmRelease, OCIRepository,
 * HelmRepository, HelmChart and Kustomization, and the CEL rules beside it. networknt's validator checks an object
 * against a schema; {@link CelRules} evaluates the CEL rules. Read on first use, each schema compiled once.
 */
public final class FluxSchemas {

    private static final String RESOURCE = "flux-schemas.json";
    private static volatile FluxSchemas shipped;

    private final JsonNode entries;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private FluxSchemas(JsonNode entries) {
        this.entries = entries;
    }

    /** The resource the plugin ships. */
    public static FluxSchemas shipped() {
        FluxSchemas s = shipped;
        if (s == null) {
            try (InputStream in = FluxSchemas.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the plugin");
                }
                s = new FluxSchemas(new ObjectMapper().readTree(in).path("schemas"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = s;
        }
        return s;
    }

    /** The ids of every schema shipped. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        entries.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The CEL rules of a schema, in the CRD's order. */
    public List<CelRules.Declared> celRules(String id) {
        List<CelRules.Declared> out = new ArrayList<>();
        for (JsonNode r : entries.path(id).path("cel")) {
            out.add(new CelRules.Declared(
                    r.path("at").asText(),
                    r.path("rule").asText(),
                    r.path("message").asText(),
                    r.path("source").asText()));
        }
        return out;
    }

    /**
     * The versions of {@code kind} (in any Flux release) whose schema declares the field at {@code pointer}
     * ({@code /spec/chart/spec/valuesFile}, list items as numbers), oldest first: where a field went, or came from.
     */
    public List<String> versionsDeclaring(String kind, String pointer) {
        List<String> out = new ArrayList<>();
        entries.fields().forEachRemaining(e -> {
            String version =
                    e.getKey().substring(e.getKey().indexOf('/') + 1, e.getKey().indexOf('#'));
            if (e.getKey().startsWith(kind + "/")
                    && !out.contains(version)
                    && declares(e.getValue().path("schema"), pointer)) {
                out.add(version);
            }
        });
        return out;
    }

    /** True when the schema {@code id} declares the field at {@code pointer}. */
    public boolean declares(String id, String pointer) {
        return declares(entries.path(id).path("schema"), pointer);
    }

    private static boolean declares(JsonNode schema, String pointer) {
        JsonNode s = schema;
        for (String part : pointer.substring(1).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (s.path("properties").has(name)) {
                s = s.path("properties").path(name);
            } else if (s.has("items") && name.chars().allMatch(Character::isDigit)) {
                s = s.path("items");
            } else if (s.path("additionalProperties").isObject()) {
                s = s.path("additionalProperties");
            } else {
                return false;
            }
        }
        return true;
    }

    /** What the schema {@code id} finds wrong with {@code object} (JSON as the API server reads it). */
    public List<Error> validate(String id, JsonNode object) {
        Schema schema = compiled.computeIfAbsent(id, k -> {
            JsonNode s = entries.path(k).get("schema");
            if (s == null) {
                throw new IllegalArgumentException("no Flux schema " + k + " in " + RESOURCE);
            }
            return registry.getSchema(s.toString());
        });
        return schema.validate(object);
    }

    /**
     * What the schema {@code toId} finds wrong with {@code object} that {@code fromId} did not: what moving the object
     * from one apiVersion to another would break ({@code spec.chart.spec.valuesFile: not declared}). Required fields are
     * left out (a patch of the object's build may set them), as are values Flux substitutes ({@code ${var}}).
     */
    public List<String> newProblems(String fromId, String toId, JsonNode object) {
        java.util.Set<String> before = new java.util.HashSet<>();
        for (Error e : validate(fromId, object)) {
            before.add(problemKey(e));
        }
        List<String> out = new ArrayList<>();
        for (Error e : validate(toId, object)) {
            String where = location(e);
            JsonNode value = object.at(where);
            if ("required".equals(e.getKeyword())
                    || before.contains(problemKey(e))
                    || (value.isTextual() && value.asText().contains("${"))) {
                continue;
            }
            String field = "additionalProperties".equals(e.getKeyword()) ? where + "/" + e.getProperty() : where;
            String dotted = field.substring(1).replace('/', '.');
            out.add(
                    "additionalProperties".equals(e.getKeyword())
                            ? dotted + " is not a field there"
                            : dotted + ": " + e.getMessage().replaceFirst("^\\S+: ", ""));
        }
        return out;
    }

    private static String problemKey(Error e) {
        return e.getKeyword() + " " + location(e) + " " + e.getProperty();
    }

    private static String location(Error e) {
        StringBuilder out = new StringBuilder();
        var path = e.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/')
                    .append(String.valueOf(path.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return out.toString();
    }
}
