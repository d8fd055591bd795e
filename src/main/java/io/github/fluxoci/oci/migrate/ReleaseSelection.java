package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.OnlineChecks;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;

/** Which releases a migration moves ({@code oci.charts}, {@code oci.namespaces}, deployed or not), and why not the others. */
final class ReleaseSelection {

    private ReleaseSelection() {}

    /** The releases to move, and the ones left alone with the reason. */
    record Selection(List<ScannedRelease> moves, List<SkippedRelease> skipped) {}

    /**
     * The releases to move, one per document: a document built several times (a shared component, two clusters)
     * moves once, when every instance of it is MIGRATABLE to the same OCI source; a document no entry point builds
     * is left alone unless {@code includeUndeployed}.
     */
    static Selection select(ScanResult scan, MigrateOptions options) {
        List<ScannedRelease> out = new ArrayList<>();
        List<SkippedRelease> skipped = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>(options.charts());
        Set<String> matched = new LinkedHashSet<>();
        Map<KubeObject, List<ScannedRelease>> byDocument = new LinkedHashMap<>();
        for (ScannedRelease r : scan.releases()) {
            byDocument.computeIfAbsent(r.object(), o -> new ArrayList<>()).add(r);
        }
        for (List<ScannedRelease> instances : byDocument.values()) {
            boolean named = wanted.isEmpty();
            boolean inNamespace = options.namespaces().isEmpty();
            for (ScannedRelease r : instances) {
                for (String w : List.of(r.name(), r.qualifiedName())) {
                    if (wanted.contains(w)) {
                        named = true;
                        matched.add(w);
                    }
                }
                inNamespace |= r.namespace().known()
                        && options.namespaces().contains(r.namespace().value());
            }
            if (!named || !inNamespace) {
                continue;
            }
            choose(instances, options, !wanted.isEmpty(), out, skipped);
        }
        for (String w : wanted) {
            if (!matched.contains(w)) {
                skipped.add(new SkippedRelease(
                        w,
                        null,
                        0,
                        "no HelmRelease named " + w + " in the tree"
                                + (options.namespaces().isEmpty() ? "" : " in namespaces " + options.namespaces())
                                + "; oci:scan lists the releases"));
            }
        }
        return new Selection(List.copyOf(out), List.copyOf(skipped));
    }

    /** One document: moved when every instance can move to the same OCI source, else skipped with the reason. */
    private static void choose(
            List<ScannedRelease> instances,
            MigrateOptions options,
            boolean named,
            List<ScannedRelease> out,
            List<SkippedRelease> skipped) {
        ScannedRelease first = instances.get(0);
        boolean migratable = instances.stream().allMatch(r -> r.status() == ReleaseStatus.MIGRATABLE);
        if (migratable && !first.deployed() && !options.includeUndeployed()) {
            skipped.add(new SkippedRelease(
                    first.qualifiedName(),
                    first.file(),
                    first.line(),
                    "not deployed: no Flux" + " entry point builds " + first.file()
                            + "; left alone (-Doci.includeUndeployed=true migrates it)"));
        } else if (migratable && instances.stream().allMatch(r -> sameTarget(r, first))) {
            out.add(first);
        } else if (instances.stream().anyMatch(r -> r.status() == ReleaseStatus.MIGRATABLE)) {
            List<String> each = new ArrayList<>();
            for (ScannedRelease r : instances) {
                each.add(r.qualifiedName()
                        + (r.cluster() == null || r.cluster().isEmpty() ? "" : " (cluster " + r.cluster() + ")")
                        + ": " + r.status()
                        + (r.oci() != null ? " " + r.oci().url() : ""));
            }
            skipped.add(new SkippedRelease(
                    first.qualifiedName(),
                    first.file(),
                    first.line(),
                    "its builds disagree (" + String.join("; ", each)
                            + "); one file cannot serve them all: split it or add <mappings>"));
        } else if (named
                || OnlineChecks.blockedOnline(first)
                || OnlineChecks.notChecked(first)
                || CriticalReleases.blocked(first)) {
            skipped.add(new SkippedRelease(first.qualifiedName(), first.file(), first.line(), notMigratable(first)));
        }
    }

    private static boolean sameTarget(ScannedRelease a, ScannedRelease b) {
        return Objects.equals(a.oci().url(), b.oci().url())
                && Objects.equals(a.oci().tag(), b.oci().tag())
                && Objects.equals(a.oci().semver(), b.oci().semver());
    }

    static String notMigratable(ScannedRelease r) {
        return switch (r.status()) {
            case OCI -> "already on OCI (chartRef to OCIRepository " + r.oci().name() + ")";
            case BLOCKED -> "cannot use OCI: " + String.join("; ", r.reasons());
            case UNKNOWN -> "no OCI source known: " + String.join("; ", r.reasons());
            case MIGRATABLE -> "";
        };
    }
}
