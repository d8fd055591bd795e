package io.github.fluxoci.oci.maven;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failures caused by a parameter name it the way a Maven user sets it, both ways (as Jib's Mojos do): the POM
 * element inside the plugin's {@code <configuration>} and the {@code -D} property.
 */
final class ParameterHints {

    /** a message about a parameter starts a line with its property ("oci.failOn \"x\" is not one of ...") */
    private static final Pattern PROPERTY = Pattern.compile("(?m)^\\s*(oci\\.[A-Za-z]+)\\b");

    private ParameterHints() {}

    /**
     * The message with a last line that says where the first parameter it is about is set; unchanged when it is
     * about none (a verify failure mentions {@code oci.failOn} but is about the tree) ({@code elementOf}: property -> POM element, from the plugin descriptor).
     */
    static String withHint(String message, Map<String, String> elementOf) {
        if (message == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(message);
        while (m.find()) {
            String element = elementOf.get(m.group(1));
            if (element != null) {
                return message + System.lineSeparator() + "  set <" + element + "> in the plugin's <configuration>,"
                        + " or -D" + m.group(1) + "=... on the command line";
            }
        }
        return message;
    }
}
