package io.github.fluxoci.oci.yaml;

import org.jspecify.annotations.Nullable;

/** A file that is not YAML, with the 1-based line and column where the parser gave up (0 when unknown). */
public class YamlParseException extends Exception {
    private final int line;
    private final int column;

    public YamlParseException(String message, int line, int column, @Nullable Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
