#!/usr/bin/env python3
"""Measures built HTML pages in headless Chromium, as a phone and a desktop reader sees them.

Not part of `make test` (it needs Chromium); run it after `infoplot build --out DIR`:

    apt-get install -y chromium chromium-driver; pip install selenium fonttools
    Scripts/web-measure.py DIR [--shots SHOTDIR] [--json FILE] [--only TEXT]

For every page under DIR (handouts/*.html, slides/*.html, index.html) at 390 and 1280 CSS px wide,
in the light and the dark colour scheme (CDP Emulation.setEmulatedMedia), it reports

- sideways scroll: documentElement.scrollWidth - clientWidth (0 means the page never scrolls sideways);
- boxes that overflow their own scroll box (display equations, tables) and whether they scroll;
- the smallest figure text in CSS px: every glyph run of a visible figure SVG, its font size in
  font units (units per em read from the font file, found by the glyph id's font hash) times the
  run's screen transform; words only (runs in a math family, "… Math": a formula's glyphs and
  its scripts, are left out);
- line-height spread: in every paragraph, the distance between consecutive lines' text (text nodes
  of the paragraph's own font only), max - min over the paragraph;
- inline math followed by punctuation that starts a new line (a formula parted from its comma);
- WCAG 2.x contrast of every element holding text against its effective background (ancestors'
  backgrounds composited), the minimum, and every element under 4.5 : 1 (3 : 1 for large text:
  24 px, or 18.66 px bold); figure glyph runs are checked against their SVG's background.

With --shots it writes screenshots (viewport-sized) of the top of each page and of its first
figure, wide equation and table, to look at.
"""
import argparse
import glob
import json
import logging
import os
import subprocess
import sys

from fontTools.ttLib import TTFont, TTCollection
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]


def fnv32(text):
    """The glyph id's font hash (CairoRender SharedGlyphs.name): FNV-1a 64 of 'face:path', low 32 bits."""
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%08x" % (h & 0xFFFFFFFF)


def units_per_em_by_hash():
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    files = subprocess.run(["fc-list", "-f", "%{file}\n"], capture_output=True, text=True).stdout.split()
    table = {}
    for path in sorted(set(files)):
        try:
            if path.lower().endswith((".ttc", ".otc")):
                faces = TTCollection(path).fonts
            else:
                faces = [TTFont(path, lazy=True)]
            for i, face in enumerate(faces):
                # Formula fonts (a math family: "… Math") are left out: a formula's scripts are set
                # at TeX's script ratios of a label that meets the minimum; only words are measured.
                family = face["name"].getDebugName(1) or ""
                table[fnv32("%d:%s" % (i, path))] = 0 if "math" in family.lower() else face["head"].unitsPerEm
        except Exception:
            continue
    return table


