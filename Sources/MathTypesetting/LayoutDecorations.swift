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

    /// amsmath's \ext@arrow (and mathtools' extensions). TeX measures both labels in \scriptstyle between
    /// \mkern#3mu and \mkern#4mu (\xrightarrow: 5mu and 9mu) and sets the arrow fill, in display style,
    /// in an \hbox to the widest of those and the fill's natural width; the box is exactly that wide
    /// (a \cleaders fill never overshoots), so a size variant wider than it must not widen the formula.
    /// The labels then become limits of the \mathop, padded by \mkern#1mu before and \mkern#2mu after.
    static func layoutExtensibleArrow(_ arrow: String, above: MathList?, below: MathList?, _ ctx: LayoutContext) -> Box {
        let spec = arrowSpecs[arrow] ?? ArrowSpec(before: 0, after: 0, padLeft: 5, padRight: 5)
        let scriptCtx = ctx.with(style: .script, cramped: false)
        let space = textSpace(ctx)
        let spaces = (spec.spaceBefore ? space : 0) + (spec.spaceAfter ? space : 0)
        let labelWidth = [above, below].compactMap { $0 }.map { layoutList($0, scriptCtx).width + spaces }.max() ?? 0
        let width = max(naturalArrowFill(arrow, ctx), labelWidth + (spec.padLeft + spec.padRight) * scriptCtx.mu)
        let arrowBox = arrowGlyph(arrow, width: width, ctx)
        // Centred in the box of the fill's width; its own width does not count (\hbox to \wd\tw@).
        let body = Box.overlay([(arrowBox.withWidth(0), (width - arrowBox.width) / 2, 0)], width: width)
        var nucleus = body
        nucleus.height = arrowBox.height; nucleus.depth = arrowBox.depth
        func padded(_ label: MathList?) -> MathList? {
            guard let label else { return nil }
            var list: MathList = []
            if spec.before > 0 { list.append(.space(mu: spec.before)) }
            if spec.spaceBefore { list.append(.kern(MathLength(space, .pt))) }
            list += label
            if spec.spaceAfter { list.append(.kern(MathLength(space, .pt))) }
            if spec.after > 0 { list.append(.space(mu: spec.after)) }
            return list
        }
        return layoutLimits(nucleus: nucleus, italic: 0, sup: padded(above), sub: padded(below), ctx)
    }

    /// The arrow drawn at `width`: the base glyph when it is long enough, else the font's assembly at
    /// exactly `width`, else the widest size variant (centred by the caller).
    static func arrowGlyph(_ arrow: String, width: Double, _ ctx: LayoutContext) -> Box {
        let base = ctx.glyphBox(arrow.unicodeScalars.first ?? "→")
        if base.width >= width - 1e-6 { return base }
        let scalar = arrow.unicodeScalars.first ?? "→"
        let own = ctx.context(for: scalar)
        let parts = own.font.assembly(of: own.glyphID(scalar), horizontal: true)
        if !parts.isEmpty, let assembled = assemble(parts, length: width, horizontal: true, text: arrow, own) {
            return assembled
        }
        return stretchGlyphHorizontally(arrow, width: width, ctx)
    }

    /// The natural width of amsmath's \arrowfill@#1#2#3: #1 and #3 with \mkern-7mu after and before
    /// them (the \cleaders filler has no natural width), in display style, e.g. \relbar\rightarrow.
    static func naturalArrowFill(_ arrow: String, _ ctx: LayoutContext) -> Double {
        let glyph = ctx.glyphBox(arrow.unicodeScalars.first ?? "→").width
        let ends: (String, String)?
        switch arrow {
        case "→": ends = ("−", "→")
        case "←": ends = ("←", "−")
        case "↔": ends = ("←", "→")
        case "⇒": ends = ("=", "⇒")
        case "⇐": ends = ("⇐", "=")
        case "⇔": ends = ("⇐", "⇒")
        default: ends = nil
        }
        guard let ends else { return glyph }
        return ctx.glyphBox(ends.0.unicodeScalars.first!).width + ctx.glyphBox(ends.1.unicodeScalars.first!).width - 14 * ctx.mu
    }

    /// The interword space of the text font (mathtools' \xRightarrow pads its labels with "\ ").
    static func textSpace(_ ctx: LayoutContext) -> Double {
        ctx.font.glyph(for: " ", scriptLevel: 0).map { ctx.font.glyphMetrics($0).advance * ctx.baseSize / ctx.font.unitsPerEm } ?? ctx.em / 3
    }

    /// The four digits of an \ext@arrow call: limit kerns #1 (before) and #2 (after), label padding #3
    /// and #4 in mu; mathtools' double arrows add a control space ("\ ") beside their labels.
    struct ArrowSpec {
        var before: Double, after: Double, padLeft: Double, padRight: Double
        var spaceBefore = false, spaceAfter = false
    }

    /// From amsmath.sty (\xrightarrow 0359, \xleftarrow 3095) and mathtools.sty (the others); ⇄ and ⇆,
    /// which neither package defines, keep 9mu of padding on both sides.
    static let arrowSpecs: [String: ArrowSpec] = [
        "→": ArrowSpec(before: 0, after: 3, padLeft: 5, padRight: 9),
        "←": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "↔": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "⇒": ArrowSpec(before: 0, after: 0, padLeft: 5, padRight: 5, spaceAfter: true),
        "⇐": ArrowSpec(before: 0, after: 0, padLeft: 5, padRight: 5, spaceBefore: true),
        "⇔": ArrowSpec(before: 0, after: 0, padLeft: 5, padRight: 5, spaceBefore: true, spaceAfter: true),
        "↦": ArrowSpec(before: 0, after: 3, padLeft: 9, padRight: 5),   // 0395
        "↪": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "↩": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "⇀": ArrowSpec(before: 0, after: 3, padLeft: 5, padRight: 9),
        "⇁": ArrowSpec(before: 0, after: 3, padLeft: 5, padRight: 9),
        "↽": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "↼": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),
        "⇌": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),   // \xrightleftharpoons 3095
        "⇋": ArrowSpec(before: 0, after: 3, padLeft: 5, padRight: 9),   // \xleftrightharpoons 0359
        "↠": ArrowSpec(before: 0, after: 3, padLeft: 5, padRight: 9),   // as \xrightarrow
        "↞": ArrowSpec(before: 3, after: 0, padLeft: 9, padRight: 5),   // as \xleftarrow
        "⇄": ArrowSpec(before: 0, after: 0, padLeft: 9, padRight: 9),
        "⇆": ArrowSpec(before: 0, after: 0, padLeft: 9, padRight: 9),
    ]

    /// Accents below the body (unicode-math's \mathbotaccentwide): the mark stretched to the body's width,
    /// hung from the body's depth.
    static func layoutUnderAccent(_ mark: String, body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let accent = coverHorizontally(mark, width: inner.width, ctx)
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
