#!/usr/bin/env python3
"""readme_examples.py — every command in the README's shell examples runs as written (exit 0):
each ```sh block's lines, in order, in a scratch folder laid out like a checkout (graphs/ and
../shared where they are), with `allynet` on PATH as scripts/run installs it. Skipped: the two
commands themselves (scripts/run, scripts/test: they build and test everything) and the
building-by-hand block (a second full release build).
Usage: readme_examples.py ALLYNET (run from the project root). Without ../shared the examples
that read it skip visibly (77), and fail under CI=true."""
import os, re, shutil, subprocess, sys, tempfile

exe = os.path.abspath(sys.argv[1])
root = os.getcwd()
shared = os.path.join(root, "..", "shared")
text = open(os.path.join(root, "README.md"), encoding="utf-8").read()
blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
SKIP = ("scripts/run", "scripts/test", "meson setup", "DESTDIR=",
        "scripts/cluster")  # clusters are started and checked by cluster_equal and cluster_kill

if not os.path.isdir(shared):
    print("SKIP: ../shared is absent; the README's examples read it")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

fails, ran, skipped = [], 0, 0
with tempfile.TemporaryDirectory() as tmp:
    work = os.path.join(tmp, "allynet")
    os.makedirs(os.path.join(tmp, "bin"))
    os.makedirs(work)
    os.symlink(os.path.abspath(shared), os.path.join(tmp, "shared"))
    os.symlink(os.path.join(root, "graphs"), os.path.join(work, "graphs"))
    os.symlink(exe, os.path.join(tmp, "bin", "allynet"))
    env = dict(os.environ, PATH=os.path.join(tmp, "bin") + os.pathsep + os.environ["PATH"])
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():  # continued lines: one command
            cmd = line.strip()
            if not cmd or cmd.startswith("#"):
                continue
            if cmd.startswith(SKIP):
                skipped += 1
                print(f"skip (builds, tests or starts a cluster): {cmd}")
                continue
            r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=work, env=env,
                               capture_output=True, text=True, timeout=600)
            ran += 1
            if r.returncode != 0:
                fails.append(cmd)
                print(f"FAIL ({r.returncode}): {cmd}\n{r.stderr[-800:]}")
            else:
                print(f"ok: {cmd[:100]}")
if fails:
    print(f"{len(fails)} of {ran} README commands failed")
    sys.exit(1)
print(f"all {ran} README commands ran ({skipped} skipped)")
