#!/usr/bin/env python3
"""extract_accuracy.py — accuracy of `allynet extract`, measured by ../shared/tools/score-extract:
on the development set (tests/extract/dev: NAME.txt + NAME.gold.tsv), on the held-out sets
(tests/extract/heldout, heldout2 and heldout3, written before the changes they measure and never
tuned on sentence by sentence), on the seed article (../shared/seeds, scored with tests/extract/seed's gold) and on the
CAMEO validation sentences (../shared/data/validation/cameo_gold.tsv). Fails below the thresholds, which are
set a little under the figures measured when they were last raised (see the commit log). Skips
visibly without ../shared."""
import json, os, shutil, subprocess, sys, tempfile
from evidence import finish, partial, skip

exe = os.path.abspath(sys.argv[1])
score = os.path.join("..", "shared", "tools", "score-extract")
seeds = os.path.join("..", "shared", "seeds")
if not os.path.exists(score):
    skip("../shared/tools/score-extract is absent")

# Thresholds (measured: see the note printed below and tests/extract/heldout/README.md).
# Before the accuracy work (main at 4dfda90): dev recall 0.55, precision 0.79, 3 trap ties, sign
# accuracy 0.92; held-out recall 0.42, precision 0.60, 3 trap ties; cameo_gold sentences 0.38.
# After it (2026-11-28): dev recall 0.69, precision 0.82, 2 trap ties, sign accuracy 0.94;
# held-out recall 0.57, precision 0.71, 1 trap tie, sign accuracy 0.90; seed 9/9, precision
# 1.00, no trap; cameo_gold sentences 0.47.
# After extract-accuracy3 (truces, talks between parties, co-agents, charged and demanded acts,
# judged event nouns, groups of up to eight, titled speakers, "joined X in", reported "must",
# joint exercises; 2026-11-28): dev recall 0.76, precision 0.88, no trap tie, sign accuracy 0.94;
# held-out recall 0.62, precision 0.72, 1 trap tie, sign accuracy 0.90; seed 9/9, precision 1.00,
# no trap; cameo_gold sentences 0.51 (145/287). The thresholds sit a little under those.
# After extract-accuracy4 (background history, disputes, "the war in X", settling agreements,
# denials, support for several strikers; 2026-11-28): dev recall 0.77, precision 0.88, no trap;
# held-out unchanged; heldout2 (no longer blind: used for diagnosis of phenomena) recall 0.58,
# precision 0.77, 2 trap ties (blind: 0.51, 0.69, 12); seed unchanged; cameo_gold 0.51.
# After extract-accuracy5 (CAMEO cues and aliases, conditions and conditional threats, asides,
# which Congo, brokers and hosts reaching both parties, possessive appositives, "said Y must" on
# others, "faces sanctions from X", ...; 2026-12-03; heldout and heldout2 were read for diagnosis,
# see their READMEs): dev recall 0.79, precision 0.89, no trap, sign accuracy 0.97; heldout recall
# 0.74, precision 0.80, 1 trap, sign accuracy 0.96; heldout2 recall 0.71, precision 0.86, no
# trap, sign accuracy 0.99; seed 9/9, precision 1.00, no trap; cameo_gold sentences 0.59
# (169/287).
# heldout3 (written blind on 2026-12-03, never read for tuning): at ed3d9a2, before round 5,
# recall 0.43, precision 0.70, 5 trap ties, sign accuracy 0.89; after round 5 recall 0.42,
# precision 0.68, 5 trap ties, sign accuracy 0.90: round 5 did not carry over to unseen news.
# Its thresholds only catch a regression.
DEV_RECALL, DEV_PRECISION, DEV_TRAPS, DEV_SIGN = 0.76, 0.86, 1, 0.94
HELD_RECALL, HELD_PRECISION, HELD_TRAPS, HELD_SIGN = 0.71, 0.76, 1, 0.90
HELD2_RECALL, HELD2_PRECISION, HELD2_TRAPS, HELD2_SIGN = 0.68, 0.82, 1, 0.95
HELD3_RECALL, HELD3_PRECISION, HELD3_TRAPS, HELD3_SIGN = 0.40, 0.65, 6, 0.86
SENT_SHARE = 0.56

