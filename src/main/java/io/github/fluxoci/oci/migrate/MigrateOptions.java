package io.github.fluxoci.oci.migrate;

import java.util.List;

/**
 * What {@code oci:migrate} should do.
 *
 * @param charts       release names or {@code namespace/name} to migrate; empty = every MIGRATABLE release
 * @param namespaces   namespaces to migrate; empty = all
 * @param layout       where new OCIRepositories go
 * @param interval     {@code spec.interval} when the release's chart has none
 * @param schemaUrl    the {@code yaml-language-server} schema of new OCIRepositories; empty or {@code none} = no comment
 * @param prune        which HelmRepositories to remove: none, those this run left unused, or all unused ones
 * @param includeUndeployed also migrate releases in files that no Flux entry point builds
 */
public record MigrateOptions(List<String> charts, List<String> namespaces, Layout layout, String interval, String schemaUrl,
                             Prune prune, boolean includeUndeployed) {

    public static final String DEFAULT_INTERVAL = "15m";
    public static final String DEFAULT_SCHEMA =
            "https://kubernetes-schemas.pages.dev/source.toolkit.fluxcd.io/ocirepository_v1.json";

    public MigrateOptions {
        charts = charts == null ? List.of() : charts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        namespaces = namespaces == null ? List.of() : namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        layout = layout == null ? Layout.AUTO : layout;
        interval = interval == null || interval.isBlank() ? DEFAULT_INTERVAL : interval.trim();
        prune = prune == null ? Prune.NONE : prune;
        schemaUrl = schemaUrl == null || schemaUrl.isBlank() || "none".equalsIgnoreCase(schemaUrl.trim()) ? "" : schemaUrl.trim();
    }

    /** Deployed releases only; {@code prune} true removes the HelmRepositories this run left unused. */
    public MigrateOptions(List<String> charts, List<String> namespaces, Layout layout, String interval, String schemaUrl,
                          boolean prune) {
        this(charts, namespaces, layout, interval, schemaUrl, prune ? Prune.FREED : Prune.NONE, false);
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(List.of(), List.of(), Layout.AUTO, DEFAULT_INTERVAL, DEFAULT_SCHEMA, false);
    }
}
