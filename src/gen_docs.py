#!/usr/bin/env python3
"""gen_docs.py — the man page allynet.1 and the bash completion, generated from one source: the
program's own help texts (`allynet --help` and `allynet CMD --help`), so the three never
disagree.

usage: gen_docs.py man|bash ALLYNET OUT
"""
import re
import subprocess
import sys


def run_help(exe, *cmd):
    r = subprocess.run([exe, *cmd, "--help"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"gen_docs: {exe} {' '.join(cmd)} --help failed: {r.stderr}")
    return r.stdout


def commands(exe):
    """[(name, summary)] from the general help's command table."""
    out, table = [], False
    for line in run_help(exe).splitlines():
        if line.strip() == "commands:":
            table = True
            continue
        m = re.match(r"^  (\w+)\s{2,}(.*)$", line) if table else None
        if m:
            out.append((m.group(1), m.group(2)))
        elif table and line.strip() == "":
            break
    return out


def long_options(text):
    """Every --option a help text names, in order, once."""
    seen = []
    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text):
        if opt not in seen:
            seen.append(opt)
    return seen


def roff(text):
    """Plain text as roff: backslashes and leading dots or quotes escaped."""
    lines = []
    for line in text.replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def man(exe):
    general = run_help(exe)
    cmds = commands(exe)
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()
    parts = [
        f'.TH ALLYNET 1 "" "allynet {version[-1] if version else ""}" "User Commands"',
        ".SH NAME",
        "allynet \\- signed, weighted alliance networks from news text and event tables",
        ".SH SYNOPSIS",
        ".B allynet",
        ".I COMMAND",
        "[\\fIOPTIONS\\fR] \\fIARGS\\fR...",
        ".br",
        ".B allynet help",
        ".I COMMAND",
        ".SH DESCRIPTION",
        ".nf",
        roff(general.rstrip()),
        ".fi",
        ".SH COMMANDS",
    ]
    for name, summary in cmds:
        parts += [f".SS {name}", roff(summary), ".PP", ".nf", roff(run_help(exe, name).rstrip()),
                  ".fi"]
    parts += [
        ".SH EXIT STATUS",
        "0 success, 1 a failure while running, 2 bad usage or bad input.",
        ".SH FILES",
        "Graphs are node-link JSON (NetworkX-compatible), DOT, CSV, GraphML and GEXF (read and "
        "write), Pajek .net and GML (write).",
        ".SH SEE ALSO",
        "The README and DESIGN.md of the allynet sources; the library: allynet.h, "
        "pkg-config allynet.",
    ]
    return "\n".join(parts) + "\n"


def bash(exe):
    cmds = commands(exe)
    names = " ".join(n for n, _ in cmds)
    cases = []
    for name, _ in cmds:
        opts = " ".join(long_options(run_help(exe, name)) + ["--help"])
        cases.append(f'        {name}) opts="{" ".join(dict.fromkeys(opts.split()))}" ;;')
    return f"""# bash completion for allynet (generated from its --help texts by src/gen_docs.py)
_allynet() {{
    local cur cmd opts
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "{names} help --help --version" -- "$cur"))
        return
    fi
    cmd="${{COMP_WORDS[1]}}"
    if [ "$cmd" = help ]; then
        COMPREPLY=($(compgen -W "{names}" -- "$cur"))
        return
    fi
    case "$cmd" in
{chr(10).join(cases)}
        *) opts="" ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _allynet allynet
"""


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("man", "bash"):
        sys.exit(__doc__)
    text = man(sys.argv[2]) if sys.argv[1] == "man" else bash(sys.argv[2])
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(text)


main()
