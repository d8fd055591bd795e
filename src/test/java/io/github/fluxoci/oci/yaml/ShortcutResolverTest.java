package io.github.fluxoci.oci.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The shortcut resolver answers what SnakeYAML's resolver answers, for every kind of value. */
class ShortcutResolverTest {

    private static final Resolver SNAKEYAML = new Resolver();
    private static final Resolver SHORTCUT = new ShortcutResolver();

    private static void assertSameTags(String value) {
        for (NodeId kind : NodeId.values()) {
            for (boolean implicit : new boolean[] {true, false}) {
                assertEquals(SNAKEYAML.resolve(kind, value, implicit), SHORTCUT.resolve(kind, value, implicit),
                        "'" + value + "' " + kind + " implicit=" + implicit);
            }
        }
    }

    @Test
    void everyImplicitTypeAndItsNearMissesResolveAsInSnakeYaml() {
        String[] values = {"", " ", "~", "null", "Null", "NULL", "nul", "nulls", "nullx", "n", "N", "no", "No", "NO", "non",
            "yes", "Yes", "YES", "y", "Y", "yess", "true", "True", "TRUE", "truely", "t", "false", "False", "FALSE", "falsey",
            "f", "on", "On", "ON", "off", "Off", "OFF", "offs", "o", "0", "1", "-1", "+1", "0x1F", "0o17", "017", "0b101",
            "1_000", "1.5", "-1.5", ".5", "1e3", "1.5e-3", ".inf", "-.inf", ".nan", ".NaN", "1:30", "190:20:30", "<<", "<",
            "<<<", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "!", "&", "*", "1h", "15m",
            "4.1.2", "v1.2.3", "./kubernetes/apps", "/var/lib", "flux-system", "HelmRelease", "app-68", "OCIRepository",
            "registry.example.com/app:0.0", "éclair", "名前", "🚀"};
        for (String v : values) {
            assertSameTags(v);
        }
    }

    @Test
    void randomShortWordsOverTheTypedAlphabetResolveAsInSnakeYaml() {
        String alphabet = "yYnNtTfFoOulrsaeE0123456789-+._:<~xXbB ";
        Random random = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        values.forEach(ShortcutResolverTest::assertSameTags);
    }
}
