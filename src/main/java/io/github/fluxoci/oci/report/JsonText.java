package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Report JSON written with jackson-core's generator, in the layout {@code ObjectMapper} with {@code INDENT_OUTPUT}
 * gives ({@code DefaultPrettyPrinter}), without an {@code ObjectMapper}: building one costs a cold run about a
 * quarter of a second of class loading and set-up, for reports that are plain trees of strings, numbers and lists
 * (issue #13). The trees are built with {@link JsonNodeFactory}.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** A new, empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The tree as pretty-printed JSON text, ending with a line break. */
    public static String write(JsonNode root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(root, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** What a streamed report writes with the generator. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * A report streamed to {@code out} (UTF-8, the same layout as {@link #write(JsonNode)}, a line break at the end):
     * a large report is written part by part, never held whole in memory.
     */
    public static void stream(OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            body.write(g);
            g.flush();
            g.writeRaw('\n');
        }
    }

    /** The fields of an object node, written into the object the generator is in. */
    public static void fields(ObjectNode node, JsonGenerator g) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            g.writeFieldName(e.getKey());
            write(e.getValue(), g);
        }
    }

    /** One node, written where the generator is. */
    public static void node(JsonNode node, JsonGenerator g) throws IOException {
        write(node, g);
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(item, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    g.writeNumber(node.longValue());
                } else {
                    g.writeNumber(node.doubleValue());
                }
            }
            case NULL, MISSING -> g.writeNull();
            default -> throw new IllegalArgumentException("not a report value: " + node.getNodeType());
        }
    }
}
