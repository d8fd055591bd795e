package io.github.fluxoci.oci.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synthetic Flux fleet of N apps in the layout real repositories use: per app a HelmRelease, its
 * kustomization.yaml and a Flux Kustomization ({@code ks.yaml}); one app in five already on OCI with an
 * {@code ocirepository.yaml}; a namespace folder per 20 apps; shared HelmRepositories that the chart catalog
 * knows (half {@code type: oci}), so every HelmRepository release is migratable. About 6,600 files for N = 2,000.
 */
public final class FleetGenerator {

    private static final String[][] REPOS = {
        // name, url, type, chart
        {"bjw-s", "oci://ghcr.io/bjw-s/helm", "oci", "app-template"},
        {"jetstack", "https://charts.jetstack.io", null, "cert-manager"},
        {"prometheus-community", "https://prometheus-community.github.io/helm-charts", null, "kube-prometheus-stack"},
        {"controlplaneio", "oci://ghcr.io/controlplaneio-fluxcd/charts", "oci", "flux-operator"},
    };

    private FleetGenerator() {}

    /** Writes the fleet below {@code root} (which must be empty or absent) and returns the number of files. */
    public static int generate(Path root, int apps) throws IOException {
        int files = 0;
        StringBuilder repoList = new StringBuilder(
                "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        for (String[] r : REPOS) {
            write(
                    root.resolve("kubernetes/flux/repositories/" + r[0] + ".yaml"),
                    "---\napiVersion: source.toolkit.fluxcd.io/v1\n"
                            + "kind: HelmRepository\nmetadata:\n  name: " + r[0]
                            + "\n  namespace: flux-system\nspec:\n  interval: 2h\n"
                            + (r[2] != null ? "  type: " + r[2] + "\n" : "") + "  url: " + r[1] + "\n");
            repoList.append("  - ./").append(r[0]).append(".yaml\n");
            files++;
        }
        write(root.resolve("kubernetes/flux/repositories/kustomization.yaml"), repoList.toString());
        files++;
        int namespaces = Math.max(1, apps / 20);
        StringBuilder[] nsLists = new StringBuilder[namespaces];
        for (int n = 0; n < namespaces; n++) {
            nsLists[n] = new StringBuilder("---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                    + "resources:\n  - ./namespace.yaml\n");
        }
        for (int i = 0; i < apps; i++) {
            int n = i % namespaces;
            String ns = "team-" + n;
            String app = "app-" + i;
            Path dir = root.resolve("kubernetes/apps/" + ns + "/" + app);
            String[] repo = REPOS[i % REPOS.length];
            boolean onOci = i % 5 == 0;
            write(
                    dir.resolve("ks.yaml"),
                    "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
                            + "  name: &app " + app + "\n  namespace: flux-system\nspec:\n  targetNamespace: " + ns
                            + "\n"
                            + "  commonMetadata:\n    labels:\n      app.kubernetes.io/name: *app\n  interval: 1h\n"
                            + "  path: ./kubernetes/apps/" + ns + "/" + app + "/app\n  prune: true\n  sourceRef:\n"
                            + "    kind: GitRepository\n    name: flux-system\n  wait: false\n");
            String values =
                    "  values:\n    # 🚀 generated\n    replicaCount: 2\n    image:\n      repository: ghcr.io/example/"
                            + app + "\n      tag: \"1." + (i % 40)
                            + ".0\"\n    resources:\n      requests:\n        cpu: 10m\n        memory: 64Mi\n";
            String release;
            if (onOci) {
                release = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + app
                        + "\nspec:\n" + "  interval: 1h\n  chartRef:\n    kind: OCIRepository\n    name: " + app + "\n"
                        + values;
                write(
                        dir.resolve("app/ocirepository.yaml"),
                        "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\n"
                                + "metadata:\n  name: " + app + "\nspec:\n  interval: 15m\n  layerSelector:\n"
                                + "    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n    operation: copy\n"
                                + "  ref:\n    tag: 4.1.2\n  url: oci://ghcr.io/bjw-s-labs/helm/app-template\n");
                files++;
            } else {
                release = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + app
                        + "\nspec:\n"
                        + "  interval: 1h\n  chart:\n    spec:\n      chart: " + repo[3] + "\n      version: 1."
                        + (i % 9) + ".0\n"
                        + "      sourceRef:\n        kind: HelmRepository\n        name: " + repo[0] + "\n"
                        + "        namespace: flux-system\n" + values;
            }
            write(dir.resolve("app/helmrelease.yaml"), release);
            write(
                    dir.resolve("app/kustomization.yaml"),
                    "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                            + "resources:\n  - ./helmrelease.yaml\n" + (onOci ? "  - ./ocirepository.yaml\n" : ""));
            files += 3;
            nsLists[n].append("  - ./").append(app).append("/ks.yaml\n");
        }
        for (int n = 0; n < namespaces; n++) {
            Path dir = root.resolve("kubernetes/apps/team-" + n);
            write(dir.resolve("kustomization.yaml"), nsLists[n].toString());
            write(
                    dir.resolve("namespace.yaml"),
                    "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-" + n + "\n");
            files += 2;
        }
        return files;
    }

    private static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }
}
