package io.github.fluxoci.oci.migrate;

import java.util.Locale;

/** Where a new OCIRepository goes. */
public enum Layout {
    /** an {@code ocirepository.yaml} beside the file that holds the release, listed in its kustomization (the guide) */
    FILE,
    /** a new document right before the HelmRelease's document, in the same file (onedr0p, billimek) */
    INLINE,
    /** follow what the tree already does with its OCIRepositories; {@code FILE} when there are none */
    AUTO;

    public static Layout parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("layout \"" + value + "\" is not one of file, inline, auto");
        }
    }
}
