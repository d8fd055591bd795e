package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubectl kustomize}, the outside oracle for what a kustomization builds (kubectl bundles Kustomize v5).
 * Tests that need it call {@link #assumeAvailable()} so that they show as skipped, never as passed, without it.
 */
public final class Kubectl {

    /** What one {@code kubectl kustomize} printed: the documents, or the error. */
    public record Build(List<Map<String, Object>> documents, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static Boolean available;

    private Kubectl() {}

    public static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("kubectl", "version", "--client")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /** Skips the calling test (reported as skipped) when kubectl is not installed. */
    public static void assumeAvailable() {
        assumeTrue(available(), "kubectl is not installed: the kustomize oracle is missing");
    }

    public static Build kustomize(Path dir) throws IOException, InterruptedException {
        // Flux builds without load restrictions (fluxcd/pkg kustomize/kustomize_generator.go): so does the oracle
        Process p = new ProcessBuilder(
                        "kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", dir.toString())
                .start();
        byte[] err = new byte[0];
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Build(List.of(), "timed out");
        }
        if (p.exitValue() != 0) {
            String text = new String(err, StandardCharsets.UTF_8).strip();
            return new Build(
                    List.of(),
                    text.isEmpty() ? "exit " + p.exitValue() : text.length() > 300 ? text.substring(0, 300) : text);
        }
        return new Build(documents(out), null);
    }

    /** The mapping documents of YAML text, as kubectl prints them and as files hold them. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (d instanceof Map<?, ?> m) {
                docs.add((Map<String, Object>) m);
            }
        }
        return docs;
    }

    /** The value at a path of keys in a built document ({@code spec}, {@code chartRef}, {@code name}), or null. */
    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> doc, String... path) {
        Object current = doc;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }
}
