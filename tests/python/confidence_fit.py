#!/usr/bin/env python3
"""confidence_fit.py — graphs/confidence.tsv is what scripts/fit-confidence fits now: the model
shipped matches the extractor's rules (a rule change that moves the features needs a refit, with
the command in the file's header). Coefficients are compared to 1e-3. The same run rates all of
news-dev by 5-fold cross-validation (each text by a model fitted without it, the shipped way):
ties rated 0.8 or more there must be right at least 85% of the time (the issue's criterion on
texts not used for fitting, on 35 texts instead of the 10 of the blind split alone; see
extract_news.py). Skips visibly without ../shared (the fit reads news-dev from it); fails under
CI=true.
Usage: confidence_fit.py ALLYNET (run from the project root)."""
import os, subprocess, sys, tempfile

exe = os.path.abspath(sys.argv[1])
news = os.path.join("..", "shared", "data", "news-dev")
if not os.path.isdir(news):
    print("SKIP: ../shared/data/news-dev is absent")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)


def coefficients(path):
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    return {k: float(v) for k, v in rows[1:]}


def command(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# Refit: "):
                return line[len("# Refit: "):].split()
    sys.exit("FAIL: graphs/confidence.tsv names no '# Refit:' command")


shipped = "graphs/confidence.tsv"
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "confidence.tsv")
    args = command(shipped)
    args = [exe if a == "build/allynet" else a for a in args]
    args[args.index("-o") + 1] = out
    args += ["--cv", "5", news]
    r = subprocess.run([sys.executable] + args, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        sys.exit(f"FAIL: fit-confidence: {r.stderr[-400:]}")
    cv = r.stdout[r.stdout.index("5-fold cross-validation"):]
    row = next(l for l in cv.splitlines() if l.startswith("| 0.8 |"))
    kept, precision = int(row.split("|")[2]), float(row.split("|")[3])
    print(f"5-fold cross-validation over news-dev: {kept} ties rated >= 0.8, {precision:.2f} right")
    cv_bad = kept < 30 or precision < 0.85
    if cv_bad:
        print("FAIL: ties rated 0.8 or more on texts left out of the fit are right less than 85% "
              "of the time")
    now, before = coefficients(out), coefficients(shipped)
    bad = sorted(k for k in set(now) | set(before)
                 if abs(now.get(k, 0.0) - before.get(k, 0.0)) > 1e-3)
    for k in bad:
        print(f"FAIL {k}: shipped {before.get(k)}, refitted {now.get(k)}")
    print(f"{len(now)} coefficients, {len(bad)} differ")
    sys.exit(1 if bad or cv_bad else 0)
