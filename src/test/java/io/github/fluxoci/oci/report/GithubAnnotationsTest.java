package io.github.fluxoci.oci.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class GithubAnnotationsTest {

    @Test
    void findingsBecomeWorkflowCommandsWithTheRunnersEscaping() {
        List<String> lines = GithubAnnotations.render(
                List.of(
                        new Finding(
                                "oci-ref",
                                Severity.ERROR,
                                "apps/a,b.yaml",
                                12,
                                3,
                                "tag \"1.2.3+x\" holds '+'; 100% wrong\nsee"),
                        new Finding("orphan-helmrepository", Severity.WARNING, "repos/r.yaml", 1, 1, "unused"),
                        new Finding("helmrepository-source", Severity.NOTE, "x.yaml", 0, 0, "excused: reason")),
                p -> "deploy/" + p);
        assertThat(lines)
                .containsExactly(
                        "::error file=deploy/apps/a%2Cb.yaml,line=12,col=3,title=oci%3Averify oci-ref::tag \"1.2.3+x\" holds '+';"
                                + " 100%25 wrong%0Asee",
                        "::warning file=deploy/repos/r.yaml,line=1,col=1,title=oci%3Averify orphan-helmrepository::unused",
                        "::notice file=deploy/x.yaml,title=oci%3Averify helmrepository-source::excused: reason");
    }
}
