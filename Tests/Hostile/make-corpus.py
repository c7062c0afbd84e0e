#!/usr/bin/env python3
"""Writes the hostile-input corpus (run from this folder; the files are committed).

Each template must fail with a located `FILE:LINE:COLUMN: error:` naming what the
expectations file says; each formula must fail with a column range; each request line must be
answered with one JSON line. See Tests/CLITests/HostileCorpusTests.swift.
"""
import os

def w(path, text, binary=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text if binary else text.encode("utf-8"))

HDR = "---\ntitle: Hostile\ndata:\n  one: [1]\n  rows: [1, 2, 3]\n---\n"
expect = []
def template(name, text, fragment, binary=False):
    w("templates/" + name, text, binary)
    expect.append((name, fragment))

template("mustache-deep.md", HDR + "{{#one}}" * 40 + "x" + "{{/one}}" * 40 + "\n", "nested more than 16 levels")
template("mustache-loops.md", HDR + "{{#rows}}" * 15 + "x" + "{{/rows}}" * 15 + "\n", "repeat their body")
template("mustache-loops-lines.md", HDR + "".join("{{#rows}}\n" for _ in range(15)) + "x\n" + "".join("{{/rows}}\n" for _ in range(15)), "repeat their body")
template("quote-deep.md", HDR + ">" * 5000 + " x\n", "nested more than 32 levels")
template("list-deep.md", HDR + "- " * 5000 + "x\n", "nested more than 32 levels")
template("list-indented.md", HDR + "intro\n\n" + "".join("  " * i + "- item\n" for i in range(200)), "nested more than 32 levels")
template("quote-list-mix.md", HDR + "> - " * 2000 + "x\n", "nested more than 32 levels")
template("callout-nested.md", HDR + "::: note\n::: note\nx\n:::\n:::\n", "callouts do not nest")
bomb = "---\ntitle: Bomb\ndata:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
prev = "a"
for n in "bcdefgh":
    bomb += "  %s: &%s [%s]\n" % (n, n, ", ".join(["*" + prev] * 9))
    prev = n
template("yaml-billion-laughs.md", bomb + "---\nx\n", "anchors (&name) and aliases")
template("yaml-bomb-keys.md", bomb + "  ? *h\n  : 1\n  ? *g\n  : 2\n---\nx\n", "anchors (&name) and aliases")
template("yaml-alias.md", "---\ntitle: T\ndata:\n  a: &x 0.5\n  b: *x\n---\nx\n", "anchors (&name) and aliases")
template("yaml-deep-flow.md", "---\ntitle: T\ndata:\n  a: " + "[" * 100000 + "]" * 100000 + "\n---\nx\n", "bad YAML")
template("yaml-deep-block.md", "---\ntitle: T\ndata:\n  a:\n    " + "- " * 5000 + "x\n---\nx\n", "bad YAML")
# Deep but within libyaml's limit of 1000: must build, also on a build thread's smaller stack.
w("accepted/yaml-deep-block-995.md", "---\ntitle: T\ndata:\n  a:\n    " + "- " * 995 + "x\n---\nx\n")
w("accepted/quote-31.md", HDR + ">" * 31 + " x\n")
w("accepted/mustache-16.md", HDR + "{{#one}}" * 16 + "x" + "{{/one}}" * 16 + "\n")
template("invalid-utf8.md", b"---\ntitle: T\n---\nhello \xff\xfe world\n", "invalid UTF-8 at byte offset 23", binary=True)
template("overlong-utf8.md", b"---\ntitle: T\n---\nslash \xc0\xaf\n", "invalid UTF-8", binary=True)
template("control-character.md", "---\ntitle: T\n---\nhello \x01\x1b[31m world\n", "control character U+0001")
template("control-in-title.md", "---\ntitle: \"red \\e[31m\"\n---\nx\n", "control character U+001B")
template("control-in-figure-label.md", "---\ntitle: T\n---\n```figure\nname: distribution-compare\np_name: \"\\u0001\\u0002\"\n```\n", "control character U+0001")
template("tex-deep.md", "---\ntitle: T\n---\nSee $" + "\\sqrt{" * 200 + "x" + "}" * 200 + "$.\n", "nested more than 64 levels")
template("tex-control.md", "---\ntitle: T\n---\nSee $x\x7f$.\n", "control character U+007F")
template("unclosed-section.md", HDR + "{{#rows}}\nx\n", "never closed")

with open("templates/expectations.tsv", "w") as f:
    f.write("# template\tfragment of its located error\n")
    for name, frag in expect:
        f.write("%s\t%s\n" % (name, frag))

