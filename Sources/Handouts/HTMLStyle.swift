import CairoRender
import Foundation
import func FigureModel.hexColor

/// Formulas follow the text colour (light and dark) where they carry the formula's own colour, black in
/// the SVG; \\color, \\textcolor and \\colorbox keep theirs (SVG fill attributes, which any CSS rule
/// outranks, so only the default fill is matched). In dark mode an explicit colour has its lightness
/// inverted and its hue kept (invert, then a half turn of hue): navy becomes light blue and stays
/// readable on the dark page, mid-tone red or green barely changes.
let mathColorCSS = """
.math svg [fill="#000000"] { fill: currentColor; }
@media (prefers-color-scheme: dark) {
  .math svg [fill]:not([fill="#000000"]) { filter: invert(1) hue-rotate(180deg); }
}
"""

/// The handout page's horizontal measurements, declared once: the stylesheet is written from them,
/// and the width at which a figure switches to its phone drawing is computed from them.
enum WebPageMetrics {
    /// Body text: 1.125rem of the browsers' 16 px default.
    static let bodyFontPx = 18.0
    /// The column: ~42em for comfortable reading (Bringhurst's 45–75 characters a line).
    static let measureEm = 42.0
    /// The body's padding at each side, and the figure card's inside it, in em of the body text.
    static let sidePaddingEm = 1.0
    static let figurePaddingEm = 0.25
    /// Horizontal space a figure's drawing loses to the page around it, in CSS px.
    static var figureChromePx: Double { 2 * (sidePaddingEm + figurePaddingEm) * bodyFontPx }
    /// Widest drawing the column shows at its own size, in CSS px.
    static var widestFigurePx: Double { measureEm * bodyFontPx - figureChromePx }
    /// A phone's text column (`phoneViewportPx` less the body's side padding), in CSS px.
    static var phoneTextColumnPx: Double { phoneViewportPx - 2 * sidePaddingEm * bodyFontPx }
    /// A CSS px is 0.75 pt (CSS Values 4, §6.2: 1in = 96px = 72pt); SVG widths and heights are in pt.
    static let pointsPerPx = 0.75
    /// The page's figure font size in pt, `figureTextRatio` of the body (16.2 px): figures are laid
    /// out with their axis labels at this size at the width the page shows them (issue 9).
    static var figureLabelPoints: Double { figureTextRatio * bodyFontPx * pointsPerPx }
    /// The phone drawing's width, in CSS px: the phone's column less the figure card's chrome.
    static var phoneFigurePx: Double { phoneViewportPx - figureChromePx }
    /// A phone drawing's height per panel over its width: square, not the page's 4:3, since text at
    /// the body's scale takes a bigger share of a phone's column (legends and annotations need the room).
    static let phoneFigureAspect = 1.0
    /// No figure text below this on screen (issue 13: phone figures showed 4–5 px labels).
    static let minimumFigureTextPx = 9.0
    /// The phone the phone drawings are made legible for (CSS px of viewport; a current iPhone),
    /// which shows them at their own size. Narrower phones scale them down a little (360 px: 0.94).
    static let phoneViewportPx = 390.0
}

extension PagePalette {
    /// The web page's light scheme: warm paper, near-black text; callouts take the PDF's hues and
    /// tint amount on this ground.
    static let webLight = PagePalette(background: PageColor(hex: 0xFDFCF8), text: PageColor(hex: 0x1D1D1F),
                                      muted: PageColor(hex: 0x5B5B66), accent: PageColor(hex: 0x1F5FA8),
                                      rule: PageColor(hex: 0xD9D6CC))
    /// The dark scheme; callout hues are the PDF dark palette's (halfway to white).
    static let webDark = PagePalette(background: PageColor(hex: 0x17181C), text: PageColor(hex: 0xE6E4DE),
                                     muted: PageColor(hex: 0xA3A1A8), accent: PageColor(hex: 0x8CB8EE),
                                     rule: PageColor(hex: 0x3A3B42), tintAmount: PagePalette.dark.tintAmount, dark: true)

    /// The web schemes in a house style: its link colours and callout hues.
    static func web(_ style: HouseStyle) -> (light: PagePalette, dark: PagePalette) {
        (webLight.styled(style, web: true), webDark.styled(style, web: true))
    }

    /// The scheme's custom properties for the stylesheet's `:root`.
    var cssVariables: String {
        "--text: \(cssHex(text)); --muted: \(cssHex(muted)); --bg: \(cssHex(background)); --rule: \(cssHex(rule)); "
            + "--link: \(cssHex(accent));\n  \(calloutCSSVariables)"
    }
}

/// `#rrggbb` of an opaque colour.
func cssHex(_ c: PageColor) -> String { hexColor(c, alpha: false) }

