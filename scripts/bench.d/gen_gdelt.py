#!/usr/bin/env python3
"""gen_gdelt.py SAMPLE OUT MEGABYTES — writes a GDELT 1.0 event file of at least MEGABYTES MB by
repeating SAMPLE; copy i moves SQLDATE, MonthYear, Year and FractionDate back by (i mod 20)
years, so that any file size covers the same 20 years x 12 months (the number of snapshots and
dyads does not grow with the file: what grows is the number of rows)."""
import sys

sample, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [line.rstrip("\n").split("\t") for line in open(sample, encoding="utf-8")]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1e6:
        shift = i % 20
        buf = []
        for r in rows:
            d = str(int(r[1][:4]) - shift)
            r2 = list(r)
            r2[1] = d + r[1][4:]
            r2[2] = d + r[2][4:]
            r2[3] = d
            r2[4] = d + r[4][4:]
            buf.append("\t".join(r2))
        text = "\n".join(buf) + "\n"
        f.write(text)
        size += len(text.encode())
        i += 1
print(f"{out}: {size / 1e6:.0f} MB, {i} copies of {len(rows)} rows", file=sys.stderr)
