package io.github.fluxoci.oci.maven;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownPropertiesTest {

    static final List<String> KNOWN = List.of("oci.dryRun", "oci.directory", "oci.prune", "oci.charts", "oci.failOn");

    @Test
    void aTypoGetsTheClosestKnownProperty() {
        assertThat(UnknownProperties.closest("oci.dryrun", KNOWN)).isEqualTo("oci.dryRun");
        assertThat(UnknownProperties.closest("oci.dry-run", KNOWN)).isEqualTo("oci.dryRun");
        assertThat(UnknownProperties.closest("oci.chart", KNOWN)).isEqualTo("oci.charts");
        assertThat(UnknownProperties.closest("oci.failon", KNOWN)).isEqualTo("oci.failOn");
        assertThat(UnknownProperties.closest("oci.somethingElseEntirely", KNOWN))
                .isNull();
    }
}
