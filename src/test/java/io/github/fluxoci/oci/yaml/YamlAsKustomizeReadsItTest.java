package io.github.fluxoci.oci.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.Kubectl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin reads what kustomize (kyaml, go-yaml v3) reads, checked against {@code kubectl kustomize} itself: seeded
 * variants of a HelmRelease with tabs and spaces wherever YAML allows white space, comments, CR, CRLF or LF line
 * endings and a BOM. Every variant kustomize builds, the plugin parses, with the same chart name and version; a
 * variant kustomize refuses (a tab after a block sequence's "-"), the plugin refuses too.
 */
class YamlAsKustomizeReadsItTest {

    @TempDir
    Path dir;

    private static final String[] LINES = {
        "apiVersion:{s}helm.toolkit.fluxcd.io/v2{c}",
        "kind:{s}HelmRelease",
        "metadata:{c}",
        "  name:{s}app{c}",
        "spec:",
        "  interval:{s}1h",
        "  chart:{c}",
        "    spec:",
        "      chart:{s}podinfo{c}",
        "      version:{s}\"6.5.4\"{c}",
        "      sourceRef:{s}{kind:{s}HelmRepository,{s}name:{s}charts}",
        "  values:",
        "    list:",
        "      -{s}one{c}",
        "      -{s}two"
    };

    @Test
    void whatKustomizeBuildsThePluginReadsTheSame() throws Exception {
        Kubectl.assumeAvailable();
        Random random = new Random(7);
        String[] blanks = {" ", "\t", " \t", "\t ", "  "};
        String[] endings = {"\n", "\r\n", "\r"};
        int built = 0;
        int refused = 0;
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String ending = endings[random.nextInt(endings.length)];
            StringBuilder text = new StringBuilder(random.nextInt(6) == 0 ? YamlFile.BOM : "");
            for (String line : LINES) {
                String l = line;
                boolean sequence = l.startsWith("      -");
                while (l.contains("{s}")) {
                    // after a sequence's "-" a tab is refused by kustomize: mostly spaces there, so both ways are seen
                    String blank = sequence && random.nextInt(4) != 0 ? " " : blanks[random.nextInt(blanks.length)];
                    l = l.replaceFirst("\\{s}", blank);
                }
                l = l.replace("{c}", random.nextInt(4) == 0 ? blanks[random.nextInt(blanks.length)] + "# note" : "");
                text.append(l).append(ending);
            }
            Path folder = dir.resolve("v" + i);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("release.yaml"), text);
            Files.writeString(folder.resolve("kustomization.yaml"), "resources:\n  - release.yaml\n");
            Kubectl.Build build = Kubectl.kustomize(folder);
            if (!build.ok()) {
                refused++;
                try {
                    YamlFile.parse(text.toString());
                    differences.add("v" + i + " is refused by kustomize ("
                            + build.error().lines().findFirst().orElse("") + ") but read by the plugin: "
                            + shown(text));
                } catch (YamlParseException expected) {
                    // refused by both
                }
                continue;
            }
            built++;
            Object chart = Kubectl.at(build.documents().get(0), "spec", "chart", "spec", "chart");
            Object version = Kubectl.at(build.documents().get(0), "spec", "chart", "spec", "version");
            try {
                YamlFile file = YamlFile.parse(text.toString());
                org.yaml.snakeyaml.nodes.Node root = file.documents().get(0);
                if (!String.valueOf(chart).equals(Nodes.text(root, "spec", "chart", "spec", "chart"))
                        || !String.valueOf(version).equals(Nodes.text(root, "spec", "chart", "spec", "version"))
                        || Nodes.texts(root, "spec", "values", "list").size() != 2) {
                    differences.add(
                            "v" + i + " reads differently: " + text.toString().replace("\t", "<TAB>"));
                }
            } catch (YamlParseException e) {
                differences.add("v" + i + " refused (" + e.getMessage() + "): " + shown(text));
            }
        }
        System.out.printf("kustomize built %d variants and refused %d%n", built, refused);
        assertThat(differences)
                .as("variants the plugin reads otherwise than kustomize")
                .isEmpty();
        assertThat(built).as("variants kustomize builds").isGreaterThan(10);
        assertThat(refused).as("variants kustomize refuses").isGreaterThan(10);
    }

    private static String shown(CharSequence text) {
        return text.toString().replace("\t", "<TAB>").replace("\r", "<CR>").replace("\n", "<LF>");
    }
}