MEASURE_JS = r"""
const upem = arguments[0];
const out = {};
const de = document.documentElement;
out.sidewaysScroll = de.scrollWidth - de.clientWidth;

function visible(el) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

// Boxes wider than their own box: do they scroll, and how far?
out.overflowing = [];
for (const el of document.querySelectorAll('.equation .math, .table-scroll, .equation, table, pre')) {
  if (!visible(el)) continue;
  const extra = el.scrollWidth - el.clientWidth;
  if (extra > 1) {
    const ox = getComputedStyle(el).overflowX;
    out.overflowing.push({what: el.className || el.tagName.toLowerCase(), extra: extra, scrolls: ox === 'auto' || ox === 'scroll'});
  }
}

// Smallest figure text: glyph runs are <g transform="matrix(s 0 0 -s x y)"><use href="#gHASH-N"/>…</g>.
out.figureText = [];
for (const fig of document.querySelectorAll('.figure-art svg')) {
  if (!visible(fig)) continue;
  let smallest = Infinity;
  for (const g of fig.querySelectorAll('g')) {
    const use = g.querySelector(':scope > use');
    if (!use) continue;
    const href = use.getAttribute('href') || '';
    const m = href.match(/#g([0-9a-f]{8})-/);
    const units = m ? upem[m[1]] : undefined;
    if (!units) continue;
    const ctm = g.getScreenCTM();
    const px = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) * units;
    smallest = Math.min(smallest, px);
  }
  const figure = fig.closest('figure');
  out.figureText.push({id: figure ? figure.id : '', px: isFinite(smallest) ? smallest : null, width: fig.getBoundingClientRect().width});
}

// Line pitch within paragraphs. Every text rect (and each inline formula's own inline box, whose
// content area sits where its text would) is assigned to a line by its vertical centre; a line's
// position is the top of its text in the paragraph's own font (same size, on the baseline), so
// lines holding only smaller text or only a formula are counted but not measured.
out.lineSpread = [];
for (const p of document.querySelectorAll('main p, main li, .body p, .body li')) {
  if (!visible(p)) continue;
  const fs = getComputedStyle(p).fontSize;
  const lh = parseFloat(getComputedStyle(p).lineHeight) || parseFloat(fs) * 1.2;
  const rects = [];   // {centre, top, own}
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.textContent.trim()) continue;
    const parent = node.parentElement;
    if (parent.closest('.math, sup, sub, .mathml, math') || parent.closest('li') !== p.closest('li')) continue;
    const cs = getComputedStyle(parent);
    const own = cs.fontSize === fs && cs.verticalAlign === 'baseline' && !parent.closest('code');
    const r = document.createRange();
    r.selectNodeContents(node);
    for (const rect of r.getClientRects()) if (rect.width > 0) rects.push({centre: (rect.top + rect.bottom) / 2, top: rect.top, own: own});
  }
  for (const m of p.querySelectorAll('span.math:not(.display)')) {
    if (m.closest('li') !== p.closest('li') || getComputedStyle(m).fontSize !== fs) continue;
    for (const rect of m.getClientRects()) if (rect.width > 0) rects.push({centre: (rect.top + rect.bottom) / 2, top: rect.top, own: true});
  }
  rects.sort((a, b) => a.centre - b.centre);
  const lines = [];   // {centre, top (own text) or null}
  for (const r of rects) {
    const last = lines[lines.length - 1];
    if (last && r.centre - last.centre < lh / 3) {
      if (r.own) last.top = last.top === null ? r.top : Math.min(last.top, r.top);
    } else {
      lines.push({centre: r.centre, top: r.own ? r.top : null});
    }
  }
  const known = lines.map((l, i) => [i, l.top]).filter(x => x[1] !== null);
  if (known.length < 3) continue;
  const pitches = known.slice(1).map((x, k) => (x[1] - known[k][1]) / (x[0] - known[k][0]));
  const hasMath = p.querySelector('.math') !== null;
  out.lineSpread.push({spread: Math.max(...pitches) - Math.min(...pitches), lines: lines.length, hasMath: hasMath,
                       pitch: Math.min(...pitches), text: p.textContent.slice(0, 60)});
}

// A formula and the punctuation after it on different lines.
out.partedPunctuation = [];
for (const m of document.querySelectorAll('span.math:not(.display)')) {
  let next = m.nextSibling;
  if (!next && m.parentElement.classList.contains('nobreak')) next = m.parentElement.nextSibling;
  if (!next) {
    // Inside a nobreak span the punctuation is its next text node.
  }
  if (!next || next.nodeType !== Node.TEXT_NODE || !/^[,.;:!?)\]]/.test(next.textContent)) continue;
  const r = document.createRange();
  r.setStart(next, 0); r.setEnd(next, 1);
  // Against the formula's last piece (a long formula may itself break across lines).
  const pieces = m.querySelectorAll(':scope > svg, :scope > code');
  const last = pieces.length ? pieces[pieces.length - 1] : m;
  const pr = r.getBoundingClientRect(), mr = last.getBoundingClientRect();
  // On another line: starts left of the formula's end, below its baseline region.
  if (pr.width > 0 && pr.left < mr.right - 1 && pr.top > mr.bottom - 2) out.partedPunctuation.push(next.textContent.slice(0, 20));
}

// Contrast of every text-holding element against its effective background.
function parse(c) {
  let m = c.match(/rgba?\(([^)]+)\)/);
  if (m) { const v = m[1].split(/[ ,/]+/).filter(s => s).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; }
  m = c.match(/color\(srgb ([^)]+)\)/);
  if (m) { const v = m[1].split(/[ /]+/).filter(s => s).map(Number); return [v[0] * 255, v[1] * 255, v[2] * 255, v.length > 3 ? v[3] : 1]; }
  return null;
}
function over(top, bottom) {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];   // the canvas, if nothing paints
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
out.contrast = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('svg, math, .mathml')) continue;
  const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  if (!own || !visible(el)) continue;
  const cs = getComputedStyle(el);
  const bg = background(el);
  const fg = over(parse(cs.color), bg);
  const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  out.contrast.push({r: ratio(fg, bg), need: large ? 3 : 4.5, what: el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''),
                     text: el.textContent.trim().slice(0, 40)});
}
// Figure text: each glyph run's fill against its figure's own background (the SVG's first painted path).
for (const fig of document.querySelectorAll('.figure-art svg')) {
  if (!visible(fig)) continue;
  const first = fig.querySelector(':scope > path');
  const bg = first ? parse(getComputedStyle(first).fill) : null;
  if (!bg) continue;
  for (const g of fig.querySelectorAll('g')) {
    if (!g.querySelector(':scope > use')) continue;
    const fill = parse(getComputedStyle(g).fill);
    if (!fill) continue;
    // Figure labels are 0.85-1.2 x the figure's base size; treat them as normal text (4.5 : 1).
    out.contrast.push({r: ratio(over(fill, bg), bg), need: 4.5, what: 'figure text', text: fig.closest('figure').id});
  }
}
return JSON.stringify(out);
"""


