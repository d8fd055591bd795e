package io.github.fluxoci.oci.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a chart can come from as OCI, asked in this order: the user's mappings, derivation for
 * HelmRepositories of {@code type: oci} (url + "/" + chart), then the built-in catalog shipped as
 * {@code charts.json} (keyed by the normalized HTTP repository URL and the chart name).
 *
 * <p>Large because the order of those answers is one decision: the mappings' validation, the derivation and the
 * catalog's loading and lookups are kept together so that the precedence is read in one place.
 */
public final class ChartCatalog {

    private static final String RESOURCE = "charts.json";

    private final List<ChartMapping> configured;
    private final List<BuiltInEntry> builtIn;
    private final List<Guess> guesses;
    private final Map<String, String> aliases;
    private final List<MirrorOrganization> mirrorOrganizations;
    /** {@code oci.prefer=mirror}: a chart the catalog knows at its publisher and at a mirror comes from the mirror */
    private boolean preferMirror;
    /** the aliases as given, to make the same catalog again */
    private final List<Alias> givenAliases;
    /** normalized chart URL -> the first entry naming it; normalized prefix + "/" -> entry (asked on every OCI release) */
    private final Map<String, BuiltInEntry> byOciUrl = new java.util.HashMap<>();

    private final Map<String, BuiltInEntry> byOciPrefix = new LinkedHashMap<>();
    /** normalized Helm repository URL -> its entries, in catalog order (asked for every release) */
    private final Map<String, List<BuiltInEntry>> byRepository = new java.util.HashMap<>();

    /** A Helm repository URL that moved: charts asked at {@code from} are looked up at {@code to}. */
    public record Alias(String from, String to, String source) {}

    /** A mirror organization and the names it had before: URLs under a former name are reported as moved. */
    public record MirrorOrganization(String current, List<String> former, String source) {}

    /** Where a chart of an HTTP repository might be as OCI: only asked online, and only ever a suggestion. */
    public record Guess(Pattern helmRepository, List<String> oci, String source) {}

    /** An entry of the shipped catalog. */
    public record BuiltInEntry(
            String helmRepository,
            String chart,
            String oci,
            String ociPrefix,
            String provenance,
            String blocked,
            String mirror,
            String source,
            String tagPrefix,
            boolean cosign,
            OciSince since) {

        boolean matches(String normalizedRepository, String chartName) {
            return helmRepository != null
                    && helmRepository.equals(normalizedRepository)
                    && ("*".equals(chart) || chart.equals(chartName));
        }

        String ociFor(String chartName) {
            return oci != null ? ChartUrls.normalize(oci) : ChartUrls.join(ociPrefix, chartName);
        }
    }

    public ChartCatalog(List<ChartMapping> configured, List<BuiltInEntry> builtIn) {
        this(configured, builtIn, List.of());
    }

    public ChartCatalog(List<ChartMapping> configured, List<BuiltInEntry> builtIn, List<Guess> guesses) {
        this(configured, builtIn, guesses, List.of(), List.of());
    }

    public ChartCatalog(
            List<ChartMapping> configured,
            List<BuiltInEntry> builtIn,
            List<Guess> guesses,
            List<Alias> aliases,
            List<MirrorOrganization> mirrorOrganizations) {
        this.configured = List.copyOf(configured);
        this.givenAliases = List.copyOf(aliases);
        this.builtIn = List.copyOf(builtIn);
        this.guesses = List.copyOf(guesses);
        Map<String, String> byFrom = new LinkedHashMap<>();
        aliases.forEach(a -> byFrom.put(ChartUrls.normalize(a.from()), ChartUrls.normalize(a.to())));
        this.aliases = byFrom;
        this.mirrorOrganizations = List.copyOf(mirrorOrganizations);
        for (BuiltInEntry e : this.builtIn) {
            if (e.helmRepository() != null) {
                byRepository
                        .computeIfAbsent(e.helmRepository(), k -> new ArrayList<>())
                        .add(e);
            }
            if (e.blocked() == null && e.oci() != null) {
                byOciUrl.putIfAbsent(ChartUrls.normalize(e.oci()), e);
            }
            if (e.blocked() == null && e.ociPrefix() != null) {
                byOciPrefix.putIfAbsent(ChartUrls.normalize(e.ociPrefix()) + "/", e);
            }
        }
    }

