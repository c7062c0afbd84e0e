#!/usr/bin/env python3
"""Measures formulas with LuaLaTeX + unicode-math (same OpenType math fonts as infoplot) and writes
Tests/MathTypesettingTests/Fixtures/lualatex-metrics.tsv: font, display, width, height, depth (pt at
10pt), TeX. The tests compare infoplot's boxes with these; CI reads the committed file and needs no TeX.

Needs Debian texlive-luatex, texlive-latex-recommended and texlive-latex-extra (cancel, actuarialangle). Run from the repository root:
  python3 Scripts/lualatex-math-fixtures.py
"""
import os
import re
import subprocess
import sys
import tempfile

# Each math font with its companion text roman: LaTeX sets operator names (\log, \max) in the text font
# (unicode-math's \setoperatorfont{\mathrm}, as fontmath.ltx's \operator@font), and infoplot sets them from
# the math font's upright letters, which are that text face's (kerned as text).
FONTS = {
    "Latin Modern Math": r"\setmathfont{latinmodern-math.otf}",
    "TeX Gyre Pagella Math": r"\setmainfont{texgyrepagella-regular.otf}\setmathfont{texgyrepagella-math.otf}",
    "DejaVu Math TeX Gyre": r"\setmainfont[Path=/usr/share/fonts/truetype/dejavu/]{DejaVuSerif.ttf}"
                            r"\setmathfont[Path=/usr/share/fonts/truetype/dejavu/]{DejaVuMathTeXGyre.ttf}",
}

# (display, TeX): no \text or \mathrm, whose text font differs between LaTeX and infoplot; \sym… rather than
# \mathbf (unicode-math takes \mathbf from the text font); no \tiny … (LaTeX ignores them in math).
FORMULAS = [
    (0, r"x"), (0, r"x+y"), (0, r"a=b"), (0, r"x^2"), (0, r"x_i"), (0, r"x_i^2"), (0, r"e^{-x^2}"),
    (0, r"P(x)"), (0, r"f(x)"), (0, r"Y)"), (0, r"p(x \mid \theta)"), (0, r"a \le b \ge c"), (0, r"\alpha\beta\gamma"),
    (0, r"\frac{a}{b}"), (1, r"\frac{a}{b}"), (1, r"\frac{1}{1+e^{-x}}"), (0, r"\sqrt{x}"), (1, r"\sqrt{x^2+y^2}"),
    (0, r"\sqrt[3]{x}"), (1, r"\sum_{i=1}^n x_i"), (0, r"\sum_{i=1}^n x_i"), (1, r"\prod_{i} q_i"), (1, r"\int_0^1 f(x)\,dx"),
    (0, r"\int_0^1 f"), (1, r"\lim_{n \to \infty} a_n"), (0, r"\hat{x}"), (0, r"\bar{x} + \tilde{p}"), (0, r"\vec{v}"),
    (0, r"\overline{X+Y}"), (0, r"\underline{a}"), (1, r"\left( \frac{a}{b} \right)"), (1, r"\left[ \sum_i x_i \right]"),
    (0, r"\bigl( x \bigr)"), (0, r"\Bigl( x \Bigr)"), (0, r"\biggl( x \biggr)"), (0, r"\Biggl( x \Biggr)"),
    (1, r"\binom{n}{k}"), (0, r"\binom{n}{k}"), (0, r"\tfrac{1}{2}"), (1, r"\dfrac{a}{b}"),
    (1, r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"), (1, r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"),
    (1, r"\begin{matrix} a & b & c \end{matrix}"), (1, r"\begin{array}{cc} a & b \\ c & d \end{array}"),
    (1, r"\begin{array}{c|c} a & b \end{array}"), (1, r"\begin{cases} a & b \\ c & d \end{cases}"),
    (1, r"\begin{aligned} a &= b \\ c &= d \end{aligned}"), (1, r"\overbrace{a+b+c}^{n}"), (1, r"\underbrace{x+y}_{k}"),
    (0, r"\mathbb{R}^n"), (0, r"\symbf{x}^\top \symbf{y}"), (0, r"\mathcal{L}_\theta"), (0, r"\symbfit{\mu}"),
    (0, r"\symsf{A}"), (0, r"\mathfrak{g}"), (0, r"\symtt{x}"), (0, r"a \not= b"), (0, r"x \in A \subseteq B"),
    (0, r"a \odot b \oplus c"), (0, r"A \Longrightarrow B"), (0, r"A \cong B"), (0, r"\nabla f \cdot \partial_x"),
    (0, r"f'(x) + g''"), (0, r"x_1, \dots, x_n"), (0, r"a_1 + \cdots + a_n"), (0, r"a\,b\;c\quad d"),
    (0, r"a \hspace{1em} b"), (0, r"\phantom{xy}z"), (0, r"\boxed{x}"), (0, r"x \xrightarrow{f} y"),
    (1, r"\cfrac{1}{1+\cfrac{1}{x}}"), (1, r"\genfrac{[}{]}{0pt}{}{n}{k}"), (0, r"\overset{!}{=}"),
    (1, r"\sum_{\substack{i<m \\ j<n}} x_{ij}"), (0, r"\left\langle x \middle| y \right\rangle"),
    (1, r"\left\{ x \;\middle|\; x > 0 \right\}"), (0, r"\{a, b\}"), (0, r"|x| + \|y\|"), (0, r"\lfloor x \rfloor"),
    (1, r"\iint_D f"), (1, r"\bigcup_{i} A_i"), (1, r"\bigoplus_{i} V_i"), (0, r"2^{2^{x}}"), (0, r"x^{y_z}"),
    (0, r"{x^a}_b"), (0, r"\frac{\partial^2 f}{\partial x^2}"), (1, r"\frac{\partial^2 f}{\partial x \partial y}"),
    (0, r"\displaystyle\sum x"), (0, r"\scriptstyle x+y"),
    (1, r"e^{i\pi} + 1 = 0"), (1, r"H(X) = -\sum_{x} p(x) \log p(x)"), (1, r"D(p \,\|\, q) = \sum_x p(x) \log \frac{p(x)}{q(x)}"),
    (0, r"\lVert x \rVert_2"), (0, r"\mathbb{E}[X]"), (0, r"\sigma^2_{\max}"),
    # cancel.sty, mathtools (laps, starred matrices, colons), \vcenter, amsopn's \varlim… (not \Coloneqq:
    # unicode-math makes it ⩴, which none of the fonts has; not CD: unicode-math's mathcode for @ undoes amscd's)
    (0, r"\cancel{5}"), (0, r"\bcancel{x+y}"), (0, r"\xcancel{ABC}"), (0, r"a + \cancel{\frac{a}{b}}"),
    (0, r"{=}\mathllap{/\,}"), (0, r"\mathrlap{\,/}{=}"), (1, r"\sum_{\mathclap{1\le i\le n}} x_i"),
    (0, r"a+\left(\vcenter{\hbox{$\frac{a}{b}$}}\right)"), (1, r"\begin{pmatrix*}[r] 0 & -1 \\ -10 & 0 \end{pmatrix*}"),
    (1, r"\begin{bmatrix*}[l] a & bb \\ ccc & d \end{bmatrix*}"), (0, r"x \vcentcolon y"),
    (0, r"x \coloneqq 1"), (0, r"p \colonapprox q"), (0, r"2 \eqqcolon y"), (0, r"a \Eqcolon b"),
    (0, r"\varliminf_{n} a_n"), (0, r"\varlimsup_{n} a_n"),
    # TeX's grouping and expansion primitives, \mathchoice; actuarialangle.sty's \angl
    (0, r"x\begingroup+\endgroup y"), (0, r"\def\foo{a}\edef\fcopy{\foo}\def\foo{b}\fcopy\foo"),
    (0, r"a\mathchoice{\,}{\,\,}{\,\,\,}{\,\,\,\,}b"), (1, r"a\mathchoice{\,}{\,\,}{\,\,\,}{\,\,\,\,}b"),
    (0, r"x^{\mathchoice{D}{T}{S}{s}}"), (0, r"a_{\angl n}"), (0, r"\angl{n}"), (1, r"\angl{x+y}"), (0, r"a_\angln"),
]

