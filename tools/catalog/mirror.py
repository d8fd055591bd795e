"""The charts home-operations/charts-mirror mirrors now: apps/<artifact>/metadata.yaml names the upstream Helm
repository and chart. Writes <CATALOG_WORK>/mirror.json."""
import json, os, subprocess, yaml
REPO = os.path.join(os.environ.get("CATALOG_MIRRORS", "/work/.mirror"), "home-operations+charts-mirror", "repo")
WORK = os.environ.get("CATALOG_WORK", "target/catalog")
def git(*a): return subprocess.run(["git", "-C", REPO] + list(a), capture_output=True, text=True).stdout
head = git("rev-parse", "--short=10", "HEAD").strip()
cur = []
for p in git("ls-tree", "-r", "--name-only", "HEAD").split("\n"):
    if p.startswith("apps/") and p.endswith("metadata.yaml"):
        d = yaml.safe_load(git("show", "HEAD:" + p))
        src = (d.get("source") or {}).get("helm") or {}
        cur.append({"path": p, "artifact": d.get("artifactName"), "registry": src.get("registry") or d.get("chartRegistry"),
                    "chart": src.get("chart") or src.get("name") or d.get("chartName") or d.get("artifactName")})
os.makedirs(WORK, exist_ok=True)
json.dump({"head": head, "current": cur}, open(os.path.join(WORK, "mirror.json"), "w"), indent=1)
