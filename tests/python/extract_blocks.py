#!/usr/bin/env python3
"""extract_blocks.py — reading a text in blocks changes nothing. Extraction reads a file a block
at a time and may end a block only where a paragraph ends. A CRLF line end is no paragraph end:
a corpus hard-wrapped at 70 columns with CRLF line ends (2.4 MB, several blocks, every line end
inside a sentence) must give as many sentences and the same events, in the same order, as the
same corpus with each paragraph on one LF line (offsets aside). The paragraphs are our own."""
import os, subprocess, sys, tempfile, textwrap

exe = sys.argv[1]
paragraph = ("Russian officials pledged firm support for Venezuela on Monday, and the two "
             "governments signed a broad agreement on energy and trade in the capital. "
             "Washington condemned the accord and threatened Caracas with fresh sanctions over "
             "the shipments, while Cuba and Nicaragua said they stood with their ally.")

def run(text, tmp, name):
    path = os.path.join(tmp, name)
    open(path, "w", encoding="utf-8", newline="").write(text)
    r = subprocess.run([exe, "extract", "--stats", "--events", path], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"extract failed: {r.stderr.decode()[:300]}")
    rows = [tuple(line.split("\t")[3:]) for line in r.stdout.decode().splitlines()[1:]]
    stats = r.stderr.decode().strip()
    return stats[stats.index(",") + 2:stats.index(" sentences")], rows  # offsets dropped

with tempfile.TemporaryDirectory() as tmp:
    n = 2_400_000 // (len(paragraph) + 4)
    wrapped = "\r\n\r\n".join(["\r\n".join(textwrap.wrap(paragraph, 70))] * n) + "\r\n"
    flat = "\n\n".join([paragraph] * n) + "\n"
    (sa, a), (sb, b) = run(wrapped, tmp, "wrapped.txt"), run(flat, tmp, "flat.txt")
    if not b:
        sys.exit("no events extracted: the test would prove nothing")
    if (sa, a) != (sb, b):
        d = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        sys.exit(f"CRLF-wrapped: {sa} sentences, {len(a)} events; one line a paragraph: {sb} "
                 f"sentences, {len(b)} events; first difference at event {d}")
    print(f"ok: {sb} sentences and {len(b)} events either way, read in blocks")
