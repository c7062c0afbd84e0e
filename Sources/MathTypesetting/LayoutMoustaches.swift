/// \lmoustache and \rmoustache (U+23B0, U+23B1), which none of the installed math fonts has: built from
/// the font's own brace pieces as TeX's cmex builds its extensible moustaches (cmex10 '100 and '101:
/// \lmoustache is the left brace's top, the brace extender, the right brace's bottom; \rmoustache the
/// right brace's top and the left brace's bottom). KaTeX's delimiter.ts uses the same pieces.
extension MathLayout {
    /// The moustache's parts, bottom to top, from the vertical assemblies of "{" and "}"; nil when the
    /// font (or its fallback) has the character itself, or has no brace assemblies to take pieces from.
    static func moustacheParts(_ scalar: Unicode.Scalar, _ ctx: LayoutContext) -> [GlyphPart]? {
        guard scalar == "⎰" || scalar == "⎱", ctx.context(for: scalar).glyphID(scalar) == 0 else { return nil }
        let left = ctx.font.assembly(of: ctx.glyphID("{"), horizontal: false)
        let right = ctx.font.assembly(of: ctx.glyphID("}"), horizontal: false)
        guard let lBottom = left.first, let lTop = left.last, let rBottom = right.first, let rTop = right.last,
              !lBottom.isExtender, !lTop.isExtender, !rBottom.isExtender, !rTop.isExtender,
              let extender = left.first(where: \.isExtender) else { return nil }
        return scalar == "⎰" ? [rBottom, extender, lTop] : [lBottom, extender, rTop]
    }

    /// A moustache of at least `total` height + depth (the parts' baseline at their bottom).
    static func moustache(_ scalar: Unicode.Scalar, total: Double, _ ctx: LayoutContext) -> Box? {
        guard let parts = moustacheParts(scalar, ctx) else { return nil }
        return assemble(parts, length: total, horizontal: false, text: String(scalar), ctx)
    }

    /// A moustache standing alone (not after \left or \big): the shortest the pieces make, no extender,
    /// centred on the math axis as a delimiter is.
    static func bareMoustache(_ scalar: Unicode.Scalar, _ ctx: LayoutContext) -> Box? {
        guard let box = moustache(scalar, total: 0, ctx) else { return nil }
        return .hlist([(box, (box.height - box.depth) / 2 - ctx.axis)])
    }
}
