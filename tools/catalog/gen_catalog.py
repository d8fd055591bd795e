import json, collections, re, os
CAT = os.path.abspath("src/main/resources/io/github/fluxoci/oci/catalog/charts.json")
os.chdir(os.environ.get("CATALOG_WORK", "target/catalog"))
cat = json.load(open(CAT))
cands = json.load(open("cands.json"))
uses = json.load(open("uses.json"))
mirror = json.load(open("mirror.json"))
MIRROR = "oci://ghcr.io/home-operations/charts-mirror/"
def norm(u): return u.lower().rstrip("/") if u else u
def cite(repo, path, commit=None):
    return f"{repo} {path}" + (f" @{commit[:10]}" if commit else "")
def use_ev(url, n=2):
    us = uses.get(norm(url), [])
    repos = {}
    for repo, path, commit, cos in us:
        repos.setdefault(repo, (path, commit))
    items = list(repos.items())[:n]
    s = "; ".join(cite(r, p, c) for r, (p, c) in items)
    return (f"pulled from there by {len(repos)} public tree{'s' if len(repos) != 1 else ''} (" + s + ")") if items else None
def cosign_ev(url):
    for repo, path, commit, cos in uses.get(norm(url), []):
        if cos: return cite(repo, path, commit)
    return None

entries = []
keys = set()
def add(e):
    k = (norm(e.get("helmRepository")), e["chart"]) if e.get("helmRepository") else ("oci", norm(e.get("oci")))
    if k in keys: return False
    keys.add(k); entries.append(e); return True

SKIP_CANDS = {("https://bjw-s.github.io/helm-charts", "app-template"), ("https://cloudnative-pg.github.io/charts", "cluster"),
              ("https://cloudnative-pg.github.io/grafana-dashboards", "cluster"), ("https://valkey.io/valkey-helm", "valkey"),
              ("https://angelnu.github.io/helm-charts", "multus"), ("https://charts.bitnami.com/bitnami", "thanos"),
              ("https://wiremind.github.io/wiremind-helm-charts", "silence-operator"), ("https://kubernetes.github.io/ingress-nginx", "ingress-nginx"),
              ("https://ori-edge.github.io/k8s_gateway", "k8s-gateway"), ("https://helm.traefik.io/traefik", "traefik")}
# mirror apps deprecated upstream (home-operations/charts-mirror "feat: deprecate <app>"), pruned 6 months later
DEPRECATED = {"fluent-bit", "intel-device-plugins-gpu", "intel-device-plugins-operator", "silence-operator", "cilium", "openebs",
              "node-feature-discovery", "k8tz", "onepassword-connect", "crowdsec", "tigera-operator", "kubernetes-dashboard",
              "cert-manager-webhook-ovh", "mariadb-operator", "authelia", "newt", "renovate-operator"}
FIX = {  # existing entries replaced by better-evidenced official locations
    ("https://grafana.github.io/helm-charts", "loki"): "oci://ghcr.io/grafana/helm-charts/loki",
    ("https://intel.github.io/helm-charts", "intel-device-plugins-gpu"): "oci://ghcr.io/intel/helm-charts/intel-device-plugins-gpu",
    ("https://intel.github.io/helm-charts", "intel-device-plugins-operator"): "oci://ghcr.io/intel/helm-charts/intel-device-plugins-operator",
}
wildcards = []
for e in cat["entries"]:
    k = (norm(e.get("helmRepository")), e["chart"])
    if k == ("https://bjw-s.github.io/helm-charts", "app-template"):
        continue  # an alias now
    if k == ("https://fluent.github.io/helm-charts", "fluent-bit"):
        continue  # the mirror dropped it (deprecated 2026-01-22, pruned after 6 months); no official OCI location seen in public trees
    if e["chart"] == "*":
        wildcards.append(e); continue
    if k in FIX:
        e = dict(e); e["oci"] = FIX[k]; e["provenance"] = "official"
        e["source"] = use_ev(FIX[k]) + ("; the home-operations mirror deprecated its copy" if "intel" in k[1] else "; the onedr0p mirror it used to point at was renamed")
    cs = cosign_ev(e.get("oci")) if e.get("oci") else None
    if cs and not e.get("cosign"):
        e = dict(e); e["cosign"] = True; e["source"] = e["source"] + "; signed: " + cs + " verifies it with provider cosign"
    add(e)

