extension MathLayout {
    /// TeX's \nulldelimiterspace (1.2pt at 10pt), put on both sides of every fraction (rule 15e).
    static func nullDelimiterSpace(_ ctx: LayoutContext) -> Double { 0.12 * ctx.em }

    /// Rule 15 (a–e): generalized fractions. Numerator and denominator in the next smaller style
    /// (15a–b); shifts from FractionNumerator/Denominator(DisplayStyle)Shift, increased until the gaps to
    /// the bar reach FractionNum/DenomGapMin (15d); without a bar, Stack* constants (15c).
    static func layoutFraction(_ f: Fraction, _ outer: LayoutContext) -> Box {
        var ctx = outer
        if let s = f.style { ctx = ctx.with(style: s, cramped: ctx.cramped) }
        let display = ctx.style == .display
        var num = layoutList(f.numerator, ctx.numeratorContext)
        var den = layoutList(f.denominator, ctx.denominatorContext)
        let width = max(num.width, den.width)
        let axis = ctx.axis

        var u: Double, v: Double
        var items: [(Box, Double)] = []
        if let t = f.ruleThickness, t == 0 {
            // 15c: no bar, the stack gap.
            u = display ? ctx.c(.stackTopDisplayStyleShiftUp) : ctx.c(.stackTopShiftUp)
            v = display ? ctx.c(.stackBottomDisplayStyleShiftDown) : ctx.c(.stackBottomShiftDown)
            let phi = display ? ctx.c(.stackDisplayStyleGapMin) : ctx.c(.stackGapMin)
            let gap = (u - num.depth) - (den.height - v)
            if gap < phi { u += (phi - gap) / 2; v += (phi - gap) / 2 }
            let kern = (u - num.depth) - (den.height - v)
            items = [(num, (width - num.width) / 2), (.vkern(kern), 0), (den, (width - den.width) / 2)]
        } else {
            // 15d: with a bar of thickness θ centred on the axis.
            let theta = f.ruleThickness.map { $0 * ctx.em } ?? ctx.c(.fractionRuleThickness)
            u = display ? ctx.c(.fractionNumeratorDisplayStyleShiftUp) : ctx.c(.fractionNumeratorShiftUp)
            v = display ? ctx.c(.fractionDenominatorDisplayStyleShiftDown) : ctx.c(.fractionDenominatorShiftDown)
            let numGap = display ? ctx.c(.fractionNumDisplayStyleGapMin) : ctx.c(.fractionNumeratorGapMin)
            let denGap = display ? ctx.c(.fractionDenomDisplayStyleGapMin) : ctx.c(.fractionDenominatorGapMin)
            if (u - num.depth) - (axis + theta / 2) < numGap { u = numGap + axis + theta / 2 + num.depth }
            if (axis - theta / 2) - (den.height - v) < denGap { v = denGap - axis + theta / 2 + den.height }
            let kernAbove = (u - num.depth) - (axis + theta / 2)
            let kernBelow = (axis - theta / 2) - (den.height - v)
            items = [(num, (width - num.width) / 2), (.vkern(kernAbove), 0), (.rule(width: width, height: theta), 0),
                     (.vkern(kernBelow), 0), (den, (width - den.width) / 2)]
        }
        num = items[0].0
        den = items[items.count - 1].0
        let stack = Box.vlist(items, height: u + num.height)
        // 15e: delimiters (\binom) of size σ20 in display, σ21 otherwise. OpenType MATH has no such
        // constants; LuaTeX's font loader (luaotfload, fontloader-font-con.lua) supplies
        // FractionDelimiterDisplayStyleSize = 2.40 em and FractionDelimiterSize = 1.01 em (cmsy10's
        // σ20 is 2.39 em, which picks Latin Modern's 2.393 em parenthesis where LuaLaTeX takes 2.991 em).
        let null = nullDelimiterSpace(ctx)
        let delimiterSize = (display ? 2.40 : 1.01) * ctx.em
        var parts: [Box] = []
        parts.append(f.left.map { makeDelimiter($0, total: delimiterSize, ctx) } ?? .kern(null))
        parts.append(stack)
        parts.append(f.right.map { makeDelimiter($0, total: delimiterSize, ctx) } ?? .kern(null))
        return .hlist(parts)
    }

    /// Rule 11: the radical sign sized to cover the cramped body plus the gap and rule; the rule sits on
    /// the sign's top; any excess of the sign's size is split to centre the body (11). The degree of
    /// \sqrt[n] is set in scriptscript style, raised by RadicalDegreeBottomRaisePercent.
    static func layoutRadical(degree: MathList?, body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx.with(style: ctx.style, cramped: true))
        let theta = ctx.c(.radicalRuleThickness)
        var phi = ctx.style == .display ? ctx.c(.radicalDisplayStyleVerticalGap) : ctx.c(.radicalVerticalGap)
        let target = inner.height + inner.depth + phi + theta
        let sign = stretchGlyph("√", total: target, ctx)
        let signTotal = sign.height + sign.depth
        if signTotal - theta > inner.height + inner.depth + phi {
            phi += (signTotal - theta - (inner.height + inner.depth + phi)) / 2
        }
        let extra = ctx.c(.radicalExtraAscender)
        let ruleTop = inner.height + phi + theta
        // Shift the sign so its top meets the top of the rule.
        let signShift = sign.height - ruleTop
        let overbar = Box.vlist([(.vkern(extra), 0), (.rule(width: inner.width, height: theta), 0),
                                 (.vkern(phi), 0), (inner, 0)], height: ruleTop + extra)
        var parts: [(Box, Double)] = []
        if let degree {
            let d = layoutList(degree, ctx.with(style: .scriptScript, cramped: false))
            let before = ctx.c(.radicalKernBeforeDegree)
            let after = ctx.c(.radicalKernAfterDegree)
            let raise = ctx.font.constant(.radicalDegreeBottomRaisePercent) / 100 * signTotal
            // Bottom of the sign is at depth (sign.depth + signShift); the degree's baseline rises from it.
            let degreeShift = (sign.depth + signShift) - raise
            parts.append((.kern(before), 0))
            parts.append((d, degreeShift))
            parts.append((.kern(max(after, -(before + d.width))), 0))
        }
        parts.append((sign, signShift))
        parts.append((overbar, 0))
        return .hlist(parts)
    }

    /// Rule 9: \overline — gap, bar, extra ascender above the cramped body.
    static func layoutOverline(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx.with(style: ctx.style, cramped: true))
        let gap = ctx.c(.overbarVerticalGap), t = ctx.c(.overbarRuleThickness), extra = ctx.c(.overbarExtraAscender)
        return .vlist([(.vkern(extra), 0), (.rule(width: inner.width, height: t), 0), (.vkern(gap), 0), (inner, 0)],
                      height: inner.height + gap + t + extra)
    }

    /// Rule 10: \underline — gap, bar, extra descender below the body.
    static func layoutUnderline(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let gap = ctx.c(.underbarVerticalGap), t = ctx.c(.underbarRuleThickness), extra = ctx.c(.underbarExtraDescender)
        return .vlist([(inner, 0), (.vkern(gap), 0), (.rule(width: inner.width, height: t), 0), (.vkern(extra), 0)],
                      height: inner.height)
    }
}
