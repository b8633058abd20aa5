"""tasks.py — what the workers of a `scripts/cluster` run do: run `allynet extract` or `allynet
events` on one shard (files, or a byte range fed on stdin) and give its documents their names
and offsets in the whole run; and merge shards' snapshots with `allynet merge` (combine.py adds
what merge does not sum). allynet runs as a subprocess with an argument list, never a shell."""
import json, os, subprocess, tempfile

import combine
import plan


class ShardError(Exception):
    """A shard failed: args = (message naming the shard and allynet's error line, exit code)."""

    def __init__(self, message, code):
        super().__init__(message, code)
        self.message, self.code = message, code

    def __str__(self):
        return self.message


def _range_bytes(piece, header):
    with open(piece["path"], "rb") as f:
        f.seek(piece["start"])
        return header + f.read(piece["end"] - piece["start"])


def _error_line(stderr, piece, header_lines):
    """allynet's own error line (the last that names allynet), with a stdin line number turned
    into the file's."""
    lines = [l for l in stderr.decode("utf-8", "replace").splitlines() if l.startswith("allynet")]
    line = lines[-1] if lines else stderr.decode("utf-8", "replace").strip()[-300:]
    if piece is not None and not piece["whole"]:
        for tag in ("<stdin>:", "-:", "stdin:"):
            at = line.find(tag)
            if at >= 0:
                rest = line[at + len(tag):]
                num = rest.split(":", 1)[0]
                if num.isdigit():
                    with open(piece["path"], "rb") as f:
                        before = f.read(piece["start"]).count(b"\n")
                    n = int(num) + before - header_lines
                    line = line[:at] + f"{piece['path']}:{n}:" + rest.split(":", 1)[1]
                break
    return line


def _run(argv, stdin, pieces, header_lines=0):
    r = subprocess.run(argv, input=stdin, capture_output=True)
    if r.returncode != 0:
        piece = pieces[0] if len(pieces) == 1 else None
        what = ", ".join(plan.describe(p) for p in pieces)
        raise ShardError(f"shard ({what}): {_error_line(r.stderr, piece, header_lines)}",
                         r.returncode)
    return r


def extract_shard(allynet, opts, pieces, ids):
    """One shard of `allynet extract`: the snapshot as JSON bytes, its documents named and its
    evidence offsets counted as in one run over all inputs (ids: the pieces' document ids)."""
    with tempfile.TemporaryDirectory(prefix="allynet-shard-") as tmp:
        out = os.path.join(tmp, "g.json")
        whole = pieces[0]["whole"]
        args = [os.path.abspath(p["path"]) for p in pieces] if whole else ["-"]
        stdin = None if whole else _range_bytes(pieces[0], b"")
        _run([allynet, "extract"] + opts + ["-o", out, "--"] + args, stdin, pieces)
        g = json.load(open(out, encoding="utf-8"))
    local = plan.doc_ids(args)
    rename = dict(zip(local, ids))
    shift = 0 if whole else pieces[0]["start"]
    for e in g["edges"]:
        for ev in e.get("evidence", []):
            ev["doc"] = rename.get(ev["doc"], ev["doc"])
            ev["start"] += shift
            ev["end"] += shift
    g["graph"]["sources"] = [{"id": i, "path": p["path"]} for i, p in zip(ids, pieces)]
    return json.dumps(g).encode()


def events_shard(allynet, opts, fmt, pieces, header):
    """One shard of `allynet events`: {"index": index.json (stdin lines not yet shifted),
    "snapshots": {file: bytes}, "newlines": newlines in the range}."""
    whole = pieces[0]["whole"]
    with tempfile.TemporaryDirectory(prefix="allynet-shard-") as tmp:
        out = os.path.join(tmp, "out")
        args = [os.path.abspath(p["path"]) for p in pieces] if whole else ["-"]
        data = None if whole else _range_bytes(pieces[0], header)
        _run([allynet, "events"] + opts + ["-o", out, "--"] + args, data, pieces,
             1 if header else 0)
        index = json.load(open(os.path.join(out, "index.json"), encoding="utf-8"))
        snaps = {s["file"]: open(os.path.join(out, s["file"]), "rb").read()
                 for s in index["snapshots"]}
    given = {a: p["path"] for a, p in zip(args, pieces)}
    if not whole:
        given["<stdin>"] = given["-"] = pieces[0]["path"]
    combine.rename_files(index, given, fmt, pieces)
    index["stats"]["bytes"] = index["stats"].get("bytes", 0) - len(header)
    newlines = (data.count(b"\n") - (1 if header else 0)) if data is not None else 0
    return {"index": index, "snapshots": snaps, "newlines": newlines}


def merge(allynet, children, cap, sources):
    """`allynet merge` of snapshots (JSON bytes, in input order), completed by combine.patch and
    written once more by allynet so the file is in its canonical form."""
    with tempfile.TemporaryDirectory(prefix="allynet-merge-") as tmp:
        paths = []
        for i, c in enumerate(children):
            paths.append(os.path.join(tmp, f"{i}.json"))
            open(paths[-1], "wb").write(c)
        out = os.path.join(tmp, "m.json")
        _run([allynet, "merge", "-o", out, "--"] + paths, None, [])
        g = json.load(open(out, encoding="utf-8"))
        combine.patch(g, [json.loads(c) for c in children], cap, sources)
        open(out, "w", encoding="utf-8").write(json.dumps(g))
        final = os.path.join(tmp, "final.json")
        _run([allynet, "merge", "-o", final, "--", out], None, [])
        return open(final, "rb").read()


def merge_periods(allynet, children, sources, last):
    """One node of the events reduce: children are {file: snapshot bytes} of consecutive shards
    (in input order); each period is merged with `merge` (a period only one child has passes
    through, except at the last node, which also lists the run's sources in every snapshot)."""
    out = {}
    for name in sorted({n for c in children for n in c}):
        parts = [c[name] for c in children if name in c]
        out[name] = parts[0] if len(parts) == 1 and not last else \
            merge(allynet, parts, None, sources if last else None)
    return out
