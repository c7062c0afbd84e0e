extension MathLayout {
    /// \boxed, \colorbox, \fcolorbox (LaTeX's \fbox/\colorbox): the body, \fboxsep (3pt at 10pt) of
    /// padding, then a frame of \fboxrule (0.4pt) when there is a frame colour.
    static func layoutFramed(_ body: MathList, background: MathRGBA?, frame: MathRGBA?, padding: MathLength,
                             _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let sep = ctx.points(padding)
        let rule = frame == nil ? 0 : arrayRuleWidth * ctx.em
        let width = inner.width + 2 * (sep + rule)
        let height = inner.height + sep + rule, depth = inner.depth + sep + rule
        var items: [(box: Box, x: Double, shift: Double)] = []
        if let background {
            items.append((Box(width: 0, height: 0, depth: 0, content: .colored(.rule(width: width, height: height, depth: depth), background)), 0, 0))
        }
        if let frame {
            let edges: [(Box, Double)] = [
                (.rule(width: width, height: height, depth: -(height - rule)), 0),          // top
                (.rule(width: width, height: -(depth - rule), depth: depth), 0),            // bottom
                (.rule(width: rule, height: height, depth: depth), 0),                      // left
                (.rule(width: rule, height: height, depth: depth), width - rule),           // right
            ]
            for (edge, x) in edges {
                items.append((Box(width: 0, height: 0, depth: 0, content: .colored(edge, frame)), x, 0))
            }
        }
        // Drawn in this order (background, frame, body); overlay accepts x positions in any order.
        items.append((inner, sep + rule, 0))
        var box = Box.overlay(items, width: width)
        box.height = height; box.depth = depth
        return box
    }

    /// \not before a symbol without a negated form: U+0338 COMBINING LONG SOLIDUS OVERLAY centred on it
    /// (unicode-math's \notaccent).
    static func layoutNegated(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let slash = ctx.glyphBox("\u{0338}")
        let attach = singleGlyph(slash)?.topAccentAttachment ?? slash.width / 2
        let x = inner.width / 2 - attach
        let items: [(box: Box, x: Double, shift: Double)] = [(inner, 0, 0), (slash.withWidth(0), x, 0)]
        var box = Box.overlay(items, width: inner.width)
        box.height = max(inner.height, slash.height); box.depth = max(inner.depth, slash.depth)
        return box
    }

    /// amsmath's \ext@arrow (and mathtools' extensions): the labels in script style padded by the
    /// arrow's mu kerns (\xrightarrow: 5mu before, 9mu after), the arrow stretched to the wider one
    /// (at least its natural width), labels set as limits above and below.
    static func layoutExtensibleArrow(_ arrow: String, above: MathList?, below: MathList?, _ ctx: LayoutContext) -> Box {
        let pad = arrowPadding[arrow] ?? (5, 5)
        let scriptCtx = ctx.superscriptContext
        let labelWidth = [above, below].compactMap { $0 }.map { layoutList($0, scriptCtx).width }.max() ?? 0
        let natural = ctx.glyphBox(arrow.unicodeScalars.first ?? "→").width
        let width = max(natural, labelWidth + (pad.0 + pad.1) * scriptCtx.mu)
        let stretched = stretchGlyphHorizontally(arrow, width: width, ctx)
        var body = stretched
        if stretched.width < width {
            // A font without a horizontal construction: centre the longest variant.
            body = .hlist([.kern((width - stretched.width) / 2), stretched, .kern((width - stretched.width) / 2)])
        }
        return layoutLimits(nucleus: body, italic: 0, sup: above, sub: below, ctx)
    }

    /// (before, after) label padding in mu, from amsmath.sty and mathtools.sty's \ext@arrow calls.
    static let arrowPadding: [String: (Double, Double)] = [
        "→": (5, 9), "←": (9, 5), "↔": (9, 9), "⇒": (5, 5), "⇐": (5, 5), "⇔": (5, 5), "↦": (9, 5),
        "↪": (5, 9), "↩": (9, 5), "⇀": (5, 9), "↽": (9, 5), "⇌": (9, 9), "⇋": (9, 9), "⇄": (9, 9), "⇆": (9, 9),
    ]

    /// Accents below the body (unicode-math's \mathbotaccentwide): the mark stretched to the body's width,
    /// hung from the body's depth.
    static func layoutUnderAccent(_ mark: String, body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let accent = stretchGlyphHorizontally(mark, width: inner.width, ctx)
        let width = max(inner.width, accent.width)
        let gap = ctx.c(.underbarVerticalGap)
        return .vlist([(inner, (width - inner.width) / 2), (.vkern(gap), 0),
                       (accent, (width - accent.width) / 2)], height: inner.height)
    }

    /// \tag: the label after the formula, \qquad apart (a standalone formula has no line width to set it
    /// flush right against), in text style.
    static func tagBox(_ tag: MathList, parenthesized: Bool, _ ctx: LayoutContext) -> Box {
        var list = tag
        if parenthesized {
            list.insert(.atom(Atom(cls: .ord, nucleus: .text("("), range: 0..<0)), at: 0)
            list.append(.atom(Atom(cls: .ord, nucleus: .text(")"), range: 0..<0)))
        }
        return layoutList(list, ctx.with(style: .text, cramped: false))
    }
}
