package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A goal and its settings, written by the build for a forked JVM and read there ({@link ForkedGoal}), with the levels
 * of the build's log that are shown (the fork composes and sends no line that would not be).
 */
public record GoalRequest(GoalSettings settings, Goal goal, boolean infoShown, boolean warningsShown) {

    /** A request whose every line is shown. */
    public GoalRequest(GoalSettings settings, Goal goal) {
        this(settings, goal, true, true);
    }

    private static final Map<String, Class<? extends Goal>> KINDS = Map.of("scan", ScanGoal.class, "verify",
            VerifyGoal.class, "migrate", MigrateGoal.class);

    private static String kind(Goal goal) {
        for (Map.Entry<String, Class<? extends Goal>> e : KINDS.entrySet()) {
            if (e.getValue().isInstance(goal)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(goal.getClass().getSimpleName() + " cannot run in a forked JVM");
    }

    public void write(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("kind", kind(goal));
            json.writeFieldName("settings");
            RecordJson.write(json, settings);
            json.writeFieldName("goal");
            RecordJson.write(json, (Record) goal);
            json.writeBooleanField("infoShown", infoShown);
            json.writeBooleanField("warningsShown", warningsShown);
            json.writeEndObject();
        }
    }

    public static GoalRequest read(InputStream in) throws IOException {
        try (JsonParser json = new JsonFactory().createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a goal request is a JSON object");
            }
            String kind = null;
            GoalSettings settings = null;
            Goal goal = null;
            boolean info = true;
            boolean warnings = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "kind" -> kind = json.getText();
                    case "settings" -> settings = RecordJson.read(json, GoalSettings.class);
                    case "goal" -> {
                        Class<? extends Goal> type = kind == null ? null : KINDS.get(kind);
                        if (type == null) {
                            throw new IOException("unknown goal kind " + kind);
                        }
                        goal = (Goal) RecordJson.read(json, type.asSubclass(Record.class));
                    }
                    case "infoShown" -> info = json.getBooleanValue();
                    case "warningsShown" -> warnings = json.getBooleanValue();
                    default -> json.skipChildren();
                }
            }
            if (settings == null || goal == null) {
                throw new IOException("a goal request needs settings and a goal");
            }
            return new GoalRequest(settings, goal, info, warnings);
        }
    }
}
