package io.github.fluxoci.oci.flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which apiVersions each Flux release serves, kind by kind, as Flux's own CRDs say: the shipped
 * {@code flux-apis.json}, generated from the CRDs of source-, helm- and kustomize-controller at the release tags of
 * each Flux line 2.2-2.9 (see {@code FluxApisResourceTest}, which fails when the file and the CRDs disagree).
 */
public final class FluxApis {

    private static final String RESOURCE = "flux-apis.json";
    private static volatile FluxApis shipped;

    private final List<FluxRelease> releases;

    private FluxApis(List<FluxRelease> releases) {
        this.releases = List.copyOf(releases);
    }

    /** The resource the plugin ships. */
    public static FluxApis shipped() {
        FluxApis s = shipped;
        if (s == null) {
            try (InputStream in = FluxApis.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the plugin");
                }
                s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = s;
        }
        return s;
    }

    static FluxApis parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<FluxRelease> out = new ArrayList<>();
        for (JsonNode r : root.path("releases")) {
            Map<String, String> controllers = new LinkedHashMap<>();
            r.path("controllers")
                    .fields()
                    .forEachRemaining(
                            e -> controllers.put(e.getKey(), e.getValue().asText()));
            Map<String, List<FluxRelease.Served>> apis = new LinkedHashMap<>();
            r.path("apis").fields().forEachRemaining(e -> {
                List<FluxRelease.Served> versions = new ArrayList<>();
                for (JsonNode v : e.getValue().path("versions")) {
                    List<String> fields = new ArrayList<>();
                    v.path("specFields").forEach(f -> fields.add(f.asText()));
                    versions.add(new FluxRelease.Served(
                            v.path("name").asText(),
                            v.path("storage").asBoolean(),
                            v.path("deprecated").asBoolean(),
                            List.copyOf(fields),
                            v.hasNonNull("schema") ? v.get("schema").asText() : null));
                }
                apis.put(e.getKey(), List.copyOf(versions));
            });
            List<String> assumed = new ArrayList<>();
            r.path("assumedFromPrevious").forEach(a -> assumed.add(a.asText()));
            out.add(new FluxRelease(r.path("flux").asText(), controllers, apis, List.copyOf(assumed)));
        }
        return new FluxApis(out);
    }

    /** Oldest first. */
    public List<FluxRelease> releases() {
        return releases;
    }

    public FluxRelease newest() {
        return releases.get(releases.size() - 1);
    }

    public FluxRelease oldest() {
        return releases.get(0);
    }

    /**
     * The release of a Flux line ({@code 2.5}, or a full version such as {@code 2.5.1}: its line), or null when the
     * plugin has no data for that line.
     */
    public FluxRelease release(String version) {
        String line = FluxRelease.lineOf(version);
        for (FluxRelease r : releases) {
            if (r.line().equals(line)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The Flux release that ships a controller at that version's line ({@code source-controller}, {@code v1.5.2}: the
     * release whose source-controller is {@code v1.5.x}), or null when none does.
     */
    public FluxRelease shipping(String controller, String version) {
        String line = FluxRelease.lineOf(version);
        for (FluxRelease r : releases) {
            String shipped = r.controllers().get(controller);
            if (shipped != null && FluxRelease.lineOf(shipped).equals(line)) {
                return r;
            }
        }
        return null;
    }

    /** The newest Flux release that still serves {@code apiVersion} for {@code kind}, or null when none does. */
    public FluxRelease lastServing(String apiVersion, String kind) {
        FluxRelease last = null;
        for (FluxRelease r : releases) {
            if (r.serves(apiVersion, kind)) {
                last = r;
            }
        }
        return last;
    }

    /** The oldest Flux release that serves {@code apiVersion} for {@code kind}, or null when none does. */
    public FluxRelease firstServing(String apiVersion, String kind) {
        for (FluxRelease r : releases) {
            if (r.serves(apiVersion, kind)) {
                return r;
            }
        }
        return null;
    }
}
