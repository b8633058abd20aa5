#!/usr/bin/env python3
"""cluster_kill.py — a Dask worker killed (SIGKILL) while scripts/cluster runs does not change
the result: Dask reruns the lost tasks on the restarted or the other worker, and `events` over
the GDELT sample split by day still equals one allynet run (cluster_common.py's equality).
Local cluster of 2 worker processes with nannies on loopback; each allynet call is slowed by a
wrapper (0.4 s) so that the kill lands while shard tasks run; bounded in time."""
import os, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster_common as cc  # noqa: E402

GDELT = "../shared/data/gdelt_sample.tsv"
OPTS = ["--format", "gdelt1", "--period", "month"]


def slow_wrapper(path, exe):
    with open(path, "w") as f:
        f.write(f"#!{sys.executable}\nimport os, sys, time\ntime.sleep(0.4)\n"
                f"os.execv({exe!r}, [{exe!r}] + sys.argv[1:])\n")
    os.chmod(path, 0o755)


def count_done(client):
    return client.run_on_scheduler(
        lambda dask_scheduler: sum(ts.state == "memory" and str(ts.key).startswith("shard-")
                                   for ts in dask_scheduler.tasks.values()))


def kill_mid_run(client, run):
    """Kills a worker that is running shard tasks once a few shards are done; returns the
    keys it was processing."""
    pids = client.run(os.getpid)  # {worker address: pid}
    deadline = time.time() + 60
    while time.time() < deadline and run.poll() is None:
        if count_done(client) >= 4:
            for addr, keys in client.processing().items():
                keys = [k for k in keys if str(k).startswith("shard-")]
                if keys and addr in pids:
                    os.kill(pids[addr], signal.SIGKILL)
                    return keys
        time.sleep(0.05)
    return []


def main():
    cc.need_dask()
    import distributed

    exe = os.path.abspath(sys.argv[1])
    if not os.path.exists(GDELT):
        cc.skip(f"{GDELT} is absent")
    with tempfile.TemporaryDirectory(prefix="allynet-kill-") as tmp, \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=None) as lc, \
            distributed.Client(lc) as client:
        days = cc.split_by_day(GDELT, os.path.join(tmp, "days"))
        ref, out = os.path.join(tmp, "one"), os.path.join(tmp, "cluster")
        subprocess.run([exe, "events"] + OPTS + ["-o", ref] + days, check=True,
                       capture_output=True)
        slow_wrapper(os.path.join(tmp, "slow-allynet"), exe)
        run = subprocess.Popen([sys.executable, "scripts/cluster", "events", "--quiet",
                                "--scheduler", lc.scheduler_address, "--allynet",
                                os.path.join(tmp, "slow-allynet"), "--shard-size", "100k"] +
                               OPTS + ["-o", out] + days, stderr=subprocess.PIPE)
        killed = kill_mid_run(client, run)
        try:
            _, err = run.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            run.kill()
            sys.exit("scripts/cluster did not finish within 90 s after the kill")
        if not killed:
            sys.exit("no worker was killed mid-run (the run ended first): the test proved nothing")
        if run.returncode != 0:
            sys.exit(f"scripts/cluster failed after the kill ({run.returncode}): "
                     f"{err.decode()[-500:]}")
        diffs = cc.diff_folders(ref, out)
    cc.report(diffs, f"ok: a worker killed while running {len(killed)} shard task(s) "
              f"({', '.join(map(str, killed))}); the result still equals one allynet run")


if __name__ == "__main__":  # Dask's worker processes import this file: nothing runs then
    main()
