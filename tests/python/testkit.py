"""testkit.py — what the Python tests share: a failure counter that prints each failed check and
ends the test with the right exit code."""
import sys

fails = 0


def check(cond, what):
    """Counts and prints a failed check; returns cond."""
    global fails
    if not cond:
        print("FAIL", what)
        fails += 1
    return cond


def finish():
    """Prints the outcome and exits 1 when any check failed."""
    print("ok" if fails == 0 else f"{fails} failures")
    sys.exit(1 if fails else 0)
