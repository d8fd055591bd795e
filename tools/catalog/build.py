import json, collections, re, os
WORK = os.environ.get("CATALOG_WORK", "target/catalog")
os.chdir(WORK)
ev = json.load(open("evidence.json")) + json.load(open("corpora-evidence.json"))
PERSONAL = re.compile(r"ocharted\.|/szinn/charts-mirror|perfectra1n|/[a-z0-9-]+/charts-mirror", re.I)
HOMEOPS_MIRROR = "oci://ghcr.io/home-operations/charts-mirror/"
def norm(u): return u.lower().rstrip("/")
def last(u): return u.rstrip("/").rsplit("/", 1)[1]
def org_tokens(h):
    host = re.sub(r"^https?://", "", h).split("/")[0]
    toks = set()
    m = re.match(r"([a-z0-9-]+)\.github\.io", host)
    if m: toks.add(m.group(1))
    parts = host.split(".")
    if len(parts) >= 2: toks.add(parts[-2])
    for p in parts[:-1]:
        if p not in ("charts", "helm", "www", "github", "io", "com", "org", "dev", "pkgs", "raw", "githubusercontent", "storage", "googleapis", "k8s"):
            toks.add(p)
    if "raw.githubusercontent.com" in host:
        toks.add(h.split("/")[3].lower())
    return {t.lower() for t in toks}
def plausible(h, u):
    segs = set(re.split(r"[/.]", u.lower().replace("oci://", "")))
    return bool(org_tokens(h) & segs)

http_uses = collections.defaultdict(list)  # chart -> [(helm, e)]
for e in ev:
    if e["kind"] == "http-use":
        http_uses[e["chart"]].append((norm(e["helm"]), e))
oci_uses = collections.defaultdict(list)
for e in ev:
    if e["kind"] == "oci-use":
        oci_uses[norm(e["oci"])].append(e)
moved = collections.defaultdict(list)
for e in ev:
    if e["kind"] == "moved" and last(e["oci"]) == e["chart"]:
        moved[(norm(e["helm"]), e["chart"], norm(e["oci"]))].append(e)

cands = collections.defaultdict(dict)  # (helm, chart) -> oci -> info
for (h, c, u), es in moved.items():
    if PERSONAL.search(u) and not u.startswith(HOMEOPS_MIRROR): continue
    cands[(h, c)].setdefault(u, {"moved": [], "uses": []})["moved"] += es
for u, es in oci_uses.items():
    if PERSONAL.search(u) and not u.startswith(HOMEOPS_MIRROR): continue
    c = last(u)
    for h in {h for h, _ in http_uses.get(c, [])}:
        mirror = u.startswith(HOMEOPS_MIRROR)
        if plausible(h, u) or (h, c) in cands:
            cands[(h, c)].setdefault(u, {"moved": [], "uses": []})
for (h, c), m in cands.items():
    for u, info in m.items():
        info["uses"] = oci_uses.get(u, [])
out = []
for (h, c), m in sorted(cands.items()):
    def score(item):
        u, info = item
        official = not u.startswith(HOMEOPS_MIRROR) and plausible(h, u)
        return (official, len({e["repo"] for e in info["moved"]}) + len({e["repo"] for e in info["uses"]}))
    best = sorted(m.items(), key=score, reverse=True)
    u, info = best[0]
    repos_moved = sorted({e["repo"] for e in info["moved"]})
    repos_use = sorted({e["repo"] for e in info["uses"]})
    if not repos_moved and not repos_use: continue
    http_ev = next((e for hh, e in http_uses[c] if hh == h), None)
    cos = [e for e in info["uses"] if e["cosign"]]
    out.append({"helm": h, "chart": c, "oci": u, "mirror": u.startswith(HOMEOPS_MIRROR), "plausible": plausible(h, u),
                "moved": [(e["repo"], e["newPath"], e["old"], e["new"]) for e in info["moved"][:2]],
                "use": [(e["repo"], e["path"]) for e in info["uses"][:2]], "nrepos": len(set(repos_moved) | set(repos_use)),
                "http": (http_ev["repo"], http_ev["path"], http_ev["commit"]) if http_ev else None,
                "cosign": [(e["repo"], e["path"]) for e in cos[:1]], "alts": [x for x, _ in best[1:]]})
json.dump(out, open("cands.json", "w"), indent=1)
print(len(out), "candidates;", sum(1 for o in out if o["mirror"]), "mirror;", sum(1 for o in out if not o["plausible"]), "not plausible")
for o in out:
    print(("M " if o["mirror"] else "  ") + ("" if o["plausible"] else "?? ") + o["helm"], o["chart"], "->", o["oci"], o["nrepos"], "alts:", len(o["alts"]))

# every OCI url public trees pull, with where (for gen_catalog.py's evidence)
uses_out = collections.defaultdict(list)
for e in ev:
    if e["kind"] == "oci-use":
        uses_out[e["oci"].lower().rstrip("/")].append((e["repo"], e["path"], e.get("commit"), e["cosign"]))
json.dump(uses_out, open("uses.json", "w"))
