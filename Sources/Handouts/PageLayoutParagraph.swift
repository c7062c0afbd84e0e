import Foundation
import MathTypesetting
import func FigureModel.typographicMinus

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

/// Supplies sizes; the real one uses the text shaper (HarfBuzz) and the math typesetter, tests use fixed widths.
public protocol LayoutMeasurer {
    /// Width of `text` in points at the body size (styles may differ in width).
    func textWidth(_ text: String, style: TextStyle, size: Double) -> Double
    func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics
    /// Height of a catalogue figure drawn `width` points wide (its size preset decides the ratio).
    func figureHeight(_ figure: Figure, width: Double) throws -> Double
    /// Character offsets after which a hyphen may break `word` (letters only), from the
    /// document language's patterns.
    func hyphenationPoints(_ word: String) -> [Int]
    /// Where an inline formula may break across lines (TeX's breaks after Rel and Bin atoms).
    func mathBreaks(tex: String, size: Double) throws -> [InlineMathBreak]
}

extension LayoutMeasurer {
    /// No patterns: words break only at their own hyphens.
    public func hyphenationPoints(_ word: String) -> [Int] { [] }
    /// Formulas do not break.
    public func mathBreaks(tex: String, size: Double) throws -> [InlineMathBreak] { [] }
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
    /// A word space follows (on the line, or the line ends at one): drawn as a space glyph, so the
    /// PDF's text has the word boundary.
    public var spaceAfter = false
}

public struct TypesetLine: Sendable, Equatable {
    public var fragments: [PlacedFragment]
    /// Distance from the line's top to its baseline, and below the baseline.
    public var ascent: Double
    public var descent: Double
    /// Width of this line's interword spaces over their natural width (1 on a line set at
    /// natural spacing or with no spaces): the measure of a loose or tight line.
    public var spaceFactor: Double = 1
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
    var parameters = LineBreakParameters()

    /// Space glue after TeX's Computer Modern: stretch 1/2 and shrink 1/3 of the space.
    func spaceGlue() -> LineItem {
        let w = measurer.textWidth(" ", style: .regular, size: size)
        return .glue(width: w, stretch: w / 2, shrink: w / 3)
    }

    /// Where a word may break: after its own hyphens and dashes (a compound breaks only there, as
    /// in TeX), else at the patterns' points of its letters, leading and trailing punctuation
    /// aside. Capitalised inner letters (acronyms, "KL", "McMillan") are left whole.
    func discretionaryBreaks(in w: String) -> [(offset: Int, explicit: Bool)] {
        let chars = Array(w)
        let dashes: Set<Character> = ["-", "\u{2013}", "\u{2014}"]
        if chars.contains(where: dashes.contains) {
            return chars.indices.dropLast().filter { i in
                dashes.contains(chars[i]) && i > 0 && chars[i - 1].isLetter && chars[i + 1].isLetter
            }.map { ($0 + 1, true) }
        }
        guard let first = chars.firstIndex(where: \.isLetter), let last = chars.lastIndex(where: \.isLetter) else { return [] }
        let core = chars[first...last]
        guard core.allSatisfy(\.isLetter), !core.dropFirst().contains(where: \.isUppercase) else { return [] }
        return measurer.hyphenationPoints(String(core)).map { (first + $0, false) }
    }

