#!/usr/bin/env python3
"""Cold whole-process timings of the plugin on real trees, interleaved in one run.

    python3 tools/bench/real-bench.py [--rounds N] [--versions V1,V2] TREE...

Run from the project root after `mvn -B install` (and, to compare builds, after installing the other build under
another version, e.g. `mvn versions:set -DnewVersion=0.1.0-before` in a clone). For each tree, each round runs, in
this order: Maven's own start (`mvn validate` of an empty pom), the parse floor (a cold JVM that composes every
YAML file of the tree with SnakeYAML, tools/bench/ParseFloor.java), then `mvn -q -o oci:scan` and
`mvn -q -o oci:verify -Doci.failOn=never` with each plugin version. The first round is a warm-up; medians of the
others are printed, with each goal's time beyond Maven's start. Compare only numbers of one run: a shared machine's
speed drifts within the hour.
"""
import argparse, glob, os, shutil, statistics, subprocess, tempfile, time
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("trees", nargs="+")
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--versions", help="plugin versions to compare, comma-separated (default: the project's)")
ap.add_argument("--jvm-config", help="options for Maven's JVM, written to the tree's .mvn/jvm.config (as a user would)")
a = ap.parse_args()

pom = ET.parse("pom.xml").getroot()
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
group, artifact = pom.find("m:groupId", ns).text, pom.find("m:artifactId", ns).text
versions = a.versions.split(",") if a.versions else [pom.find("m:version", ns).text]

work = os.path.join(tempfile.gettempdir(), "oci-tools-bench")
os.makedirs(work, exist_ok=True)
snakeyaml = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/yaml/snakeyaml/2.*/snakeyaml-2.*.jar")))[-1]
classes = os.path.join(work, "floor")
subprocess.run(["javac", "-cp", snakeyaml, "-d", classes, os.path.join(here, "ParseFloor.java")], check=True)
empty = os.path.join(work, "empty")
os.makedirs(empty, exist_ok=True)
with open(os.path.join(empty, "pom.xml"), "w") as f:
    f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>b</groupId>'
            '<artifactId>empty</artifactId><version>1</version><packaging>pom</packaging></project>')


def run(cmd, cwd):
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}: {p.stderr.decode()[-2000:]}")
    return time.monotonic() - start


for tree in a.trees:
    name = os.path.basename(tree.rstrip("/"))
    copy = os.path.join(work, name)
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(tree, copy)
    with open(os.path.join(copy, "pom.xml"), "w") as f:
        f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                '<groupId>b</groupId><artifactId>tree</artifactId><version>1</version><packaging>pom</packaging>'
                '</project>')
    if a.jvm_config:
        os.makedirs(os.path.join(copy, ".mvn"), exist_ok=True)
        with open(os.path.join(copy, ".mvn", "jvm.config"), "w") as f:
            f.write(a.jvm_config.replace(",", " ") + "\n")
    files = len(glob.glob(os.path.join(copy, "**/*.y*ml"), recursive=True))
    cmds = {"noop": (["mvn", "-B", "-q", "-o", "validate"], empty),
            "floor": (["java", "-cp", classes + os.pathsep + snakeyaml, "ParseFloor", copy], copy)}
    for v in versions:
        plugin = f"{group}:{artifact}:{v}"
        cmds[f"scan {v}"] = (["mvn", "-B", "-q", "-o", f"{plugin}:scan"], copy)
        cmds[f"verify {v}"] = (["mvn", "-B", "-q", "-o", f"{plugin}:verify", "-Doci.failOn=never"], copy)
    times = {k: [] for k in cmds}
    for r in range(a.rounds + 1):
        for k, (cmd, cwd) in cmds.items():
            t = run(cmd, cwd)
            if r:
                times[k].append(t)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{name} ({files} YAML files), medians of {a.rounds}: noop {med['noop']:.2f} s, floor {med['floor']:.2f} s")
    for k in cmds:
        if k not in ("noop", "floor"):
            print(f"  {k:<28} {med[k]:.2f} s (beyond Maven's start {med[k] - med['noop']:.2f} s)")