/// The one embedded stylesheet of a handout page. Written for XML parsers too (no `<` or `&`), and
/// for the Nu HTML Checker's CSS level (no color-mix(), color-scheme as a meta element instead).
/// 1.55 leading; colours follow `prefers-color-scheme`. The figures of a light handout follow it too
/// (their SVGs carry both themes), so the card takes the dark figure background in dark mode; a
/// dark or print handout's figures keep their own background, and so does their card (the
/// writer's `figureGround`).
///
/// Anything wider than the column (a display equation, a table, code) scrolls inside its own box,
/// never the page, and shows a shadow at the edge where more is hidden: two shadows fixed to the
/// box (`scroll`) under two covers in the box's own colour that travel with the content (`local`),
/// so a shadow shows only where content continues beyond that edge (no script). The covers reach
/// 1 px past the box's top and bottom (clipped there): a formula's line box a fraction of a pixel
/// taller than its box (36.9 px box, 37 px content) otherwise left the shadows' bottom row showing,
/// a faint edge under equations that do not overflow at all (seen in Chromium, light and dark).
///
/// Captions follow the PDF page's one rule (`captionX`): a caption box as wide as its text, centred,
/// so one line sits centred under its figure or over its table, and a longer caption fills the
/// column as a left-aligned paragraph (`display: table` shrinks the box to its text).
func handoutStylesheet(_ style: HouseStyle = .default, fonts: HandoutFonts? = nil) -> String {
    let m = WebPageMetrics.self
    let fonts = fonts ?? HandoutFonts(Fonts(), style: style)
    let (light, dark) = PagePalette.web(style)
    func em(_ v: Double) -> String { formatNumber(v, digits: 2) + "em" }
    let calloutRules = CalloutKind.allCases.map {
        ".callout-\($0.rawValue) { --accent: var(--\($0.rawValue)); --surface: var(--\($0.rawValue)-tint); }"
    }.joined(separator: "\n")
    return """
    :root {
      \(light.cssVariables)
      --card: #ffffff; --code-bg: #f1efe8; --shade: rgba(0, 0, 0, 0.28);
    }
    @media (prefers-color-scheme: dark) {
      :root {
        \(dark.cssVariables)
        --card: #1e2127; --code-bg: #25262c; --shade: rgba(255, 255, 255, 0.3);
      }
    }
    html { background: var(--bg); color: var(--text); }
    body {
      --surface: var(--bg);
      max-width: \(em(m.measureEm)); margin: 0 auto; padding: 1.5em \(em(m.sidePaddingEm)) 4em;
      font-family: \(cssFontList(fonts.text, fallbacks: textFallbacks));
      font-size: \(formatNumber(m.bodyFontPx / 16, digits: 4))rem; line-height: 1.55; hyphens: auto; text-rendering: optimizeLegibility;
      overflow-wrap: break-word;
    }
    nav.pages, footer.pages { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.3em 1.2em; font-size: 0.9em; margin: 0 0 1.5em; }
    footer.pages { margin: 3em 0 0; border-top: 1px solid var(--rule); padding-top: 1em; }
    .pages a { text-decoration: none; }
    .pages .next { margin-left: auto; text-align: right; }
    header.title-block { margin-bottom: 2em; border-bottom: 1px solid var(--rule); padding-bottom: 1.25em; }
    header.title-block h1 { font-size: 2.1em; line-height: 1.15; margin: 0.2em 0; font-weight: 600; hyphens: manual; }
    .course, .byline { color: var(--muted); font-variant: small-caps; letter-spacing: 0.03em; margin: 0; }
    .subtitle { font-size: 1.25em; font-style: italic; margin: 0.2em 0 0.6em; }
    nav.toc { margin: 0 0 2em; font-size: 0.95em; }
    nav.toc h2 { font-size: 1em; margin: 0 0 0.3em; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
    nav.toc ul { list-style: none; margin: 0; padding-left: 0; }
    nav.toc ul ul { padding-left: 1.6em; }
    nav.toc li { margin: 0.15em 0; }
    nav.toc a { text-decoration: none; }
    h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 0.5em; font-weight: 600; hyphens: manual; }
    h2 { font-size: 1.5em; } h3 { font-size: 1.2em; } h4 { font-size: 1.05em; }
    .secno { color: var(--muted); margin-right: 0.6em; font-variant-numeric: lining-nums; }
    p { margin: 0.7em 0; }
    a { color: var(--link); }
    a.xref { text-decoration: none; }
    .nobreak { white-space: nowrap; } .math-pieces { white-space: normal; }
    code, pre { font-family: \(cssFontList(fonts.mono, fallbacks: monoFallbacks)); font-size: 0.85em; }
    pre { --surface: var(--code-bg); padding: 0.8em 1em; border-radius: 4px; }
    code.math { font-size: 0.9em; color: var(--muted); }
    .math svg { display: inline-block; overflow: visible; }
    .math { position: relative; } .math .mathml { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    \(mathColorCSS)
    .equation { display: flex; align-items: baseline; margin: 1em 0; }
    .equation .math { flex: 1 1 auto; min-width: 0; text-align: center; padding: 0.25em 0; }
    .eqno { flex: none; margin-left: 0.75em; color: var(--muted); }
    .equation .math, .table-scroll, pre {
      overflow-x: auto; overflow-y: hidden;
      background-color: var(--surface);
      background-image: linear-gradient(to right, var(--surface) 40%, transparent), linear-gradient(to left, var(--surface) 40%, transparent),
        linear-gradient(to right, var(--shade) 0%, transparent 100%), linear-gradient(to left, var(--shade) 0%, transparent 100%);
      background-position: left center, right center, left center, right center;
      background-size: 2.5em calc(100% + 2px), 2.5em calc(100% + 2px), 0.9em 100%, 0.9em 100%;
      background-repeat: no-repeat;
      background-attachment: local, local, scroll, scroll;
    }
    figure { margin: 1.6em 0; text-align: center; }
    .figure-art { background: var(--card); border-radius: 6px; padding: \(em(m.figurePaddingEm)); }
    .figure-art svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
    .figure-narrow { display: none; }
    .figure-placeholder { border: 1px dashed var(--rule); padding: 2em 1em; color: var(--muted); font-style: italic; }
    figcaption { font-size: 0.92em; color: var(--muted); text-align: left; display: table; margin: 0.5em auto 0; }
    .figno, .tblno { font-weight: 600; color: var(--text); }
    .table-scroll { margin: 1.4em 0; }
    figure.table { margin: 1.4em 0; text-align: start; }
    figure.table > figcaption { margin: 0 auto 0.4em; }
    figure.table > .table-scroll { margin: 0; }
    table { border-collapse: collapse; margin: 0 auto; min-width: 60%; font-variant-numeric: tabular-nums lining-nums; }
    th, td { padding: 0.3em 0.8em; border-bottom: 1px solid var(--rule); }
    thead th { border-bottom: 2px solid var(--text); }
    aside.callout {
      margin: 1.4em 0; padding: 0.6em 1em; border-left: 4px solid var(--accent); background: var(--surface); border-radius: 0 6px 6px 0;
    }
    aside.callout > p.callout-title { margin-top: 0.2em; font-weight: 600; }
    .callout-kind { color: var(--accent); text-transform: uppercase; font-size: 0.78em; letter-spacing: 0.08em; margin-right: 0.5em; }
    \(calloutRules)
    \(style.logo == nil ? "" : ".logo { float: right; max-height: 3em; max-width: 8em; margin: 0 0 0.5em 1em; }\n")blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
    hr { border: none; border-top: 1px solid var(--rule); margin: 2em 0; }
    section.footnotes { margin-top: 3em; border-top: 1px solid var(--rule); font-size: 0.9em; }
    sup.fnref { line-height: 0; }
    @media print {
      body { max-width: none; font-size: 11pt; } aside.callout { break-inside: avoid; }
      nav.pages, footer.pages, nav.toc { display: none; }
      .figure-art .figure-wide { display: block !important; } .figure-art .figure-narrow { display: none !important; }
    }

    """
}

