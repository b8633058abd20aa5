#!/usr/bin/env python3
"""install_check.py — `DESTDIR=... meson install` puts in the pieces DESIGN.md names (the binary,
the shared and static library, allynet.h, allynet.pc, the man page allynet.1 and the bash
completion), a C program built with `pkg-config --cflags --libs allynet` against them loads
graphs (node-link JSON and GraphML) and gives the figures the installed binary gives, the man
page names every command and every option of the --help texts, and the completion offers them.
Usage: install_check.py ALLYNET (the built binary; its folder is the build folder)."""
import json, os, re, shutil, subprocess, sys, tempfile

exe = os.path.abspath(sys.argv[1])
build = os.path.dirname(exe)
root = os.getcwd()
fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
        print("FAIL", what)


for tool in ("meson", "pkg-config", "cc"):
    if shutil.which(tool) is None:
        print(f"SKIP: {tool} is not installed")
        sys.exit(1 if os.environ.get("CI") == "true" else 77)

opts = json.loads(subprocess.run(["meson", "introspect", "--buildoptions", build],
                                 capture_output=True, text=True, check=True).stdout)
opt = {o["name"]: o["value"] for o in opts}
prefix = opt["prefix"]
sanitize = opt.get("b_sanitize", "none")

with tempfile.TemporaryDirectory() as dest:
    env = dict(os.environ, DESTDIR=dest)
    r = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet"], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("FAIL meson install:", r.stdout, r.stderr)
        sys.exit(1)
    top = dest + prefix
    libdir = os.path.join(top, opt["libdir"])
    want = {
        "binary": os.path.join(top, opt["bindir"], "allynet"),
        "shared library": os.path.join(libdir, "liballynet.so"),
        "static library": os.path.join(libdir, "liballynet.a"),
        "header": os.path.join(top, opt["includedir"], "allynet.h"),
        "pkg-config file": os.path.join(libdir, "pkgconfig", "allynet.pc"),
        "man page": os.path.join(top, opt["mandir"], "man1", "allynet.1"),
        "bash completion": os.path.join(top, opt["datadir"], "bash-completion", "completions",
                                        "allynet"),
    }
    for what, path in want.items():
        check(os.path.exists(path), f"{what} not installed at {path}")
    if fails:
        sys.exit(1)

    # A C program against the installed pieces, through pkg-config.
    penv = dict(os.environ, PKG_CONFIG_PATH=os.path.join(libdir, "pkgconfig"))
    flags = subprocess.run(["pkg-config", f"--define-variable=prefix={top}", "--cflags", "--libs",
                            "allynet"], env=penv, capture_output=True, text=True)
    check(flags.returncode == 0, f"pkg-config --cflags --libs allynet: {flags.stderr}")
    prog = os.path.join(dest, "load_graph")
    cmd = ["cc", os.path.join(root, "tests", "install", "load_graph.c"), "-o", prog]
    cmd += flags.stdout.split()
    if sanitize not in ("none", ""):
        cmd.append(f"-fsanitize={sanitize}")  # the library was built with the sanitizers
    cc = subprocess.run(cmd, capture_output=True, text=True)
    check(cc.returncode == 0, f"compiling against the installed library: {' '.join(cmd)}\n{cc.stderr}")
    if cc.returncode == 0:
        renv = dict(os.environ, LD_LIBRARY_PATH=libdir)
        g = os.path.join(root, "graphs", "venezuela-2023-10.json")
        gml = os.path.join(dest, "g.graphml")
        subprocess.run([exe, "convert", g, gml], check=True)
        info = json.loads(subprocess.run([want["binary"], "info", "--json", g], env=renv,
                                         capture_output=True, text=True, check=True).stdout)
        t = info["ties"]
        expect = (f"allynet 0.1.0: {info['actors']} actors, {t['total']} ties "
                  f"({t['positive']} positive, {t['negative']} negative)")
        for path in (g, gml):
            out = subprocess.run([prog, path], env=renv, capture_output=True, text=True)
            check(out.returncode == 0 and out.stdout.strip() == expect,
                  f"the C program on {os.path.basename(path)}: {out.stdout!r} {out.stderr!r}")
        ldd = subprocess.run(["ldd", prog], env=renv, capture_output=True, text=True).stdout
        check(libdir in ldd, f"the program is not linked to the installed liballynet.so: {ldd}")
        bad = subprocess.run([prog, os.path.join(dest, "missing.json")], env=renv,
                             capture_output=True, text=True)
        check(bad.returncode == 2 and "missing.json" in bad.stderr,
              f"the C program on a missing file: {bad.returncode} {bad.stderr!r}")

    # The man page and the completion cover every command and option of the help texts.
    man = open(want["man page"], encoding="utf-8").read()
    comp = open(want["bash completion"], encoding="utf-8").read()
    general = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
    cmds = re.findall(r"^  (\w+)\s{2,}", general, re.M)
    check(len(cmds) >= 13, f"commands found in --help: {cmds}")
    for c in cmds:
        text = subprocess.run([exe, c, "--help"], capture_output=True, text=True).stdout
        check(f".SS {c}\n" in man, f"man page lacks the command {c}")
        for o in set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text)):
            check(o in man.replace("\\-", "-"), f"man page lacks {c} {o}")
            check(re.search(rf"^\s+{c}\) opts=\"[^\"]*{re.escape(o)}\b", comp, re.M) is not None,
                  f"completion lacks {c} {o}")
    if shutil.which("bash"):
        script = (f"source {want['bash completion']}; COMP_WORDS=(allynet convert --und); "
                  "COMP_CWORD=2; _allynet; echo \"${COMPREPLY[@]}\"")
        out = subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout
        check(out.strip() == "--undirected", f"completion of 'convert --und': {out!r}")
    if shutil.which("man"):
        r = subprocess.run(["man", "-l", want["man page"]], capture_output=True, text=True,
                           env=dict(os.environ, MANWIDTH="100", MAN_KEEP_FORMATTING="0"))
        check(r.returncode == 0 and "allynet" in r.stdout, f"man -l: {r.stderr[:300]}")

if fails:
    print(f"{len(fails)} failures")
    sys.exit(1)
print(f"ok: installed {len(want)} pieces; a C program built with pkg-config loads graphs")
