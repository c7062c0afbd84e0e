/// The font facts the layout needs, all in font design units (the layout scales by size / unitsPerEm).
///
/// Layout functions see fonts only through this protocol, so they stay pure and can be tested against
/// any implementation; `MathFont` (HarfBuzz) is the production one.
public protocol MathMetrics: Sendable {
    var unitsPerEm: Double { get }
    /// An OpenType MATH table constant; percentages are returned as the raw percent value.
    func constant(_ c: MathConstant) -> Double
    /// The glyph for a code point; `scriptLevel` 1 or 2 selects the `ssty` script alternates.
    func glyph(for scalar: Unicode.Scalar, scriptLevel: Int) -> UInt32?
    func glyphMetrics(_ glyph: UInt32) -> GlyphMetrics
    /// Size variants (MathGlyphConstruction), smallest first, including the base glyph.
    func variants(of glyph: UInt32, horizontal: Bool) -> [GlyphVariant]
    /// The stretchy assembly (GlyphAssembly) of a glyph, parts in reading order (bottom-to-top or left-to-right).
    func assembly(of glyph: UInt32, horizontal: Bool) -> [GlyphPart]
    var minConnectorOverlap: Double { get }
    /// The MathKernInfo cut-in at one corner of a glyph, at `height` above its baseline (design units).
    func kern(_ glyph: UInt32, corner: MathKernCorner, height: Double) -> Double
    /// Text shaped with the font's kerning and ligatures; `scriptLevel` 1 or 2 adds the `ssty` feature.
    func shapeText(_ text: String, scriptLevel: Int) -> [ShapedGlyph]?
    /// Whether the text roman that goes with this math font has design sizes for scripts (Latin Modern
    /// Roman's lmroman7 and lmroman5, which the math font's `ssty` alternates reproduce).
    var textHasScriptDesigns: Bool { get }
    /// A second math font for the characters this one lacks (★, ⨝, ⦃ in DejaVu Math TeX Gyre); its
    /// glyphs are drawn at the size that gives them this font's ex (`LayoutContext.context(for:)`).
    var fallback: (any MathMetrics)? { get }
}

extension MathMetrics {
    /// Text shaped with the font's own kerning and ligatures: glyphs with their advances (design
    /// units). nil when the implementation cannot shape; layout then sets characters one by one.
    public func shapeText(_ text: String, scriptLevel: Int) -> [ShapedGlyph]? { nil }
    public func shapeText(_ text: String) -> [ShapedGlyph]? { shapeText(text, scriptLevel: 0) }
    public var textHasScriptDesigns: Bool { false }
    public var fallback: (any MathMetrics)? { nil }
}

/// A glyph of shaped text: `cluster` is the UTF-8 offset of the first character it renders.
public struct ShapedGlyph: Sendable, Equatable {
    public var glyph: UInt32
    public var advance: Double
    public var cluster: Int
    public init(glyph: UInt32, advance: Double, cluster: Int) { self.glyph = glyph; self.advance = advance; self.cluster = cluster }
}

public enum MathKernCorner: Sendable { case topRight, topLeft, bottomRight, bottomLeft }

public struct GlyphMetrics: Sendable, Equatable {
    public var advance: Double
    public var height: Double
    public var depth: Double
    public var italicCorrection: Double
    /// MathTopAccentAttachment, nil when the font gives none (then the middle of the ink is used).
    public var topAccentAttachment: Double?
    /// Horizontal middle of the glyph's ink (combining accents draw left of a zero advance).
    public var inkCenter: Double
    public init(advance: Double, height: Double, depth: Double, italicCorrection: Double, topAccentAttachment: Double?,
                inkCenter: Double? = nil) {
        self.advance = advance; self.height = height; self.depth = depth
        self.italicCorrection = italicCorrection; self.topAccentAttachment = topAccentAttachment
        self.inkCenter = inkCenter ?? advance / 2
    }
}

public struct GlyphVariant: Sendable, Equatable {
    public var glyph: UInt32
    public var advance: Double
    public init(glyph: UInt32, advance: Double) { self.glyph = glyph; self.advance = advance }
}

public struct GlyphPart: Sendable, Equatable {
    public var glyph: UInt32
    public var startConnector: Double
    public var endConnector: Double
    public var fullAdvance: Double
    public var isExtender: Bool
    public init(glyph: UInt32, startConnector: Double, endConnector: Double, fullAdvance: Double, isExtender: Bool) {
        self.glyph = glyph; self.startConnector = startConnector; self.endConnector = endConnector
        self.fullAdvance = fullAdvance; self.isExtender = isExtender
    }
}

/// The MathConstants table entries (OpenType MATH spec order).
public enum MathConstant: Int, Sendable, CaseIterable {
    case scriptPercentScaleDown, scriptScriptPercentScaleDown, delimitedSubFormulaMinHeight,
         displayOperatorMinHeight, mathLeading, axisHeight, accentBaseHeight, flattenedAccentBaseHeight,
         subscriptShiftDown, subscriptTopMax, subscriptBaselineDropMin, superscriptShiftUp,
         superscriptShiftUpCramped, superscriptBottomMin, superscriptBaselineDropMax, subSuperscriptGapMin,
         superscriptBottomMaxWithSubscript, spaceAfterScript, upperLimitGapMin, upperLimitBaselineRiseMin,
         lowerLimitGapMin, lowerLimitBaselineDropMin, stackTopShiftUp, stackTopDisplayStyleShiftUp,
         stackBottomShiftDown, stackBottomDisplayStyleShiftDown, stackGapMin, stackDisplayStyleGapMin,
         stretchStackTopShiftUp, stretchStackBottomShiftDown, stretchStackGapAboveMin, stretchStackGapBelowMin,
         fractionNumeratorShiftUp, fractionNumeratorDisplayStyleShiftUp, fractionDenominatorShiftDown,
         fractionDenominatorDisplayStyleShiftDown, fractionNumeratorGapMin, fractionNumDisplayStyleGapMin,
         fractionRuleThickness, fractionDenominatorGapMin, fractionDenomDisplayStyleGapMin,
         skewedFractionHorizontalGap, skewedFractionVerticalGap, overbarVerticalGap, overbarRuleThickness,
         overbarExtraAscender, underbarVerticalGap, underbarRuleThickness, underbarExtraDescender,
         radicalVerticalGap, radicalDisplayStyleVerticalGap, radicalRuleThickness, radicalExtraAscender,
         radicalKernBeforeDegree, radicalKernAfterDegree, radicalDegreeBottomRaisePercent
}