/// The web page's fallbacks when a style's font is not installed on the reader's machine: the
/// default faces' look-alikes that browsers have, then the generic family.
let textFallbacks = ["Palatino Linotype", "Palatino", "Book Antiqua", "URW Palladio L", "Georgia", "serif"]
let monoFallbacks = ["Menlo", "Consolas", "monospace"]

/// `"Family", Fallback, …, generic` for CSS. A font given as a file (a path) is not a family a
/// browser knows, so the fallbacks stand alone; quotes and backslashes cannot end the CSS string.
func cssFontList(_ family: String, fallbacks: [String]) -> String {
    let generic: Set = ["serif", "sans-serif", "monospace"]
    let named = family.contains("/") ? [] : ["\"" + family.filter { $0 != "\"" && $0 != "\\" } + "\""]
    return (named + fallbacks.map { generic.contains($0) || !$0.contains(" ") ? $0 : "\"\($0)\"" }).joined(separator: ", ")
}

/// The style's logo for a web page's title: the PNG itself as a data URL (pages fetch nothing).
/// Decorative, so screen readers skip it (the course line names the course).
/// With a dark version, a light page switches to it in the reader's dark scheme (a `picture`
/// source, no script); a page that is dark throughout (a dark deck) shows the dark one alone.
func logoHTML(_ style: HouseStyle, dark: Bool = false) -> String {
    func url(_ logo: StyleLogo) -> String { "data:image/png;base64," + logo.png.base64EncodedString() }
    guard let logo = style.logo(dark: dark) else { return "" }
    let img = "<img class=\"logo\" alt=\"\" src=\"\(url(logo))\"/>"
    guard !dark, let darkLogo = style.darkLogo else { return img + "\n" }
    return "<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"\(url(darkLogo))\"/>\(img)</picture>\n"
}

/// The handout page's stylesheet for other pages of a build (the index), so they share its palette.
public func webPageStylesheet(_ style: HouseStyle = .default) -> String { handoutStylesheet(style) }
