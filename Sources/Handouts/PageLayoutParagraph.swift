import Foundation

/// Turns a run of inlines into Knuth–Plass items over measured words, and sets the broken lines.
/// Measuring goes through `LayoutMeasurer`, so this stays a pure function of its inputs.

public enum TextStyle: String, Sendable, Hashable {
    case regular, italic, bold, boldItalic, code, superscript
}

public struct BoxMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
}

/// Supplies sizes; the real one uses Pango and the math typesetter, tests use fixed widths.
public protocol LayoutMeasurer {
    /// Width of `text` in points at the body size (styles may differ in width).
    func textWidth(_ text: String, style: TextStyle, size: Double) -> Double
    func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics
    /// Height of a catalogue figure drawn `width` points wide (its size preset decides the ratio).
    func figureHeight(_ figure: Figure, width: Double) throws -> Double
}

/// What a box on a line shows.
public enum LineContent: Sendable, Equatable {
    case word(String, TextStyle, link: String?)
    case math(InlineMath, BoxMetrics)
}

public struct PlacedFragment: Sendable, Equatable {
    public var content: LineContent
    /// Offset from the line's left edge, after justification.
    public var x: Double
    public var width: Double
}

public struct TypesetLine: Sendable, Equatable {
    public var fragments: [PlacedFragment]
    /// Distance from the line's top to its baseline, and below the baseline.
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }
}

/// Measurer failures (bad TeX, a figure that cannot be drawn) become template errors at the
/// formula's or figure's position, like every other problem in a template.
func measured<T>(_ file: String, _ position: SourcePosition, _ what: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as TemplateError {
        throw e
    } catch {
        throw TemplateError(file: file, at: position, "\(what): \(error)")
    }
}

struct ParagraphSetter {
    var file: String = ""
    var measurer: any LayoutMeasurer
    var size: Double
    var leading: Double

    /// Space glue after TeX's Computer Modern: stretch 1/2 and shrink 1/3 of the space.
    func spaceGlue() -> LineItem {
        let w = measurer.textWidth(" ", style: .regular, size: size)
        return .glue(width: w, stretch: w / 2, shrink: w / 3)
    }

    func items(for inlines: [Inline]) throws -> (items: [LineItem], contents: [LineContent?]) {
        var items: [LineItem] = []
        var contents: [LineContent?] = []
        var lastWasSpace = true
        func space() {
            guard !lastWasSpace else { return }
            items.append(spaceGlue())
            contents.append(nil)
            lastWasSpace = true
        }
        func word(_ w: String, _ style: TextStyle, _ link: String?) {
            guard !w.isEmpty else { return }
            // A relation written in text after a formula ("$H(p)$ = 1.49 bits") must not start a
            // line: the space before it becomes unbreakable, as TeX's ~ would make it.
            if let first = w.first, "=≈<>≤≥≠".contains(first), case .glue? = items.last {
                items.insert(.penalty(width: 0, cost: .infinity, flagged: false), at: items.count - 1)
                contents.insert(nil, at: contents.count - 1)
            }
            items.append(.box(width: measurer.textWidth(w, style: style, size: style == .superscript ? size * 0.7 : size)))
            contents.append(.word(w, style, link: link))
            lastWasSpace = false
        }
        func text(_ s: String, _ style: TextStyle, _ link: String?) {
            var current = ""
            for c in s {
                if c == " " || c == "\n" || c == "\t" {
                    word(current, style, link)
                    current = ""
                    space()
                } else {
                    current.append(c)
                }
            }
            word(current, style, link)
        }
        func walk(_ inlines: [Inline], _ style: TextStyle, _ link: String?) throws {
            for inline in inlines {
                switch inline {
                // The same true minus as the HTML page (see typographicMinus).
                case .text(let s): text(typographicMinus(s), style, link)
                case .emph(let c): try walk(c, style == .bold ? .boldItalic : .italic, link)
                case .strong(let c): try walk(c, style == .italic ? .boldItalic : .bold, link)
                case .strikethrough(let c): try walk(c, style, link)
                case .code(let s): word(s, .code, link)
                case .link(let url, _, let c): try walk(c, style, url)
                case .math(let m):
                    let metrics = try measured(file, m.position, "bad TeX") { try measurer.math(tex: m.tex, display: false, size: size) }
                    items.append(.box(width: metrics.width))
                    contents.append(.math(m, metrics))
                    lastWasSpace = false
                // A tie, as TeX's `Figure~2`: a reference never breaks across lines.
                case .ref(let r): word(r.text.replacingOccurrences(of: " ", with: "\u{00A0}"), style, "#" + r.target)
                case .footnoteRef(_, let n): word(String(n), .superscript, "#fn-\(n)")
                case .softBreak: space()
                case .lineBreak:
                    items += [.glue(width: 0, stretch: 1e6, shrink: 0), .penalty(width: 0, cost: -.infinity, flagged: false)]
                    contents += [nil, nil]
                    lastWasSpace = true
                }
            }
        }
        try walk(inlines, .regular, nil)
        // Trailing space before the end is dropped: the finishing glue takes its place.
        if case .glue? = items.last { items.removeLast(); contents.removeLast() }
        items += LineBreaker.finishingGlue
        contents += [nil, nil, nil]
        return (items, contents)
    }

    /// `ragged`: lines keep their natural spacing (shrinking only when they must), for display type
    /// such as titles and headings, where justification spreads three big words across the measure.
    func set(_ inlines: [Inline], width: Double, ragged: Bool = false) throws -> [TypesetLine] {
        let (items, contents) = try items(for: inlines)
        let lines = LineBreaker.breakLines(items, width: width).map { line in
            var l = line
            if ragged { l.ratio = min(l.ratio, 0) }
            return l
        }
        return lines.map { line in
            var x = 0.0
            var fragments: [PlacedFragment] = []
            var ascent = leading * 0.78, descent = leading * 0.22
            for i in line.items {
                switch items[i] {
                case .box(let w):
                    if let content = contents[i] {
                        fragments.append(PlacedFragment(content: content, x: x, width: w))
                        if case .math(_, let m) = content {
                            ascent = max(ascent, m.ascent + 1)
                            descent = max(descent, m.descent + 1)
                        }
                    }
                    x += w
                case .glue(let w, let y, let z):
                    x += w + (line.ratio >= 0 ? line.ratio * y : line.ratio * z)
                case .penalty: break
                }
            }
            return TypesetLine(fragments: fragments, ascent: ascent, descent: descent)
        }
    }
}
