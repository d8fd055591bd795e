package io.github.fluxoci.oci.yaml;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A tab that separates a value from its {@code key:} or {@code -} is white space to YAML 1.2 and to go-yaml v3, which
 * Flux and kustomize read with, but SnakeYAML refuses it ("found character '\t(TAB)' that cannot start any token").
 * {@link YamlFile} reads such a tab as a space (the text keeps it; offsets do not move), one at a time where SnakeYAML
 * stops, so a tab SnakeYAML does not refuse (in a quoted value, say) is never touched, and one that indents is still
 * refused, as go-yaml v3 refuses it.
 */
final class SeparatingTabs {

    private SeparatingTabs() {}

    /** At most this many tabs are read as spaces in one file (each costs a parse of it again); past that, the error. */
    static final int MAX = 200;

    /** The offset of the tab SnakeYAML stopped at when it follows {@code key:} or {@code -} on its line, else -1. */
    static int find(String text, YamlParseException e) {
        if (!(e.getCause() instanceof MarkedYAMLException m)
                || m.getProblemMark() == null
                || m.getProblem() == null
                || !m.getProblem().contains("'\\t(TAB)'")) {
            return -1;
        }
        int index = m.getProblemMark().getIndex();
        if (index < 0 || index > text.codePointCount(0, text.length())) {
            return -1;
        }
        int tab = text.offsetByCodePoints(0, index);
        if (tab >= text.length() || text.charAt(tab) != '\t') {
            return -1;
        }
        int before = tab - 1;
        while (before >= 0 && (text.charAt(before) == '\t' || text.charAt(before) == ' ')) {
            before--;
        }
        return before >= 0 && (text.charAt(before) == ':' || text.charAt(before) == '-') ? tab : -1;
    }
}
