/// A laid-out formula together with the font its glyphs come from.
public struct MathBox: Sendable {
    public let root: Box
    public let font: MathFont
    public var width: Double { root.width }
    /// Extent above the baseline (the baseline is y = 0).
    public var height: Double { root.height }
    /// Extent below the baseline.
    public var depth: Double { root.depth }
    /// Glyphs and rules with absolute coordinates (y grows downward, baseline at 0).
    public func flatten() -> [MathDrawItem] { root.flatten() }
}

/// Parses and lays out `tex` at `size` points; display style for `display`, text style otherwise.
/// Throws `MathError` for malformed input and for characters the font has no glyph for.
public func typeset(_ tex: String, display: Bool = false, font: MathFont, size: Double,
                    macros: [String: MathMacro] = [:]) throws -> MathBox {
    let list = try MathParser.parse(tex, macros: macros)
    let root = MathLayout.layout(list, display: display, font: font, size: size)
    try checkGlyphs(root, font: font, source: tex)
    return MathBox(root: root, font: font)
}

/// A glyph the font lacks would be drawn as an empty box (.notdef); report it with its columns instead.
func checkGlyphs(_ root: Box, font: MathFont, source: String) throws {
    for g in root.glyphs() where g.glyph == 0 {
        let scalars = g.text.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
        let shown = g.text.isEmpty ? "a character" : "'\(g.text)' (\(scalars))"
        let fonts = font.fallbackFont.map { "neither the math font \"\(font.family)\" nor its fallback \"\($0.family)\" has a glyph for" }
            ?? "the math font \"\(font.family)\" has no glyph for"
        throw MathError(kind: .missingGlyph, message: "\(fonts) \(shown)",
                        range: g.range, source: source)
    }
}
