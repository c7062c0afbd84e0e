extension MathLayout {
    /// How one environment family sets its cells (LaTeX's array, amsmath's alignments and matrices,
    /// LaTeX at 10 pt: \arraycolsep 5pt, \baselineskip 12pt, \jot 3pt, \arrayrulewidth 0.4pt).
    struct ArrayParameters {
        var cellStyle: MathStyle
        /// Space on each side of a column (\arraycolsep), unless `@{…}` replaces it.
        var columnSeparation: Double
        /// Extra space between the columns of an alignment pair boundary (aligned: between r l pairs).
        var pairSeparation: Double
        /// Row struts (0.7 / 0.3 × \baselineskip); nil: rows keep their natural size.
        var strut: (height: Double, depth: Double)?
        /// Space added between rows (\jot in the amsmath alignments; \lineskip in subarray).
        var rowGap: Double
        /// Minimum baseline distance (smallmatrix's 6\ex@ \baselineskip), with `rowGap` as \lineskip.
        var baselineSkip: Double?
        var outerSeparation: Bool

        init(_ kind: MathArray.Kind, _ ctx: LayoutContext) {
            let em = ctx.em
            let baselineskip = 1.2 * em
            switch kind {
            case .aligned, .gathered:
                cellStyle = .display; columnSeparation = 0; pairSeparation = 2 * em
                strut = (0.7 * baselineskip, 0.3 * baselineskip); rowGap = 0.3 * em; baselineSkip = nil; outerSeparation = false
            case .array, .matrix, .cases:
                // LaTeX's \@arstrutbox is \arraystretch × (0.7, 0.3) \baselineskip; amsmath's \env@cases
                // sets \arraystretch to 1.2 (and its @{}l@{\quad}l@{} preamble is the trimmed 2 × 5pt).
                let stretch = kind == .cases ? 1.2 : 1
                cellStyle = .text; columnSeparation = 0.5 * em; pairSeparation = 0
                strut = (stretch * 0.7 * baselineskip, stretch * 0.3 * baselineskip); rowGap = 0; baselineSkip = nil
                outerSeparation = kind == .array   // amsmath's matrices and cases trim the outer \arraycolsep
            case .smallMatrix:
                // amsmath smallmatrix: \scriptstyle cells, \thickspace between columns, \baselineskip 6\ex@
                // and \lineskip 1.5\ex@ (\ex@ ≈ 1pt at 10pt).
                cellStyle = .script; columnSeparation = 2.5 * ctx.mu; pairSeparation = 0
                strut = nil; rowGap = 0.15 * em; baselineSkip = 0.6 * em; outerSeparation = false
            case .commutativeDiagram:
                // amscd's CD: \tabskip\z@skip (no column space), \baselineskip 20\ex@, \lineskip and
                // \lineskiplimit 3\ex@ (\ex@ is 1pt at 10pt, amsgen.sty), cells $…$ in text style.
                cellStyle = .text; columnSeparation = 0; pairSeparation = 0
                strut = nil; rowGap = 0.3 * em; baselineSkip = 2 * em; outerSeparation = false
            case .subarray:
                // amsmath subarray (\substack): \scriptstyle rows, \lineskiplimit 0 so rows sit
                // \lineskip (1pt) apart.
                cellStyle = .script; columnSeparation = 0; pairSeparation = 0
                strut = nil; rowGap = 0.1 * em; baselineSkip = nil; outerSeparation = false
            }
        }
    }

    static let arrayRuleWidth = 0.04      // \arrayrulewidth 0.4pt at 10pt, in em
    static let doubleRuleSeparation = 0.2 // \doublerulesep 2pt, in em
    static let dash = 0.4                 // arydshln's \dashlinedash and \dashlinegap, 4pt, in em

    /// Arrays, alignments, cases and matrices: LaTeX's \halign-based array — columns as wide as their
    /// widest cell, \arraycolsep (or `@{…}`) around each, rules from `|`, `:`, \hline, \hdashline;
    /// the whole array centred on the axis like \vcenter.
    static func layoutArray(_ tagged: MathArray, _ outer: LayoutContext) -> Box {
        var array = tagged
        if array.tags.contains(where: { $0 != nil }) {
            // Row tags (align, gather with \tag): a last, right-aligned column \qquad after the others.
            let count = array.rows.map(\.count).max() ?? 0
            var spec = array.columns ?? []
            if array.columns == nil {
                for j in 0..<count {
                    spec.append(.column(array.kind == .aligned ? (j % 2 == 0 ? .right : .left) : .center))
                }
            }
            spec.append(.separator([.space(mu: 36)]))
            spec.append(.column(.right))
            array.columns = spec
            for i in array.rows.indices {
                while array.rows[i].count < count { array.rows[i].append([]) }
                var tagList: MathList = []
                if i < array.tags.count, let tag = array.tags[i] { tagList = tag }   // parentheses added by the parser
                array.rows[i].append([.style(.text)] + tagList)
            }
        }
        let p = ArrayParameters(array.kind, outer)
        // amsmath's smallmatrix and subarray set every cell in \scriptstyle whatever the surrounding style
        // (their preambles are $\m@th\scriptstyle##$), so a \substack in a subscript stays script size.
        let style = p.cellStyle
        let ctx = outer.with(style: style, cramped: outer.cramped)
        let count = max(array.rows.map(\.count).max() ?? 0, array.columns?.filter { if case .column = $0 { return true } else { return false } }.count ?? 0)
        guard count > 0 else { return .empty }

        // The preamble: explicit, or the family's default.
        var aligns: [MathArray.Alignment] = []
        var boundaries: [[MathArray.ColumnSpec]] = [[]]   // items before column 0, between columns, after the last
        if let spec = array.columns {
            for item in spec {
                if case .column(let a) = item { aligns.append(a); boundaries.append([]) }
                else { boundaries[boundaries.count - 1].append(item) }
            }
        }
        while aligns.count < count {
            switch array.kind {
            case .aligned: aligns.append(aligns.count % 2 == 0 ? .right : .left)
            case .cases: aligns.append(.left)
            case .subarray: aligns.append(aligns.first ?? .center)
            default: aligns.append(.center)
            }
            boundaries.append([])
        }

        let cells: [[Box]] = array.rows.map { row in
            row.enumerated().map { (j, cell) in
                // amsmath starts every right-hand aligned column with {} so "&= x" spaces "=" as a relation.
                var list = cell
                if array.kind == .aligned && j % 2 == 1 { list.insert(.atom(Atom(cls: .ord, nucleus: .list([]), range: 0..<0)), at: 0) }
                return layoutList(list, ctx)
            }
        }
        var widths = [Double](repeating: 0, count: count)
        for row in cells { for (j, c) in row.enumerated() { widths[j] = max(widths[j], c.width) } }

        // Horizontal positions: boundary material, then per column its padding and cell.
        let ruleWidth = arrayRuleWidth * ctx.em
        var x = 0.0
        var columnX: [Double] = []
        var verticalRules: [(x: Double, dashed: Bool)] = []
        var separators: [(box: Box, x: Double)] = []   // @{…} material, repeated in every row
        for j in 0...count {
            let items = j < boundaries.count ? boundaries[j] : []
            let hasSeparator = items.contains { if case .separator = $0 { return true } else { return false } }
            let trimmed = (j == 0 || j == count) && !p.outerSeparation
            if j > 0 {
                // Right padding of column j-1.
                if !hasSeparator && !trimmed { x += p.columnSeparation }
                if array.kind == .aligned && j < count && j % 2 == 0 { x += p.pairSeparation }
            }
            for (k, item) in items.enumerated() {
                switch item {
                case .rule(let dashed):
                    // LaTeX's kernel array draws `|` as \hskip-.5\arrayrulewidth\vrule\hskip-.5\arrayrulewidth:
                    // centred on the boundary and taking no width; `||` is \doublerulesep apart.
                    if k > 0, case .rule = items[k - 1] { x += doubleRuleSeparation * ctx.em }
                    verticalRules.append((x - ruleWidth / 2, dashed))
                case .separator(let material):
                    let box = layoutList(material, ctx)
                    separators.append((box, x))
                    x += box.width
                case .column: break
                }
            }
            if j < count {
                if !hasSeparator && !trimmed { x += p.columnSeparation }
                columnX.append(x)
                x += widths[j]
            }
        }
        let totalWidth = x

        // Rows, with \hline rules between them.
        var rows: [(Box, Double)] = []
        func hline(_ dashed: Bool) {
            if dashed {
                rows.append((dashedRule(length: totalWidth, thickness: ruleWidth, horizontal: true, ctx), 0))
            } else {
                rows.append((.rule(width: totalWidth, height: ruleWidth), 0))
            }
        }
        var previousDepth: Double?
        for (i, row) in cells.enumerated() {
            for dashed in array.hlines[i] ?? [] { hline(dashed); previousDepth = nil }
            var items: [(box: Box, x: Double, shift: Double)] = []
            for (j, c) in row.enumerated() {
                let offset: Double
                switch aligns[j] {
                case .left: offset = 0
                case .center: offset = (widths[j] - c.width) / 2
                case .right: offset = widths[j] - c.width
                }
                items.append((c, columnX[j] + offset, 0))
            }
            for s in separators { items.append((s.box, s.x, 0)) }
            var line = Box.overlay(items, width: totalWidth)
            if let strut = p.strut {
                line.height = max(line.height, strut.height)
                line.depth = max(line.depth, strut.depth)
            }
            if let previous = previousDepth, i > 0 {
                var gap = p.rowGap
                if let skip = p.baselineSkip { gap = max(p.rowGap, skip - previous - line.height) }
                if gap > 0 { rows.append((.vkern(gap), 0)) }
            }
            rows.append((line, 0))
            previousDepth = line.depth
        }
        for dashed in array.hlines[cells.count] ?? [] { hline(dashed) }
        let total = rows.reduce(0) { $0 + $1.0.height + $1.0.depth }
        // \vcenter: the middle of the box on the axis.
        var box = Box.vlist(rows, height: total / 2 + outer.axis)
        if !verticalRules.isEmpty {
            var items: [(box: Box, x: Double, shift: Double)] = [(box.withWidth(0), 0, 0)]
            for r in verticalRules {
                let rule = r.dashed
                    ? dashedRule(length: box.height + box.depth, thickness: ruleWidth, horizontal: false, ctx)
                    : Box.rule(width: ruleWidth, height: box.height + box.depth)
                items.append((rule, r.x, r.dashed ? -box.height : box.depth))
            }
            let height = box.height, depth = box.depth
            box = .overlay(items, width: totalWidth)
            box.height = height; box.depth = depth
        }
        return box
    }

    /// arydshln's dashed rules: dashes of \dashlinedash separated by \dashlinegap. A vertical one hangs
    /// from its top: its height is zero and its depth the length, so place it `height` above the baseline.
    static func dashedRule(length: Double, thickness: Double, horizontal: Bool, _ ctx: LayoutContext) -> Box {
        let d = dash * ctx.em
        var pos = 0.0
        if horizontal {
            var pieces: [(box: Box, x: Double, shift: Double)] = []
            while pos < length {
                pieces.append((.rule(width: min(d, length - pos), height: thickness), pos, 0))
                pos += 2 * d
            }
            return .overlay(pieces, width: length)
        }
        // Vertical dashes: stacked in a vlist so each is drawn at its own height.
        var items: [(Box, Double)] = []
        pos = 0
        while pos < length {
            let l = min(d, length - pos)
            items.append((.rule(width: thickness, height: l), 0))
            if pos + l < length { items.append((.vkern(min(d, length - pos - l)), 0)) }
            pos += 2 * d
        }
        return .vlist(items, height: 0)
    }
}
