#!/usr/bin/env python3
"""gen_embed.py — turns a data file into a C source defining it as one NUL-terminated string.

Usage: gen_embed.py SYMBOL INPUT OUTPUT. Keeps graphs/*.tsv the single source of truth."""
import sys

sym, src, dst = sys.argv[1:4]
data = open(src, "rb").read()
with open(dst, "w") as out:
    out.write(f"/* generated from {src.split('/')[-1]} by gen_embed.py: do not edit */\n")
    out.write("#include <stddef.h>\n")
    out.write(f"const char {sym}[] =\n")
    for i in range(0, len(data), 64):
        chunk = data[i:i + 64]
        out.write('    "' + "".join(f"\\x{b:02x}" for b in chunk) + '"\n')
    out.write(";\n")
    out.write(f"const size_t {sym}_len = {len(data)};\n")
