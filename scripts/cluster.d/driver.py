"""driver.py — runs a `scripts/cluster` job on Dask: plans the shards, submits one allynet task
per shard, reduces in a tree of `allynet merge` tasks (events: each node period by period), shows
Dask's progress, and writes the result; a failing shard ends the run with allynet's code."""
import contextlib, json, logging, os, sys, tempfile, time, uuid

import cloudpickle
import distributed

import combine
import options
import plan
import tasks

_UMASK = os.umask(0)
os.umask(_UMASK)

for _m in (combine, plan, tasks):  # the workers need only Python and Dask, not these files
    cloudpickle.register_pickle_by_value(_m)


def _say(text):
    print(f"cluster: {text}", file=sys.stderr, flush=True)


def _wait(futures, s):
    """Waits with Dask's progress bar (on stderr); returns the first failure's exit code."""
    if not s["quiet"] and futures:
        with contextlib.redirect_stdout(sys.stderr):
            distributed.progress(futures)
            print(file=sys.stderr)
    distributed.wait(futures)
    for f in futures:
        if f.status == "error":
            e = f.exception()
            code = getattr(e, "code", None)
            if isinstance(code, int) and e.args:
                _say(e.args[0])
                return code
            _say(f"{f.key}: {type(e).__name__}: {e}")
            return 1
    return 0


def _tree(leaves, s, submit):
    """Reduces leaves (futures, in input order) fan_in at a time, ending in one node; submit(
    group, last, key) makes a node. Returns the root's future."""
    level, depth = leaves, 0
    while True:
        groups = [level[i:i + s["fan_in"]] for i in range(0, len(level), s["fan_in"])]
        last = len(groups) == 1
        level = [submit(g, last, f"merge-{depth}-{k}-{s['run']}") for k, g in enumerate(groups)]
        depth += 1
        if last:
            return level[0]


def _write_atomic(path, data):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".cluster-")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o666 & ~_UMASK)
    os.replace(tmp, path)


def _extract(client, shards, s):
    ids = plan.doc_ids(s["inputs"])
    futs = [client.submit(tasks.extract_shard, s["allynet"], s["opts"], sh,
                          [ids[p["index"]] for p in sh], key=f"shard-{i}-{s['run']}")
            for i, sh in enumerate(shards)]
    code = _wait(futs, s)
    if code:
        return code
    sources = [{"id": i, "path": p} for i, p in zip(ids, s["inputs"])]
    top = _tree(futs, s, lambda g, last, key: client.submit(
        tasks.merge, s["allynet"], g, s["cap"], sources if last else None, key=key))
    code = _wait([top], s)
    if code:
        return code
    _write_atomic(s["out"], top.result())
    g = json.loads(top.result())
    _say(f"extract: {len(g['nodes'])} actors, {len(g['edges'])} ties, "
         f"{sum(e['events'] for e in g['edges'])} events")
    return 0


def _header(s, piece):
    if s["format"] != "csv" or piece["whole"] or piece["start"] == 0:
        return b""
    with open(piece["path"], "rb") as f:
        return f.readline()


def _shift_lines(indexes, newlines, shards, headers):
    """Line numbers of byte-range shards counted from their file's start (a CSV header put
    before a range is not one of its lines)."""
    before = {}
    for index, n, sh, header in zip(indexes, newlines, shards, headers):
        p = sh[0]
        if p["whole"]:
            continue
        g0, head = before.get(p["index"], 0), 1 if header else 0
        for group in ("skipped", "warnings"):
            for r in index["stats"].get(group, {}).values():
                for f in r.get("first", []):
                    f["line"] += g0 - head
        before[p["index"]] = g0 + n


def _events(client, shards, s):
    headers = [_header(s, sh[0]) for sh in shards]
    futs = [client.submit(tasks.events_shard, s["allynet"], s["opts"], s["format"], sh, h,
                          key=f"shard-{i}-{s['run']}")
            for i, (sh, h) in enumerate(zip(shards, headers))]
    code = _wait(futs, s)
    if code:
        return code
    small = client.gather([client.submit(lambda r: (r["index"], r["newlines"]), f,
                                         key=f"index-{i}-{s['run']}") for i, f in enumerate(futs)])
    indexes = [i for i, _ in small]
    _shift_lines(indexes, [n for _, n in small], shards, headers)
    sources = []
    for index in indexes:
        sources += [x for x in index["sources"] if x not in sources]
    leaves = [client.submit(lambda r: r["snapshots"], f, key=f"snapshots-{i}-{s['run']}")
              for i, f in enumerate(futs)]
    # one tree over the shards; each node merges every period its shards have
    top = _tree(leaves, s, lambda g, last, key: client.submit(
        tasks.merge_periods, s["allynet"], g, sources, last, key=key))
    code = _wait([top], s)
    if code:
        return code
    os.makedirs(s["out"], exist_ok=True)
    snaps = {}
    for name, data in top.result().items():
        _write_atomic(os.path.join(s["out"], name), data)
        snaps[name] = json.loads(data)
    index = combine.reduce_index(indexes, snaps, sources)
    text = json.dumps(index, indent=2) + "\n"
    _write_atomic(os.path.join(s["out"], "index.json"), text.encode())
    if s["json"]:
        sys.stdout.write(text)
    st = index["stats"]
    _say(f"events: {st['rows_read']} rows read, {st['rows_used']} used, "
         f"{len(index['snapshots'])} snapshots")
    return 0


def _client(s):
    if s["scheduler"]:
        return distributed.Client(s["scheduler"], timeout="30s"), None
    cluster = distributed.LocalCluster(n_workers=s["workers"], threads_per_worker=1,
                                       processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    return distributed.Client(cluster), cluster


def main(argv, help_text, root):
    if not argv or argv[0] in ("-h", "--help") or "--help" in argv or "-h" in argv:
        sys.stdout.write(help_text)
        return 0 if argv else 2
    try:
        s = options.parse(argv, root)
    except options.Usage as e:
        _say(str(e))
        return 2
    if not os.access(s["allynet"], os.X_OK) and os.sep in s["allynet"]:
        _say(f"{s['allynet']}: no allynet binary there (build it, or pass --allynet)")
        return 2
    split = s["cmd"] == "events" or s["split_text"]
    shards = plan.shards(s["inputs"], s["shard_size"], split, s["cmd"] == "extract")
    s["run"] = uuid.uuid4().hex[:8]
    t0 = time.time()
    client, cluster = _client(s)
    try:
        n = len(client.scheduler_info()["workers"])
        _say(f"{s['cmd']}: {len(shards)} shards on {n} workers ({client.scheduler.address})")
        code = (_extract if s["cmd"] == "extract" else _events)(client, shards, s)
    finally:
        client.close()
        if cluster is not None:
            # a worker slow to stop on a busy machine is killed: not news at the end of a run
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
            cluster.close()
    if code == 0:
        _say(f"done in {time.time() - t0:.1f} s")
    return code
