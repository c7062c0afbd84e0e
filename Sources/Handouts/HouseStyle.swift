import CairoRender
import Expressions
import Foundation
import TextShaping
import MathTypesetting
import PlotGrammar

/// A house style (issue 10 §4): the fonts, colours, logo and running text of a course's handouts,
/// slides and their figures, from a YAML file (`style:` in the front matter, `--style` for a whole
/// build). PDF pages, slides, HTML pages and figure labels all read it from here, so one file gives
/// a university's look everywhere. Every key is optional: what a file leaves out keeps `default`,
/// which is the look infoplot has always had (`infoplot style --print default` writes it).
public struct HouseStyle: Sendable, Equatable {
    public struct FontSet: Sendable, Equatable {
        /// Handout body text.
        public var text: String
        /// Formulas: an OpenType math font family, or a font file (a path with a slash).
        public var math: String
        /// Figure labels and the placeholders of figures not yet in the catalogue: by default the
        /// math font's companion text face, so a label's prose matches its `$…$` (issue 14).
        public var sans: String
        /// Code.
        public var mono: String
        /// Slide text: slides are read from across a room, so a sans face by default.
        public var slides: String
    }
    public var fonts: FontSet
    /// Headings, titles and cross-references on PDF pages and light slides.
    public var accent: PageColor
    /// Links on web pages (the light scheme).
    public var link: PageColor
    /// The same two on dark slides and in the web page's dark scheme.
    public var darkAccent: PageColor
    public var darkLink: PageColor
    /// Each callout kind's hue: its label, its left rule and (tinted) its box, in PDF and HTML alike
    /// (dark grounds take it halfway to white, `PagePalette.callout`).
    public var callouts: [CalloutKind: PageColor]
    /// Drawn on the first page's title block and the title slide.
    public var logo: StyleLogo?
    /// The logo on dark grounds (dark slides, the web page's dark scheme), when it has a version
    /// for them; else `logo` is drawn there too.
    public var darkLogo: StyleLogo?
    /// Running text of the paged handout: parts joined by "  ·  ", a part left out when a field it
    /// names is missing. The header is on every page but the first, the footer on every page.
    public var header: [String]
    public var footer: [String]
    /// The left end of a deck's footer (the sections and the slide number follow it); `{page}` and
    /// `{pages}` count slides.
    public var slideFooter: [String]

    /// The fields running text may name.
    public static let fields = ["course", "lecture", "title", "author", "date", "page", "pages"]

    /// infoplot's own look; the one declaration of its fonts and colours. The callout hues are each
    /// dark enough that the label on its own tinted box keeps WCAG 2.x AA contrast (4.5 : 1 for
    /// normal text, SC 1.4.3) on the PDF's white and the web page's paper ground; the dark schemes'
    /// halfway-to-white keeps it too (CalloutColourTests checks every pair).
    public static let `default` = HouseStyle(
        fonts: FontSet(text: "TeX Gyre Pagella", math: MathFont.handoutFamily,
                       sans: labelFace(sans: nil, math: MathFont.handoutFamily, inherited: "TeX Gyre Pagella"), mono: "DejaVu Sans Mono",
                       slides: "TeX Gyre Heros"),
        accent: PageColor(hex: 0x1F4E79), link: PageColor(hex: 0x1F5FA8),
        darkAccent: PageColor(hex: 0x8FB8E8), darkLink: PageColor(hex: 0x8CB8EE),
        callouts: [.note: PageColor(hex: 0x2E6CB3), .tip: PageColor(hex: 0x28784B), .warning: PageColor(hex: 0x995C00),
                   .definition: PageColor(hex: 0x6A4C9C), .keyIdea: PageColor(hex: 0x007580),
                   .misconception: PageColor(hex: 0xB3363B), .example: PageColor(hex: 0x52677A),
                   .exercise: PageColor(hex: 0x8A5A19), .solution: PageColor(hex: 0x4C7538)],
        logo: nil, darkLogo: nil, header: ["{course}", "Lecture {lecture}", "{title}"], footer: ["{page}"],
        slideFooter: ["{title}"])

    /// The hue of a callout kind (every kind has one: a style file can only replace them).
    public func callout(_ kind: CalloutKind) -> PageColor { callouts[kind] ?? HouseStyle.default.callouts[kind]! }

    /// The logo for a light or a dark ground.
    public func logo(dark: Bool) -> StyleLogo? { dark ? darkLogo ?? logo : logo }

    /// The names `infoplot style --print` knows.
    public static let builtInNames = ["default"]
}

/// A logo image, decoded once when the style is read: the pixels for PDF pages and slides, the
/// file's bytes for web pages (a data URL, so pages stay self-contained).
public struct StyleLogo: Sendable, Equatable {
    /// As the style file writes it (relative to the style file), and as found from here.
    public var name: String
    public var path: String
    public var image: DecodedPNG
    public var png: Data
}

