package io.github.fluxoci.oci.flux;

/**
 * Whether a Flux release serves an object's apiVersion, and what to write instead when it does not or will not.
 *
 * @param apiVersion  the object's apiVersion ({@code helm.toolkit.fluxcd.io/v2beta1})
 * @param kind        its kind
 * @param flux        the Flux release the tree runs
 * @param served      true when that release serves it
 * @param deprecated  true when it is served there but deprecated (its CRD says so)
 * @param lastServing the newest Flux release that serves it, or null when none does
 * @param firstServing the oldest Flux release that serves it, or null when none does
 * @param replacement the apiVersion that release writes for the kind ({@code helm.toolkit.fluxcd.io/v2}), or null
 */
public record ApiSupport(
        String apiVersion,
        String kind,
        FluxRelease flux,
        boolean served,
        boolean deprecated,
        FluxRelease lastServing,
        FluxRelease firstServing,
        String replacement) {

    /** How {@code flux} serves {@code apiVersion} for {@code kind}. */
    public static ApiSupport of(FluxApis apis, FluxRelease flux, String apiVersion, String kind) {
        FluxRelease.Served s = flux.served(apiVersion, kind);
        String group = apiVersion == null || apiVersion.indexOf('/') < 0
                ? ""
                : apiVersion.substring(0, apiVersion.indexOf('/'));
        return new ApiSupport(
                apiVersion,
                kind,
                flux,
                s != null,
                s != null && s.deprecated(),
                apis.lastServing(apiVersion, kind),
                apis.firstServing(apiVersion, kind),
                flux.apiVersionToWrite(group, kind));
    }

    /** True when the tree's Flux knows the kind and serves another version of it than the one written. */
    public boolean notServed() {
        return !served && replacement != null;
    }

    /** "is not served by Flux 2.8.8 (served until Flux 2.6.4)" or "(served from Flux 2.6.4)". */
    public String whyNot() {
        String when = lastServing == null
                ? "no Flux release serves it"
                : lastServing.compareTo(flux) < 0
                        ? "served until Flux " + lastServing.version()
                        : "served from Flux " + firstServing.version();
        return "is not served by Flux " + flux.version() + " (" + when + ")";
    }

    /** "is deprecated in Flux 2.6.4 and served until Flux 2.7.5", for a served but deprecated version. */
    public String deprecation() {
        return "is deprecated in Flux " + flux.version()
                + (lastServing != null
                                && lastServing.compareTo(flux) >= 0
                                && !lastServing.version().equals(flux.version())
                        ? " and served until Flux " + lastServing.version()
                        : "");
    }
}
