import subprocess, yaml, json, sys, os, re, collections
# public GitOps repositories fetched as bare clones: <MIRROR>/<owner>+<name>/repo
MIRROR = os.environ.get("CATALOG_MIRRORS", "/work/.mirror")
WORK = os.environ.get("CATALOG_WORK", "target/catalog")
SKIP = {"Masterminds+semver", "fluxcd+pkg", "fluxcd+source-controller", "home-operations+charts-mirror"}
DATES = ["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"]

class L(yaml.SafeLoader): pass
def ignore(loader, tag_suffix, node): return None
L.add_multi_constructor("!", ignore)

def git(repo, *args, inp=None):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, input=inp).stdout

def snapshot(repo, commit):
    out = git(repo, "grep", "-l", "-E", "kind: *(HelmRepository|OCIRepository|HelmRelease)", commit, "--", "*.yaml", "*.yml").decode(errors="replace").split("\n")
    paths = [p.split(":", 1)[1] for p in out if ":" in p]
    if not paths: return []
    data = git(repo, "cat-file", "--batch", inp=("\n".join(commit + ":" + p for p in paths) + "\n").encode())
    docs = []
    i = 0
    for p in paths:
        nl = data.index(b"\n", i)
        header = data[i:nl].split()
        if len(header) < 3 or header[1] != b"blob":
            i = nl + 1; continue
        size = int(header[2])
        body = data[nl + 1: nl + 1 + size]
        i = nl + 1 + size + 1
        text = body.decode(errors="replace")
        if "{{" in text: continue
        try:
            for d in yaml.load_all(text, Loader=L):
                if isinstance(d, dict): docs.append((p, d))
        except Exception:
            pass
    return docs

def g(d, *ks):
    for k in ks:
        if not isinstance(d, dict): return None
        d = d.get(k)
    return d

def analyse(docs):
    helmrepos, ocirepos, releases = {}, {}, []
    for p, d in docs:
        kind = d.get("kind"); name = g(d, "metadata", "name")
        if not isinstance(name, str): continue
        if kind == "HelmRepository":
            helmrepos.setdefault(name, (g(d, "spec", "url"), g(d, "spec", "type"), p))
        elif kind == "OCIRepository":
            ocirepos.setdefault(name, (g(d, "spec", "url"), g(d, "spec", "verify", "provider"), p))
        elif kind == "HelmRelease":
            releases.append((p, name, d))
    out = {}
    for p, name, d in releases:
        ref = g(d, "spec", "chartRef")
        cs = g(d, "spec", "chart", "spec")
        if isinstance(ref, dict) and ref.get("kind") == "OCIRepository" and ref.get("name") in ocirepos:
            u, v, op = ocirepos[ref["name"]]
            if isinstance(u, str) and u.startswith("oci://") and "${" not in u:
                out[name] = ("oci", u.rstrip("/"), v, op)
        elif isinstance(cs, dict) and isinstance(g(cs, "sourceRef"), dict) and cs["sourceRef"].get("kind") == "HelmRepository":
            r = helmrepos.get(cs["sourceRef"].get("name"))
            chart = cs.get("chart")
            if r and isinstance(r[0], str) and isinstance(chart, str) and "${" not in chart:
                if r[1] == "oci" or r[0].startswith("oci://"):
                    out[name] = ("oci", r[0].rstrip("/") + "/" + chart, None, r[2])
                else:
                    out[name] = ("http", r[0].rstrip("/"), chart, p)
    return out

def main():
    results = []
    for entry in sorted(os.listdir(MIRROR)):
        if entry in SKIP: continue
        repo = os.path.join(MIRROR, entry, "repo")
        slug = entry.replace("+", "/")
        head = git(repo, "rev-parse", "HEAD").decode().strip()
        commits = [head]
        for dt in DATES:
            c = git(repo, "rev-list", "-1", "--before=" + dt, "HEAD").decode().strip()
            if c and c not in commits: commits.append(c)
        snaps = {}
        for c in commits:
            snaps[c] = analyse(snapshot(repo, c))
        # OCI uses at HEAD (evidence of pulling from there)
        for name, v in snaps[head].items():
            if v[0] == "oci":
                results.append({"kind": "oci-use", "repo": slug, "commit": head[:10], "release": name, "oci": v[1], "cosign": v[2] == "cosign", "path": v[3]})
        # transitions: http at an older commit, oci at a newer one
        order = sorted(commits, key=lambda c: int(git(repo, "log", "-1", "--format=%ct", c).decode().strip() or 0))
        for i, old in enumerate(order):
            for new in order[i+1:]:
                for name, v in snaps[old].items():
                    w = snaps[new].get(name)
                    if v[0] == "http" and w and w[0] == "oci":
                        results.append({"kind": "moved", "repo": slug, "release": name, "helm": v[1], "chart": v[2], "oci": w[1],
                                        "cosign": w[2] == "cosign", "old": old[:10], "new": new[:10], "oldPath": v[3], "newPath": w[3]})
        for c in commits:
            for name, v in snaps[c].items():
                if v[0] == "http":
                    results.append({"kind": "http-use", "repo": slug, "commit": c[:10], "release": name, "helm": v[1], "chart": v[2], "path": v[3]})
        print(entry, len(commits), file=sys.stderr)
    os.makedirs(WORK, exist_ok=True)
    json.dump(results, open(os.path.join(WORK, "evidence.json"), "w"), indent=0)


if __name__ == "__main__":
    main()