def run(args, tmp):
    out = os.path.join(tmp, "score.json")
    r = subprocess.run([sys.executable, score, "--allynet", exe, "--json-out", out] + args,
                       capture_output=True, timeout=1200)
    if r.returncode != 0:
        sys.exit(f"score-extract failed: {r.stderr.decode()[:400]}")
    print(r.stdout.decode().strip())
    return json.load(open(out))

def sign_accuracy(dev, tmp):
    """Of the predicted dyads the gold rates (must or may, with a sign), the share whose sign
    agrees."""
    import csv, glob
    agree = total = 0
    for gold in sorted(glob.glob(os.path.join(dev, "*.gold.tsv"))):
        want = {(r["source"], r["target"]): r["sign"] for r in csv.DictReader(open(gold), delimiter="\t")
                if r["status"] in ("must", "may") and r["sign"] in "+-"}
        out = os.path.join(tmp, "s.json")
        subprocess.run([exe, "extract", "-o", out, gold[:-len(".gold.tsv")] + ".txt"], check=True,
                       capture_output=True)
        for e in json.load(open(out))["edges"]:
            k = (e["source"], e["target"])
            if k in want and e["weight"] != 0:
                total += 1
                agree += (e["weight"] > 0) == (want[k] == "+")
    return agree / max(1, total), total

fails = []
with tempfile.TemporaryDirectory() as tmp:
    for name, (rec, prec, traps, sign) in {"dev": (DEV_RECALL, DEV_PRECISION, DEV_TRAPS, DEV_SIGN),
                                           "heldout": (HELD_RECALL, HELD_PRECISION, HELD_TRAPS,
                                                       HELD_SIGN),
                                           "heldout2": (HELD2_RECALL, HELD2_PRECISION,
                                                        HELD2_TRAPS, HELD2_SIGN),
                                           "heldout3": (HELD3_RECALL, HELD3_PRECISION,
                                                        HELD3_TRAPS, HELD3_SIGN)}.items():
        folder = os.path.join("tests", "extract", name)
        if not os.path.isdir(folder):
            fails.append(f"{folder} is missing")
            continue
        t = run(["--articles", folder], tmp)["articles"]["total"]
        if t["recall"] < rec:
            fails.append(f"{name} recall {t['recall']:.2f} < {rec}")
        if t["precision"] < prec:
            fails.append(f"{name} precision {t['precision']:.2f} < {prec}")
        if t["traps"] > traps:
            fails.append(f"{name} trap ties {t['traps']} > {traps}")
        share, n = sign_accuracy(folder, tmp)
        print(f"{name} sign accuracy: {share:.2f} over {n} gold-rated dyads")
        if share < sign:
            fails.append(f"{name} sign accuracy {share:.2f} < {sign}")
    gold_dir = os.path.join("tests", "extract", "seed")
    if not os.path.isdir(seeds):
        partial("../shared/seeds is absent; the seed article was not scored")
    elif os.path.isdir(gold_dir):
        d = os.path.join(tmp, "seed")
        os.mkdir(d)
        for g in os.listdir(gold_dir):
            if g.endswith(".gold.tsv"):
                stem = g[:-len(".gold.tsv")]
                src = os.path.join(seeds, stem + ".txt")
                if os.path.exists(src):
                    shutil.copy(src, os.path.join(d, stem + ".txt"))
                    shutil.copy(os.path.join(gold_dir, g), d)
        t = run(["--articles", d], tmp)["articles"]["total"]
        if t["found"] != t["must"]:
            fails.append(f"seed: {t['found']}/{t['must']} must ties found")
        if t["traps"] != 0:
            fails.append(f"seed: {t['traps']} trap ties")
        if t["precision"] < 0.9:
            fails.append(f"seed precision {t['precision']:.2f} < 0.9")
    gold = os.path.join("..", "shared", "data", "validation", "cameo_gold.tsv")
    if not os.path.exists(gold):
        partial("../shared/data/validation/cameo_gold.tsv is absent; the CAMEO sentences were not scored")
    else:
        s = run(["--sentences", gold], tmp)["sentences"]
        if s["share"] < SENT_SHARE:
            fails.append(f"cameo_gold sentences {s['share']:.2f} < {SENT_SHARE}")
finish(fails)
