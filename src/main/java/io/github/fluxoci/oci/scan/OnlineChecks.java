package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.OciSource;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.semver.Version;
import io.github.fluxoci.oci.tree.ManifestTree;

/**
 * What the guide checked by hand against live registries, for {@code -Doci.online=true}: does the OCI repository
 * publish the version a MIGRATABLE release needs (else BLOCKED, "version X not published at oci://..."), and does
 * the OCI source lag behind the HTTP Helm repository (both newest versions reported).
 */
public final class OnlineChecks {

    /** How the reasons this check adds read; {@link #blockedOnline} recognises them. */
    static final String PUBLISHED_AT = " published at ";
    /** How a release whose registry could not be asked reads; {@link #notChecked} recognises it. */
    static final String NOT_CHECKED = "could not check ";

    private OnlineChecks() {}

    /** True when the registry said the release's version is not there (the release was MIGRATABLE offline). */
    public static boolean blockedOnline(ScannedRelease r) {
        return r.status() == ReleaseStatus.BLOCKED
                && r.reasons().stream().anyMatch(x -> x.contains(PUBLISHED_AT + "oci://"));
    }

    /** True when online checks were asked for but the registry could not be reached for this release. */
    public static boolean notChecked(ScannedRelease r) {
        return r.status() == ReleaseStatus.BLOCKED && r.reasons().stream().anyMatch(x -> x.startsWith(NOT_CHECKED));
    }

    public static ScanResult apply(
            ManifestTree tree,
            ScanResult scan,
            OciRegistryClient registry,
            HelmIndexClient helm,
            ChartCatalog catalog) {
        Set<String> urls = new LinkedHashSet<>();
        scan.releases().stream()
                .filter(r -> r.oci() != null && r.oci().url() != null)
                .forEach(r -> urls.add(r.oci().url()));
        registry.prefetch(urls);
        // the proofs of exact versions: their manifests and signatures, asked in parallel
        Set<Map.Entry<String, String>> pinned = new LinkedHashSet<>();
        scan.releases().stream()
                .filter(r -> r.status() == ReleaseStatus.MIGRATABLE
                        && r.oci().tag() != null
                        && !r.oci().tag().contains("${"))
                .forEach(r -> pinned.add(Map.entry(r.oci().url(), r.oci().tag())));
        registry.prefetchManifests(pinned);
        // the Helm indexes keep only the charts the tree uses
        Map<String, Set<String>> chartsByRepository = new HashMap<>();
        scan.releases().stream()
                .filter(r -> r.source() != null && r.source().url() != null && r.chart() != null)
                .forEach(r -> chartsByRepository
                        .computeIfAbsent(r.source().url(), k -> new HashSet<>())
                        .add(r.chart()));
        List<ScannedRelease> out = new ArrayList<>();
        Discovery discovery = new Discovery(tree, catalog, registry, helm, chartsByRepository, scan.flux());
        for (ScannedRelease r : scan.releases()) {
            ScannedRelease found = r.status() == ReleaseStatus.UNKNOWN ? discovery.apply(r) : r;
            out.add(
                    found.status() == ReleaseStatus.MIGRATABLE
                            ? check(found, registry, helm, chartsByRepository)
                            : found);
        }
        return scan.withReleases(out);
    }

    /** A registry that lets clients pull but not list tags: ask for the one manifest instead. */
    private static ScannedRelease withoutTagList(
            ScannedRelease r,
            OciRegistryClient registry,
            OciRegistryClient.Tags tags,
            List<String> reasons,
            List<String> warnings) {
        // some registries let clients pull but not list: ask for the one manifest instead
        Optional<Boolean> manifest = r.oci().tag() != null
                ? registry.hasManifest(r.oci().url(), r.oci().tag())
                : Optional.empty();
        if (manifest.isPresent() && !manifest.get()) {
            reasons.add(
                    "version " + r.version() + " not" + PUBLISHED_AT + r.oci().url());
            return with(r, ReleaseStatus.BLOCKED, reasons, warnings);
        }
        if (manifest.isEmpty()) {
            // nothing could be asked: migrate must not write a tag nobody checked when a check was asked for
            reasons.add(NOT_CHECKED + r.oci().url()
                    + (r.oci().tag() != null ? ":" + r.oci().tag() : "") + " (" + tags.error()
                    + "): run offline to accept unverified tags, or retry");
            return with(r, ReleaseStatus.BLOCKED, reasons, warnings);
        }
        return r.with(
                r.status(),
                r.oci().withEvidence(TagEvidence.VERIFIED, "the registry serves the tag's manifest"),
                reasons,
                warnings);
    }

