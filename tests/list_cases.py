#!/usr/bin/env python3
"""list_cases.py — prints the golden CLI case folders under DIR, one per line, sorted."""
import os, sys
d = sys.argv[1]
print("\n".join(sorted(c for c in os.listdir(d) if os.path.isfile(os.path.join(d, c, "args")))))
