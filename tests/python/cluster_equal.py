#!/usr/bin/env python3
"""cluster_equal.py — scripts/cluster on a local Dask cluster of 2 workers gives what one
allynet run gives (equality defined in cluster_common.py): extract over the news-dev texts and
the development texts (repeated file names, --max-evidence 2, shards batched and merged in a
tree of fan-in 2); events over the GDELT sample split by day (per month) and over the one
sample file cut into byte ranges (per week); a CSV with a header cut into byte ranges, with bad
rows whose line numbers must be the file's; and a failing shard: its file and byte range, allynet's own error line
(with the file's line number) and allynet's exit code."""
import glob, os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster_common as cc  # noqa: E402

EXE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ""
GDELT = "../shared/data/gdelt_sample.tsv"
CSV_OPTS = ["events", "--format", "csv", "--source-col", "from", "--target-col", "to",
            "--date-col", "date", "--weight-col", "w", "--period", "month"]


def one(args):
    r = subprocess.run([EXE] + args, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"allynet {' '.join(args[:3])} failed: {r.stderr.decode()[-300:]}")


def cluster(args, how):
    r = cc.run_cluster(args[:1] + ["--quiet", "--allynet", EXE] + how + args[1:])
    if r.returncode != 0:
        sys.exit(f"scripts/cluster {' '.join(args[:3])} failed ({r.returncode}): "
                 f"{r.stderr.decode()[-600:]}")


def write_csv(path):
    """5000 rows (seeded), a few with a weight that is not a number."""
    rng = random.Random(17)
    ids = ["USA", "RUS", "CHN", "IRN", "ISR", "FRA", "DEU", "VEN", "CUB", "BRA"]
    with open(path, "w") as f:
        f.write("from,to,date,w\n")
        for i in range(5000):
            a, b = rng.sample(ids, 2)
            w = "x" if i % 977 == 500 else f"{rng.uniform(-10, 10):.3f}"
            f.write(f"{a},{b},2013-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{w}\n")


def extract_cases(t, sched, news):
    one(["extract", "-o", t("x1.json")] + news)
    cluster(["extract", "--shard-size", "8k", "-o", t("c1.json")] + news, ["--workers", "2"])
    out = cc.diff_graphs(t("x1.json"), t("c1.json"), "news-dev")
    texts = sorted(glob.glob("tests/extract/dev/*.txt"))
    texts += news[:5] + texts[:7]  # repeated names: ids -2
    one(["extract", "--max-evidence", "2", "-o", t("x2.json")] + texts)
    cluster(["extract", "--max-evidence", "2", "--shard-size", "16k", "--fan-in", "2", "-o",
             t("c2.json")] + texts, sched)
    return out + cc.diff_graphs(t("x2.json"), t("c2.json"), "dev texts")


def events_cases(t, sched):
    out, days = [], cc.split_by_day(GDELT, t("days"))
    for period in ("month",):  # each day's file in one shard: months span shards
        opts = ["events", "--format", "gdelt1", "--period", period, "--mentions"]
        one(opts + ["-o", t(f"e-{period}")] + days)
        cluster(opts + ["--shard-size", "150k", "-o", t(f"ce-{period}")] + days, sched)
        out += cc.diff_folders(t(f"e-{period}"), t(f"ce-{period}"))
    opts = ["events", "--format", "gdelt1", "--period", "week"]
    one(opts + ["-o", t("e-file"), GDELT])
    cluster(opts + ["--shard-size", "300k", "-o", t("ce-file"), GDELT], sched)
    out += cc.diff_folders(t("e-file"), t("ce-file"))
    write_csv(t("t.csv"))
    one(CSV_OPTS + ["-o", t("e-csv"), t("t.csv")])
    cluster(CSV_OPTS + ["--shard-size", "20k", "-o", t("ce-csv"), t("t.csv")], sched)
    return out + cc.diff_folders(t("e-csv"), t("ce-csv"))


def failing_shard(t, sched):
    """--strict makes the first bad row (in a later byte range of t.csv) fatal."""
    want = subprocess.run([EXE] + CSV_OPTS + ["--strict", "-o", t("e-bad"), t("t.csv")],
                          capture_output=True)
    got = cc.run_cluster(CSV_OPTS[:1] + ["--quiet", "--allynet", EXE] + sched + CSV_OPTS[1:] +
                         ["--strict", "--shard-size", "20k", "-o", t("ce-bad"), t("t.csv")])
    line, err, out = want.stderr.decode().strip().splitlines()[-1], got.stderr.decode(), []
    if want.returncode != 2 or got.returncode != want.returncode:
        out.append(f"failing shard: exit {got.returncode}, one run {want.returncode}")
    if line not in err or f"{t('t.csv')} bytes " not in err:
        out.append(f"failing shard: expected the shard and '{line}' in: {err[-400:]}")
    return out


def main():
    cc.need_dask()
    import distributed

    news = sorted(glob.glob("../shared/data/news-dev/*.txt"))
    if not news or not os.path.exists(GDELT):
        cc.skip("../shared/data (news-dev, gdelt_sample.tsv) is absent")
    with tempfile.TemporaryDirectory(prefix="allynet-cluster-") as tmp, \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=None) as lc:
        sched = ["--scheduler", lc.scheduler_address]
        t = lambda name: os.path.join(tmp, name)  # noqa: E731
        fails = extract_cases(t, sched, news) + events_cases(t, sched) + failing_shard(t, sched)
    cc.report(fails, "ok: extract (news-dev; dev texts with repeats, --max-evidence 2) and "
              "events (GDELT split by day per month, by byte range per week; CSV by byte range; "
              "a failing shard) equal one allynet run")


if __name__ == "__main__":  # Dask's worker processes import this file: nothing runs then
    main()