extension HouseStyle {
    static let keys = ["fonts", "colors", "logo", "logo_dark", "header", "footer", "slide_footer"]
    static let fontKeys = ["text", "math", "sans", "mono", "slides"]
    static let colorKeys = ["accent", "link", "dark", "callouts"]

    /// Reads a style file; `--style` and `style:` paths are relative to the working directory and
    /// the template's folder, a logo's to the style file's own folder.
    public static func load(path: String) throws -> HouseStyle {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HandoutBuildError("\(path): error: cannot read the style file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HandoutBuildError("\(path): error: the style file is not UTF-8 text")
        }
        return try read(yaml: text, file: path)
    }

    /// A style file's text; errors name the file, line and column, and the closest known key.
    public static func read(yaml: String, file: String) throws -> HouseStyle {
        var style = HouseStyle.default
        guard let root = try parseYAML(yaml, file: file) else { return style }
        let reader = SpecReader(file: file)
        try reader.allow(root, keys, what: "the style")
        func color(_ node: YAMLNode, _ what: String) throws -> PageColor {
            let text = try reader.string(node, what)
            guard text.count == 7, text.hasPrefix("#"), let hex = UInt32(text.dropFirst(), radix: 16) else {
                throw reader.error(node, "\(what) must be a colour \"#RRGGBB\" (in quotes: YAML reads # as a comment), got '\(node.text)'")
            }
            return PageColor(hex: hex)
        }
        if let fonts = root["fonts"] {
            try reader.allow(fonts, fontKeys, what: "fonts")
            for e in fonts.entries ?? [] {
                let name = try reader.string(e.value, "font '\(e.key)'")
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw reader.error(e.value, "font '\(e.key)' is empty") }
                // Every face must be installed (and a math font carry a MATH table): neither shaper
                // substitutes another family.
                if e.key == "math" {
                    if !MathFont.isUsable(name) { throw reader.error(e.value, "font 'math': " + MathFont.notUsableProblem(name)) }
                } else if !FontLibrary.isInstalled(name) {
                    throw reader.error(e.value, "font '\(e.key)': " + FontNotInstalledError.problem(name))
                }
                switch e.key {
                case "text": style.fonts.text = name
                case "math": style.fonts.math = name
                case "sans": style.fonts.sans = name
                case "mono": style.fonts.mono = name
                default: style.fonts.slides = name
                }
            }
            // A math font named without `sans` brings its companion text face for figure labels.
            if fonts["sans"] == nil, fonts["math"] != nil {
                style.fonts.sans = labelFace(sans: nil, math: style.fonts.math, inherited: style.fonts.sans)
            }
        }
        if let colors = root["colors"] {
            try reader.allow(colors, colorKeys, what: "colors")
            if let n = colors["accent"] { style.accent = try color(n, "accent") }
            if let n = colors["link"] { style.link = try color(n, "link") }
            if let dark = colors["dark"] {
                try reader.allow(dark, ["accent", "link"], what: "dark colors")
                if let n = dark["accent"] { style.darkAccent = try color(n, "dark accent") }
                if let n = dark["link"] { style.darkLink = try color(n, "dark link") }
            }
            if let callouts = colors["callouts"] {
                let kinds = CalloutKind.allCases.map(\.rawValue)
                try reader.allow(callouts, kinds, what: "callouts")
                for e in callouts.entries ?? [] {
                    style.callouts[CalloutKind(rawValue: e.key)!] = try color(e.value, "callout '\(e.key)'")
                }
            }
        }
        if let n = root["logo"] { style.logo = try logo(n, "logo", file: file, reader) }
        if let n = root["logo_dark"] { style.darkLogo = try logo(n, "logo_dark", file: file, reader) }
        if let n = root["header"] { style.header = try runningText(n, "header", reader) }
        if let n = root["footer"] { style.footer = try runningText(n, "footer", reader) }
        if let n = root["slide_footer"] { style.slideFooter = try runningText(n, "slide footer", reader) }
        return style
    }

    private static func isNull(_ n: YAMLNode) -> Bool { if case .null = n.kind { true } else { false } }

    /// A logo file (relative to the style file), decoded now so a bad one is an error at its key; `none`: no logo.
    private static func logo(_ n: YAMLNode, _ what: String, file: String, _ reader: SpecReader) throws -> StyleLogo? {
        guard n.string != "none", !isNull(n) else { return nil }
        let name = try reader.string(n, what)
        let folder = (file as NSString).deletingLastPathComponent
        let path = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        guard let png = FileManager.default.contents(atPath: path) else {
            throw reader.error(n, "cannot read the \(what) '\(name)' (looked for \(path))")
        }
        do {
            return StyleLogo(name: name, path: path, image: try decodePNG(png), png: png)
        } catch {
            throw reader.error(n, "the \(what) '\(name)' is not a PNG image infoplot can read (\(error)); logos are PNG files")
        }
    }

    /// A header or footer: a list of parts (or one text), each field in it known.
    private static func runningText(_ node: YAMLNode, _ what: String, _ reader: SpecReader) throws -> [String] {
        if isNull(node) { return [] }
        let items = node.list ?? [node]
        return try items.map { item in
            let text = try reader.string(item, "a \(what) part")
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else {
                    throw reader.error(item, "\(what): '{' without its '}' in '\(text)'")
                }
                let name = String(rest[rest.index(after: open)..<close])
                if !fields.contains(name) {
                    // The field's own column when the text sits on one line (a quoted scalar starts one later).
                    var at = item.position
                    if !text.contains("\n") { at.column += text.distance(from: text.startIndex, to: open) + (item.isQuoted ? 1 : 0) }
                    throw reader.error(at: at, "unknown field '{\(name)}' in the \(what)\(suggestion(for: name, in: fields)); "
                                       + "expected one of: " + fields.map { "{\($0)}" }.joined(separator: ", "))
                }
                rest = rest[rest.index(after: close)...]
            }
            return text
        }
    }

    /// The style as a file that reads back to the same style, with a comment on every key.
    public var yaml: String {
        func hex(_ c: PageColor) -> String { "\"" + cssHex(c).uppercased() + "\"" }
        func list(_ parts: [String]) -> String { "[" + parts.map { yamlQuoted($0) }.joined(separator: ", ") + "]" }
        let width = CalloutKind.allCases.map(\.rawValue.count).max() ?? 0
        let callouts = CalloutKind.allCases.map {
            "    \($0.rawValue):" + String(repeating: " ", count: width - $0.rawValue.count + 1) + hex(callout($0))
        }.joined(separator: "\n")
        // Comments start in one column, so the file reads as a table.
        func line(_ code: String, _ comment: String) -> String {
            code + String(repeating: " ", count: max(1, 44 - code.count)) + "# " + comment
        }
        return [
            "# infoplot house style: fonts, colours, logo and running text of handouts, slides and their",
            "# figures. Use it with `style: FILE` in a template's front matter or `--style FILE` for a",
            "# whole build. Every key is optional; what a file leaves out keeps infoplot's own look.",
            "fonts:",
            line("  text: \(yamlQuoted(fonts.text))", "handout body text"),
            line("  math: \(yamlQuoted(fonts.math))", "formulas: an OpenType math font, or a font file"),
            line("  sans: \(yamlQuoted(fonts.sans))", "figure labels; left out, the math font's companion text face"),
            line("  mono: \(yamlQuoted(fonts.mono))", "code"),
            line("  slides: \(yamlQuoted(fonts.slides))", "slide text"),
            "colors:",
            line("  accent: \(hex(accent))", "headings, titles and cross-references on pages and slides"),
            line("  link: \(hex(link))", "links on web pages"),
            line("  dark: {accent: \(hex(darkAccent)), link: \(hex(darkLink))}", "the same on dark slides and dark web pages"),
            line("  callouts:", "each kind's label, rule and tinted box, in PDF and HTML alike"),
            callouts,
            line("logo: \(logo.map { yamlQuoted($0.name) } ?? "none")", "a PNG (relative to this file): title block, title slide"),
            line("logo_dark: \(darkLogo.map { yamlQuoted($0.name) } ?? "none")", "the logo on dark slides and dark web pages (none: logo)"),
            "# Running text of handout pages: parts joined by \" · \", a part left out when a field it names",
            "# is missing. Fields: \(HouseStyle.fields.map { "{\($0)}" }.joined(separator: " ")).",
            line("header: \(list(header))", "every page but the first"),
            line("footer: \(list(footer))", "every page, centred"),
            line("slide_footer: \(list(slideFooter))", "a deck's footer, left of its sections and number"),
        ].joined(separator: "\n") + "\n"
    }
}

/// A YAML scalar in double quotes when plain text would not read back as the same string.
func yamlQuoted(_ s: String) -> String {
    let plain = !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || " -_.".contains($0) }
        && s.first?.isLetter == true && s.last != " " && !["true", "false", "null", "yes", "no", "on", "off", "none"].contains(s.lowercased())
    guard !plain else { return s }
    return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

extension HouseStyle {
    /// A header or footer with the document's fields filled in: empty when no part has all its fields.
    func running(_ parts: [String], meta: DocumentMeta, page: Int, pages: Int) -> String {
        let values: [String: String?] = ["course": meta.course, "lecture": meta.lecture.map { "\($0)" },
                                         "title": meta.title.plainText, "author": meta.author, "date": meta.date,
                                         "page": "\(page)", "pages": "\(pages)"]
        return parts.compactMap { part -> String? in
            var out = ""
            var rest = Substring(part)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                guard let value = values[String(rest[rest.index(after: open)..<close])] ?? nil else { return nil }
                out += value
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }.filter { !$0.isEmpty }.joined(separator: "  ·  ")
    }
}
