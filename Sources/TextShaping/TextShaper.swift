import Foundation

/// One glyph of a shaped line, in points: its position relative to its run's origin (y down) and
/// the characters it stands for (PDF text extraction, SVG accessibility).
public struct ShapedGlyph: Sendable, Hashable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public var advance: Double
    public var text: String
}

/// Consecutive glyphs of one font, starting `x` points after the line's start on its baseline.
public struct ShapedRun: Sendable, Hashable {
    public var font: ShapingFont
    public var x: Double
    public var width: Double
    public var glyphs: [ShapedGlyph]
    /// The characters of the run.
    public var text: String
}

/// A shaped line of text at one size: its runs (one per font, the chosen face and the faces that
/// supply the characters it lacks), its advance width and logical extents (the tallest run's
/// ascender and descender, as Pango's logical rectangle).
public struct ShapedLine: Sendable, Hashable {
    public var runs: [ShapedRun]
    /// The size in points it was shaped at.
    public var size: Double
    public var width: Double
    public var ascent: Double
    public var descent: Double
}

/// Shapes text in one face with HarfBuzz: the face is resolved once (through fontconfig, by
/// `FontLibrary`), characters it lacks come from fontconfig's fallback fonts, and strings are
/// shaped once in font units and scaled to each size. Safe to share between threads.
public final class TextShaper: @unchecked Sendable {
    public let request: FontRequest
    public let font: ShapingFont
    private let lock = NSLock()
    private var segmentsCache: [String: [(ShapingFont, String)]] = [:]

    /// Throws `FontNotInstalledError` when the family is not installed.
    public init(_ request: FontRequest) throws {
        self.request = request
        font = try FontLibrary.font(request)
    }

    public convenience init(family: String, bold: Bool = false, italic: Bool = false) throws {
        try self.init(FontRequest(family: family, bold: bold, italic: italic))
    }

    /// The face's ascender, descender (positive), x-height and cap height at `size` points.
    public func ascent(size: Double) -> Double { font.ascender * size / font.unitsPerEm }
    public func descent(size: Double) -> Double { font.descender * size / font.unitsPerEm }
    public func xHeight(size: Double) -> Double { font.xHeight * size / font.unitsPerEm }
    public func capHeight(size: Double) -> Double { font.capHeight * size / font.unitsPerEm }

    /// `text` (one line: a newline is shaped as any other character) at `size` points.
    public func shape(_ text: String, size: Double) -> ShapedLine {
        var runs: [ShapedRun] = []
        var x = 0.0
        var ascent = ascent(size: size), descent = descent(size: size)
        for (face, piece) in segments(text) {
            let k = size / face.unitsPerEm
            var glyphs: [ShapedGlyph] = []
            var pen = 0.0
            for g in face.shape(piece) {
                glyphs.append(ShapedGlyph(id: g.id, x: pen + g.xOffset * k, y: -g.yOffset * k, advance: g.advance * k, text: g.text))
                pen += g.advance * k
            }
            runs.append(ShapedRun(font: face, x: x, width: pen, glyphs: glyphs, text: piece))
            x += pen
            ascent = max(ascent, face.ascender * k)
            descent = max(descent, face.descender * k)
        }
        return ShapedLine(runs: runs, size: size, width: x, ascent: ascent, descent: descent)
    }

    /// The advance width of `text` at `size` (what `shape` gives, without building the glyphs).
    public func width(_ text: String, size: Double) -> Double {
        var w = 0.0
        for (face, piece) in segments(text) {
            w += face.shape(piece).reduce(0) { $0 + $1.advance } * size / face.unitsPerEm
        }
        return w
    }

    /// `text` split where the face changes: each character in the chosen face when it has it,
    /// else in the first fallback face that has it; marks and joiners stay with the character
    /// before them, so a cluster is never split between fonts.
    func segments(_ text: String) -> [(ShapingFont, String)] {
        guard !text.isEmpty else { return [] }
        lock.lock()
        if let hit = segmentsCache[text] { lock.unlock(); return hit }
        lock.unlock()
        var out: [(ShapingFont, String)] = []
        var current: ShapingFont? = nil
        var piece = ""
        for character in text {
            let face = faceFor(character)
            if face !== current, !piece.isEmpty, let c = current {
                out.append((c, piece))
                piece = ""
            }
            current = face
            piece.append(character)
        }
        if let c = current, !piece.isEmpty { out.append((c, piece)) }
        lock.lock(); segmentsCache[text] = out; lock.unlock()
        return out
    }

    private func faceFor(_ character: Character) -> ShapingFont {
        // Controls, spaces and format characters (a no-break space aside) need no glyph of their
        // own from a second font: they stay in the chosen one.
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return font }
        if scalars.allSatisfy(font.covers) { return font }
        if first.properties.generalCategory == .control || first.properties.generalCategory == .format { return font }
        // A character whose base the face has but not a mark of it: the whole cluster from a face
        // with all of it if there is one, else the face's own base (HarfBuzz composes or shows it).
        for scalar in scalars where !font.covers(scalar) {
            if let f = FontLibrary.fallback(for: scalar, request: request), scalars.allSatisfy(f.covers) { return f }
        }
        if font.covers(first) { return font }
        return FontLibrary.fallback(for: first, request: request) ?? font
    }
}
