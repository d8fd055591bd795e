package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Records of plain values as JSON, for handing a goal's request to a forked JVM: components of type
 * {@code String}, {@code boolean}, {@code int}, {@code long}, a record, or a {@code List} of strings or records; null
 * stays null. jackson-core's streaming API only (no data binding: it costs a cold JVM a quarter of a second).
 */
final class RecordJson {

    private RecordJson() {
    }

    static void write(JsonGenerator out, Record record) throws IOException {
        out.writeStartObject();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            out.writeFieldName(c.getName());
            writeValue(out, get(c, record));
        }
        out.writeEndObject();
    }

    private static Object get(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Record r) {
            write(out, r);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object o : list) {
                writeValue(out, o);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " cannot be handed to a forked JVM");
        }
    }

    /** Reads a record of {@code type} from the parser, positioned before or at its START_OBJECT. */
    static <R extends Record> R read(JsonParser in, Class<R> type) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT && in.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected an object for " + type.getSimpleName());
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Object> values = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            in.nextToken();
            RecordComponent c = null;
            for (RecordComponent rc : components) {
                if (rc.getName().equals(name)) {
                    c = rc;
                }
            }
            if (c == null) {
                in.skipChildren();
                continue;
            }
            values.put(name, readValue(in, c.getType(), c.getGenericType()));
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object v = values.get(components[i].getName());
            args[i] = v != null ? v : defaultOf(types[i]);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot make a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object readValue(JsonParser in, Class<?> type, Type generic) throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (type == String.class) {
            return in.getText();
        }
        if (type == boolean.class || type == Boolean.class) {
            return in.getBooleanValue();
        }
        if (type == int.class || type == Integer.class) {
            return in.getIntValue();
        }
        if (type == long.class || type == Long.class) {
            return in.getLongValue();
        }
        if (type.isRecord()) {
            return read(in, (Class<? extends Record>) type);
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementType = (Class<?>) element;
            List<Object> out = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                out.add(readValue(in, elementType, element));
            }
            return out;
        }
        throw new IOException("a " + type.getSimpleName() + " cannot be read from a forked JVM's request");
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
