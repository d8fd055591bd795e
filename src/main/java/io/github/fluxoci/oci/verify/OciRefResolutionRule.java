package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.semver.Constraint;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * How source-controller resolves an OCIRepository's {@code spec.ref}, checked on every OCIRepository (charts or not):
 * {@code getArtifactRef} in {@code internal/controller/ocirepository_controller.go} takes {@code ref.digest} first,
 * then {@code ref.semver} (its tags filtered by {@code ref.semverFilter}, compiled with Go's {@code regexp}, RE2),
 * then {@code ref.tag}. So: a digest must be one the registry client parses ({@code algorithm:hex}), a semverFilter
 * must compile as RE2 (no look-around, no backreferences), a semver must be a range; a tag next to a digest or a valid
 * semver is ignored (a warning).
 */
public final class OciRefResolutionRule extends DeclaredRule {

    /** What go-containerregistry's name.NewDigest accepts: an OCI digest of a registered algorithm. */
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
    /** Java syntax that Go's RE2 refuses: look-around, backreferences, atomic groups, possessive quantifiers. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\(\\?>|[*+?}]\\+");

    public OciRefResolutionRule() {
        super(
                "oci-ref-resolution",
                Severity.ERROR,
                "every OCIRepository's ref resolves as source-controller resolves it: a valid digest, an RE2"
                        + " semverFilter, a semver range; a tag that a digest or semver overrides is a warning");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        List<KubeObject> charts = OciRepositories.usedByChartRef(context);
        for (KubeObject oci : context.tree().ociRepositories()) {
            Node ref = Nodes.get(oci.root(), "spec", "ref");
            if (ref == null) {
                continue;
            }
            String digest = Nodes.text(ref, "digest");
            String semver = Nodes.text(ref, "semver");
            String tag = Nodes.text(ref, "tag");
            String filter = Nodes.text(ref, "semverFilter");
            if (digest != null
                    && !digest.contains("${")
                    && !DIGEST.matcher(digest).matches()) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(ref, "digest"),
                        "ref.digest \"" + digest
                                + "\" is not an OCI digest (sha256: and 64 lowercase hex digits); source-controller fails to"
                                + " parse it"));
            }
            if (filter != null && !filter.contains("${")) {
                re2Problem(filter)
                        .ifPresent(p -> out.add(VerifyContext.at(
                                this,
                                oci,
                                Nodes.get(ref, "semverFilter"),
                                "ref.semverFilter \"" + filter
                                        + "\" does not compile as a Go (RE2) regular expression: " + p)));
            }
            boolean semverValid = semver != null && !semver.contains("${") && Constraint.isValid(semver);
            if (semver != null
                    && !semver.contains("${")
                    && !semverValid
                    && charts.stream().noneMatch(c -> c == oci)) {
                // chart OCIRepositories: oci-ref says it
                out.add(VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(ref, "semver"),
                        "ref.semver \"" + semver + "\" is not a range source-controller can read; write e.g."
                                + " \">=1.2.0 <2.0.0\", \"1.x\" or \"*\""));
            }
            if (tag != null && (digest != null || semverValid)) {
                Finding f = VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(ref, "tag"),
                        "ref.tag \"" + tag + "\" is ignored: source-controller takes ref."
                                + (digest != null ? "digest" : "semver") + " first; remove one of them");
                out.add(new Finding(f.rule(), Severity.WARNING, f.file(), f.line(), f.column(), f.message()));
            }
        }
        return out;
    }

    /** Why Go's regexp would refuse the expression, or empty. */
    static Optional<String> re2Problem(String expression) {
        if (NOT_RE2.matcher(expression).find()) {
            return Optional.of("look-around, backreferences, atomic groups and possessive quantifiers are not RE2");
        }
        try {
            Pattern.compile(expression);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
    }
}
