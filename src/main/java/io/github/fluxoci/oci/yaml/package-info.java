/**
 * The text-preserving YAML engine. Depends on SnakeYAML only.
 *
 * <ul>
 * <li>{@link io.github.fluxoci.oci.yaml.YamlFile}: one file's text and its documents as SnakeYAML's node API gives
 * them (no type resolution), with offsets, lines and columns of every node; within {@link
 * io.github.fluxoci.oci.yaml.YamlLimits} (depth, alias expansion), refused with a
 * {@link io.github.fluxoci.oci.yaml.YamlParseException} naming line and column.</li>
 * <li>{@link io.github.fluxoci.oci.yaml.Nodes}: reading values by path.</li>
 * <li>{@link io.github.fluxoci.oci.yaml.YamlEdits}: the edits a migration needs (replace a scalar, swap an entry,
 * insert a list item or a document) as {@link io.github.fluxoci.oci.yaml.TextEdit}s in the file's own style.</li>
 * <li>{@link io.github.fluxoci.oci.yaml.EditPlan}: sorts edits, refuses overlaps, applies them back to front and
 * parses the result again.</li>
 * </ul>
 */
@NullMarked
package io.github.fluxoci.oci.yaml;

import org.jspecify.annotations.NullMarked;
