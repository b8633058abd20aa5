"""plan.py — cuts the inputs of a `scripts/cluster` run into shards: whole files batched up to a
shard size, and files larger than that cut into byte ranges at line boundaries (events) or at
blank lines (extract, only when asked). Also names documents the way `allynet extract` does."""
import os

READ = 1 << 16


def piece(index, path, start, end, whole):
    """A whole input file, or the byte range [start, end) of one: a plain dict, so that a worker
    unpickles it without this file."""
    return {"index": index, "path": path, "start": start, "end": end, "whole": whole}


def describe(p):
    return p["path"] if p["whole"] else f"{p['path']} bytes {p['start']}-{p['end']}"


def doc_ids(paths):
    """The ids `allynet extract` gives its inputs: the file name, -2, -3 ... for repeats."""
    seen, out = {}, []
    for p in paths:
        base = "stdin" if p == "-" else os.path.basename(p)
        n = seen.get(base, 0)
        out.append(base if n == 0 else f"{base}-{n + 1}")
        seen[base] = n + 1
    return out


def _next_boundary(f, at, size, blank):
    """The first offset > at that starts a line (a paragraph after a blank line when blank),
    else size."""
    f.seek(at)
    tail, pos = b"", at
    while pos < size:
        buf = f.read(READ)
        if not buf:
            break
        hay = tail + buf
        i = _blank(hay) if blank else hay.find(b"\n") + 1 or -1
        if i >= 0:
            return pos - len(tail) + i
        tail = hay[-2:]
        pos += len(buf)
    return size


def _blank(hay):
    """The offset just after the first blank line in hay (LF or CRLF), or -1."""
    best = -1
    for sep in (b"\n\n", b"\n\r\n"):
        i = hay.find(sep)
        if i >= 0 and (best < 0 or i + len(sep) < best):
            best = i + len(sep)
    return best


def ranges(path, size, shard_size, blank):
    """Byte ranges of one file of `size` bytes, each about shard_size, cut at boundaries."""
    cuts = [0]
    with open(path, "rb") as f:
        while cuts[-1] + shard_size < size:
            b = _next_boundary(f, cuts[-1] + shard_size, size, blank)
            if b >= size:
                break
            cuts.append(b)
    cuts.append(size)
    return list(zip(cuts[:-1], cuts[1:]))


def shards(paths, shard_size, split, blank):
    """Lists of pieces, in input order: small files batched, large ones cut when split."""
    out, batch, batched = [], [], 0
    for i, p in enumerate(paths):
        size = os.path.getsize(p)
        if split and size > shard_size:
            if batch:
                out.append(batch)
                batch, batched = [], 0
            out += [[piece(i, p, a, b, False)] for a, b in ranges(p, size, shard_size, blank)]
            continue
        batch.append(piece(i, p, 0, size, True))
        batched += size
        if batched >= shard_size:
            out.append(batch)
            batch, batched = [], 0
    if batch:
        out.append(batch)
    return out