    /**
     * The same catalog choosing, for a chart it knows both at its publisher's registry and at a mirror (an entry's
     * {@code mirror}), the mirror ({@code -Doci.prefer=mirror}).
     */
    public ChartCatalog preferringMirrors() {
        ChartCatalog c = new ChartCatalog(configured, builtIn, guesses, givenAliases, mirrorOrganizations);
        c.preferMirror = true;
        return c;
    }

    /** The built-in catalog plus the user's mappings (checked first). */
    public static ChartCatalog withBuiltIn(List<ChartMapping> configured) {
        JsonNode root = loadRoot();
        return new ChartCatalog(
                configured, builtInEntries(root), guesses(root), aliases(root), mirrorOrganizations(root));
    }

    /**
     * Who signs the chart at {@code ociUrl} (no tag), as the built-in catalog's {@code signers} list it: an entry
     * ending in {@code /} covers every chart under it. Empty when the catalog does not know.
     */
    public static Optional<SigningIdentity> signerOf(String ociUrl) {
        if (ociUrl == null) {
            return Optional.empty();
        }
        String url = ChartUrls.normalize(ociUrl);
        for (JsonNode s : Signers.ROOT.path("signers")) {
            for (JsonNode o : s.path("oci")) {
                String covered = o.asText();
                if (covered.endsWith("/") ? url.startsWith(covered) : url.equals(covered)) {
                    return Optional.of(new SigningIdentity(
                            s.path("issuer").asText(),
                            s.path("subject").asText(),
                            s.path("source").asText()));
                }
            }
        }
        return Optional.empty();
    }

    /** The catalog, read once for {@link #signerOf} (only migrate with {@code oci.verify=cosign} asks). */
    private static final class Signers {
        static final JsonNode ROOT = loadRoot();
    }

    /** The Helm repository URLs that moved, as the built-in catalog lists them. */
    public static List<Alias> loadAliases() {
        return aliases(loadRoot());
    }

    /** The mirror organizations and their former names, as the built-in catalog lists them. */
    public static List<MirrorOrganization> loadMirrorOrganizations() {
        return mirrorOrganizations(loadRoot());
    }

