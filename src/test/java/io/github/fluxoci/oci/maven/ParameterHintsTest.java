package io.github.fluxoci.oci.maven;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterHintsTest {

    private static final Map<String, String> ELEMENTS =
            Map.of("oci.failOn", "failOn", "oci.shareFolder", "shareFolder");

    @Test
    void aParameterErrorSaysWhereTheParameterIsSet() {
        assertThat(ParameterHints.withHint("oci.failOn \"sometimes\" is not one of error, warning, never", ELEMENTS))
                .isEqualTo("oci.failOn \"sometimes\" is not one of error, warning, never" + System.lineSeparator()
                        + "  set <failOn> in the plugin's <configuration>, or -Doci.failOn=... on the command line");
    }

    @Test
    void aFindingThatMentionsAParameterInPassingGetsNoHint() {
        String failure = "oci:verify found 3 errors (oci.failOn=error); each is listed above";
        assertThat(ParameterHints.withHint(failure, ELEMENTS)).isEqualTo(failure);
    }

    @Test
    void aPropertyNoGoalReadsGetsNoHint() {
        assertThat(ParameterHints.withHint("oci.nothing is wrong", ELEMENTS)).isEqualTo("oci.nothing is wrong");
    }
}
