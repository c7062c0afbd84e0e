extension MathLayout {
    /// Rule 12: an accent over a cramped body. The accent is lowered by min(h, AccentBaseHeight)
    /// (the font draws accents to sit over a base of AccentBaseHeight) and aligned by the top accent
    /// attachments of accent and base (MathTopAccentAttachment) when the base is a single glyph.
    static func layoutAccent(_ mark: String, body: MathList, stretchy: Bool = false, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx.with(style: ctx.style, cramped: true))
        let single = singleGlyph(inner)
        var accent: Box
        if stretchy && isExtensibleHorizontally(mark, ctx) {
            // An extensible accent (\overrightarrow, \overleftrightarrow: unicode-math's \mathaccentwide,
            // a stretchy \Umathaccent) covers the whole base, from the font's variants or assembly.
            accent = coverHorizontally(mark, width: inner.width, ctx)
        } else if single != nil {
            accent = ctx.glyphBox(mark.unicodeScalars.first ?? "^")
            if case .glyph(var g) = accent.content { g.text = mark; accent.content = .glyph(g) }
        } else {
            // A wide base takes the widest size variant that still fits, as \widehat does.
            let scalar = mark.unicodeScalars.first ?? "^"
            let own = ctx.context(for: scalar)
            let base = own.glyphID(scalar)
            let variants = own.font.variants(of: base, horizontal: true)
            let fitting = variants.last(where: { $0.advance * own.scale <= inner.width }) ?? variants.first
            accent = own.glyphBox(fitting?.glyph ?? base, text: mark)
        }
        let baseAttach = single?.topAccentAttachment ?? inner.width / 2
        let accentAttach = singleGlyph(accent)?.topAccentAttachment ?? accent.width / 2
        let delta = min(inner.height, ctx.c(.accentBaseHeight))
        let raise = inner.height - delta
        let x = baseAttach - accentAttach
        let left = min(0, x)
        var items: [(box: Box, x: Double, shift: Double)] = [(inner, -left, 0), (accent.withWidth(0), x - left, -raise)]
        items.sort { $0.x < $1.x }
        var box = Box.overlay(items, width: max(inner.width - left, inner.width))
        box.height = max(inner.height, raise + accent.height)
        return box
    }

    static func singleGlyph(_ box: Box) -> GlyphBox? {
        switch box.content {
        case .glyph(let g): return g
        case .hlist(let items):
            let real = items.filter { if case .kern = $0.box.content { return false } else { return true } }
            return real.count == 1 && real[0].shift == 0 ? singleGlyph(real[0].box) : nil
        default: return nil
        }
    }

    /// \overbrace / \underbrace (TeXbook p. 359, built as \mathop with limits): a horizontally stretched
    /// brace (U+23DE / U+23DF) at least as wide as the body, separated by StretchStackGapBelowMin /
    /// StretchStackGapAboveMin, but never less than the 3pt (0.3 em) kerns of plain.tex's \underbrace,
    /// which is what the brace looks like in TeX. The label becomes a limit of the resulting Op atom
    /// (rule 13a).
    static func layoutBrace(_ body: MathList, over: Bool, glyph: String, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        // The font's assembly fills the body's width exactly (as \downbracefill does); a size variant
        // only when there is no assembly or the body is narrower than the assembly can be.
        let brace = coverHorizontally(glyph, width: inner.width, ctx)
        // The result is as wide as the body (plain.tex's \downbracefill fills exactly the body's
        // \halign column); a size variant wider than the body overhangs it, centred.
        let width = inner.width
        // plain.tex also puts 3pt on the far side of the brace, before the label.
        let outer = 0.3 * ctx.em
        // A variant wider than the body overhangs both sides without widening the box (LuaTeX's stretched
        // \Umathaccent, which unicode-math's \underbrace is, keeps the body's width).
        if over {
            let gap = max(ctx.c(.stretchStackGapBelowMin), 0.3 * ctx.em)
            return Box.vlist([(.vkern(outer), 0), (brace, (width - brace.width) / 2), (.vkern(gap), 0),
                              (inner, (width - inner.width) / 2)],
                             height: outer + brace.height + brace.depth + gap + inner.height).withWidth(width)
        }
        let gap = max(ctx.c(.stretchStackGapAboveMin), 0.3 * ctx.em)
        return Box.vlist([(inner, (width - inner.width) / 2), (.vkern(gap), 0), (brace, (width - brace.width) / 2),
                          (.vkern(outer), 0)],
                         height: inner.height).withWidth(width)
    }
}