    func items(for inlines: [Inline], hyphenate: Bool = true) throws -> (items: [LineItem], contents: [LineContent?]) {
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
            defer { lastWasSpace = false }
            // A relation written in text after a formula ("$H(p)$ = 1.49 bits") must not start a
            // line: the space before it becomes unbreakable, as TeX's ~ would make it.
            if let first = w.first, "=≈<>≤≥≠".contains(first), case .glue? = items.last {
                items.insert(.penalty(width: 0, cost: .infinity, flagged: false), at: items.count - 1)
                contents.insert(nil, at: contents.count - 1)
            }
            let runSize = style == .superscript ? size * 0.7 : size
            let breaks = hyphenate && style != .code && style != .superscript && link == nil ? discretionaryBreaks(in: w) : []
            // Each piece's box is the growth of the measured prefix, so the pieces add up to the
            // whole word's width (kerning and ligatures included) and the line is drawn as one word.
            let chars = Array(w)
            var start = 0, before = 0.0
            for point in breaks {
                let prefix = String(chars[..<point.offset])
                let upTo = measurer.textWidth(prefix, style: style, size: runSize)
                items.append(.box(width: upTo - before))
                contents.append(.word(String(chars[start..<point.offset]), style, link: link))
                let hyphen = point.explicit ? 0 : measurer.textWidth(prefix + "-", style: style, size: runSize) - upTo
                items.append(.penalty(width: hyphen, cost: point.explicit ? parameters.exHyphenPenalty : parameters.hyphenPenalty,
                                      flagged: true))
                contents.append(nil)
                start = point.offset
                before = upTo
            }
            items.append(.box(width: measurer.textWidth(w, style: style, size: runSize) - before))
            contents.append(.word(String(chars[start...]), style, link: link))
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
                    let breaks = try measured(file, m.position, "bad TeX") { try measurer.mathBreaks(tex: m.tex, size: size) }
                    let chars = Array(m.tex)
                    var start = 0
                    for b in breaks.map(Optional.some) + [nil] {
                        let end = b?.offset ?? chars.count
                        // A part before a break ends in an empty Ord, so its operator keeps its class
                        // (rule 5 would make a final Bin an Ord) and the space after it, which then
                        // becomes the glue a break discards.
                        let part = breaks.isEmpty ? m : InlineMath(tex: String(chars[start..<end]) + (b == nil ? "" : "{}"),
                                                                   position: m.position)
                        var metrics = try measured(file, m.position, "bad TeX") {
                            try measurer.math(tex: part.tex, display: false, size: size)
                        }
                        if let b { metrics.width -= b.space }
                        items.append(.box(width: metrics.width))
                        contents.append(.math(part, metrics))
                        if let b {
                            items += [.penalty(width: 0, cost: b.penalty, flagged: false),
                                      .glue(width: b.space, stretch: 0, shrink: 0)]
                            contents += [nil, nil]
                        }
                        start = end
                    }
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
        // Display type set ragged has no need to break words.
        let (items, contents) = try items(for: inlines, hyphenate: !ragged)
        let space = spaceGlue()
        let lines = LineBreaker.breakLines(items, width: width, parameters: parameters).map { line in
            var l = line
            if ragged { l.ratio = min(l.ratio, 0) }
            return l
        }
        return lines.map { line in
            var x = 0.0
            var fragments: [PlacedFragment] = []
            var ascent = leading * 0.78, descent = leading * 0.22
            var afterGlue = true
            var spaces = false
            for i in line.items {
                switch items[i] {
                case .box(let w):
                    defer { afterGlue = false }
                    // Pieces of one hyphenatable word come back together as one drawn word.
                    if !afterGlue, let content = contents[i], case .word(let text, let style, let link) = content,
                       let previous = fragments.last, case .word(let head, style, link) = previous.content {
                        fragments[fragments.count - 1].content = .word(head + text, style, link: link)
                        fragments[fragments.count - 1].width += w
                        x += w
                        continue
                    }
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
                    afterGlue = true
                    if items[i] == space {
                        spaces = true
                        if !fragments.isEmpty { fragments[fragments.count - 1].spaceAfter = true }
                    }
                case .penalty: break
                }
            }
            // A line that ends at a word space keeps it (the next line's first word is a new word).
            if line.breakIndex < items.count, items[line.breakIndex] == space, !fragments.isEmpty {
                fragments[fragments.count - 1].spaceAfter = true
            }
            // A line broken at a hyphen shows it (the penalty's width is the hyphen's), as a soft
            // hyphen: the shaper draws U+00AD at a word's end as the hyphen, and tagged PDF reads
            // the word whole (see `ShapingFont.shape`).
            if case .penalty(let w, _, true) = items[line.breakIndex], w > 0, let last = fragments.last,
               case .word(let text, let style, let link) = last.content {
                fragments[fragments.count - 1].content = .word(text + "\u{00AD}", style, link: link)
                fragments[fragments.count - 1].width += w
            }
            var typeset = TypesetLine(fragments: fragments, ascent: ascent, descent: descent)
            if spaces, case .glue(let w, let y, let z) = space, w > 0 {
                typeset.spaceFactor = 1 + (line.ratio >= 0 ? line.ratio * y : line.ratio * z) / w
            }
            return typeset
        }
    }
}
