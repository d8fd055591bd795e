package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.yaml.YamlFile;

/**
 * No key appears twice in one mapping of a file a build reaches: kustomize refuses such a file ("mapping key ...
 * already defined"), so the whole build fails on the cluster. (The plugin reads on with the last value.)
 */
public final class DuplicateKeyRule extends DeclaredRule {

    public DuplicateKeyRule() {
        super(
                "duplicate-key",
                Severity.ERROR,
                "no key appears twice in a mapping of a built file (kustomize refuses the file)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ManifestFile f : context.tree().files()) {
            if (!f.parsed()) {
                continue;
            }
            YamlFile yaml = f.yaml();
            for (ScalarNode key : yaml.duplicateKeys()) {
                int offset = yaml.startOffset(key);
                out.add(new Finding(
                        id(),
                        context.fileSeverity(f),
                        f.relativePath(),
                        yaml.lineNumber(offset),
                        yaml.columnNumber(offset),
                        "key \"" + key.getValue()
                                + "\" appears a second time in this mapping; kustomize refuses the file: keep one"));
            }
        }
        return out;
    }
}
