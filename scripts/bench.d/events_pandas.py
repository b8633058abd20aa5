#!/usr/bin/env python3
"""events_pandas.py GDELT.tsv OUT.csv — the peer of `allynet events --format gdelt1 --period
month` in pandas: read the same columns, keep rows with two different country actors, and per
(month, Actor1CountryCode, Actor2CountryCode) sum GoldsteinScale, count events, count each
QuadClass and sum NumMentions."""
import csv, sys
import pandas as pd

cols = {1: "SQLDATE", 7: "a1", 17: "a2", 29: "quad", 30: "goldstein", 31: "mentions"}
df = pd.read_csv(sys.argv[1], sep="\t", header=None, usecols=list(cols), quoting=csv.QUOTE_NONE,
                 dtype={1: str, 7: str, 17: str}, na_filter=True, low_memory=False)
df = df.rename(columns=cols)
df = df[df.a1.notna() & df.a2.notna() & (df.a1 != df.a2)]
df["month"] = df.SQLDATE.str.slice(0, 4) + "-" + df.SQLDATE.str.slice(4, 6)
for q in range(1, 5):
    df[f"q{q}"] = (df.quad == q).astype("int64")
g = df.groupby(["month", "a1", "a2"], sort=True).agg(
    weight=("goldstein", "sum"), events=("goldstein", "size"), q1=("q1", "sum"),
    q2=("q2", "sum"), q3=("q3", "sum"), q4=("q4", "sum"), mentions=("mentions", "sum"))
g.to_csv(sys.argv[2])
print(f"{len(g)} dyad-months from {len(df)} rows", file=sys.stderr)
