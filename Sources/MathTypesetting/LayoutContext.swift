/// The state Appendix G threads through layout: font, base size, current style and cramping.
struct LayoutContext: Sendable {
    let font: any MathMetrics
    var baseSize: Double
    var style: MathStyle
    var cramped: Bool
    /// Source columns of the atom being laid out; glyphs carry them for the missing-glyph error.
    var range: SourceRange = 0..<0
    /// `.fallback` in the context `context(for:)` makes for a character the math font lacks.
    var face: MathFace = .primary
    /// The fallback context's size: the primary style's size scaled to match ex (nil: from the style).
    private var fixedSize: Double?

    init(font: any MathMetrics, baseSize: Double, style: MathStyle, cramped: Bool, range: SourceRange = 0..<0) {
        self.font = font; self.baseSize = baseSize; self.style = style; self.cramped = cramped; self.range = range
    }

    var scriptLevel: Int { style == .script ? 1 : (style == .scriptScript ? 2 : 0) }

    /// Font size of the current style: scripts shrink by the font's Script(Script)PercentScaleDown.
    var size: Double {
        if let fixedSize { return fixedSize }
        switch style {
        case .display, .text: return baseSize
        case .script: return baseSize * percent(.scriptPercentScaleDown, default: 70)
        case .scriptScript: return baseSize * percent(.scriptScriptPercentScaleDown, default: 50)
        }
    }

    private func percent(_ c: MathConstant, default d: Double) -> Double {
        let v = font.constant(c)
        return (v > 0 ? v : d) / 100
    }

    /// Design units to points at the current size.
    var scale: Double { size / font.unitsPerEm }

    /// A MATH constant in points at the current style's size.
    func c(_ k: MathConstant) -> Double { font.constant(k) * scale }

    var em: Double { size }
    /// TeX's math unit: 1/18 em of the current size.
    var mu: Double { size / 18 }
    var axis: Double { c(.axisHeight) }
    /// TeX's ex. OpenType MATH has no x-height; AccentBaseHeight is defined as it ("typically
    /// x-height", OpenType MATH spec, MathConstants).
    var ex: Double { c(.accentBaseHeight) }

    /// A TeX dimension in points at the current style (TeXbook ch. 10; mu is 1/18 em of the style).
    func points(_ l: MathLength) -> Double {
        switch l.unit {
        case .pt: return l.value
        case .mm: return l.value * 7227 / 2540
        case .cm: return l.value * 7227 / 254
        case .in: return l.value * 72.27
        case .bp: return l.value * 72.27 / 72
        case .pc: return l.value * 12
        case .dd: return l.value * 1238 / 1157
        case .cc: return l.value * 14856 / 1157
        case .sp: return l.value / 65536
        case .px: return l.value * 72.27 / 96   // CSS px, as KaTeX: 1/96 in
        case .em: return l.value * em
        case .ex: return l.value * ex
        case .mu: return l.value * mu
        }
    }

    func with(style: MathStyle, cramped: Bool) -> LayoutContext {
        var c = self; c.style = style; c.cramped = cramped; return c
    }

    /// Styles for scripts (rule 18): superscripts keep cramping, subscripts are cramped.
    var superscriptContext: LayoutContext { with(style: style.superscript, cramped: cramped) }
    var subscriptContext: LayoutContext { with(style: style.superscript, cramped: true) }
    /// Rule 15b: numerator keeps cramping, denominator is cramped.
    var numeratorContext: LayoutContext { with(style: style.fraction, cramped: cramped) }
    var denominatorContext: LayoutContext { with(style: style.fraction, cramped: true) }

    // MARK: glyphs

    /// The context to take `scalar` from: this one when the math font has it, else the fallback math
    /// font's (when it has it) at the size where its ex equals this font's, so x-heights line up the way
    /// CSS font-size-adjust matches a fallback font (CSS Fonts 5, §2.6); scripts keep this font's
    /// ScriptPercentScaleDown. A character neither font has stays in this context (glyph 0, an error).
    func context(for scalar: Unicode.Scalar) -> LayoutContext {
        guard face == .primary, font.glyph(for: scalar, scriptLevel: 0) == nil, let other = font.fallback,
              other.glyph(for: scalar, scriptLevel: 0) != nil else { return self }
        let ownEx = font.constant(.accentBaseHeight) / font.unitsPerEm
        let otherEx = other.constant(.accentBaseHeight) / other.unitsPerEm
        var c = LayoutContext(font: other, baseSize: baseSize, style: style, cramped: cramped, range: range)
        c.face = .fallback
        c.fixedSize = size * (ownEx > 0 && otherEx > 0 ? ownEx / otherEx : 1)
        return c
    }

    /// Glyph 0 (.notdef) when the font lacks the character; `typeset` reports those as errors.
    func glyphID(_ scalar: Unicode.Scalar) -> UInt32 {
        font.glyph(for: scalar, scriptLevel: scriptLevel) ?? font.glyph(for: scalar, scriptLevel: 0) ?? 0
    }

    /// `text` is what the glyph stands for in Unicode (kept for text extraction from PDFs).
    func glyphBox(_ id: UInt32, text: String) -> Box {
        let m = font.glyphMetrics(id)
        var g = GlyphBox(glyph: id, size: size, italicCorrection: m.italicCorrection * scale,
                         topAccentAttachment: (m.topAccentAttachment ?? m.inkCenter) * scale, text: text, range: range)
        g.face = face
        return .glyph(g, width: m.advance * scale, height: m.height * scale, depth: m.depth * scale)
    }

    func glyphBox(_ scalar: Unicode.Scalar) -> Box {
        let c = context(for: scalar)
        return c.glyphBox(c.glyphID(scalar), text: String(scalar))
    }
}
