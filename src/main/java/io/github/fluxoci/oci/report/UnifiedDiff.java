package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import io.github.fluxoci.oci.migrate.FileChange;

/** A {@code git diff}-style unified diff of a plan's changes, paths relative to the root. */
public final class UnifiedDiff {

    /** Marks, inside the diff computation only, a last line without a line break. */
    private static final String NO_NEWLINE = "\u0000no-newline";

    private UnifiedDiff() {}

    public static String render(List<FileChange> changes) {
        StringBuilder out = new StringBuilder();
        for (FileChange c : changes) {
            List<String> before = lines(c.before());
            List<String> after = lines(c.after());
            Patch<String> patch = DiffUtils.diff(before, after);
            String from = c.isNew() ? "/dev/null" : "a/" + c.path();
            String to = c.isDeletion() ? "/dev/null" : "b/" + c.path();
            out.append("diff --git a/")
                    .append(c.path())
                    .append(" b/")
                    .append(c.path())
                    .append('\n');
            if (c.isNew()) {
                out.append("new file mode 100644\n");
            } else if (c.isDeletion()) {
                out.append("deleted file mode 100644\n");
            }
            for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, 3)) {
                if (line.endsWith(NO_NEWLINE)) {
                    out.append(line, 0, line.length() - NO_NEWLINE.length())
                            .append('\n')
                            .append("\\ No newline at end of file\n");
                } else {
                    out.append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * The lines of a text; the last one carries {@link #NO_NEWLINE} when the text does not end with a line break,
     * so that "x" and "x\n" differ, as they do for git, and the marker line can be written after it.
     */
    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        boolean finalNewline = text.endsWith("\n");
        String t = finalNewline ? text.substring(0, text.length() - 1) : text;
        List<String> out = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        if (!finalNewline) {
            out.set(out.size() - 1, out.get(out.size() - 1) + NO_NEWLINE);
        }
        return out;
    }
}