    /**
     * Where an OCI URL under a mirror organization's former name lives now ({@code oci://ghcr.io/onedr0p/charts-mirror/x}
     * -> {@code oci://ghcr.io/home-operations/charts-mirror/x}); empty for any other URL.
     */
    public Optional<String> movedTo(String ociUrl) {
        if (ociUrl == null) {
            return Optional.empty();
        }
        String url = ChartUrls.normalize(ociUrl);
        for (MirrorOrganization m : mirrorOrganizations) {
            for (String former : m.former()) {
                String prefix = ChartUrls.normalize(former) + "/";
                if (url.startsWith(prefix)) {
                    return Optional.of(ChartUrls.normalize(m.current()) + "/" + url.substring(prefix.length()));
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode loadRoot() {
        try (InputStream in = ChartCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the built-in chart catalog " + RESOURCE + " is missing from the plugin");
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                return readValue(parser, parser.nextToken());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in chart catalog", e);
        }
    }

    /**
     * One JSON value as a node tree, read with jackson-core's streaming parser: an {@code ObjectMapper} would cost a
     * cold run about a quarter of a second to build, for a file of plain objects, lists and strings (issue #13).
     */
    private static JsonNode readValue(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (token == null) {
            throw new IOException("the chart catalog ends early");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String field = p.currentName();
                    object.set(field, readValue(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IOException("unexpected " + token + " in the chart catalog");
        }
    }

    private static List<Alias> aliases(JsonNode root) {
        List<Alias> out = new ArrayList<>();
        for (JsonNode a : root.path("aliases")) {
            out.add(new Alias(text(a, "from"), text(a, "to"), text(a, "source")));
        }
        return out;
    }

    private static List<MirrorOrganization> mirrorOrganizations(JsonNode root) {
        List<MirrorOrganization> out = new ArrayList<>();
        for (JsonNode m : root.path("mirrorOrganizations")) {
            List<String> former = new ArrayList<>();
            m.path("former").forEach(f -> former.add(f.asText()));
            out.add(new MirrorOrganization(text(m, "current"), former, text(m, "source")));
        }
        return out;
    }

    /** OCI URLs where a chart of an HTTP repository might live, by the catalog's guess rules (may be empty). */
    public List<String> guessesFor(String helmRepositoryUrl, String chart) {
        List<String> out = new ArrayList<>();
        if (helmRepositoryUrl == null || chart == null) {
            return out;
        }
        String url = ChartUrls.normalize(helmRepositoryUrl);
        for (Guess g : guesses) {
            Matcher m = g.helmRepository().matcher(url);
            if (m.find()) {
                for (String template : g.oci()) {
                    String candidate = template.replace("{chart}", chart);
                    for (int i = m.groupCount(); i >= 1; i--) {
                        candidate = candidate.replace("$" + i, m.group(i));
                    }
                    if (!out.contains(candidate)) {
                        out.add(candidate);
                    }
                }
            }
        }
        return out;
    }

    private static final Pattern GITHUB_REPOSITORY =
            Pattern.compile("^https?://github\\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)");

    /**
     * OCI locations to try for a chart from its own links (a Helm index entry's {@code urls}, {@code sources} and
     * {@code home}): an {@code oci://} link as it is (without its tag); a GitHub repository's owner on ghcr.io
     * ({@code charts/}, the repository's name, {@code helm-charts/}, or the owner alone); any other link through the
     * catalog's guesses. Candidates, never facts: online checks prove them by digest.
     */
    public List<String> guessesFromLinks(List<String> links, String chart) {
        List<String> out = new ArrayList<>();
        if (links == null || chart == null) {
            return out;
        }
        for (String link : links) {
            String l = link == null ? "" : link.trim();
            List<String> found = new ArrayList<>();
            if (l.startsWith("oci://")) {
                found.add(ChartUrls.normalize(
                        l.replaceFirst("@sha256:[0-9a-fA-F]+$", "").replaceFirst(":[^/:]+$", "")));
            } else {
                Matcher gh = GITHUB_REPOSITORY.matcher(l);
                if (gh.find()) {
                    String owner = gh.group(1).toLowerCase(Locale.ROOT);
                    String repository = gh.group(2).replaceFirst("\\.git$", "").toLowerCase(Locale.ROOT);
                    found.add("oci://ghcr.io/" + owner + "/charts/" + chart);
                    found.add("oci://ghcr.io/" + owner + "/" + repository + "/" + chart);
                    found.add("oci://ghcr.io/" + owner + "/helm-charts/" + chart);
                    found.add("oci://ghcr.io/" + owner + "/" + chart);
                } else if (l.startsWith("http")) {
                    found.addAll(guessesFor(l, chart));
                }
            }
            found.stream().filter(c -> !out.contains(c)).forEach(out::add);
        }
        return out;
    }

    static List<Guess> loadGuesses() {
        return guesses(loadRoot());
    }

    private static List<Guess> guesses(JsonNode root) {
        List<Guess> out = new ArrayList<>();
        for (JsonNode g : root.path("guesses")) {
            List<String> oci = new ArrayList<>();
            g.path("oci").forEach(o -> oci.add(o.asText()));
            out.add(new Guess(Pattern.compile(g.path("helmRepository").asText()), oci, text(g, "source")));
        }
        return out;
    }

    public List<BuiltInEntry> builtInEntries() {
        return builtIn;
    }

    static List<BuiltInEntry> loadBuiltIn() {
        return builtInEntries(loadRoot());
    }

    private static List<BuiltInEntry> builtInEntries(JsonNode root) {
        List<BuiltInEntry> out = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            out.add(new BuiltInEntry(
                    e.hasNonNull("helmRepository")
                            ? ChartUrls.normalize(e.get("helmRepository").asText())
                            : null,
                    e.path("chart").asText(),
                    text(e, "oci"),
                    text(e, "ociPrefix"),
                    text(e, "provenance"),
                    text(e, "blocked"),
                    text(e, "mirror"),
                    text(e, "source"),
                    text(e, "tagPrefix"),
                    e.path("cosign").asBoolean(false),
                    e.hasNonNull("ociSince") ? new OciSince(text(e, "ociSince"), text(e, "ociSinceSource")) : null));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Where {@code chart} of {@code repository} lives as OCI, why it cannot move, or nothing. */
    public CatalogAnswer lookup(HelmRepositoryRef repository, String chart) {
        for (ChartMapping m : configured) {
            if (m.problem() == null && matches(m, repository) && m.coversChart(chart)) {
                if (m.blocked() != null) {
                    return new CatalogAnswer.Blocked(m.blocked(), OciSource.CONFIGURED, null);
                }
                String url = m.oci() != null ? ChartUrls.normalize(m.oci()) : ChartUrls.join(m.ociPrefix(), chart);
                return new CatalogAnswer.Found(
                        new OciSource(url, OciSource.CONFIGURED, provenanceOf(url), "plugin configuration <mappings>"));
            }
        }
        if (repository.isOci() && repository.url() != null) {
            String url = ChartUrls.join(repository.url(), chart);
            return new CatalogAnswer.Found(new OciSource(
                    url,
                    OciSource.DERIVED,
                    provenanceOf(url),
                    "HelmRepository " + repository.name() + " is type: oci"));
        }
        String asked = ChartUrls.normalize(repository.url());
        String normalized = aliases.getOrDefault(asked, asked);
        List<BuiltInEntry> entries = normalized == null ? List.of() : byRepository.getOrDefault(normalized, List.of());
        for (BuiltInEntry e : entries) {
            if (e.matches(normalized, chart)) {
                if (e.blocked() != null) {
                    return new CatalogAnswer.Blocked(e.blocked(), OciSource.BUILTIN, e.mirror());
                }
                String note = normalized.equals(asked)
                        ? e.source()
                        : repository.url() + " moved to " + normalized + "; " + e.source();
                if (preferMirror && e.mirror() != null) {
                    // a third-party copy: no first OCI version of its own, signed as the mirror's signer says
                    return new CatalogAnswer.Found(new OciSource(
                            ChartUrls.normalize(e.mirror()),
                            OciSource.BUILTIN,
                            "mirror",
                            "the mirror of " + e.ociFor(chart) + " (-Doci.prefer=mirror); " + note,
                            null,
                            signerOf(e.mirror()).isPresent(),
                            null));
                }
                return new CatalogAnswer.Found(new OciSource(
                        e.ociFor(chart),
                        OciSource.BUILTIN,
                        e.provenance(),
                        note,
                        e.tagPrefix(),
                        e.cosign(),
                        e.since()));
            }
        }
        return new CatalogAnswer.NotFound();
    }

    /**
     * The HTTP Helm repositories whose {@code chart} the user mapped to {@code ociUrl} ({@code <mappings>} that name the
     * repository by URL): after a migration, where the chart came from.
     */
    public List<String> configuredRepositoriesOf(String ociUrl, String chart) {
        List<String> out = new ArrayList<>();
        String wanted = ChartUrls.normalize(ociUrl);
        for (ChartMapping m : configured) {
            if (m.problem() != null
                    || m.blocked() != null
                    || !m.repository().contains("://")
                    || !m.coversChart(chart)) {
                continue;
            }
            String url = m.oci() != null ? ChartUrls.normalize(m.oci()) : ChartUrls.join(m.ociPrefix(), chart);
            if (url.equals(wanted) && !out.contains(m.repository().trim())) {
                out.add(m.repository().trim());
            }
        }
        return out;
    }

    /** What the catalog knows about an OCI chart URL already in use (official or mirror): its entry, or a repository's. */
    public Optional<BuiltInEntry> describe(String ociUrl) {
        if (ociUrl == null) {
            return Optional.empty();
        }
        String url = movedTo(ociUrl).orElse(ChartUrls.normalize(ociUrl));
        BuiltInEntry exact = byOciUrl.get(url);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, BuiltInEntry> p : byOciPrefix.entrySet()) {
            if (url.startsWith(p.getKey())) {
                return Optional.of(p.getValue());
            }
        }
        return Optional.empty();
    }

    /** {@code official}/{@code mirror} for a URL the built-in catalog knows, else null. */
    public String provenanceOf(String ociUrl) {
        Optional<BuiltInEntry> e = describe(ociUrl);
        if (e.isPresent()) {
            return e.get().provenance();
        }
        return ociUrl != null && ociUrl.contains("/charts-mirror/") ? "mirror" : null;
    }

    private static boolean matches(ChartMapping m, HelmRepositoryRef repository) {
        String want = m.repository().trim();
        if (want.contains("://")) {
            return repository.url() != null && ChartUrls.normalize(want).equals(ChartUrls.normalize(repository.url()));
        }
        if (want.contains("/")) {
            return want.equals(repository.namespace() + "/" + repository.name());
        }
        return want.equals(repository.name());
    }
}
