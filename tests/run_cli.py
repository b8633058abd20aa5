#!/usr/bin/env python3
"""run_cli.py — runs one golden CLI case: ALLYNET CASE_DIR.

A case folder holds `args` (one argument per line; `@TMP@` is replaced by a fresh temporary
folder, `@SHARED@` by ../shared, and the case is skipped with a message when it needs ../shared
and that is absent), optional `stdin`, `exit` (expected code, default 0), `stdout` (expected
exactly, when present), `stdout_has` (each line must occur in stdout, when present: for output
that also carries figures of other modules), `stderr` (each line must occur in stderr, when
present), and `files`
(lines `PATH<TAB>SUBSTRING`: PATH under @TMP@ must exist and contain SUBSTRING; `!PATH`: must not
exist). Runs from the project root."""
import os, subprocess, sys, tempfile

exe, case = sys.argv[1], sys.argv[2]
shared = os.path.join(os.getcwd(), "..", "shared")

def read(name, default=None):
    p = os.path.join(case, name)
    return open(p, encoding="utf-8").read() if os.path.exists(p) else default

with tempfile.TemporaryDirectory() as tmp:
    args = [a for a in read("args").split("\n") if a != ""]
    if any("@SHARED@" in a for a in args) and not os.path.isdir(shared):
        print(f"SKIP: {case} needs ../shared, which is absent")
        sys.exit(77)
    args = [a.replace("@TMP@", tmp).replace("@SHARED@", shared) for a in args]
    stdin = read("stdin")
    r = subprocess.run([exe] + args, input=(stdin or "").encode(), capture_output=True, timeout=120)
    out, err = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    fails = []
    want_exit = int((read("exit", "0")).strip())
    if r.returncode != want_exit:
        fails.append(f"exit {r.returncode}, expected {want_exit}")
    want_out = read("stdout")
    if want_out is not None and out != want_out:
        fails.append("stdout differs:\n--- expected\n" + want_out + "--- got\n" + out)
    for line in (read("stdout_has") or "").splitlines():
        if line and line not in out:
            fails.append(f"stdout lacks {line!r}")
    for line in (read("stderr") or "").splitlines():
        if line and line.replace("@TMP@", tmp) not in err:
            fails.append(f"stderr lacks {line!r}; got {err!r}")
    if want_exit != 0 and err.count("\n") != 1:
        fails.append(f"an error must be exactly one line on stderr; got {err!r}")
    for line in (read("files") or "").splitlines():
        if line.startswith("!"):
            if os.path.exists(os.path.join(tmp, line[1:])):
                fails.append(f"{line[1:]} must not exist")
            continue
        path, _, sub = line.partition("\t")
        p = os.path.join(tmp, path)
        if not os.path.exists(p):
            fails.append(f"{path} missing")
        elif sub and sub not in open(p, encoding="utf-8", errors="replace").read():
            fails.append(f"{path} lacks {sub!r}")
    if fails:
        print(f"FAIL {case}: allynet {' '.join(args)}")
        print("\n".join(fails))
        sys.exit(1)
    print(f"ok {case}")
