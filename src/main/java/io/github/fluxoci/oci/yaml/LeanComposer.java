package io.github.fluxoci.oci.yaml;

import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's composer, keeping less: it gives every node new, empty lists for its block, inline and end comments
 * (about 13 % of a loaded tree's heap: 17 of 130 MB on the 2,000-app benchmark fleet); an empty list is dropped as
 * each node is composed. Comments are not read (the engine edits text, never emits nodes), so nothing else changes.
 */
final class LeanComposer extends Composer {

    LeanComposer(Parser parser, Resolver resolver, LoaderOptions options) {
        super(parser, resolver, options);
    }

    @Override
    protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
        return lean(super.composeScalarNode(anchor, blockComments));
    }

    @Override
    protected Node composeSequenceNode(String anchor) {
        return lean(super.composeSequenceNode(anchor));
    }

    @Override
    protected Node composeMappingNode(String anchor) {
        return lean(super.composeMappingNode(anchor));
    }

    private static Node lean(Node node) {
        if (node.getBlockComments() != null && node.getBlockComments().isEmpty()) {
            node.setBlockComments(null);
        }
        if (node.getInLineComments() != null && node.getInLineComments().isEmpty()) {
            node.setInLineComments(null);
        }
        if (node.getEndComments() != null && node.getEndComments().isEmpty()) {
            node.setEndComments(null);
        }
        return node;
    }
}
