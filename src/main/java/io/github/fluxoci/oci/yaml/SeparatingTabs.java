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
        // white space after something on the line (after "key:", "," or a value, before "#"), not indentation
        int before = lastNonBlank(text, tab - 1);
        if (startsLine(text, before)) {
            return -1;
        }
        // go-yaml v3 refuses a tab after a block sequence's "-" ("found character that cannot start any token"), as
        // kubectl kustomize shows: so does the plugin
        boolean sequenceEntry = text.charAt(before) == '-' && startsLine(text, lastNonBlank(text, before - 1));
        return sequenceEntry ? -1 : tab;
    }

    /** The offset of the last character at or before {@code from} that is not a space or a tab, or -1. */
    private static int lastNonBlank(String text, int from) {
        int i = from;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i;
    }

    /** True when {@code offset} is before the text or a line break: what follows it starts a line. */
    private static boolean startsLine(String text, int offset) {
        return offset < 0 || text.charAt(offset) == '\n' || text.charAt(offset) == '\r';
    }
}
