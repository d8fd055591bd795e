package io.github.fluxoci.oci.maven;

import io.github.fluxoci.oci.verify.ReleaseException;

/**
 * An {@code <exception>} of oci:verify: a release that may stay on its HelmRepository, and why.
 *
 * <pre>
 * &lt;exceptions&gt;
 *   &lt;exception&gt;
 *     &lt;release&gt;network-system/ingress-nginx&lt;/release&gt;
 *     &lt;reason&gt;charts-mirror lags behind official releases&lt;/reason&gt;
 *   &lt;/exception&gt;
 * &lt;/exceptions&gt;
 * </pre>
 */
public class Excuse {

    /** The release: {@code name} or {@code namespace/name}. */
    private String release;
    /** Why it stays on a HelmRepository. */
    private String reason;

    public void setRelease(String release) {
        this.release = release;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    String release() {
        return release;
    }

    String reason() {
        return reason;
    }

    ReleaseException toReleaseException() {
        return new ReleaseException(release == null ? null : release.trim(), reason == null ? null : reason.trim());
    }
}
