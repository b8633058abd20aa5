"""options.py — the command line of `scripts/cluster`: its own options, the allynet options that
pass through (with their values; file options made absolute for the workers) and the inputs."""
import os, shutil

OWN_VALUE = {"--scheduler", "--workers", "--allynet", "--shard-size", "--fan-in", "-o", "--output"}
OWN_FLAG = {"--split-text", "--quiet"}
PASS_VALUE = {
    "extract": {"--date", "--actors", "--lexicon", "--max-evidence"},
    "events": {"--format", "--period", "--window", "--origin", "--from", "--to", "--min-votes",
               "--source-col", "--target-col", "--weight-col", "--date-col", "--delimiter"},
}
PASS_FLAG = {"extract": set(),
             "events": {"--strict", "--mentions", "--skip-unknown", "--undirected"}}
FILE_OPTS = {"--actors", "--lexicon"}
FORMATS = ("gdelt1", "gdelt2", "csv")


class Usage(Exception):
    pass


def size(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    t = text.strip().lower().rstrip("b")
    mult = units.get(t[-1:], 1)
    num = t[:-1] if t[-1:] in units else t
    try:
        n = int(float(num) * mult)
    except ValueError:
        raise Usage(f"--shard-size expects a size (64M, 500k): '{text}'")
    if n < 1:
        raise Usage("--shard-size must be positive")
    return n


def _count(text, name):
    if not text.isdigit() or int(text) < 1:
        raise Usage(f"{name} expects a positive number: '{text}'")
    return int(text)


def _default_allynet(root):
    built = os.path.join(root, "build", "allynet")
    return built if os.access(built, os.X_OK) else shutil.which("allynet") or built


def parse(argv, root):
    """A dict of the run's settings; raises Usage."""
    if not argv or argv[0] not in ("extract", "events"):
        raise Usage("expects 'extract' or 'events' first")
    cmd, own, passed, inputs, flags = argv[0], {}, [], [], set()
    i, rest = 1, False
    while i < len(argv):
        a = argv[i]
        name, eq, val = a.partition("=") if a.startswith("--") else (a, "", "")
        if rest or not a.startswith("-") or a == "-":
            inputs.append(a)
        elif a == "--":
            rest = True
        elif name in OWN_FLAG or name in PASS_FLAG[cmd] or name == "--json" and cmd == "events":
            (flags.add(name) if name in OWN_FLAG else passed.append(name))
        elif name in OWN_VALUE or name in PASS_VALUE[cmd]:
            if not eq:
                if i + 1 >= len(argv):
                    raise Usage(f"{name} expects a value")
                i += 1
                val = argv[i]
            if name in OWN_VALUE:
                own[name] = val
            else:
                passed += [name, os.path.abspath(val) if name in FILE_OPTS else val]
        else:
            raise Usage(f"unknown option '{a}' for {cmd} (see scripts/cluster --help)")
        i += 1
    out = own.get("-o", own.get("--output"))
    if out is None:
        raise Usage("expects -o OUT")
    if not inputs:
        raise Usage("expects at least one input file")
    if "-" in inputs:
        raise Usage("reads files, not stdin: a stream cannot be sharded")
    for p in inputs:
        if not os.path.isfile(p):
            raise Usage(f"{p}: no such file")
    if "--scheduler" in own and "--workers" in own:
        raise Usage("--scheduler and --workers exclude each other")
    s = {"cmd": cmd, "out": out, "inputs": inputs, "scheduler": own.get("--scheduler"),
         "workers": _count(own.get("--workers", "2"), "--workers"),
         "fan_in": _count(own.get("--fan-in", "8"), "--fan-in"),
         "shard_size": size(own.get("--shard-size", "64M")),
         "allynet": os.path.abspath(own["--allynet"]) if "--allynet" in own and
         os.sep in own["--allynet"] else own.get("--allynet") or _default_allynet(root),
         "split_text": "--split-text" in flags, "quiet": "--quiet" in flags}
    s["fan_in"] = max(s["fan_in"], 2)
    return _finish(s, passed)


def _value(passed, name, default):
    return passed[passed.index(name) + 1] if name in passed else default


def _finish(s, passed):
    if s["cmd"] == "events":
        fmt = _value(passed, "--format", None)
        if fmt is None:
            raise Usage("events expects --format")
        if fmt not in FORMATS:
            raise Usage(f"--format {fmt}: only {', '.join(FORMATS)} are sums over rows that "
                        "shards can split; run 'allynet events' on one machine")
        s["format"] = fmt
        s["json"] = "--json" in passed
        passed = [a for a in passed if a != "--json"]
        s["cap"] = None
    else:
        s["cap"] = _count(_value(passed, "--max-evidence", "20"), "--max-evidence")
    s["opts"] = passed
    return s
