package io.github.fluxoci.oci.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * {@code -Doci.*} properties that no goal of the plugin reads: a typo such as {@code -Doci.dryrun=true} would
 * otherwise run for real. Each is an error naming the closest known property (case differences first, then the
 * fewest edits, at most a third of the name).
 */
final class UnknownProperties {

    private UnknownProperties() {}

    /** One message per unknown {@code oci.*} user property; the known ones are every goal's parameter expressions. */
    static List<String> errors(Properties userProperties, PluginDescriptor plugin) {
        List<String> errors = new ArrayList<>();
        if (plugin == null || plugin.getMojos() == null) {
            return errors;
        }
        Set<String> known = new TreeSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (Parameter p : mojo.getParameters()) {
                String e = p.getExpression();
                if (e != null && e.startsWith("${oci.") && e.endsWith("}")) {
                    known.add(e.substring(2, e.length() - 1));
                }
            }
        }
        for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (name.startsWith("oci.") && !known.contains(name)) {
                String closest = closest(name, known);
                errors.add("-D" + name + " is not a property of this plugin"
                        + (closest == null ? "" : "; did you mean -D" + closest + "?"));
            }
        }
        return errors;
    }

    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
