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
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.semver.Version;

/**
 * What the guide checked by hand against live registries, for {@code -Doci.online=true}: does the OCI repository
 * publish the version a MIGRATABLE release needs (else BLOCKED, "version X not published at oci://..."), and does
 * the OCI source lag behind the HTTP Helm repository (both newest versions reported).
 */
public final class OnlineChecks {

    /** How the reasons this check adds read; {@link #blockedOnline} recognises them. */
    static final String PUBLISHED_AT = " published at ";

    private OnlineChecks() {
    }

    /** True when the registry said the release's version is not there (the release was MIGRATABLE offline). */
    public static boolean blockedOnline(ScannedRelease r) {
        return r.status() == ReleaseStatus.BLOCKED && r.reasons().stream().anyMatch(x -> x.contains(PUBLISHED_AT + "oci://"));
    }

    public static ScanResult apply(ScanResult scan, OciRegistryClient registry, HelmIndexClient helm, ChartCatalog catalog) {
        Set<String> urls = new LinkedHashSet<>();
        scan.releases().stream().filter(r -> r.oci() != null && r.oci().url() != null).forEach(r -> urls.add(r.oci().url()));
        registry.prefetch(urls);
        // the Helm indexes keep only the charts the tree uses
        Map<String, Set<String>> chartsByRepository = new HashMap<>();
        scan.releases().stream().filter(r -> r.source() != null && r.source().url() != null && r.chart() != null)
                .forEach(r -> chartsByRepository.computeIfAbsent(r.source().url(), k -> new HashSet<>()).add(r.chart()));
        List<ScannedRelease> out = new ArrayList<>();
        for (ScannedRelease r : scan.releases()) {
            out.add(r.status() == ReleaseStatus.MIGRATABLE ? check(r, registry, helm, chartsByRepository)
                    : r.status() == ReleaseStatus.UNKNOWN ? suggest(r, registry, catalog) : r);
        }
        return new ScanResult(scan.root(), scan.files(), out, scan.releasePatches(), scan.helmRepositories(), scan.problems());
    }

    private static ScannedRelease check(ScannedRelease r, OciRegistryClient registry, HelmIndexClient helm,
            Map<String, Set<String>> chartsByRepository) {
        List<String> warnings = new ArrayList<>(r.warnings());
        List<String> reasons = new ArrayList<>(r.reasons());
        OciRegistryClient.Tags tags = registry.tags(r.oci().url());
        if (!tags.known()) {
            // some registries let clients pull but not list: ask for the one manifest instead
            Optional<Boolean> manifest = r.oci().tag() != null ? registry.hasManifest(r.oci().url(), r.oci().tag())
                    : Optional.empty();
            if (manifest.isPresent() && !manifest.get()) {
                reasons.add("version " + r.version() + " not" + PUBLISHED_AT + r.oci().url());
                return with(r, ReleaseStatus.BLOCKED, reasons, warnings);
            }
            if (manifest.isEmpty()) {
                warnings.add("online check failed: " + tags.error());
            }
            return with(r, r.status(), reasons, warnings);
        }
        String wanted = r.oci().tag() != null ? r.oci().tag() : r.oci().semver();
        boolean published = tags.repositoryExists() && (r.oci().tag() != null ? tags.tags().contains(r.oci().tag())
                : ChartVersions.anyTagSatisfies(tags.tags(), r.oci().semver()));
        if (!published) {
            reasons.add((r.oci().tag() != null ? "version " + r.version() + " not" + PUBLISHED_AT
                    : "no version matching \"" + wanted + "\" is" + PUBLISHED_AT) + r.oci().url()
                    + (tags.repositoryExists() ? "" : " (the repository does not exist there)"));
            return with(r, ReleaseStatus.BLOCKED, reasons, warnings);
        }
        if (r.source() != null && r.source().url() != null && r.source().url().startsWith("http") && r.chart() != null) {
            HelmIndexClient.Index index = helm.index(r.source().url(), chartsByRepository.get(r.source().url()));
            Optional<Version> helmNewest = index.newestStable(r.chart());
            Optional<Version> ociNewest = ChartVersions.newestStable(tags.tags());
            if (index.error() != null) {
                warnings.add("online check of " + r.source().url() + " failed: " + index.error());
            } else if (helmNewest.isPresent() && ociNewest.isPresent() && ociNewest.get().compareTo(helmNewest.get()) < 0) {
                warnings.add(r.oci().url() + " lags behind " + r.source().url() + ": newest " + ociNewest.get().original()
                        + " vs " + helmNewest.get().original());
            }
        }
        return with(r, r.status(), reasons, warnings);
    }

    /** UNKNOWN: try the catalog's guesses; a hit is a suggestion (a warning), never a fact: the status stays. */
    private static ScannedRelease suggest(ScannedRelease r, OciRegistryClient registry, ChartCatalog catalog) {
        if (r.source() == null || r.source().url() == null || !r.source().url().startsWith("http")) {
            return r;
        }
        for (String candidate : catalog.guessesFor(r.source().url(), r.chart())) {
            OciRegistryClient.Tags tags = registry.tags(candidate);
            if (!tags.known() || !tags.repositoryExists() || tags.tags().isEmpty()) {
                continue;
            }
            String version = r.version();
            boolean has = version == null || (ChartVersions.isExact(version) ? tags.tags().contains(ChartVersions.tagFor(version))
                    : ChartVersions.anyTagSatisfies(tags.tags(), version));
            if (has) {
                List<String> warnings = new ArrayList<>(r.warnings());
                warnings.add("suggestion, found online and not checked to be the same chart: " + candidate + " publishes "
                        + (version == null ? "tags" : "version " + version) + "; if it is this chart, add <mapping><repository>"
                        + r.source().url() + "</repository><chart>" + r.chart() + "</chart><oci>" + candidate
                        + "</oci></mapping>");
                return with(r, r.status(), r.reasons(), warnings);
            }
        }
        return r;
    }

    private static ScannedRelease with(ScannedRelease r, ReleaseStatus status, List<String> reasons, List<String> warnings) {
        return new ScannedRelease(r.object(), r.instance(), r.name(), r.namespace(), r.chart(), r.version(), status, r.source(),
                status == r.status() ? r.oci() : null, List.copyOf(reasons), List.copyOf(warnings));
    }
}
