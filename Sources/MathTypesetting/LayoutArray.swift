extension MathLayout {
    /// aligned, cases and the matrices: rows of cells set like LaTeX's array/amsmath alignments —
    /// struts of 0.7/0.3 × \baselineskip (1.2 em), \jot (0.3 em) between aligned rows, and the whole
    /// array centred on the axis like \vcenter.
    static func layoutArray(_ array: MathArray, _ ctx: LayoutContext) -> Box {
        let cellCtx = array.kind == .aligned ? ctx.with(style: .display, cramped: ctx.cramped)
                                             : ctx.with(style: .text, cramped: ctx.cramped)
        let columns = array.rows.map(\.count).max() ?? 0
        guard columns > 0 else { return .empty }
        let cells: [[Box]] = array.rows.map { row in
            row.enumerated().map { (j, cell) in
                // amsmath starts every right-hand aligned column with {} so "&= x" spaces "=" as a relation.
                var list = cell
                if array.kind == .aligned && j % 2 == 1 { list.insert(.atom(Atom(cls: .ord, nucleus: .list([]), range: 0..<0)), at: 0) }
                return layoutList(list, cellCtx)
            }
        }
        var colWidths = [Double](repeating: 0, count: columns)
        for row in cells { for (j, c) in row.enumerated() { colWidths[j] = max(colWidths[j], c.width) } }
        let em = ctx.em
        let strutHeight = 0.7 * 1.2 * em, strutDepth = 0.3 * 1.2 * em
        let rowGap = array.kind == .aligned ? 0.3 * em : 0

        func alignment(_ j: Int) -> Double {   // 0 left, 0.5 centre, 1 right
            switch array.kind {
            case .aligned: return j % 2 == 0 ? 1 : 0
            case .cases: return 0
            case .matrix: return 0.5
            }
        }
        func columnGap(after j: Int) -> Double {
            switch array.kind {
            case .aligned: return j % 2 == 1 ? 2 * em : 0
            case .cases: return em
            case .matrix: return em
            }
        }
        var xs: [Double] = []
        var x = 0.0
        for j in 0..<columns {
            xs.append(x)
            x += colWidths[j] + (j < columns - 1 ? columnGap(after: j) : 0)
        }
        let totalWidth = x
        var rows: [(Box, Double)] = []
        for (i, row) in cells.enumerated() {
            var items: [(box: Box, x: Double, shift: Double)] = []
            for (j, c) in row.enumerated() {
                items.append((c, xs[j] + (colWidths[j] - c.width) * alignment(j), 0))
            }
            var line = Box.overlay(items, width: totalWidth)
            line.height = max(line.height, strutHeight)
            line.depth = max(line.depth, strutDepth)
            if i > 0 && rowGap > 0 { rows.append((.vkern(rowGap), 0)) }
            rows.append((line, 0))
        }
        let total = rows.reduce(0) { $0 + $1.0.height + $1.0.depth }
        // \vcenter: the middle of the box on the axis.
        return .vlist(rows, height: total / 2 + ctx.axis)
    }
}
