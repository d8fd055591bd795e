package io.github.fluxoci.oci.maven;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Parameters checked as strictly as values, on every Maven version: a boolean is {@code true} or {@code false} (any
 * case), since Maven reads anything else as {@code false} ({@code -Doci.dryRun=yes} would migrate for real); and an
 * element of the plugin's {@code <configuration>} in the POM that no goal reads is an error naming the closest
 * parameter ({@code <dryrun>} is silently ignored by Maven 3.8), as {@link UnknownProperties} does for {@code -D}.
 */
final class ParameterValues {

    private ParameterValues() {}

    /**
     * One message per mistake: {@code -D} booleans of this goal that are neither true nor false, and POM
     * configuration elements ({@code configurations}: the plugin's and its executions') that no goal of the plugin
     * has, or booleans there that are neither.
     */
    static List<String> errors(
            Properties userProperties, MojoDescriptor goal, PluginDescriptor plugin, List<Xpp3Dom> configurations) {
        List<String> errors = new ArrayList<>();
        Map<String, Parameter> parameters = parametersOf(plugin);
        if (goal != null && goal.getParameters() != null) {
            for (Parameter p : goal.getParameters()) {
                String property = property(p);
                String value = property == null ? null : userProperties.getProperty(property);
                if (isBoolean(p) && value != null && !isBooleanText(value)) {
                    errors.add("-D" + property + "=" + value + " is not true or false (Maven would read it as false);"
                            + " write -D" + property + "=true or -D" + property + "=false");
                }
            }
        }
        for (Xpp3Dom configuration : configurations) {
            if (configuration == null) {
                continue;
            }
            for (Xpp3Dom element : configuration.getChildren()) {
                String name = element.getName();
                Parameter p = parameters.get(name);
                if (p == null) {
                    String closest = UnknownProperties.closest(name, parameters.keySet());
                    errors.add("<" + name + "> in the plugin's <configuration> is not a parameter of this plugin"
                            + (closest == null ? "" : "; did you mean <" + closest + ">?"));
                } else if (isBoolean(p)
                        && element.getValue() != null
                        && !element.getValue().contains("${")
                        && !isBooleanText(element.getValue().trim())) {
                    errors.add("<" + name + ">" + element.getValue() + "</" + name + "> is not true or false"
                            + " (Maven would read it as false)");
                }
            }
        }
        return errors;
    }

    /** Every goal's parameters by POM element name (and alias), the read-only ones left out. */
    private static Map<String, Parameter> parametersOf(PluginDescriptor plugin) {
        Map<String, Parameter> out = new TreeMap<>();
        if (plugin == null || plugin.getMojos() == null) {
            return out;
        }
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (Parameter p : mojo.getParameters() == null ? List.<Parameter>of() : mojo.getParameters()) {
                if (p.isEditable()) {
                    out.putIfAbsent(p.getName(), p);
                    if (p.getAlias() != null) {
                        out.putIfAbsent(p.getAlias(), p);
                    }
                }
            }
        }
        return out;
    }

    private static String property(Parameter p) {
        String e = p.getExpression();
        return e != null && e.startsWith("${") && e.endsWith("}") ? e.substring(2, e.length() - 1) : null;
    }

    private static boolean isBoolean(Parameter p) {
        return "boolean".equals(p.getType()) || "java.lang.Boolean".equals(p.getType());
    }

    private static boolean isBooleanText(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false");
    }

    /** The plugin's {@code <configuration>} in the POM, and each of its executions'. */
    static List<Xpp3Dom> pomConfigurations(MavenProject project, PluginDescriptor plugin) {
        List<Xpp3Dom> out = new ArrayList<>();
        if (project == null || plugin == null || project.getBuildPlugins() == null) {
            return out;
        }
        for (Plugin p : project.getBuildPlugins()) {
            if (plugin.getGroupId().equals(p.getGroupId())
                    && plugin.getArtifactId().equals(p.getArtifactId())) {
                out.add(dom(p.getConfiguration()));
                for (PluginExecution e : p.getExecutions()) {
                    out.add(dom(e.getConfiguration()));
                }
            }
        }
        return out;
    }

    /**
     * A POM configuration as this plugin's Xpp3Dom: Maven hands it over as its own class (another class loader's
     * since Maven 3.9), whose {@code toString()} is the XML.
     */
    private static Xpp3Dom dom(Object configuration) {
        if (configuration == null) {
            return null;
        }
        try {
            return Xpp3DomBuilder.build(new StringReader(configuration.toString()));
        } catch (XmlPullParserException | IOException e) {
            return null; // Maven parsed it already; an odd shape is its to report
        }
    }
}