for c in cands:
    k = (c["helm"], c["chart"])
    if k in SKIP_CANDS: continue
    if not c["plausible"] and not c["mirror"] and k not in {("https://charts.bitnami.com/bitnami", "postgresql"),
            ("https://helm.gitops.weave.works", "weave-gitops"), ("https://kubernetes-sigs.github.io/node-feature-discovery/charts", "node-feature-discovery"),
            ("https://piraeus.io/helm-charts", "snapshot-controller")}:
        continue
    if c["mirror"] and c["chart"] in DEPRECATED: continue
    ev = []
    if c["moved"]:
        r, p, old, new = c["moved"][0]
        ev.append(f"moved from this Helm repository by hand in {r} ({p}, {old}..{new})")
    u = use_ev(c["oci"])
    if u: ev.append(u)
    if c["http"]:
        ev.append("Helm repository seen in " + cite(*c["http"]))
    e = {"helmRepository": c["helm"], "chart": c["chart"], "oci": c["oci"], "provenance": "mirror" if c["mirror"] else "official"}
    cs = cosign_ev(c["oci"])
    if c["mirror"]:
        e["cosign"] = True
        ev.append("home-operations/charts-mirror signs its charts with cosign (README)")
    elif cs:
        e["cosign"] = True; ev.append("signed: " + cs + " verifies it with provider cosign")
    e["source"] = "public trees: " + "; ".join(ev)
    add(e)

for m in mirror["current"]:
    if not m["registry"] or m["artifact"] in DEPRECATED: continue
    url = MIRROR + m["artifact"]
    e = {"helmRepository": m["registry"].rstrip("/"), "chart": m["chart"], "oci": url, "provenance": "mirror", "cosign": True,
         "source": f"home-operations/charts-mirror {m['path']} @{mirror['head']} mirrors chart {m['chart']} of {m['registry']}"
                   " (signed with cosign, README)" + ("; " + use_ev(url) if use_ev(url) else "")}
    add(e)

