#!/usr/bin/python3
"""Opens every SVG infoplot wrote in headless Chromium and checks that it parses and draws.

Not part of `make test` (it needs Chromium; `make test` checks every SVG kind with an XML parser and
rsvg-convert). Run it after `make` (or `infoplot build --out DIR`):

    apt-get install -y chromium chromium-driver python3-selenium python3-pil
    Scripts/svg-in-chromium.py DIR [--shots SHOTDIR]

For each .svg under DIR, in the light and the dark colour scheme (CDP Emulation.setEmulatedMedia):

- the document's root is an <svg> with no <parsererror> (Chromium replaces a file that is not
  well-formed XML with an error page);
- every <use> points at an element that exists and every aria-labelledby id exists;
- the drawing is not blank: its screenshot has more than one colour;
- a file that follows the reader's setting (`--theme auto`: a prefers-color-scheme block) draws
  differently in the two schemes, and its background in the dark scheme is dark (mean luminance
  below a half); every other file draws the same in both.

Prints one line per failure and a summary; exits 1 when anything failed.
"""
import argparse
import io
import json
import os
import pathlib
import sys

from PIL import Image, ImageStat
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

CHECK = r"""
const root = document.documentElement;
const out = {root: root.localName, parseError: document.getElementsByTagName('parsererror').length > 0,
             dangling: [], labelledMissing: []};
for (const u of document.getElementsByTagName('use')) {
  const href = u.getAttribute('href') || u.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
  if (href.startsWith('#') && !document.getElementById(href.slice(1))) out.dangling.push(href);
}
for (const e of document.querySelectorAll('[aria-labelledby]'))
  for (const id of e.getAttribute('aria-labelledby').split(/\s+/))
    if (id && !document.getElementById(id)) out.labelledMissing.push(id);
const box = root.getBoundingClientRect();
out.width = box.width; out.height = box.height;
return JSON.stringify(out);
"""


def driver():
    options = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(a)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def shot(d, scheme):
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return Image.open(io.BytesIO(d.get_screenshot_as_png())).convert("RGB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--shots")
    a = ap.parse_args()
    files = sorted(pathlib.Path(a.dir).rglob("*.svg"))
    if not files:
        print(f"no .svg under {a.dir}"); return 1
    d = driver()
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 900, "height": 700, "deviceScaleFactor": 1, "mobile": False})
    failures = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        follows = "prefers-color-scheme" in text
        d.get(f.resolve().as_uri())
        r = json.loads(d.execute_script(CHECK))
        def fail(why): failures.append(f"{f}: {why}")
        if r["root"] != "svg" or r["parseError"]:
            fail("does not parse as SVG in Chromium"); continue
        if r["dangling"]: fail(f"<use> points at missing ids {sorted(set(r['dangling']))[:5]}")
        if r["labelledMissing"]: fail(f"aria-labelledby names missing ids {r['labelledMissing'][:5]}")
        if r["width"] < 1 or r["height"] < 1: fail(f"draws at {r['width']}x{r['height']} px")
        light, dark = shot(d, "light"), shot(d, "dark")
        if len(light.getcolors(1 << 16) or [None, None]) < 2: fail("blank in the light scheme")
        same = light.tobytes() == dark.tobytes()
        if follows:
            if same: fail("has a prefers-color-scheme block but draws the same in light and dark")
            elif ImageStat.Stat(dark.convert("L").crop((0, 0, max(1, int(min(r["width"], 900))), max(1, int(min(r["height"], 700)))))).mean[0] >= 128:
                fail("is light in the dark scheme")
        elif not same:
            fail("has no prefers-color-scheme block but draws differently in light and dark")
        if a.shots:
            os.makedirs(a.shots, exist_ok=True)
            stem = str(f.relative_to(a.dir)).replace("/", "_")[:-4]
            light.save(os.path.join(a.shots, stem + "-light.png"))
            if follows: dark.save(os.path.join(a.shots, stem + "-dark.png"))
    d.quit()
    for line in failures: print(line)
    print(f"{len(files)} SVG files in Chromium, light and dark: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
