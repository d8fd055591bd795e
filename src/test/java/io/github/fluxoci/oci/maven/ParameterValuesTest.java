package io.github.fluxoci.oci.maven;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booleans and POM elements checked against the plugin's own descriptor (the plugin.xml the build generates), so that
 * {@code -Doci.dryRun=yes} and {@code <dryrun>true</dryrun>} fail instead of migrating for real.
 */
class ParameterValuesTest {

    private static PluginDescriptor plugin;
    private static MojoDescriptor migrate;

    @BeforeAll
    static void descriptor() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            plugin = new PluginDescriptorBuilder().build(r);
        }
        migrate = plugin.getMojo("migrate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "ture", ""})
    void aBooleanPropertyThatIsNotTrueOrFalseFails(String value) {
        Properties p = new Properties();
        p.setProperty("oci.dryRun", value);
        assertThat(ParameterValues.errors(p, migrate, plugin, List.of()))
                .containsExactly("-Doci.dryRun=" + value + " is not true or false (Maven would read it as false);"
                        + " write -Doci.dryRun=true or -Doci.dryRun=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "TRUE", "False"})
    void trueAndFalseInAnyCasePass(String value) {
        Properties p = new Properties();
        for (String b : List.of(
                "oci.dryRun",
                "oci.skip",
                "oci.online",
                "oci.timings",
                "oci.includeUndeployed",
                "oci.showDiff",
                "oci.force")) {
            p.setProperty(b, value);
        }
        assertThat(ParameterValues.errors(p, migrate, plugin, List.of())).isEmpty();
    }

    @Test
    void everyBooleanParameterOfEveryGoalIsChecked() {
        List<String> booleans = plugin.getMojos().stream()
                .flatMap(m -> m.getParameters().stream())
                .filter(p -> "boolean".equals(p.getType()) && p.isEditable())
                .map(org.apache.maven.plugin.descriptor.Parameter::getExpression)
                .distinct()
                .sorted()
                .toList();
        assertThat(booleans)
                .contains(
                        "${oci.dryRun}",
                        "${oci.skip}",
                        "${oci.online}",
                        "${oci.timings}",
                        "${oci.force}",
                        "${oci.failOnProblems}",
                        "${oci.noCrossNamespaceRefs}",
                        "${oci.showDiff}",
                        "${oci.includeUndeployed}");
        for (MojoDescriptor goal : plugin.getMojos()) {
            for (String expression : booleans) {
                String property = expression.substring(2, expression.length() - 1);
                boolean has = goal.getParameters().stream().anyMatch(p -> expression.equals(p.getExpression()));
                Properties p = new Properties();
                p.setProperty(property, "yes");
                assertThat(ParameterValues.errors(p, goal, plugin, List.of()))
                        .as(goal.getGoal() + " " + property)
                        .hasSize(has ? 1 : 0);
            }
        }
    }

    @Test
    void aPomElementNoGoalReadsFailsWithTheClosestOne() throws Exception {
        Xpp3Dom config = Xpp3DomBuilder.build(new java.io.StringReader(
                "<configuration><dryrun>true</dryrun><share>chart</share><failOn>error</failOn></configuration>"));
        assertThat(ParameterValues.errors(new Properties(), migrate, plugin, List.of(config)))
                .containsExactly("<dryrun> in the plugin's <configuration> is not a parameter of this plugin;"
                        + " did you mean <dryRun>?");
    }

    @Test
    void aPomBooleanThatIsNotTrueOrFalseFails() throws Exception {
        Xpp3Dom config = Xpp3DomBuilder.build(
                new java.io.StringReader("<configuration><dryRun>yes</dryRun><online>${ci}</online></configuration>"));
        assertThat(ParameterValues.errors(new Properties(), migrate, plugin, List.of(config)))
                .containsExactly("<dryRun>yes</dryRun> is not true or false (Maven would read it as false)");
    }
}
