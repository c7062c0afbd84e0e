extension MathLayout {
    /// TeXbook Appendix G rule 18 (a–f), with the OpenType MATH constants in place of σ13–σ19, ξ8.
    /// `italic` is the nucleus's italic correction δ: the superscript sits δ further right than the
    /// subscript (rule 18f). A letter's advance excludes δ (superscript at advance + δ); a large
    /// operator's advance in OpenType already includes it (subscript pulled in to advance − δ), as
    /// in the MATH table specification and MathML Core.
    static func layoutScripts(nucleus: Box, isCharacter: Bool, largeOperator: Bool = false, italic: Double,
                              sup: MathList?, sub: MathList?, _ ctx: LayoutContext) -> Box {
        let supCtx = ctx.superscriptContext
        let subCtx = ctx.subscriptContext
        let supBox = sup.map { layoutList($0, supCtx) }
        let subBox = sub.map { layoutList($0, subCtx) }

        // 18a: a character nucleus starts from zero shifts; a compound one from its own height/depth,
        // less the drops measured in the script style.
        var u = isCharacter ? 0 : nucleus.height - supCtx.c(.superscriptBaselineDropMax)
        var v = isCharacter ? 0 : nucleus.depth + subCtx.c(.subscriptBaselineDropMin)

        var items: [(box: Box, x: Double, shift: Double)] = [(nucleus, 0, 0)]
        let afterScript = ctx.c(.spaceAfterScript)
        let supX = largeOperator ? nucleus.width : nucleus.width + italic
        let subX = largeOperator ? nucleus.width - italic : nucleus.width
        var width = nucleus.width

        switch (supBox, subBox) {
        case (nil, let s?):
            // 18b: subscript only.
            v = max(v, ctx.c(.subscriptShiftDown), s.height - ctx.c(.subscriptTopMax))
            let x = subX + (isCharacter ? subscriptKern(nucleus, s, shift: v, ctx) : 0)
            items.append((s, x, v))
            width = x + s.width
        case (let p?, nil):
            // 18c: superscript only; the cramped shift in cramped styles.
            u = max(u, ctx.cramped ? ctx.c(.superscriptShiftUpCramped) : ctx.c(.superscriptShiftUp),
                    p.depth + ctx.c(.superscriptBottomMin))
            let x = supX + (isCharacter ? superscriptKern(nucleus, p, shift: u, ctx) : 0)
            items.append((p, x, -u))
            width = x + p.width
        case (let p?, let s?):
            // 18c then 18d–e: both scripts, separated by at least SubSuperscriptGapMin.
            u = max(u, ctx.cramped ? ctx.c(.superscriptShiftUpCramped) : ctx.c(.superscriptShiftUp),
                    p.depth + ctx.c(.superscriptBottomMin))
            v = max(v, ctx.c(.subscriptShiftDown))
            let gap = (u - p.depth) - (s.height - v)
            let minGap = ctx.c(.subSuperscriptGapMin)
            if gap < minGap {
                v += minGap - gap
                let psi = ctx.c(.superscriptBottomMaxWithSubscript) - (u - p.depth)
                if psi > 0 { u += psi; v -= psi }
            }
            let px = supX + (isCharacter ? superscriptKern(nucleus, p, shift: u, ctx) : 0)
            let sx = subX + (isCharacter ? subscriptKern(nucleus, s, shift: v, ctx) : 0)
            items.append((p, px, -u))
            items.append((s, sx, v))
            width = max(px + p.width, sx + s.width)
        case (nil, nil):
            return nucleus
        }
        // Overlay places items in order of x; keep the scripts after the nucleus.
        items.sort { $0.x < $1.x }
        return .overlay(items, width: width + afterScript)
    }

    /// OpenType MathKernInfo cut-ins between a glyph base and a script: the sum of the base's corner
    /// kern and the script's opposite corner kern, evaluated at the two heights where they can touch
    /// (the script's near edge and the base's far edge); the larger (safer) of the two is used.
    static func superscriptKern(_ base: Box, _ sup: Box, shift u: Double, _ ctx: LayoutContext) -> Double {
        // Cut-ins are the math font's; a fallback glyph has none there.
        guard let b = singleGlyph(base), b.face == .primary else { return 0 }
        let s = singleGlyph(sup).flatMap { $0.face == .primary ? $0 : nil }
        func at(_ h: Double) -> Double {
            let baseKern = ctx.font.kern(b.glyph, corner: .topRight, height: h / unitScale(b, ctx)) * unitScale(b, ctx)
            let supKern = s.map { ctx.font.kern($0.glyph, corner: .bottomLeft, height: (h - u) / unitScale($0, ctx)) * unitScale($0, ctx) } ?? 0
            return baseKern + supKern
        }
        return max(at(u - sup.depth), at(base.height))
    }

    static func subscriptKern(_ base: Box, _ sub: Box, shift v: Double, _ ctx: LayoutContext) -> Double {
        guard let b = singleGlyph(base), b.face == .primary else { return 0 }
        let s = singleGlyph(sub).flatMap { $0.face == .primary ? $0 : nil }
        func at(_ h: Double) -> Double {
            let baseKern = ctx.font.kern(b.glyph, corner: .bottomRight, height: h / unitScale(b, ctx)) * unitScale(b, ctx)
            let subKern = s.map { ctx.font.kern($0.glyph, corner: .topLeft, height: (h + v) / unitScale($0, ctx)) * unitScale($0, ctx) } ?? 0
            return baseKern + subKern
        }
        return max(at(sub.height - v), at(-base.depth))
    }

    /// Points per design unit at the size a glyph is drawn.
    static func unitScale(_ g: GlyphBox, _ ctx: LayoutContext) -> Double { g.size / ctx.font.unitsPerEm }

    /// Rule 13: a large operator symbol takes a display-size variant (at least DisplayOperatorMinHeight)
    /// in display style and is centred on the math axis.
    static func layoutLargeOperator(_ s: String, _ ctx: LayoutContext) -> Box {
        guard let scalar = s.unicodeScalars.first else { return .empty }
        let own = ctx.context(for: scalar)
        var glyph = own.glyphID(scalar)
        if ctx.style == .display {
            let minHeight = own.font.constant(.displayOperatorMinHeight)
            let variants = own.font.variants(of: glyph, horizontal: false)
            glyph = variants.first(where: { $0.advance >= minHeight })?.glyph ?? variants.last?.glyph ?? glyph
        }
        let box = own.glyphBox(glyph, text: s)
        let shift = (box.height - box.depth) / 2 - ctx.axis
        return .hlist([(box, shift)])
    }

    /// Rule 13a: limits above and below, centred, the upper one δ/2 to the right and the lower one δ/2
    /// to the left; gaps from UpperLimitGapMin/BaselineRiseMin and LowerLimitGapMin/BaselineDropMin.
    static func layoutLimits(nucleus: Box, italic: Double, sup: MathList?, sub: MathList?, _ ctx: LayoutContext) -> Box {
        let supBox = sup.map { layoutList($0, ctx.superscriptContext) }
        let subBox = sub.map { layoutList($0, ctx.subscriptContext) }
        let width = max(nucleus.width, (supBox?.width ?? 0) + italic / 2, (subBox?.width ?? 0) + italic / 2)
        var items: [(Box, Double)] = []
        var height = nucleus.height
        if let p = supBox {
            let kern = max(ctx.c(.upperLimitGapMin), ctx.c(.upperLimitBaselineRiseMin) - p.depth)
            items.append((p, (width - p.width) / 2 + italic / 2))
            items.append((.vkern(kern), 0))
            height += p.height + p.depth + kern
        }
        items.append((nucleus, (width - nucleus.width) / 2))
        if let s = subBox {
            let kern = max(ctx.c(.lowerLimitGapMin), ctx.c(.lowerLimitBaselineDropMin) - s.height)
            items.append((.vkern(kern), 0))
            items.append((s, (width - s.width) / 2 - italic / 2))
        }
        return .vlist(items, height: height)
    }
}
