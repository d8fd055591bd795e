package io.github.fluxoci.oci.report;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.ChartSource;
import io.github.fluxoci.oci.scan.MessageCodes;
import io.github.fluxoci.oci.scan.OciTarget;
import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedHelmRepository;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.Problem;

/** {@code scan.json}: the scan for machines (CI dashboards, scripts, later goals). */
public final class ScanJson {

    private ScanJson() {}

    public static String render(ScanResult result) {
        return render(result, "");
    }

    /** scan.json; every {@code file} is {@code prefix} (the scanned folder from the repository root) + its path. */
    public static String render(ScanResult result, String prefix) {
        return render(result, null, prefix);
    }

    /** scan.json with {@code gate}, what verify would report (left out when {@code gate} is null). */
    public static String render(ScanResult result, GateSummary gate, String prefix) {
        ObjectNode root = head(result, prefix);
        if (gate != null) {
            gate.json(root.putArray("gate"), prefix);
        }
        ArrayNode releases = root.putArray("releases");
        result.releases().forEach(r -> releases.add(release(r, prefix)));
        root.setAll(tail(result, prefix));
        return ReportFormat.json(root);
    }

    private static ObjectNode head(ScanResult result, String prefix) {
        ObjectNode root = ReportFormat.object();
        ReportFormat.stamp(root);
        root.put("directory", prefix);
        root.put("tool", "oci-maven-plugin");
        ObjectNode summary = root.putObject("summary");
        summary.put(
                "helmReleases",
                result.releases().stream().filter(ScannedRelease::deployed).count());
        summary.put("releaseDocuments", result.documents());
        summary.put("notDeployed", result.notDeployed().size());
        summary.put("oci", result.count(ReleaseStatus.OCI));
        summary.put("migratable", result.count(ReleaseStatus.MIGRATABLE));
        summary.put("blocked", result.count(ReleaseStatus.BLOCKED));
        summary.put("unknown", result.count(ReleaseStatus.UNKNOWN));
        summary.put("files", result.files());
        summary.put("problems", result.problems().size());
        summary.put("helmRepositories", result.helmRepositories().size());
        summary.put("releasePatches", result.releasePatches().size());
        FluxSummary.json(root.putObject("flux"), result.flux());
        TreeNotices.json(root.putArray("notices"), result.notices(), prefix);
        return root;
    }

    private static ObjectNode release(ScannedRelease r, String prefix) {
        ObjectNode n = ReportFormat.object();
        n.put("name", r.name());
        n.put("namespace", r.namespace().value());
        n.put("namespaceSource", r.namespace().source());
        n.put("namespaceSetBy", r.namespace().setBy());
        n.put("deployed", r.deployed());
        n.put("cluster", r.cluster());
        if (r.instance() != null) {
            n.put("entryPoint", r.instance().entryPoint().describe());
            strings(n.putArray("via"), r.instance().via());
        }
        n.put("file", prefix + r.file());
        n.put("line", r.line());
        n.put("apiVersion", r.apiVersion());
        n.put("chart", r.chart());
        n.put("version", r.version());
        n.put("status", r.status().name());
        ChartSource s = r.source();
        if (s == null) {
            n.putNull("source");
        } else {
            ObjectNode src = n.putObject("source");
            src.put("kind", s.kind());
            src.put("name", s.name());
            src.put("namespace", s.namespace());
            src.put("url", s.url());
            src.put("type", s.type());
        }
        OciTarget o = r.oci();
        if (o == null) {
            n.putNull("oci");
        } else {
            ObjectNode oci = n.putObject("oci");
            oci.put("url", o.url());
            oci.put("origin", o.origin());
            oci.put("provenance", o.provenance());
            oci.put("tag", o.tag());
            oci.put("semver", o.semver());
            oci.put("name", o.name());
            oci.put("file", o.file() == null ? null : prefix + o.file());
            oci.put("kustomization", o.kustomization() == null ? null : prefix + o.kustomization());
            if (o.evidence() != null) {
                oci.put("tagKnown", o.evidence().label());
                oci.put("tagKnownBy", o.evidenceNote());
            }
            if (o.proof() != null) {
                proof(oci.putObject("proof"), o.proof());
            }
        }
        strings(n.putArray("reasons"), r.reasons());
        strings(n.putArray("warnings"), r.warnings());
        ArrayNode reasonCodes = n.putArray("reasonCodes");
        r.reasons().forEach(t -> reasonCodes.add(MessageCodes.reason(t, r.status())));
        ArrayNode warningCodes = n.putArray("warningCodes");
        r.warnings().forEach(t -> warningCodes.add(MessageCodes.warning(t)));
        return n;
    }

    private static ObjectNode tail(ScanResult result, String prefix) {
        ObjectNode root = ReportFormat.object();
        ArrayNode patches = root.putArray("releasePatches");
        for (ReleasePatch p : result.releasePatches()) {
            ObjectNode n = patches.addObject();
            n.put("name", p.name());
            n.put("file", prefix + p.file());
            n.put("line", p.line());
            strings(n.putArray("patchedBy"), p.patchedBy());
            strings(n.putArray("chartFields"), p.chartFields());
        }

        ArrayNode repos = root.putArray("helmRepositories");
        for (ScannedHelmRepository h : result.helmRepositories()) {
            ObjectNode n = repos.addObject();
            n.put("name", h.name());
            n.put("namespace", h.namespace());
            n.put("file", prefix + h.file());
            n.put("line", h.object().line());
            n.put("url", h.url());
            n.put("type", h.type());
            strings(n.putArray("usedBy"), h.usedBy());
        }

        ArrayNode problems = root.putArray("problems");
        for (Problem p : result.problems()) {
            ObjectNode n = problems.addObject();
            n.put("file", prefix + p.file());
            n.put("line", p.line());
            n.put("column", p.column());
            n.put("message", p.message());
        }
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** The online proof: both digests, the verdict (and why), the signature (and how it was found). */
    static void proof(ObjectNode n, ChartProof p) {
        n.put("tag", p.tag());
        n.put("manifestDigest", p.manifestDigest());
        n.put("helmDigest", p.helmDigest());
        n.put("ociDigest", p.ociDigest());
        n.put("verdict", p.verdict().label());
        n.put("reason", p.reason());
        n.put("signature", p.signature().label());
        n.put("signatureNote", p.signatureNote());
        n.put("signatureTag", p.signatureTag());
    }
}