    /** The Helm repository's index, and a warning when the OCI registry lags behind it. */
    private static HelmIndexClient.Index helmIndex(
            ScannedRelease r,
            HelmIndexClient helm,
            Map<String, Set<String>> chartsByRepository,
            OciRegistryClient.Tags tags,
            List<String> warnings) {
        HelmIndexClient.Index index =
                helm.index(r.source().url(), chartsByRepository.get(r.source().url()));
        Optional<Version> helmNewest = index.newestStable(r.chart());
        Optional<Version> ociNewest = ChartVersions.newestStable(tags.tags());
        if (index.error() != null) {
            warnings.add("online check of " + r.source().url() + " failed: " + index.error());
        } else if (helmNewest.isPresent()
                && ociNewest.isPresent()
                && ociNewest.get().compareTo(helmNewest.get()) < 0) {
            warnings.add(r.oci().url() + " lags behind " + r.source().url() + ": newest "
                    + ociNewest.get().original() + " vs " + helmNewest.get().original());
        }
        return index;
    }

    private static ScannedRelease check(
            ScannedRelease r,
            OciRegistryClient registry,
            HelmIndexClient helm,
            Map<String, Set<String>> chartsByRepository) {
        List<String> warnings = new ArrayList<>(r.warnings());
        List<String> reasons = new ArrayList<>(r.reasons());
        OciRegistryClient.Tags tags = registry.tags(r.oci().url());
        if (!tags.known()) {
            return withoutTagList(r, registry, tags, reasons, warnings);
        }
        String wanted = r.oci().tag() != null ? r.oci().tag() : r.oci().semver();
        boolean published = tags.repositoryExists()
                && (r.oci().tag() != null
                        ? tags.tags().contains(r.oci().tag())
                        : ChartVersions.anyTagSatisfies(tags.tags(), r.oci().semver()));
        if (!published) {
            reasons.add((r.oci().tag() != null
                            ? "version " + r.version() + " not" + PUBLISHED_AT
                            : "no version matching \"" + wanted + "\" is" + PUBLISHED_AT)
                    + r.oci().url()
                    + (tags.repositoryExists() ? "" : " (the repository does not exist there)"));
            return with(r, ReleaseStatus.BLOCKED, reasons, warnings);
        }
        boolean http = r.source() != null
                && r.source().url() != null
                && r.source().url().startsWith("http");
        HelmIndexClient.Index index =
                http && r.chart() != null ? helmIndex(r, helm, chartsByRepository, tags, warnings) : null;
        OciTarget target = r.oci()
                .withEvidence(
                        TagEvidence.VERIFIED,
                        r.oci().tag() != null ? "the registry lists the tag" : "the registry lists a tag in the range");
        // the proof: same archive (HTTP repositories only: an OCI one is this registry already) and the signature
        String tag = r.oci().tag() != null
                ? r.oci().tag()
                : CriticalReleases.newestMatch(tags.tags(), r.oci().semver()).orElse(null);
        if (tag != null && !tag.contains("${")) {
            String version = r.oci().tag() != null && r.version() != null ? r.version() : tag.replace('_', '+');
            String repository = r.source() != null && r.source().url() != null
                    ? r.source().url()
                    : r.oci().url();
            ChartProof proof = ChartProof.prove(
                    registry, index, repository, r.chart(), version, r.oci().url(), tag);
            if (proof.verdict() == ChartProof.Verdict.DIFFERENT) {
                warnings.add(r.oci().url() + ":" + tag + ": " + proof.describe());
            }
            target = target.withProof(proof);
        }
        return r.with(r.status(), target, reasons, warnings);
    }

    /**
     * UNKNOWN releases: the catalog's guesses and the chart's own links ({@code urls}, {@code sources}, {@code home} of
     * its index entry) are asked for the release's version; a candidate that serves the same archive (digest) makes
     * the release MIGRATABLE ("verified by digest"); one with the version but another archive, or with no digest to
     * compare, stays a suggestion that says so.
     */
    private static final class Discovery {
        private final ManifestTree tree;
        private final ChartCatalog catalog;
        private final OciRegistryClient registry;
        private final HelmIndexClient helm;
        private final Map<String, Set<String>> chartsByRepository;
        private final ReleaseClassifier classifier;
        private TreeChartSources learned;