def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for font, setup in FONTS.items():
            body = []
            for i, (display, tex) in enumerate(FORMULAS):
                style = r"\displaystyle " if display else ""
                body.append(r"\setbox0\hbox{$" + style + tex + r"$}\typeout{FIX " + str(i)
                            + r" \the\wd0;\the\ht0;\the\dp0}")
            doc = (r"\documentclass[10pt]{article}\usepackage{amsmath,mathtools,cancel}\usepackage{unicode-math}" + setup
                   + r"\usepackage{actuarialangle}"
                   + r"\begin{document}" + "\n".join(body) + r"\end{document}")
            path = os.path.join(tmp, "f.tex")
            open(path, "w").write(doc)
            run = subprocess.run(["lualatex", "-interaction=nonstopmode", "-halt-on-error", "f.tex"], cwd=tmp,
                                 capture_output=True, text=True)
            found = {int(m.group(1)): m.groups()[1:] for m in re.finditer(r"FIX (\d+) ([\d.]+)pt;([\d.]+)pt;([\d.]+)pt", run.stdout)}
            if len(found) != len(FORMULAS):
                sys.exit(f"{font}: lualatex measured {len(found)} of {len(FORMULAS)} formulas\n{run.stdout[-3000:]}")
            for i, (display, tex) in enumerate(FORMULAS):
                w, h, d = found[i]
                rows.append(f"{font}\t{display}\t{w}\t{h}\t{d}\t{tex}")
    version = subprocess.run(["lualatex", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    out = "Tests/MathTypesettingTests/Fixtures/lualatex-metrics.tsv"
    with open(out, "w") as f:
        f.write(f"# {version}; unicode-math, amsmath, mathtools, cancel, actuarialangle; 10pt; generated by Scripts/lualatex-math-fixtures.py\n")
        f.write("# font\tdisplay\twidth\theight\tdepth\ttex\n")
        f.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} rows to {out}")

main()
