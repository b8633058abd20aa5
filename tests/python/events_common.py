"""events_common.py — helpers for the `allynet events` reference checks: find ../shared/data
(skip visibly with exit 77 when absent), run allynet events into a temporary folder, read
the snapshots."""
import atexit, json, os, shutil, subprocess, sys, tempfile
from evidence import skip

DATA = os.path.join(os.getcwd(), "..", "shared", "data")


def need(*names):
    """Exits 77 (skip) with a message when one of the files in ../shared/data is absent."""
    for n in names:
        if not os.path.exists(os.path.join(DATA, n)):
            skip(f"../shared/data/{n} is absent")
    return [os.path.join(DATA, n) for n in names]


def run_events(exe, args, files):
    """Runs allynet events ARGS -o TMP FILES; returns (folder, index)."""
    out = tempfile.mkdtemp(prefix="allynet-events-")
    atexit.register(shutil.rmtree, out, True)
    r = subprocess.run([exe, "events", *args, "-o", out, *files], capture_output=True,
                       text=True, timeout=600)
    if r.returncode != 0:
        print(f"FAIL: allynet events {' '.join(args)} exited {r.returncode}: {r.stderr}")
        sys.exit(1)
    return out, json.load(open(os.path.join(out, "index.json")))


def snapshot(folder, key):
    return json.load(open(os.path.join(folder, key + ".json")))


class Checks:
    """Collects failures; exits 1 with all of them at the end."""

    def __init__(self):
        self.fails, self.n = [], 0

    def eq(self, what, got, want):
        self.n += 1
        if got != want:
            self.fails.append(f"{what}: got {got!r}, expected {want!r}")

    def true(self, what, cond):
        self.n += 1
        if not cond:
            self.fails.append(what)

    def close(self, what, got, want, tol=1e-9):
        self.n += 1
        if abs(got - want) > tol:
            self.fails.append(f"{what}: got {got!r}, expected {want!r}")

    def done(self, name):
        if self.fails:
            print(f"FAIL {name}:\n  " + "\n  ".join(self.fails[:30]))
            sys.exit(1)
        print(f"ok {name}: {self.n} checks")