        Discovery(
                ManifestTree tree,
                ChartCatalog catalog,
                OciRegistryClient registry,
                HelmIndexClient helm,
                Map<String, Set<String>> chartsByRepository,
                FluxVersions flux) {
            this.tree = tree;
            this.catalog = catalog;
            this.registry = registry;
            this.helm = helm;
            this.chartsByRepository = chartsByRepository;
            this.classifier = new ReleaseClassifier(catalog, flux);
        }

        ScannedRelease apply(ScannedRelease r) {
            if (r.source() == null
                    || r.source().url() == null
                    || !r.source().url().startsWith("http")
                    || r.chart() == null) {
                return r;
            }
            String repository = r.source().url();
            String version = r.version();
            boolean exact = version != null && ChartVersions.isExact(version);
            HelmIndexClient.Index index = exact ? helm.index(repository, chartsByRepository.get(repository)) : null;
            Optional<HelmIndexClient.Entry> entry = index == null ? Optional.empty() : index.entry(r.chart(), version);
            Set<String> candidates = new LinkedHashSet<>(catalog.guessesFor(repository, r.chart()));
            entry.ifPresent(e -> candidates.addAll(catalog.guessesFromLinks(e.links(), r.chart())));
            String suggestion = null;
            for (String candidate : candidates.stream().limit(MAX_CANDIDATES).toList()) {
                OciRegistryClient.Tags tags = registry.tags(candidate);
                if (!tags.known() || !tags.repositoryExists() || tags.tags().isEmpty()) {
                    continue;
                }
                String tag = exact ? publishedTag(tags.tags(), version) : null;
                boolean has =
                        version == null || (exact ? tag != null : ChartVersions.anyTagSatisfies(tags.tags(), version));
                if (!has) {
                    continue;
                }
                String mapping = "<mapping><repository>" + repository + "</repository><chart>" + r.chart()
                        + "</chart><oci>" + candidate + "</oci></mapping>";
                if (tag == null) {
                    suggestion = suggestion != null
                            ? suggestion
                            : "suggestion, found online and not checked to be the same"
                                    + " chart: " + candidate + " publishes "
                                    + (version == null ? "tags" : "version " + version)
                                    + "; if it is this chart, add " + mapping;
                    continue;
                }
                ChartProof proof = ChartProof.prove(registry, index, repository, r.chart(), version, candidate, tag);
                if (proof.identical()) {
                    return proven(r, candidate, proof);
                }
                if (suggestion == null) {
                    suggestion = proof.verdict() == ChartProof.Verdict.DIFFERENT
                            ? "suggestion: " + candidate + " publishes version " + version + ", but " + proof.describe()
                                    + "; if it is this chart all the same, add " + mapping
                            : "suggestion, found online and not proven to be the same chart (" + proof.reason() + "): "
                                    + candidate + " publishes version " + version + "; if it is this chart, add "
                                    + mapping;
                }
            }
            if (suggestion == null) {
                return r;
            }
            List<String> warnings = new ArrayList<>(r.warnings());
            warnings.add(suggestion);
            return with(r, r.status(), r.reasons(), warnings);
        }

        private ScannedRelease proven(ScannedRelease r, String url, ChartProof proof) {
            if (learned == null) {
                learned = TreeChartSources.of(tree);
            }
            Optional<ChartCatalog.BuiltInEntry> known = catalog.describe(url);
            OciSource source = new OciSource(
                    url,
                    OciSource.VERIFIED,
                    OciSource.VERIFIED_BY_DIGEST,
                    "found online: " + url + ":" + proof.tag() + " is the archive "
                            + r.source().url() + " serves (" + proof.ociDigest() + ")",
                    known.map(ChartCatalog.BuiltInEntry::tagPrefix).orElse(null),
                    known.map(ChartCatalog.BuiltInEntry::cosign).orElse(false));
            return classifier.classify(tree, r.object(), r.instance(), learned, source);
        }

        /** The tag of an exact version in a tags list ({@code 1.2.3}, {@code v1.2.3}, {@code +} as {@code _}), or null. */
        private static String publishedTag(List<String> tags, String version) {
            String tag = ChartVersions.tagFor(version);
            if (tags.contains(tag)) {
                return tag;
            }
            return tags.contains("v" + tag) ? "v" + tag : null;
        }
    }

    /** Candidates asked per UNKNOWN release: each is one tags request, so a release costs a bounded number of them. */
    static final int MAX_CANDIDATES = 8;

    private static ScannedRelease with(
            ScannedRelease r, ReleaseStatus status, List<String> reasons, List<String> warnings) {
        return r.with(status, status == r.status() ? r.oci() : null, reasons, warnings);
    }
}
