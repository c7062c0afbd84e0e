/// Formulas follow the text colour (light and dark) where they carry the formula's own colour, black in
/// the SVG; \color, \textcolor and \colorbox keep theirs (SVG fill attributes, which any CSS rule
/// outranks, so only the default fill is matched). In dark mode an explicit colour has its lightness
/// inverted and its hue kept (invert, then a half turn of hue): navy becomes light blue and stays
/// readable on the dark page, mid-tone red or green barely changes.
let mathColorCSS = """
.math svg [fill="#000000"] { fill: currentColor; }
@media (prefers-color-scheme: dark) {
  .math svg [fill]:not([fill="#000000"]) { filter: invert(1) hue-rotate(180deg); }
}
"""

/// The one embedded stylesheet of a handout page. Written for XML parsers too (no `<` or `&`).
/// Measure ~42em and 1.55 leading for comfortable reading (Bringhurst's 45–75 characters);
/// colours follow `prefers-color-scheme`. The figures of a light handout follow it too (their SVGs
/// carry both themes), so the card takes the dark figure background in dark mode; a dark or print
/// handout's figures keep their own background on the card.
let handoutStylesheet = """
:root {
  color-scheme: light dark;
  --text: #1d1d1f; --muted: #5b5b66; --bg: #fdfcf8; --rule: #d9d6cc; --link: #1f5fa8;
  --card: #ffffff; --code-bg: #f1efe8;
  \(PagePalette.calloutCSSVariables)
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6e4de; --muted: #a3a1a8; --bg: #17181c; --rule: #3a3b42; --link: #8cb8ee;
    --card: #1e2127; --code-bg: #25262c;
    --note: #6fa6e8; --tip: #5fbf88; --warning: #e6a23c; --definition: #a58ee6; --key-idea: #4fc1c9;
    --misconception: #e57368; --example: #9fb3c6; --exercise: #d1a15e; --solution: #98b86b;
  }
}
html { background: var(--bg); color: var(--text); }
body {
  max-width: 42em; margin: 0 auto; padding: 2.5em 1.25em 4em;
  font-family: "TeX Gyre Pagella", "Palatino Linotype", Palatino, "Book Antiqua", "URW Palladio L", Georgia, serif;
  font-size: 1.125rem; line-height: 1.55; hyphens: auto; text-rendering: optimizeLegibility;
}
header.title-block { margin-bottom: 2.5em; border-bottom: 1px solid var(--rule); padding-bottom: 1.25em; }
header.title-block h1 { font-size: 2.1em; line-height: 1.15; margin: 0.2em 0; font-weight: 600; }
.course, .byline { color: var(--muted); font-variant: small-caps; letter-spacing: 0.03em; margin: 0; }
.subtitle { font-size: 1.25em; font-style: italic; margin: 0.2em 0 0.6em; }
h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 0.5em; font-weight: 600; }
h2 { font-size: 1.5em; } h3 { font-size: 1.2em; } h4 { font-size: 1.05em; }
.secno { color: var(--muted); margin-right: 0.6em; font-variant-numeric: lining-nums; }
p { margin: 0.7em 0; }
a { color: var(--link); text-decoration-thickness: 0.06em; text-underline-offset: 0.15em; }
a.xref { text-decoration: none; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
pre { background: var(--code-bg); padding: 0.8em 1em; overflow-x: auto; border-radius: 4px; }
code.math { font-size: 0.9em; color: var(--muted); }
.math svg { display: inline-block; overflow: visible; }
.math .mathml { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
\(mathColorCSS)
.equation { display: flex; align-items: baseline; margin: 1em 0; }
.equation .math { flex: 1; text-align: center; overflow-x: auto; }
.eqno { margin-left: 1em; color: var(--muted); }
figure { margin: 1.6em 0; text-align: center; }
.figure-art { background: var(--card); border-radius: 6px; padding: 0.5em; }
.figure-art svg { max-width: 100%; height: auto; }
.figure-placeholder { border: 1px dashed var(--rule); padding: 2em 1em; color: var(--muted); font-style: italic; }
figcaption, caption { font-size: 0.92em; color: var(--muted); text-align: left; margin-top: 0.5em; }
caption { caption-side: top; margin-bottom: 0.4em; }
.figno, .tblno { font-weight: 600; color: var(--text); }
table { border-collapse: collapse; margin: 1.4em auto; min-width: 60%; font-variant-numeric: tabular-nums lining-nums; }
th, td { padding: 0.3em 0.8em; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--text); }
aside.callout {
  margin: 1.4em 0; padding: 0.6em 1em; border-left: 4px solid var(--accent, var(--note));
  background: color-mix(in srgb, var(--accent, var(--note)) 8%, var(--bg)); border-radius: 0 6px 6px 0;
}
aside.callout > p.callout-title { margin-top: 0.2em; font-weight: 600; }
.callout-kind { color: var(--accent, var(--note)); text-transform: uppercase; font-size: 0.78em; letter-spacing: 0.08em; margin-right: 0.5em; }
.callout-note { --accent: var(--note); } .callout-tip { --accent: var(--tip); }
.callout-warning { --accent: var(--warning); } .callout-definition { --accent: var(--definition); }
.callout-key-idea { --accent: var(--key-idea); } .callout-misconception { --accent: var(--misconception); }
.callout-example { --accent: var(--example); } .callout-exercise { --accent: var(--exercise); }
.callout-solution { --accent: var(--solution); }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
hr { border: none; border-top: 1px solid var(--rule); margin: 2em 0; }
section.footnotes { margin-top: 3em; border-top: 1px solid var(--rule); font-size: 0.9em; }
sup.fnref { line-height: 0; }
@media print { body { max-width: none; font-size: 11pt; } aside.callout { break-inside: avoid; } }
"""
