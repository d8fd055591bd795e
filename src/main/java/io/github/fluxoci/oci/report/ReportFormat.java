package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every JSON report carries first, so that scripts can rely on it: {@code formatVersion} (raised on any change
 * that is not a pure addition) and the version of the plugin that wrote it.
 */
public final class ReportFormat {

    /** The format of scan.json, migrate.json and verify.json; their schemas are shipped beside this class. */
    public static final int FORMAT_VERSION = 1;

    private static final String PLUGIN_VERSION = readVersion();
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private ReportFormat() {}

    public static String pluginVersion() {
        return PLUGIN_VERSION;
    }

    /**
     * Puts {@code formatVersion} and {@code pluginVersion} at the top of a report; its JSON Schema is
     * {@code io/github/fluxoci/oci/report/<report>.schema.json} in the plugin's jar.
     */
    public static void stamp(ObjectNode root) {
        root.put("formatVersion", FORMAT_VERSION);
        root.put("pluginVersion", PLUGIN_VERSION);
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A report's tree as pretty-printed JSON text, ending with a line break. */
    public static String json(JsonNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree holds only strings, numbers and lists", e);
        }
    }

    private static String readVersion() {
        try (InputStream in = ReportFormat.class.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
