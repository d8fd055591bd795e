package io.github.fluxoci.oci.migrate;

import java.util.List;

/**
 * What {@code oci:migrate} should do.
 *
 * @param charts       release names or {@code namespace/name} to migrate; empty = every MIGRATABLE release
 * @param namespaces   namespaces to migrate; empty = all
 * @param layout       where new OCIRepositories go
 * @param interval     {@code spec.interval} of new OCIRepositories ({@code oci.interval})
 * @param schemaUrl    the {@code yaml-language-server} schema of new OCIRepositories; empty or {@code none} = no comment
 * @param prune        which HelmRepositories to remove: none, those this run left unused, or all unused ones
 * @param includeUndeployed also migrate releases in files that no Flux entry point builds
 * @param share        whether releases of one chart share an OCIRepository ({@code oci.share}), and how
 * @param cosign       {@code oci.verify=cosign}: new OCIRepositories of signed charts get {@code spec.verify.provider:
 *                     cosign}; online, signed means the registry shows a signature on the tag, offline that the catalog
 *                     knows the publisher signs
 * @param mirror       {@code oci.mirrorPrefix}: new OCIRepositories point at this mirror, keeping the chart's path
 * @param upgradeApis  {@code oci.upgradeApis}: Flux objects on an apiVersion their Flux no longer serves move to the
 *                     one it writes, in the same plan
 */
public record MigrateOptions(
        List<String> charts,
        List<String> namespaces,
        Layout layout,
        Interval interval,
        String schemaUrl,
        Prune prune,
        boolean includeUndeployed,
        ShareOptions share,
        boolean cosign,
        MirrorPrefix mirror,
        boolean upgradeApis) {

    public static final String DEFAULT_INTERVAL = "chart";
    public static final String DEFAULT_SCHEMA =
            "https://kubernetes-schemas.pages.dev/source.toolkit.fluxcd.io/ocirepository_v1.json";

    public MigrateOptions {
        charts = charts == null
                ? List.of()
                : charts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        namespaces = namespaces == null
                ? List.of()
                : namespaces.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        layout = layout == null ? Layout.AUTO : layout;
        interval = interval == null ? Interval.CHART : interval;
        prune = prune == null ? Prune.NONE : prune;
        schemaUrl = schemaUrl == null || schemaUrl.isBlank() || "none".equalsIgnoreCase(schemaUrl.trim())
                ? ""
                : schemaUrl.trim();
        share = share == null ? ShareOptions.NONE : share;
        mirror = mirror == null ? MirrorPrefix.NONE : mirror;
    }

    /** Upgrading apiVersions (the default). */
    public MigrateOptions(
            List<String> charts,
            List<String> namespaces,
            Layout layout,
            Interval interval,
            String schemaUrl,
            Prune prune,
            boolean includeUndeployed,
            ShareOptions share,
            boolean cosign,
            MirrorPrefix mirror) {
        this(charts, namespaces, layout, interval, schemaUrl, prune, includeUndeployed, share, cosign, mirror, true);
    }

    /** Without a mirror. */
    public MigrateOptions(
            List<String> charts,
            List<String> namespaces,
            Layout layout,
            Interval interval,
            String schemaUrl,
            Prune prune,
            boolean includeUndeployed,
            ShareOptions share,
            boolean cosign) {
        this(
                charts,
                namespaces,
                layout,
                interval,
                schemaUrl,
                prune,
                includeUndeployed,
                share,
                cosign,
                MirrorPrefix.NONE);
    }

    /** No sharing, no signature verification; {@code interval} as {@code oci.interval} reads it. */
    public MigrateOptions(
            List<String> charts,
            List<String> namespaces,
            Layout layout,
            String interval,
            String schemaUrl,
            Prune prune,
            boolean includeUndeployed) {
        this(
                charts,
                namespaces,
                layout,
                Interval.parse(interval),
                schemaUrl,
                prune,
                includeUndeployed,
                ShareOptions.NONE,
                false,
                MirrorPrefix.NONE);
    }

    /** Deployed releases only; {@code prune} true removes the HelmRepositories this run left unused. */
    public MigrateOptions(
            List<String> charts,
            List<String> namespaces,
            Layout layout,
            String interval,
            String schemaUrl,
            boolean prune) {
        this(charts, namespaces, layout, interval, schemaUrl, prune ? Prune.FREED : Prune.NONE, false);
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(List.of(), List.of(), Layout.AUTO, DEFAULT_INTERVAL, DEFAULT_SCHEMA, false);
    }

    /** The same options with another prune. */
    public MigrateOptions withPrune(Prune other) {
        return new MigrateOptions(
                charts,
                namespaces,
                layout,
                interval,
                schemaUrl,
                other,
                includeUndeployed,
                share,
                cosign,
                mirror,
                upgradeApis);
    }

    /** The same options, moving apiVersions or not. */
    public MigrateOptions withUpgradeApis(boolean upgrade) {
        return new MigrateOptions(
                charts,
                namespaces,
                layout,
                interval,
                schemaUrl,
                prune,
                includeUndeployed,
                share,
                cosign,
                mirror,
                upgrade);
    }

    /** {@code oci.verify}: {@code none} or {@code cosign}. */
    public static boolean parseVerify(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "", "none" -> false;
            case "cosign" -> true;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not one of none, cosign");
        };
    }
}
