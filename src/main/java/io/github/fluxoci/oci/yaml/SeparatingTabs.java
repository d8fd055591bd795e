package io.github.fluxoci.oci.yaml;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A tab that is not indentation (after {@code key:}, {@code ,} or a value, before a comment) is white space to YAML 1.2 and to go-yaml v3, which
 * Flux and kustomize read with, but SnakeYAML refuses it ("found character '\t(TAB)' that cannot start any token").
 * {@link YamlFile} reads such a tab as a space (the text keeps it; offsets do not move), one at a time where SnakeYAML
 * stops, so a tab SnakeYAML does not refuse (in a quoted value, say) is never touched, and one that indents is still
 * refused, as go-yaml v3 refuses it, and so is one after a block sequence's {@code -} (go-yaml v3 refuses that too:
 * {@code YamlAsKustomizeReadsItTest} checks both ways against {@code kubectl kustomize}).
 */
final class SeparatingTabs {

    private SeparatingTabs() {}

    /** At most this many tabs are read as spaces in one file (each costs a parse of it again); past that, the error. */
    static final int MAX = 200;

    /** The offset of the tab SnakeYAML stopped at when something precedes it on its line (it does not indent), else -1. */
    static int find(String text, YamlParseException e) {
        if (!(e.getCause() instanceof MarkedYAMLException m) || m.getProblemMark() == null) {
            return -1;
        }
        int index = m.getProblemMark().getIndex();
        if (index < 0 || index > text.codePointCount(0, text.length())) {
            return -1;
        }
        int at = text.offsetByCodePoints(0, index);
        // SnakeYAML points at the tab, or (in a flow mapping) at the blank after it: the nearest tab of that blank run
        int tab = Math.min(at, text.length() - 1);
        while (tab >= 0 && text.charAt(tab) == ' ') {
            tab--;
        }
        if (tab < 0 || text.charAt(tab) != '\t') {
            return -1;
        }
        // white space after something on the line (not the indentation): after "key:", "-", "," or a value, before "#"
        int before = tab - 1;
        while (before >= 0 && (text.charAt(before) == '\t' || text.charAt(before) == ' ')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return -1; // indentation
        }
        // go-yaml v3 refuses a tab after a block sequence's "-" ("found character that cannot start any token"), as
        // kubectl kustomize shows: so does the plugin
        return text.charAt(before) == '-' && onlyBlanksBefore(text, before) ? -1 : tab;
    }

    private static boolean onlyBlanksBefore(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    }
}
