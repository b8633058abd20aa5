"""combine.py — the parts of reducing shards that `allynet merge` does not do: evidence capped
again at --max-evidence (first spans in input order, the rest counted), per-tie counters of the
event tables summed (quad_class, cameo_root, mentions...) and the GDELT relation settled again,
snapshot rows summed, the latest date kept; and the index.json of an events run summed from the
shards' (rows, skips with their first lines, codes)."""
import os

# What `allynet merge` itself combines right: left as it wrote them. A tie's confidence is the
# highest any document gave it, per sign ("confidence_by_sign", merged by max), not a sum.
CORE = {"source", "target", "weight", "events", "relation", "evidence", "relations",
        "evidence_dropped", "confidence", "confidence_by_sign"}
QUAD = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
FIRST_LINES = 5  # allynet events keeps the first five line numbers per reason


def _num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _sum(values):
    """Numbers add; objects of numbers add per key; anything else keeps the first value."""
    if all(_num(v) for v in values):
        return sum(values)
    if all(isinstance(v, dict) and all(_num(x) for x in v.values()) for v in values):
        out = {}
        for v in values:
            for k, x in v.items():
                out[k] = out.get(k, 0) + x
        return out
    return values[0]


def _key(g, e):
    s, t = e["source"], e["target"]
    return (s, t) if g.get("directed", True) else tuple(sorted((s, t)))


def _patch_tie(e, kids, cap):
    if any("evidence" in k for k in kids):
        spans = [s for k in kids for s in k.get("evidence", [])]
        total = sum(len(k.get("evidence", [])) + k.get("evidence_dropped", 0) for k in kids)
        e["evidence"] = spans[:cap] if cap else spans
        e.pop("evidence_dropped", None)
        if total > len(e["evidence"]):
            e["evidence_dropped"] = total - len(e["evidence"])
    for name in sorted({n for k in kids for n in k} - CORE):
        e[name] = _sum([k[name] for k in kids if name in k])
    q = e.get("quad_class")
    if isinstance(q, dict) and all(n in q for n in QUAD):
        e["relation"] = max(QUAD, key=lambda n: (q[n], -QUAD.index(n)))


def patch(g, children, cap, sources):
    """Completes `allynet merge`'s sum g of children (parsed snapshots, in input order)."""
    ties = {}
    for c in children:
        for e in c["edges"]:
            ties.setdefault(_key(c, e), []).append(e)
    for e in g["edges"]:
        _patch_tie(e, ties.get(_key(g, e), []), cap)
    meta, metas = g["graph"], [c.get("graph", {}) for c in children]
    if any("rows" in m for m in metas):
        meta["rows"] = sum(m.get("rows", 0) for m in metas)
    dates = [m["date"] for m in metas if "date" in m and "period" not in m]
    if dates:
        meta["date"] = max(dates)
    if sources is not None:
        meta["sources"] = sources
    # `allynet merge` names a sum after its parts and spans their dates; one run names an
    # extracted snapshot after its documents, gives it no period, and keeps an events period
    # (with its key) as it is: the whole's metadata is restored from the parts.
    periods = [m.get("period") for m in metas]
    if all(pd is None for pd in periods):
        meta.pop("period", None)
    elif all(pd == periods[0] for pd in periods):
        meta["period"] = periods[0]
    names = [m.get("name") for m in metas]
    if len(set(names)) > 1 and meta.get("sources"):
        meta["name"] = parts_name([str(src.get("id")) for src in meta["sources"]])


def parts_name(ids):
    """What allynet names a snapshot of these documents: the first three distinct ids joined
    with " + ", then "and N more" (src/lib/core/parts.c)."""
    distinct = list(dict.fromkeys(i for i in ids if i is not None))
    name = " + ".join(distinct[:3])
    return name + (f" and {len(distinct) - 3} more" if len(distinct) > 3 else "")


def rename_files(index, given, fmt, pieces):
    """An events shard's index.json with the file names of the whole run: absolute paths (and
    stdin, for a byte range) back to the paths as the user gave them."""
    if not pieces[0]["whole"]:
        p = pieces[0]
        index["sources"] = [{"id": os.path.basename(p["path"]), "path": p["path"],
                             "format": fmt}]
    else:
        for s in index["sources"]:
            s["path"] = given.get(s["path"], s["path"])
    for group in ("skipped", "warnings"):
        for r in index["stats"].get(group, {}).values():
            for f in r.get("first", []):
                f["file"] = given.get(f["file"], f["file"])


def _sum_reasons(parts):
    out = {}
    for part in parts:
        for name, r in part.items():
            o = out.setdefault(name, {"count": 0, "malformed": r.get("malformed", False),
                                      "first": []})
            o["count"] += r["count"]
            for f in r.get("first", []):
                if len(o["first"]) < FIRST_LINES:
                    o["first"].append(f)
    return out


def reduce_index(indexes, snapshots, sources):
    """index.json of the whole run from the shards' (in input order, lines already shifted) and
    the merged snapshots ({file: parsed graph})."""
    base = indexes[0]
    out = {k: v for k, v in base.items() if k not in ("sources", "snapshots", "stats")}
    out["sources"] = sources
    entries = []
    for name, g in snapshots.items():
        meta = g["graph"]
        entry = {"file": name, "date": meta.get("date"), "period": meta.get("period"),
                 "actors": len(g["nodes"]), "ties": len(g["edges"])}
        if "rows" in meta:
            entry["rows"] = meta["rows"]
        entries.append(entry)
    entries.sort(key=lambda s: (s["period"] or {}).get("start", "") + s["file"])
    out["snapshots"] = entries
    stats = {}
    for k in ("rows_read", "rows_used", "rows_skipped", "bytes"):
        stats[k] = sum(i["stats"].get(k, 0) for i in indexes)
    for group in ("skipped", "warnings"):
        parts = [i["stats"][group] for i in indexes if group in i["stats"]]
        if parts:
            stats[group] = _sum_reasons(parts)
    codes = {}
    for i in indexes:
        for code, c in i["stats"].get("codes", {}).items():
            o = codes.setdefault(code, dict(c, rows=0))
            o["rows"] += c.get("rows", 0)
    stats["codes"] = codes
    for k, v in base["stats"].items():
        stats.setdefault(k, v)
    out["stats"] = stats
    return out
