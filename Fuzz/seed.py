#!/usr/bin/env python3
"""Seeds Fuzz/corpus/TARGET from the repository's tests and examples (run by run-fuzz.sh).

Seeds are the inputs the tests already use, so fuzzing starts from valid and hostile inputs of
every kind the parsers know: formulas, request lines, templates and plot specs.
"""
import glob, hashlib, os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MAX = 65536  # run-fuzz.sh's -max_len

def literals(paths, pattern):
    """String literals of Swift test files: raw #"…"# and multi-line \"\"\"…\"\"\" ones."""
    out = []
    for p in paths:
        text = open(p, encoding="utf-8").read()
        out += re.findall(pattern, text, re.S)
    return out

def seeds(target):
    r = lambda *p: glob.glob(os.path.join(ROOT, *p))
    data = lambda ps: [open(p, "rb").read() for p in ps]
    if target == "FuzzTeX":
        s = data(r("Tests/Hostile/formulas/*.tex"))
        for p in r("Templates/*.md") + r("Templates/slides/*.md"):
            s += [m.encode() for m in re.findall(r"\$([^$\n]{1,300})\$", open(p, encoding="utf-8").read())]
        s += [m.encode() for m in literals(r("Tests/MathTypesettingTests/*.swift"), r'#"(.*?)"#') if "\\" in m]
        return s
    if target == "FuzzJSONL":
        s = [l for l in open(os.path.join(ROOT, "Tests/Hostile/requests.jsonl"), "rb").read().split(b"\n") if l]
        s += [l.split(b"\t", 1)[1] for l in open(os.path.join(ROOT, "Tests/Hostile/numeric.tsv"), "rb").read().split(b"\n") if b"\t" in l]
        s += [m.encode() for m in literals(r("Tests/InfoTheoryTests/*.swift"), r'#"(\{"op".*?)"#')]
        return s
    if target == "FuzzTemplate":
        return data(r("Templates/*.md") + r("Templates/slides/*.md") + r("Tests/Hostile/templates/*.md")
                    + r("Tests/Hostile/accepted/*.md") + r("Tests/HandoutsTests/Fixtures/*.md"))
    if target == "FuzzPlotSpec":
        s = data(r("Examples/*.yaml") + r("Tests/Hostile/specs/*.yaml"))
        s += [m.encode() for m in literals(r("Tests/PlotGrammarTests/*.swift"), r'"""\n(.*?)"""')]
        return s
    sys.exit("unknown target " + target)

target = sys.argv[1]
folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", target)
os.makedirs(folder, exist_ok=True)
n = 0
for s in seeds(target):
    if 0 < len(s) <= MAX:
        # Named by content, as libFuzzer names what it adds, so reseeding adds no duplicates.
        with open(os.path.join(folder, hashlib.sha1(s).hexdigest()), "wb") as f:
            f.write(s)
        n += 1
print(f"fuzz: {target}: {n} seeds")
