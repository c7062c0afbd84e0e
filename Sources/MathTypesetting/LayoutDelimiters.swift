extension MathLayout {
    /// TeX's \delimiterfactor and \delimitershortfall (901 and 5pt at 10pt), used by rule 19.
    static let delimiterFactor = 0.901
    static func delimiterShortfall(_ ctx: LayoutContext) -> Double { 0.5 * ctx.em }

    /// A vertical glyph of at least `total` height+depth: the first size variant that is large enough
    /// (MathGlyphVariantRecord), else the glyph assembly (GlyphAssembly), else the largest variant.
    static func stretchGlyph(_ s: String, total: Double, _ outer: LayoutContext) -> Box {
        guard let scalar = s.unicodeScalars.first else { return .empty }
        let ctx = outer.context(for: scalar)
        let base = ctx.glyphID(scalar)
        let variants = ctx.font.variants(of: base, horizontal: false)
        if base == 0, let m = moustache(scalar, total: total, ctx) { return m }
        if base == 0 { return ctx.glyphBox(scalar) }
        for v in variants where v.advance * ctx.scale >= total {
            return ctx.glyphBox(v.glyph, text: s)
        }
        let parts = ctx.font.assembly(of: base, horizontal: false)
        if !parts.isEmpty, let assembled = assemble(parts, length: total, horizontal: false, text: s, ctx) {
            return assembled
        }
        return ctx.glyphBox(variants.last?.glyph ?? base, text: s)
    }

    /// Horizontal counterpart for braces and wide accents: at least `width` wide.
    static func stretchGlyphHorizontally(_ s: String, width: Double, _ outer: LayoutContext) -> Box {
        guard let scalar = s.unicodeScalars.first else { return .empty }
        let ctx = outer.context(for: scalar)
        let base = ctx.glyphID(scalar)
        let variants = ctx.font.variants(of: base, horizontal: true)
        if base == 0 { return ctx.glyphBox(scalar) }
        for v in variants where v.advance * ctx.scale >= width {
            return ctx.glyphBox(v.glyph, text: s)
        }
        let parts = ctx.font.assembly(of: base, horizontal: true)
        if !parts.isEmpty, let assembled = assemble(parts, length: width, horizontal: true, text: s, ctx) {
            return assembled
        }
        return ctx.glyphBox(variants.last?.glyph ?? base, text: s)
    }

    /// A horizontal glyph covering `width` as closely as the font allows: the first size variant at least
    /// that wide, unless it overshoots and the assembly can be built to exactly `width` (as plain.tex's
    /// \downbracefill and amsmath's arrow fills fill their box exactly).
    static func coverHorizontally(_ s: String, width: Double, _ ctx: LayoutContext) -> Box {
        var box = stretchGlyphHorizontally(s, width: width, ctx)
        guard box.width > width * 1.001, let scalar = s.unicodeScalars.first else { return box }
        let own = ctx.context(for: scalar)
        let parts = own.font.assembly(of: own.glyphID(scalar), horizontal: true)
        if !parts.isEmpty, let assembled = assemble(parts, length: width, horizontal: true, text: s, own), assembled.width < box.width {
            box = assembled
        }
        return box
    }

    /// Whether the font can build `s` to any width (it has a horizontal GlyphAssembly): arrows and
    /// braces, as opposed to \widehat-style accents that only come in sizes.
    static func isExtensibleHorizontally(_ s: String, _ ctx: LayoutContext) -> Bool {
        guard let scalar = s.unicodeScalars.first else { return false }
        let own = ctx.context(for: scalar)
        return !own.font.assembly(of: own.glyphID(scalar), horizontal: true).isEmpty
    }

    /// Builds a glyph assembly (OpenType MATH GlyphAssembly): the fewest extender repetitions that reach
    /// `length` with at least MinConnectorOverlap between parts, then the overlap is spread evenly,
    /// never exceeding the shorter connector. The first piece carries `text`, the others none.
    static func assemble(_ parts: [GlyphPart], length: Double, horizontal: Bool, text: String, _ ctx: LayoutContext) -> Box? {
        let minOverlap = ctx.font.minConnectorOverlap
        let target = length / ctx.scale
        var repeats = 0
        var sequence: [GlyphPart] = []
        while repeats <= 64 {
            sequence = parts.flatMap { $0.isExtender ? Array(repeating: $0, count: repeats) : [$0] }
            guard sequence.count > 1 else { break }
            let maxLength = sequence.reduce(0) { $0 + $1.fullAdvance } - Double(sequence.count - 1) * minOverlap
            if maxLength >= target { break }
            repeats += 1
        }
        guard !sequence.isEmpty else { return nil }
        var overlaps: [Double] = []
        if sequence.count > 1 {
            let total = sequence.reduce(0) { $0 + $1.fullAdvance }
            var overlap = (total - target) / Double(sequence.count - 1)
            overlap = max(overlap, minOverlap)
            for i in 0..<(sequence.count - 1) {
                let limit = min(sequence[i].endConnector, sequence[i + 1].startConnector)
                overlaps.append(min(overlap, max(limit, minOverlap)))
            }
        }
        // Positions of each part's origin along the stretch direction, in design units.
        var positions: [Double] = []
        var cursor = 0.0
        for (i, part) in sequence.enumerated() {
            positions.append(cursor)
            cursor += part.fullAdvance - (i < overlaps.count ? overlaps[i] : 0)
        }
        let s = ctx.scale
        // Each piece numbered, so renderers fill the assembly as one outline (no seams where pieces overlap).
        func piece(_ i: Int, _ part: GlyphPart) -> Box {
            var b = ctx.glyphBox(part.glyph, text: i == 0 ? text : "")
            if case .glyph(var g) = b.content { g.assemblyPiece = i + 1; b.content = .glyph(g) }
            return b
        }
        if horizontal {
            let items = sequence.enumerated().map { (i, p) in (box: piece(i, p), x: positions[i] * s, shift: 0.0) }
            return .overlay(items, width: cursor * s)
        }
        // Vertical: parts are listed bottom to top; each part's baseline is its bottom edge.
        let boxes = sequence.enumerated().map { piece($0.offset, $0.element) }
        let width = boxes.map(\.width).max() ?? 0
        let items = boxes.enumerated().map { (i, b) in (box: b.withWidth(0), x: 0.0, shift: -(positions[i] * s)) }
        var assembled = Box.overlay(items, width: width)
        assembled.height = boxes.enumerated().map { positions[$0.offset] * s + $0.element.height }.max() ?? 0
        assembled.depth = boxes.enumerated().map { $0.element.depth - positions[$0.offset] * s }.max() ?? 0
        return assembled
    }

    /// A delimiter of at least `total` size, centred on the math axis (as TeX's var_delimiter does);
    /// "." gives the null delimiter (an empty box of \nulldelimiterspace).
    static func makeDelimiter(_ d: String, total: Double, _ ctx: LayoutContext) -> Box {
        if d == "." { return .kern(nullDelimiterSpace(ctx)) }
        let box = stretchGlyph(d, total: total, ctx)
        let shift = (box.height - box.depth) / 2 - ctx.axis
        return .hlist([(box, shift)])
    }

    /// Rule 19: \left … \middle … \right. The delimiters cover the inner list's extent about the axis,
    /// δ = max(h − a, d + a): size ≥ max(2δ·f/1000, 2δ − shortfall).
    static func layoutLeftRight(delimiters: [String], bodies: [MathList], _ ctx: LayoutContext) -> Box {
        let inner = bodies.map { layoutList($0, ctx) }
        let height = inner.map(\.height).max() ?? 0
        let depth = inner.map(\.depth).max() ?? 0
        let delta = max(height - ctx.axis, depth + ctx.axis)
        let size = max(2 * delta * delimiterFactor, 2 * delta - delimiterShortfall(ctx))
        var parts: [Box] = []
        for (i, d) in delimiters.enumerated() {
            parts.append(makeDelimiter(d, total: size, ctx))
            if i < inner.count { parts.append(inner[i]) }
        }
        return .hlist(parts)
    }

    /// \big, \Big, \bigg, \Bigg as amsmath defines them (amsmath.sty \bBigg@): \left…\right around a
    /// \vcenter of 1, 1.5, 2, 2.5 × \big@size, where \big@size is 1.2 × the height plus depth of
    /// \mathstrut (the font's parenthesis); rule 19 then asks for max(0.901 X, X − 5pt) for a box of X.
    static func layoutBigDelimiter(_ d: String, size: Int, _ ctx: LayoutContext) -> Box {
        let factors = [1.0, 1.5, 2.0, 2.5]
        let paren = ctx.glyphBox("(")
        let x = factors[min(max(size, 1), 4) - 1] * 1.2 * (paren.height + paren.depth)
        let total = max(x * delimiterFactor, x - delimiterShortfall(ctx))
        return makeDelimiter(d, total: total, ctx)
    }
}
