package io.github.fluxoci.oci.maven;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready GitHub Actions workflow of the README ({@code examples/github-actions/flux-oci-gate.yml}): it parses as a
 * workflow (triggers, permissions for SARIF, one job of steps), sets up Java and caches Maven's repository without a
 * pom, runs a goal and properties that the plugin descriptor has, at this plugin's version, and uploads the SARIF
 * file from where that goal writes it.
 */
class GithubWorkflowTest {

    private static final Path WORKFLOW = Path.of("examples/github-actions/flux-oci-gate.yml");

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowRunsVerifyDirAndUploadsItsSarif() throws Exception {
        Map<Object, Object> flow;
        try (InputStream in = Files.newInputStream(WORKFLOW)) {
            flow = new Yaml(new LoaderOptions()).load(in);
        }
        // "on" is a YAML 1.1 boolean for SnakeYAML; GitHub reads it as the key "on"
        Object on = flow.containsKey("on") ? flow.get("on") : flow.get(Boolean.TRUE);
        assertThat((Map<String, Object>) on).containsKeys("pull_request", "push");
        assertThat((Map<String, Object>) flow.get("permissions")).containsEntry("security-events", "write");
        Map<String, String> env = (Map<String, String>) flow.get("env");
        Map<String, Object> jobs = (Map<String, Object>) flow.get("jobs");
        assertThat(jobs).hasSize(1);
        List<Map<String, Object>> steps = (List<Map<String, Object>>)
                ((Map<String, Object>) jobs.values().iterator().next()).get("steps");
        List<String> uses = new ArrayList<>();
        steps.forEach(s -> uses.add(String.valueOf(s.get("uses"))));
        assertThat(uses).anyMatch(u -> u.startsWith("actions/checkout@"));
        assertThat(uses).anyMatch(u -> u.startsWith("actions/setup-java@"));
        assertThat(uses).anyMatch(u -> u.startsWith("actions/cache@"));
        assertThat(uses).anyMatch(u -> u.startsWith("github/codeql-action/upload-sarif@"));

        // the plugin coordinates are this build's
        assertThat(env.get("OCI_PLUGIN")).isEqualTo("io.github.fluxoci:oci-maven-plugin:" + projectVersion());
        String run = steps.stream()
                .map(s -> (String) s.get("run"))
                .filter(r -> r != null && r.contains("mvn "))
                .findFirst()
                .orElseThrow();
        Matcher goal = Pattern.compile(":([a-z-]+)\"").matcher(run);
        assertThat(goal.find()).isTrue();
        assertThat(goal.group(1)).isEqualTo("verify-dir");
        List<String> properties = new ArrayList<>();
        Matcher d = Pattern.compile("-D(oci\\.[A-Za-z]+)=").matcher(run);
        while (d.find()) {
            properties.add(d.group(1));
        }
        assertThat(properties).isNotEmpty();
        assertThat(propertiesOf("verify-dir")).containsAll(properties);

        // the SARIF file is where verify-dir writes it: <directory>/target/oci/verify.sarif
        Map<String, Object> upload = steps.stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif@"))
                .findFirst()
                .orElseThrow();
        assertThat(upload.get("if")).isEqualTo("always()");
        assertThat(((Map<String, String>) upload.get("with")).get("sarif_file"))
                .isEqualTo("${{ env.FLUX_DIR }}/target/oci/verify.sarif");
        assertThat(run).contains("-Doci.directory=\"${FLUX_DIR}\"");
    }

    /** The user properties of a goal's parameters, from the generated plugin descriptor. */
    private static List<String> propertiesOf(String goal) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        NodeList mojos = doc.getElementsByTagName("mojo");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            Element configuration =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList values = configuration.getChildNodes();
            for (int j = 0; j < values.getLength(); j++) {
                if (values.item(j) instanceof Element e) {
                    Matcher m = Pattern.compile("\\$\\{(oci\\.[A-Za-z]+)}").matcher(e.getTextContent());
                    if (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        assertThat(out).as("goal " + goal + " in plugin.xml").isNotEmpty();
        return out;
    }

    private static String projectVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("no version in pom.xml");
    }
}
