package io.github.fluxoci.oci.migrate;

import java.util.Locale;

/** Which HelmRepositories {@code oci:migrate} removes ({@code -Doci.prune}). */
public enum Prune {
    /** none ({@code false}, the default) */
    NONE,
    /** those this run left unused: something used them before, nothing does after ({@code true}) */
    FREED,
    /** also those that nothing used before this run ({@code all}) */
    ALL;

    public static Prune parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "none" -> NONE;
            case "true", "freed" -> FREED;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not one of false, true, all");
        };
    }
}
