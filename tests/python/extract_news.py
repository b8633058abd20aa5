#!/usr/bin/env python3
"""extract_news.py — `allynet extract` on real journalism: ../shared/data/news-dev (35 news
excerpts by third parties, with gold ties), scored by ../shared/tools/score-extract on its two
splits: the 25 texts read to write rules (tests/extract/news-dev.dev) and the 10 kept unread as a
blind check (news-dev.blind). Also checks the calibrated confidence on texts the model was not
fitted on (the blind split): ties rated 0.8 or more must be right at least 80% of the time there
(about 25 ties, so one tie moves the share by 4 points; the issue's 85% is checked on 35 texts by
cross-validation in confidence_fit.py).
Fails below the thresholds (set a little under the figures measured on 2026-12-06, see
tests/extract/README.md) and below the issue's targets over all 35 (recall 0.70, precision 0.85, sign
accuracy 0.93, at most 3 trap ties). Skips visibly without ../shared (fails
under CI=true).
Usage: extract_news.py ALLYNET (run from the project root)."""
import csv, json, os, subprocess, sys, tempfile

exe = os.path.abspath(sys.argv[1])
shared = os.path.join("..", "shared")
score = os.path.join(shared, "tools", "score-extract")
news = os.path.join(shared, "data", "news-dev")
if not (os.path.exists(score) and os.path.isdir(news)):
    print("SKIP: ../shared/tools/score-extract or ../shared/data/news-dev is absent")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

# (recall, precision, most trap ties, sign accuracy) at least / at most
THRESHOLDS = {"dev": (0.77, 0.89, 1, 0.97), "blind": (0.42, 0.58, 2, 0.70)}
TARGET = (0.70, 0.85, 3, 0.93)
fails = 0


def split(part, tmp):
    """A folder of links to the texts of one split."""
    d = os.path.join(tmp, part)
    os.mkdir(d)
    with open(os.path.join("tests", "extract", "news-dev." + part), encoding="utf-8") as f:
        for name in (line.strip() for line in f if line.strip()):
            for ext in (".txt", ".gold.tsv"):
                os.symlink(os.path.abspath(os.path.join(news, name + ext)),
                           os.path.join(d, name + ext))
    return d


def scored(folder, tmp):
    out = os.path.join(tmp, "score.json")
    r = subprocess.run([sys.executable, score, "--allynet", exe, "--articles", folder,
                        "--json-out", out], capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        sys.exit(f"score-extract failed: {r.stderr[:400]}")
    with open(out, encoding="utf-8") as f:
        return json.load(f)["articles"]["total"]


def confident_ties(folder, threshold):
    """(right, all) ties rated at least threshold, judged against the gold files (a tie is right
    when a must or may row has its pair and sign; ids folded as the scorer folds them)."""
    sys.path.insert(0, os.path.dirname(score))
    import importlib.machinery, importlib.util
    loader = importlib.machinery.SourceFileLoader("score_extract", score)
    spec = importlib.util.spec_from_loader("score_extract", loader)
    se = importlib.util.module_from_spec(spec)
    loader.exec_module(se)
    right = total = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        r = subprocess.run([exe, "extract", os.path.join(folder, name)], capture_output=True,
                           text=True, timeout=120)
        g = json.loads(r.stdout)
        ids = {n["id"]: se.canon(n) for n in g["nodes"]}
        with open(os.path.join(folder, name[:-4] + ".gold.tsv"), encoding="utf-8") as f:
            gold = list(csv.DictReader(f, delimiter="\t"))
        ok = {(se.ALIAS.get(x["source"], x["source"]), se.ALIAS.get(x["target"], x["target"]),
               1 if x["sign"] == "+" else -1) for x in gold if x["status"] in ("must", "may")}
        for e in g["edges"]:
            if e.get("confidence", 0) < threshold or e["weight"] == 0:
                continue
            pair = (ids.get(e["source"], e["source"]), ids.get(e["target"], e["target"]))
            total += 1
            right += (pair[0], pair[1], 1 if e["weight"] > 0 else -1) in ok
    return right, total


with tempfile.TemporaryDirectory() as tmp:
    totals = {}
    for part, (rec, prec, traps, sign) in THRESHOLDS.items():
        t = scored(split(part, tmp), tmp)
        totals[part] = t
        line = (f"{part}: recall {t['recall']:.2f} ({t['found']}/{t['must']}), precision "
                f"{t['precision']:.2f} ({t['correct']}/{t['predicted']}), trap ties {t['traps']}, "
                f"sign accuracy {t['sign_accuracy']:.2f}")
        bad = (t["recall"] < rec or t["precision"] < prec or t["traps"] > traps
               or t["sign_accuracy"] < sign)
        print(("FAIL " if bad else "") + line + f" (thresholds {rec}, {prec}, {traps}, {sign})")
        fails += bad
    a = {k: sum(t[k] for t in totals.values()) for k in ("found", "must", "correct", "predicted",
                                                          "traps", "drawn")}
    allr, allp = a["found"] / a["must"], a["correct"] / a["predicted"]
    alls = a["found"] / max(1, a["drawn"])
    met = allr >= TARGET[0] and allp >= TARGET[1] and a["traps"] <= TARGET[2] and alls >= TARGET[3]
    print(("" if met else "FAIL ") +
          f"all 35: recall {allr:.3f} ({a['found']}/{a['must']}), precision {allp:.3f} "
          f"({a['correct']}/{a['predicted']}), trap ties {a['traps']}, sign accuracy {alls:.3f}; "
          f"the issue's targets (0.70, 0.85, 3, 0.93) are {'met' if met else 'NOT met'}")
    fails += not met
    os.mkdir(os.path.join(tmp, "conf"))
    right, total = confident_ties(split("blind", os.path.join(tmp, "conf")), 0.8)
    share = right / total if total else 0.0
    print(f"blind split, ties rated >= 0.8: {right}/{total} right ({share:.2f})")
    if total < 5 or share < 0.80:
        print("FAIL: ties rated 0.8 or more on unseen news are right less than 80% of the time")
        fails += 1

print("ok" if fails == 0 else f"{fails} failures")
sys.exit(1 if fails else 0)
