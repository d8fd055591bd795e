package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.yaml.YamlEdits;
import io.github.fluxoci.oci.yaml.YamlFile;
import io.github.fluxoci.oci.yaml.YamlParseException;

/**
 * A file the plan creates (OCIRepositories, overlay patches, a shared component's kustomization): one or more
 * documents in the style of the release's file.
 */
final class NewFile {
    final String path;
    final YamlEdits style;
    final List<String> documents = new ArrayList<>();

    NewFile(String path, YamlEdits style) {
        this.path = path;
        this.style = style;
    }

    FileChange change() {
        StringBuilder sb = new StringBuilder();
        for (String d : documents) {
            sb.append(style.documentText(d));
        }
        String text = sb.toString();
        try {
            if (YamlFile.parse(text).documents().size() != documents.size()) {
                throw new IllegalStateException(path + ": generated text has the wrong number of documents");
            }
        } catch (YamlParseException e) {
            throw new IllegalStateException(path + ": generated text does not parse: " + e.getMessage(), e);
        }
        return new FileChange(path, null, text);
    }
}
