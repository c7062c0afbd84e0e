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
/// Throws `MathError` for malformed input.
public func typeset(_ tex: String, display: Bool = false, font: MathFont, size: Double) throws -> MathBox {
    let list = try MathParser.parse(tex)
    return MathBox(root: MathLayout.layout(list, display: display, font: font, size: size), font: font)
}
