package io.github.fluxoci.oci.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, without the regular expressions that cannot match: it tries, for every plain scalar, the
 * expressions registered for the scalar's first character (and the one for the empty scalar), which is most of the
 * time a tree's composing spends once the parser is fast. A plain scalar whose first character starts no implicit
 * type, or that is longer than every word of the type its first character may start ({@code false}, {@code null}),
 * is a string; everything else is asked of SnakeYAML's resolver itself.
 */
final class ShortcutResolver extends Resolver {

    /** First characters with an implicit type: booleans, numbers, merge, null (and " "), timestamps (see Resolver). */
    private static final String TYPED_FIRST = "yYnNtTfFoO-+0123456789.<~!&* ";
    /** First characters of the booleans only, whose words have at most 5 characters ("false"). */
    private static final String BOOLEAN_FIRST = "yYtTfFoO";

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && !value.isEmpty()) {
            char c = value.charAt(0);
            if (TYPED_FIRST.indexOf(c) < 0) {
                return Tag.STR;
            }
            if (BOOLEAN_FIRST.indexOf(c) >= 0 && value.length() > 5) {
                return Tag.STR;
            }
            if ((c == 'n' || c == 'N') && value.length() > 4) {
                return Tag.STR; // "no" or "null" at most
            }
        }
        return super.resolve(kind, value, implicit);
    }
}
