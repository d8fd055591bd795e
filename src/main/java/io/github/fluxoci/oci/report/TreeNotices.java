package io.github.fluxoci.oci.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.tree.TreeNotice;

/** How the reports say what the build model tells about the tree (how it read it, what it could not read). */
final class TreeNotices {

    private TreeNotices() {}

    /** {@code warning: clusters/x/flux.yaml:22: ...}, or without a place for the whole tree. */
    static String describe(TreeNotice n) {
        String level = n.level() == TreeNotice.Level.WARNING ? "warning: " : "note: ";
        String where = n.file().isEmpty() ? "" : n.file() + (n.line() > 0 ? ":" + n.line() : "") + ": ";
        return level + where + n.message();
    }

    /** scan.json's {@code notices}: level, code, file (from the repository root), line, message. */
    static void json(ArrayNode out, List<TreeNotice> notices, String prefix) {
        for (TreeNotice n : notices) {
            ObjectNode o = out.addObject();
            o.put("level", n.level().name().toLowerCase(Locale.ROOT));
            o.put("code", n.code());
            o.put("file", n.file().isEmpty() ? null : prefix + n.file());
            o.put("line", n.line());
            o.put("message", n.message());
        }
    }
}