OCI_ONLY = [
    ("oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator", "ControlPlane's Flux Operator, published only as OCI"),
    ("oci://ghcr.io/controlplaneio-fluxcd/charts/flux-instance", "ControlPlane's Flux Operator, published only as OCI"),
    ("oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator-mcp", "ControlPlane's Flux Operator MCP server"),
    ("oci://ghcr.io/spegel-org/helm-charts/spegel", "Spegel's own registry"),
    ("oci://docker.io/envoyproxy/gateway-helm", "Envoy Gateway's chart (mirror.gcr.io/envoyproxy/gateway-helm is Google's pull-through copy of it)"),
    ("oci://ghcr.io/home-operations/charts/tuppr", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/kopiur", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/konflate", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/miroir", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/litellm-operator", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/drm-exporter", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/kromgo", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/gatus-sidecar", "home-operations' own chart"),
    ("oci://ghcr.io/home-operations/charts/echo", "home-operations' own chart"),
    ("oci://ghcr.io/intel/intel-resource-drivers-for-kubernetes/intel-gpu-resource-driver-chart", "Intel's own registry"),
    ("oci://ghcr.io/dragonflydb/dragonfly-operator/helm/dragonfly-operator", "DragonflyDB's own registry"),
    ("oci://ghcr.io/mogenius/helm-charts/renovate-operator", "mogenius' own registry"),
    ("oci://code.forgejo.org/forgejo-helm/forgejo", "Forgejo's own registry"),
    ("oci://quay.io/jetstack/charts/trust-manager", "Jetstack's registry, beside cert-manager"),
    ("oci://ghcr.io/kgateway-dev/charts/kgateway", "kgateway's own registry"),
    ("oci://ghcr.io/kgateway-dev/charts/kgateway-crds", "kgateway's own registry"),
    ("oci://ghcr.io/kgateway-dev/charts/agentgateway", "kgateway's own registry"),
    ("oci://ghcr.io/kgateway-dev/charts/agentgateway-crds", "kgateway's own registry"),
    ("oci://ghcr.io/kagent-dev/kagent/helm/kagent", "kagent's own registry"),
    ("oci://ghcr.io/kagent-dev/kagent/helm/kagent-crds", "kagent's own registry"),
    ("oci://ghcr.io/kagent-dev/kmcp/helm/kmcp", "kagent's own registry"),
    ("oci://ghcr.io/kagent-dev/kmcp/helm/kmcp-crds", "kagent's own registry"),
    ("oci://ghcr.io/stacklok/toolhive/toolhive-operator", "Stacklok's own registry"),
    ("oci://ghcr.io/stacklok/toolhive/toolhive-operator-crds", "Stacklok's own registry"),
    ("oci://ghcr.io/flux-iac/charts/tofu-controller", "flux-iac's own registry"),
    ("oci://ghcr.io/argoproj/argo-helm/argo-cd", "Argo's own registry"),
    ("oci://ghcr.io/netbox-community/netbox-chart/netbox", "NetBox community's own registry"),
    ("oci://registry.developers.crunchydata.com/crunchydata/pgo", "Crunchy Data's own registry"),
    ("oci://ghcr.io/kuadrant/charts/mcp-gateway", "Kuadrant's own registry"),
    ("oci://ghcr.io/kguardian-dev/charts/kguardian", "kguardian's own registry"),
    ("oci://ghcr.io/games-on-whales/charts/direwolf-operator", "Games on Whales' own registry"),
    ("oci://ghcr.io/openclaw-rocks/charts/openclaw-operator", "the project's own registry"),
    ("oci://ghcr.io/hostzero-gmbh/charts/keycloak-operator", "the project's own registry"),
    ("oci://ghcr.io/zoriya/helm-charts/kyoo", "Kyoo's author's registry"),
    ("oci://ghcr.io/aclerici38/charts/pocket-id-operator", "the project's own registry"),
    ("oci://ghcr.io/defilantech/charts/foreman", "the project's own registry"),
]
for url, who in OCI_ONLY:
    u = use_ev(url)
    if not u: continue
    e = {"chart": url.rsplit("/", 1)[1], "oci": url, "provenance": "official", "source": who + "; " + u}
    cs = cosign_ev(url)
    if cs: e["cosign"] = True; e["source"] += "; signed: " + cs + " verifies it with provider cosign"
    add(e)
# explicit charts of wildcard repositories seen in trees, before the wildcards
for pre_helm, pre_oci in [("https://prometheus-community.github.io/helm-charts", "oci://ghcr.io/prometheus-community/charts/"),
                          ("https://victoriametrics.github.io/helm-charts", "oci://ghcr.io/victoriametrics/helm-charts/")]:
    for url in sorted(uses):
        if url.startswith(pre_oci):
            add({"helmRepository": pre_helm, "chart": url.rsplit("/", 1)[1], "oci": url, "provenance": "official",
                 "source": "public trees: " + use_ev(url)})
for w in wildcards:
    add(w)
def wild_ev(prefix):
    seen = [u for u in sorted(uses) if u.startswith(prefix + "/")]
    return ", ".join(u.rsplit("/", 1)[1] + " (" + use_ev(u, 1).split("(", 1)[1] for u in seen[:4])
add({"helmRepository": "https://charts.bitnami.com/bitnami", "chart": "*", "ociPrefix": "oci://registry-1.docker.io/bitnamicharts",
     "provenance": "official", "source": "Bitnami pushes every chart of its repository to registry-1.docker.io/bitnamicharts; public trees pull " + wild_ev("oci://registry-1.docker.io/bitnamicharts")})
add({"helmRepository": "https://itzg.github.io/minecraft-server-charts", "chart": "*", "ociPrefix": "oci://ghcr.io/itzg/minecraft-server-charts",
     "provenance": "official", "source": "itzg pushes the charts of this repository to ghcr.io/itzg/minecraft-server-charts; public trees pull " + wild_ev("oci://ghcr.io/itzg/minecraft-server-charts")})
cat["entries"] = entries
cat["aliases"] = [
    {"from": "https://bjw-s.github.io/helm-charts", "to": "https://bjw-s-labs.github.io/helm-charts",
     "source": "the GitHub Pages host renamed with its organization (bjw-s -> bjw-s-labs); public trees list both for app-template"},
    {"from": "https://ori-edge.github.io/k8s_gateway", "to": "https://k8s-gateway.github.io/k8s_gateway",
     "source": "k8s_gateway moved from the ori-edge organization to k8s-gateway; public trees moved from both to oci://ghcr.io/k8s-gateway/charts/k8s-gateway"},
    {"from": "https://helm.traefik.io/traefik", "to": "https://traefik.github.io/charts",
     "source": "Traefik's chart repository moved to GitHub Pages; public trees moved from both to oci://ghcr.io/traefik/helm/traefik"},
]
cat["mirrorOrganizations"] = [
    {"current": "oci://ghcr.io/home-operations/charts-mirror", "former": ["oci://ghcr.io/onedr0p/charts-mirror", "oci://ghcr.io/buroa/charts-mirror"],
     "source": "home-operations/charts-mirror README at its first commit 31d9116 named oci://ghcr.io/buroa/charts-mirror; bjw-s-labs/home-ops commit 1db8a18fdf moved loki and intel-device-plugins from oci://ghcr.io/onedr0p/charts-mirror to oci://ghcr.io/home-operations/charts-mirror"},
]
txt = json.dumps(cat, indent=2, ensure_ascii=False)
# one entry per line, as before
lines = ['{', '  "description": ' + json.dumps(cat["description"], ensure_ascii=False) + ',']
for key in ["entries", "aliases", "mirrorOrganizations", "guesses"]:
    lines.append(f'  "{key}": [')
    items = cat[key]
    for i, it in enumerate(items):
        lines.append("    " + json.dumps(it, ensure_ascii=False) + ("," if i < len(items) - 1 else ""))
    lines.append("  ]" + ("," if key != "guesses" else ""))
lines.append("}")
open(CAT, "w").write("\n".join(lines) + "\n")
print(len(entries), "entries;", sum(1 for e in entries if e.get("oci")), "with oci;", sum(1 for e in entries if e.get("oci") and e.get("helmRepository")), "keyed by a helm repository;", sum(1 for e in entries if e.get("cosign")), "cosign")