def driver():
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--hide-scrollbars")
    service = Service("/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def set_view(d, width, scheme):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": 844 if width < 600 else 900, "deviceScaleFactor": 1, "mobile": width < 600})
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def screenshots(d, page, shots, tag):
    base = os.path.join(shots, os.path.splitext(os.path.relpath(page, start=os.path.dirname(os.path.dirname(page))))[0].replace("/", "_"))
    targets = [("top", "body")]
    for name, sel in [("figure", "figure"), ("equation", ".equation"), ("table", "table"), ("callout", "aside.callout")]:
        targets.append((name, sel))
    for name, sel in targets:
        found = d.execute_script("""
            const els = [...document.querySelectorAll(arguments[0])];
            // The widest of its kind: the one most likely to overflow.
            let best = null, w = -1;
            for (const e of els) { const x = e.scrollWidth; if (x > w) { w = x; best = e; } }
            if (!best) return false;
            if (arguments[0] === 'body') window.scrollTo(0, 0); else best.scrollIntoView({block: 'start'});
            return true;""", sel)
        if found:
            d.save_screenshot("%s-%s-%s.png" % (base, tag, name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", help="the build's output folder")
    ap.add_argument("--shots", help="folder for screenshots")
    ap.add_argument("--json", help="write every measurement to this JSON file")
    ap.add_argument("--only", help="measure only pages whose path contains this")
    args = ap.parse_args()
    pages = sorted(glob.glob(os.path.join(args.out, "handouts", "*.html"))) + sorted(glob.glob(os.path.join(args.out, "slides", "*.html"))) \
        + [os.path.join(args.out, "index.html")]
    if args.only:
        pages = [p for p in pages if args.only in p]
    upem = units_per_em_by_hash()
    if args.shots:
        os.makedirs(args.shots, exist_ok=True)
    d = driver()
    summary = {"sidewaysScroll": 0, "unscrolledOverflow": 0, "smallestFigureTextPx": {}, "lineSpreadPx": 0.0,
               "lineSpreadWithMathPx": 0.0, "partedPunctuation": 0, "contrastMin": {}, "contrastFailures": []}
    everything = {}
    try:
        for page in pages:
            for width in WIDTHS:
                for scheme in SCHEMES:
                    set_view(d, width, scheme)
                    d.get("file://" + os.path.abspath(page))
                    m = json.loads(d.execute_script(MEASURE_JS, upem))
                    key = "%s@%d/%s" % (os.path.relpath(page, args.out), width, scheme)
                    everything[key] = m
                    summary["sidewaysScroll"] = max(summary["sidewaysScroll"], m["sidewaysScroll"])
                    if m["sidewaysScroll"] > 0:
                        print("sideways scroll %d px: %s" % (m["sidewaysScroll"], key))
                    for o in m["overflowing"]:
                        if not o["scrolls"]:
                            summary["unscrolledOverflow"] += 1
                            print("overflow without scrolling (%s, %d px): %s" % (o["what"], o["extra"], key))
                    texts = [f["px"] for f in m["figureText"] if f["px"] != None and f["px"] < 1e9]
                    if texts:
                        w = summary["smallestFigureTextPx"]
                        w[width] = min(w.get(width, 1e9), min(texts))
                    for s in m["lineSpread"]:
                        summary["lineSpreadPx"] = max(summary["lineSpreadPx"], s["spread"])
                        if s["hasMath"]:
                            summary["lineSpreadWithMathPx"] = max(summary["lineSpreadWithMathPx"], s["spread"])
                        if s["spread"] > 0.5:
                            print("uneven lines (%.2f px over %d lines): %s: %s" % (s["spread"], s["lines"], key, s["text"]))
                    summary["partedPunctuation"] += len(m["partedPunctuation"])
                    for p in m["partedPunctuation"]:
                        print("punctuation parted from its formula: %s: %r" % (key, p))
                    if m["contrast"]:
                        low = min(c["r"] for c in m["contrast"])
                        summary["contrastMin"][scheme] = min(summary["contrastMin"].get(scheme, 99), low)
                    for c in m["contrast"]:
                        if c["r"] + 1e-9 < c["need"]:
                            summary["contrastFailures"].append("%s: %s %.2f < %.1f (%s)" % (key, c["what"], c["r"], c["need"], c["text"]))
                    if args.shots and (page.endswith("index.html") or "slides" in page or "02-" in page or "03-" in page):
                        screenshots(d, page, args.shots, "%d-%s" % (width, scheme))
    finally:
        d.quit()
    for f in sorted(set(summary["contrastFailures"])):
        print("contrast:", f)
    summary["contrastFailures"] = len(set(summary["contrastFailures"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(everything, f, indent=1)
    print(json.dumps(summary, indent=1))
    bad = summary["sidewaysScroll"] > 0 or summary["unscrolledOverflow"] > 0 or summary["lineSpreadPx"] > 0.5 \
        or summary["partedPunctuation"] > 0 or summary["contrastFailures"] > 0 \
        or summary["smallestFigureTextPx"].get(390, 99) < 9
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
