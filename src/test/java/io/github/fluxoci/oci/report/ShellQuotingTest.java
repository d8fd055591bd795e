package io.github.fluxoci.oci.report;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands {@code migrate.md} prints hold release names from the user's YAML: a POSIX shell must read each
 * quoted name back as exactly that one word, and run nothing hidden in it.
 */
class ShellQuotingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "podinfo",
                "kube-prometheus-stack",
                "a b",
                "$(touch pwned)",
                "`id`",
                "it's",
                "x;y",
                "${NS}",
                "*",
                "<namespace>",
                "tab\there",
                "ümlaut",
                ""
            })
    void theShellReadsTheQuotedWordBackUnchanged(String word) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf '%s|' " + MigrateReports.shell(word)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo(word + "|");
    }

    @ParameterizedTest
    @ValueSource(strings = {"podinfo", "kube-system", "app.v2"})
    void plainNamesStayPlain(String word) {
        assertThat(MigrateReports.shell(word)).isEqualTo(word);
    }
}
