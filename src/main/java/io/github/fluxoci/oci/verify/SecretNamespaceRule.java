package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.tree.PullSecrets;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * An OCIRepository reads its Secrets in its own namespace (source-controller
 * {@code internal/controller/ocirepository_controller.go}), and its {@code secretRef} only as a
 * {@code kubernetes.io/dockerconfigjson} pull secret ({@code k8schain.NewFromPullSecrets}). Errors where the tree
 * shows the mistake: the Secret it names is in the tree, but only in other namespaces (copied from a HelmRepository,
 * which reads its own); or the pull secret the tree holds there has another type (an {@code Opaque} username/password
 * Secret, which a {@code type: oci} HelmRepository accepts, makes it pull anonymously). A Secret the tree does not
 * hold at all (created out of band, SOPS files left out) says nothing.
 */
public final class SecretNamespaceRule extends DeclaredRule {

    public SecretNamespaceRule() {
        super(
                "secret-namespace",
                Severity.ERROR,
                "an OCIRepository's secretRef/certSecretRef names a Secret of its own namespace, and its pull secret is"
                        + " kubernetes.io/dockerconfigjson");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject oci : context.tree().ociRepositories()) {
            if (context.tree().isPatchFile(oci.file())) {
                continue;
            }
            for (String field : List.of("secretRef", "certSecretRef")) {
                Node ref = Nodes.get(oci.root(), "spec", field, "name");
                String name = Nodes.text(oci.root(), "spec", field, "name");
                if (name == null || name.contains("${")) {
                    continue;
                }
                for (String ns : namespacesOf(context, oci)) {
                    check(context, oci, field, ref, name, ns, out);
                }
            }
        }
        return out;
    }

    private void check(
            VerifyContext context, KubeObject oci, String field, Node ref, String name, String ns, List<Finding> out) {
        List<KubeObject> there = PullSecrets.in(context.tree(), name, ns);
        List<String> elsewhere = PullSecrets.namespacesOf(context.tree(), name);
        if (there.isEmpty() && !elsewhere.isEmpty()) {
            out.add(VerifyContext.at(
                    this,
                    oci,
                    ref,
                    "OCIRepository \"" + oci.name() + "\" in " + ns + " names Secret " + name + " (spec." + field
                            + "), which the tree has only in " + String.join(", ", elsewhere)
                            + "; an OCIRepository reads Secrets in its own namespace: put " + name + " in " + ns));
            return;
        }
        for (KubeObject s : there) {
            String type = PullSecrets.typeOf(s);
            if (field.equals("secretRef") && type != null && !PullSecrets.DOCKER_CONFIG_JSON.equals(type)) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        ref,
                        "OCIRepository \"" + oci.name() + "\" pulls with Secret " + name + " ("
                                + s.file().relativePath() + ":" + s.line() + "), which is type " + type
                                + ": source-controller reads only " + PullSecrets.DOCKER_CONFIG_JSON
                                + " and pulls anonymously; create it with kubectl create secret docker-registry"));
            }
        }
    }

    private static List<String> namespacesOf(VerifyContext context, KubeObject oci) {
        List<String> out = new ArrayList<>();
        for (ObjectInstance i : context.tree().instancesOf(oci)) {
            if (i.namespaceValue() != null && !out.contains(i.namespaceValue())) {
                out.add(i.namespaceValue());
            }
        }
        if (out.isEmpty() && oci.metadataNamespace() != null) {
            out.add(oci.metadataNamespace());
        }
        return out;
    }
}
