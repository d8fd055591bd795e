import os, yaml, json, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract import analyse, L, WORK
base = os.environ.get("CATALOG_CORPORA", "../shared/corpora")
out = []
for t in sorted(os.listdir(base)):
    root = os.path.join(base, t)
    if not os.path.isdir(root): continue
    docs = []
    for dp, dn, fn in os.walk(root):
        for f in fn:
            if f.endswith((".yaml", ".yml")):
                p = os.path.join(dp, f)
                text = open(p, errors="replace").read()
                if "{{" in text: continue
                try:
                    for d in yaml.load_all(text, Loader=L):
                        if isinstance(d, dict): docs.append((os.path.relpath(p, root), d))
                except Exception: pass
    repo, _, commit = t.rpartition("__")
    slug = repo.replace("__", "/")
    for name, v in analyse(docs).items():
        if v[0] == "http":
            out.append({"kind": "http-use", "repo": slug, "commit": commit, "release": name, "helm": v[1], "chart": v[2], "path": v[3]})
        else:
            out.append({"kind": "oci-use", "repo": slug, "commit": commit, "release": name, "oci": v[1], "cosign": v[2] == "cosign", "path": v[3]})
json.dump(out, open(os.path.join(WORK, "corpora-evidence.json"), "w"))
print(len(out))