formulas = {
    "braces-deep.tex": "{" * 10000 + "x" + "}" * 10000,
    "frac-deep.tex": "\\frac{" * 500 + "1" + "}{2}" * 500,
    "left-deep.tex": "\\left(" * 1000 + "x" + "\\right)" * 1000,
    "scripts-deep.tex": "x^{" * 1000 + "2" + "}" * 1000,
    "sqrt-deep.tex": "\\sqrt{" * 1000 + "x" + "}" * 1000,
    "matrix-deep.tex": "\\begin{pmatrix}" * 200 + "x" + "\\end{pmatrix}" * 200,
    "unbalanced.tex": "}" * 100,
    "control.tex": "x\x01y",
    "escape.tex": "\x1b[31mx",
    # Found by `make fuzz` (FuzzTeX; its 0xFF bytes as the U+FFFD they decode to): a macro that
    # doubles itself grows the formula by its body at each use, up to the expansion bounds.
    "macro-doubling.tex": "I(X; T) = H(X\\def\\a{" + "\ufffd" * 37 + ")" + "\ufffd" * 13 + "\\a\\a}\\a",
}
for name, tex in formulas.items():
    w("formulas/" + name, tex)

lines = [
    '{"op": "entropy", "p": ' + "[" * 100000 + "]" * 100000 + "}",
    '{"op": ' * 5000,
    '{"op": "entropy", "p": [0.5, 0.5], "p": [1]}',
    '{"op": "entropy\\u0000", "p": [1]}',
    '{"op": "entropy", "p": [1e999999]}',
    '{"op": "entropy", "p": ["\\ud800"]}',
    '"' + "\\\\" * 10000 + '"',
    '[' * 300,
    '{"op": "no-such-op"}',
    '{}',
    'null',
]
with open("requests.jsonl", "wb") as f:
    for l in lines:
        f.write(l.encode("utf-8") + b"\n")
    f.write(b'{"op": "entropy", "p": [0.5, \xff 0.5]}\n')

# Numeric bounds (issue 13): "fragment<TAB>request" per line; each answer must contain the
# fragment, and the good request after each proves the batch goes on. Requests too large to
# commit (10⁴ distinct values, 10⁵ samples, 10⁶ numbers, a 1-MB op name) are generated by the test.
good = '{"op": "entropy", "p": [0.5, 0.5]}'
numeric = [
    ('{"value": 0.215761554338835', '{"op": "mutual_information_samples", "method": "binned", "bins": 2, "x": [1e308, -1e308, 0, 5], "y": [1, 2, 3, 4]}'),
    ('{"value": {"p": [', '{"op": "maxent", "values": [1e308, 0, -1e308], "mean": 1}'),
    ('target has 100 components; expected at most 20', '{"op": "kl_fit", "direction": "reverse", "target": ['
        + ", ".join('{"weight": 0.01, "mu": %d, "sigma": 1}' % i for i in range(100)) + ']}'),
    ('cov has 201 rows; at most 200 are allowed', '{"op": "gaussian_entropy", "cov": ['
        + ", ".join("[" + ", ".join("1" if i == j else "0" for j in range(201)) + "]" for i in range(201)) + ']}'),
    # The NaN guard: Beta(5e-324, 5e-324) entropies are ∞ − ∞; the error blames the tiniest argument.
    ('the result is not a number (NaN): the computation overflows double precision for these arguments; check ',
        '{"op": "lindley_information", "alpha": 5e-324, "beta": 5e-324, "heads": 3, "tails": 4}'),
    ('values has 10001 entries; at most 10000 are allowed', '{"op": "maxent", "mean": 0.5, "values": [' + ", ".join(["0, 1"] * 5000) + ', 0]}'),
]
with open("numeric.tsv", "w") as f:
    for fragment, request in numeric:
        f.write(fragment + "\t" + request + "\n")
        f.write('{"value": 0.6931471805599453}\t' + good + "\n")

# Plot specs read like templates: strict UTF-8, located errors ("fragment" per spec in specs/expectations.tsv).
specs = [
    ("invalid-utf8.yaml", b"title: T\nlayers:\n  - mark: line\n    x: {var: p, from: 0, to: 1}\n    y: \"p\xff\"\n", "invalid UTF-8 at byte offset 73 (byte 0xFF)"),
    ("overlong-utf8.yaml", b"title: \xc0\xaf\n", "invalid UTF-8 at byte offset 7 (byte 0xC0)"),
]
os.makedirs("specs", exist_ok=True)
with open("specs/expectations.tsv", "w") as f:
    f.write("# spec\tfragment of its located error\n")
    for name, data, fragment in specs:
        w("specs/" + name, data, binary=True)
        f.write(name + "\t" + fragment + "\n")
