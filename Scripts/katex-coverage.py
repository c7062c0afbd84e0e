#!/usr/bin/env python3
"""Measures how much of KaTeX's support table infoplot's math typesetter renders.

Reads KaTeX's docs/support_table.md from a KaTeX checkout (not kept here), takes one example per
command that KaTeX supports (the formula KaTeX itself renders in the table's second column), skips
commands that only make sense in a browser (links, HTML attributes, images), and typesets each with
`infoplot math --json`. Prints the percentage that render and the failures with infoplot's error.

  python3 Scripts/katex-coverage.py path/to/KaTeX/docs/support_table.md [path/to/infoplot]
"""
import html
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

# Browser-only: hyperlinks, HTML classes/ids/styles/data, images, and KaTeX's own tracing.
BROWSER_ONLY = {r"\href", r"\url", r"\includegraphics", r"\htmlClass", r"\htmlId", r"\htmlStyle",
                r"\htmlData", r"\html@mathml", r"\TextOrMath", r"\@ifnextchar", r"\message",
                r"\errmessage", r"\show"}

# The table's examples for these close one kind of group with the other, which KaTeX's own parser
# rejects (test/katex-spec.ts: "\begingroup xy }" must not parse); its spec's example is used instead.
REPLACED = {r"\begingroup": r"\begingroup xy \endgroup", r"\endgroup": r"\begingroup x+ \endgroup y"}


def examples(table):
    out = []
    for line in open(table, encoding="utf-8"):
        if not line.startswith("|") or line.startswith("|:") or line.startswith("|Symbol"):
            continue
        cells = line.rstrip("\n").split("|")
        if len(cells) < 4:
            continue
        name, rendered = html.unescape(cells[1].strip()), cells[2]
        if "Not supported" in rendered:
            continue
        m = re.search(r"\$\$(.+?)\$\$", rendered) or re.search(r"\$(.+?)\$(?!\w)", rendered)
        if not m:
            continue
        if m.group(1).count("{") != m.group(1).count("}"):
            # A `$` inside the example (\hbox{$x^2$}): the formula runs to the cell's last `$`.
            m = re.search(r"\$(.+)\$", rendered)
        name = name.replace("\\\\", "\\")
        if name in BROWSER_ONLY or any(name.startswith(b) for b in BROWSER_ONLY):
            continue
        tex = REPLACED.get(name) or html.unescape(m.group(1)).replace(r"\VERT", "|")
        out.append((name, tex))
    return out


def run(infoplot, tex):
    r = subprocess.run([infoplot, "math", "--json", "--display", tex], capture_output=True, text=True)
    if r.returncode == 0:
        try:
            j = json.loads(r.stdout)
            return j["width"] > 0, ""
        except (ValueError, KeyError):
            return False, "no JSON"
    err = (r.stderr.strip().splitlines() or ["?"])[0]
    return False, err


def main():
    table = sys.argv[1]
    infoplot = sys.argv[2] if len(sys.argv) > 2 else ".build/debug/infoplot"
    items = examples(table)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda e: run(infoplot, e[1]), items))
    ok = sum(1 for r, _ in results if r)
    for (name, tex), (good, err) in zip(items, results):
        if not good:
            print(f"FAIL {name}\t{tex}\t{err}")
    print(f"{ok} of {len(items)} examples render ({100 * ok / len(items):.1f} %)")


main()
