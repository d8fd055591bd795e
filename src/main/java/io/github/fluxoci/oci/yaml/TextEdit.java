package io.github.fluxoci.oci.yaml;

import java.util.Objects;

/**
 * A replacement of the characters {@code [start, end)} of a text (UTF-16 offsets) by {@code replacement}.
 * An insertion has {@code start == end}; a deletion has an empty replacement.
 */
public record TextEdit(int start, int end, String replacement) implements Comparable<TextEdit> {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
        Objects.requireNonNull(replacement, "replacement");
    }

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    public boolean isInsertion() {
        return start == end;
    }

    @Override
    public int compareTo(TextEdit o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}
