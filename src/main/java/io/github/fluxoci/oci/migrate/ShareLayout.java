package io.github.fluxoci.oci.migrate;

import java.util.Locale;

/** {@code oci.shareLayout}: the form of an OCIRepository shared by releases of one chart. */
public enum ShareLayout {
    /** one OCIRepository in {@code oci.shareNamespace}; releases name it with {@code chartRef.namespace} */
    NAMESPACE,
    /** a kustomize Component holding the OCIRepository, included by each namespace folder that holds such a release */
    COMPONENT;

    public static ShareLayout parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not one of namespace, component");
        }
    }
}
