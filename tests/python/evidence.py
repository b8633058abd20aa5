"""evidence.py — how a Python test says what it did not check.

A whole test that cannot run (a tool or ../shared is missing) calls `skip(reason)`: it prints
`SKIP: reason` and exits 77, which meson counts as skipped. A test that runs but leaves out a
part calls `partial(reason)`: it prints `PARTIAL: reason`, and scripts/test counts the test as
partial, not passed. Under CI (`CI=true` in the environment) neither is allowed: `skip` exits 1
and `partial` makes `finish()` exit 1, so a missing ../shared or tool turns the run red.
Every test that may call `partial` ends with `finish(failures)`."""
import os, sys

CI = os.environ.get("CI") == "true"
SHARED = os.path.join(os.getcwd(), "..", "shared")
_partial = []


def shared(*parts):
    """The path of ../shared/PARTS (relative to the project root, where tests run)."""
    return os.path.join(SHARED, *parts)


def skip(reason):
    """Skips the whole test: exit 77, or exit 1 under CI."""
    print(("FAIL (CI=true, not skipped): " if CI else "SKIP: ") + reason)
    sys.exit(1 if CI else 77)


def missing_module(reason):
    """A Python module is missing: reruns the test under Debian's /usr/bin/python3 (where
    python3-networkx, numpy and scipy live) when another python3 came first on PATH; otherwise
    skips."""
    system = "/usr/bin/python3"
    if (os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system)
            and not os.environ.get("ALLYNET_REEXEC")):
        os.environ["ALLYNET_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)
    skip(reason)


def partial(reason):
    """Records that a part of the test did not run; `finish` reports it."""
    print(("FAIL (CI=true, not skipped): " if CI else "PARTIAL: ") + reason)
    _partial.append(reason)


def need_shared(*parts):
    """The path of ../shared/PARTS; skips the whole test when it is absent."""
    p = shared(*parts)
    if not os.path.exists(p):
        skip(f"../shared/{'/'.join(parts)} is absent")
    return p


def finish(fails=0):
    """Exits 1 when FAILS (a count or a list) is non-empty or, under CI, a part was skipped."""
    n = fails if isinstance(fails, int) else len(fails)
    if not isinstance(fails, int):
        for f in fails:
            print("FAIL", f)
    if n or (CI and _partial):
        sys.exit(1)
    sys.exit(0)
