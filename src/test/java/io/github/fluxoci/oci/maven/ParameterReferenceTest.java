package io.github.fluxoci.oci.maven;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/parameters.md} is the plugin descriptor (what {@code mvn oci:help -Ddetail} prints), rendered: a
 * parameter added, renamed or documented differently in the code and not in the docs fails this test.
 * {@code mvn test -Dtest=ParameterReferenceTest -Doci.writeDocs=true} writes the file anew.
 */
class ParameterReferenceTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOC = Path.of("docs/parameters.md");

    @Test
    void docsParametersIsTheDescriptorRendered() throws Exception {
        String rendered =
                render(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile()));
        if (Boolean.getBoolean("oci.writeDocs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/parameters.md differs from the plugin descriptor; run"
                        + " mvn test -Dtest=ParameterReferenceTest -Doci.writeDocs=true and review the diff")
                .isEqualTo(rendered);
        assertThat(rendered).contains("`oci.dryRun`", "`oci.failOn`", "`oci.directory`");
    }

    static String render(Document descriptor) {
        StringBuilder md = new StringBuilder("# Parameters\n\n")
                .append("Generated from the plugin descriptor (`mvn oci:help -Ddetail` prints the same);"
                        + " `ParameterReferenceTest` fails when the two differ.\n");
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            md.append("\n## `oci:").append(goal).append("`\n\n");
            md.append(plain(text(mojo, "description"))).append("\n\n");
            md.append("| parameter | user property | default | meaning |\n|---|---|---|---|\n");
            for (String[] p : parameters(mojo)) {
                md.append("| `")
                        .append(p[0])
                        .append("` | ")
                        .append(p[1].isEmpty() ? "" : "`" + p[1] + "`")
                        .append(" | ")
                        .append(p[2].isEmpty() ? "" : "`" + p[2] + "`")
                        .append(" | ")
                        .append(plain(p[3]).replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** name, user property, default, description of each parameter a user can set, in the descriptor's order. */
    private static List<String[]> parameters(Element mojo) {
        Element configuration = child(mojo, "configuration");
        List<String[]> out = new ArrayList<>();
        Element params = child(mojo, "parameters");
        for (Node n = params.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element p) || !"true".equals(text(p, "editable"))) {
                continue;
            }
            String name = text(p, "name");
            String property = "";
            String defaultValue = "";
            Element c = configuration == null ? null : child(configuration, name);
            if (c != null) {
                String expression = c.getTextContent().trim();
                if (expression.startsWith("${oci.")) {
                    property = expression.substring(2, expression.length() - 1);
                }
                defaultValue = c.getAttribute("default-value");
            }
            out.add(new String[] {name, property, defaultValue, text(p, "description")});
        }
        return out;
    }

    /** The descriptor's description (plain text) as one line of Markdown: nothing in it reads as markup. */
    private static String plain(String text) {
        return text.replaceAll("\\s+", " ")
                .trim()
                .replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String text(Element e, String tag) {
        Element c = child(e, tag);
        return c == null ? "" : c.getTextContent().trim();
    }

    private static Element child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c;
            }
        }
        return null;
    }
}
