"""valgrind_replay.py — every fuzz corpus under valgrind, in a build without sanitizers.

The libraries allynet reads and draws with (Graphviz's cgraph and layouts, Pango, HarfBuzz,
cairo, libxml2, jansson, libcsv, igraph) are not instrumented, so AddressSanitizer cannot see a
write past a heap block inside them: it passes the ASan build silently and corrupts the heap for
whatever runs next. (Graphviz 2.42's multi-edge router did exactly that; see
src/lib/render/graphviz_draw.c.) valgrind watches every instruction of the process, libraries
included. This test configures a plain build (release code, debug info, no sanitizer) in
BUILD_ROOT/valgrind-plain, builds the replay programs there and runs each over its corpus
(tests/fuzz/corpus/TARGET) under memcheck: any invalid read or write, use of freed memory or jump
on uninitialised data fails it. Leaks are LeakSanitizer's job, not this one.

Usage: valgrind_replay.py SOURCE_ROOT BUILD_ROOT"""
import glob, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evidence import skip  # noqa: E402

TARGETS = ["write_svg", "write_dot", "write_html", "write_markdown", "write_gnuplot", "dot",
           "graphml", "gexf", "nodelink", "csv", "events", "extract"]


def main():
    src, build_root = sys.argv[1], sys.argv[2]
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        skip("valgrind is not installed (apt-get install valgrind)")
    plain = os.path.join(build_root, "valgrind-plain")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASAN_", "UBSAN_", "LSAN_"))}
    if not os.path.exists(os.path.join(plain, "build.ninja")):
        subprocess.run(["meson", "setup", plain, src, "-Dbuildtype=debugoptimized",
                        "-Db_sanitize=none", "-Dwerror=false"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", plain] + ["tests/replay_" + t for t in TARGETS], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    print(f"1..{len(TARGETS)}")
    failed = 0
    for i, t in enumerate(TARGETS, 1):
        corpus = sorted(glob.glob(os.path.join(src, "tests", "fuzz", "corpus", t, "*")))
        run = subprocess.run([valgrind, "-q", "--error-exitcode=99", "--track-origins=no",
                              os.path.join(plain, "tests", "replay_" + t)] + corpus,
                             env=env, capture_output=True, text=True)
        if run.returncode == 0:
            print(f"ok {i} - {t}: {len(corpus)} inputs, no memory error under valgrind")
        else:
            failed += 1
            print(f"not ok {i} - {t}: exit {run.returncode} under valgrind")
            for line in (run.stderr or "").splitlines()[:80]:
                print("# " + line)
            for line in (run.stdout or "").splitlines():
                if line.startswith("not ok"):
                    print("# " + line)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
