package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The edits meant for one text. Edits are sorted, overlaps are refused, and they are applied back to
 * front so that every offset refers to the original text. {@link #applyTo(YamlFile)} re-parses the
 * result to confirm that it is still YAML with the same number of documents (unless told otherwise).
 */
public final class EditPlan {

    private final List<TextEdit> edits = new ArrayList<>();

    public EditPlan add(TextEdit edit) {
        edits.add(edit);
        return this;
    }

    public EditPlan addAll(List<TextEdit> more) {
        edits.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The edits in text order. */
    public List<TextEdit> edits() {
        List<TextEdit> sorted = new ArrayList<>(edits);
        Collections.sort(sorted);
        return sorted;
    }

    /** Applies the edits to a plain text; throws {@link EditConflictException} on overlapping edits. */
    public String apply(String text) {
        List<TextEdit> sorted = edits();
        for (int i = 0; i < sorted.size(); i++) {
            TextEdit e = sorted.get(i);
            if (e.end() > text.length()) {
                throw new EditConflictException("edit [" + e.start() + ", " + e.end()
                        + ") runs past the end of the text (" + text.length() + ")");
            }
            if (i > 0) {
                TextEdit prev = sorted.get(i - 1);
                boolean overlap =
                        e.start() < prev.end() || (e.isInsertion() && prev.isInsertion() && e.start() == prev.start());
                if (overlap) {
                    throw new EditConflictException("overlapping edits at offsets " + prev.start() + "-" + prev.end()
                            + " and " + e.start() + "-" + e.end());
                }
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            TextEdit e = sorted.get(i);
            out.replace(e.start(), e.end(), e.replacement());
        }
        return out.toString();
    }

    /**
     * Applies the edits to a parsed file and re-parses the result. Fails if the result is not YAML or
     * its document count differs from {@code expectedDocuments}.
     */
    public YamlFile applyTo(YamlFile file, int expectedDocuments) {
        String edited = apply(file.text());
        YamlFile result;
        try {
            result = YamlFile.parse(file.hasBom() ? YamlFile.BOM + edited : edited, file.limits());
        } catch (YamlParseException e) {
            throw new EditConflictException("the edited text no longer parses: " + e.getMessage(), e);
        }
        if (result.documents().size() != expectedDocuments) {
            throw new EditConflictException(
                    "the edited text has " + result.documents().size() + " documents, expected " + expectedDocuments);
        }
        return result;
    }

    /** Same as {@link #applyTo(YamlFile, int)} with the file's current document count. */
    public YamlFile applyTo(YamlFile file) {
        return applyTo(file, file.documents().size());
    }
}
