/// Paragraph line breaking by total fit: Knuth & Plass, "Breaking Paragraphs into Lines",
/// Software—Practice and Experience 11 (1981). A paragraph is boxes (words, inline math), glue
/// (stretchable spaces) and penalties (possible breaks with a cost); the breaker picks the break
/// sequence that minimises the sum of demerits over all lines instead of filling line by line,
/// which is what keeps justified text evenly spaced.
public enum LineItem: Sendable, Equatable {
    case box(width: Double)
    case glue(width: Double, stretch: Double, shrink: Double)
    /// `cost` = -infinity forces a break, +infinity forbids one.
    case penalty(width: Double, cost: Double, flagged: Bool)

    var width: Double {
        switch self {
        case .box(let w), .glue(let w, _, _), .penalty(let w, _, _): return w
        }
    }
}

public struct BrokenLine: Sendable, Equatable {
    /// Items shown on the line: from the first item after the previous break (discardable glue
    /// and penalties skipped) up to, not including, the break item.
    public var items: Range<Int>
    /// The break item (a glue or penalty); a penalty's width (a hyphen) is drawn at line end.
    public var breakIndex: Int
    /// Adjustment ratio: > 0 stretches the glue by ratio × stretch, < 0 shrinks by ratio × shrink.
    public var ratio: Double
}

public struct LineBreakParameters: Sendable, Equatable {
    /// Passes with increasing tolerance (TeX's \pretolerance, \tolerance); a last emergency pass
    /// always succeeds, allowing overfull lines where a single box is wider than the measure.
    public var tolerances: [Double] = [2, 5, 20]
    public var linePenalty: Double = 10
    /// Two hyphenated lines in a row: plain TeX's \doublehyphendemerits (TeXbook ch. 14, p. 98).
    public var flaggedDemerits: Double = 10000
    /// A hyphen ending the paragraph's second-to-last line: plain TeX's \finalhyphendemerits.
    public var finalHyphenDemerits: Double = 5000
    public var fitnessDemerits: Double = 100
    /// The penalties of a break at a pattern hyphen and after an explicit one ("cross-entropy"):
    /// plain TeX's \hyphenpenalty and \exhyphenpenalty (TeXbook ch. 14, p. 96).
    public var hyphenPenalty: Double = 50
    public var exHyphenPenalty: Double = 50
    public init() {}
}

public enum LineBreaker {
    /// The paragraph must end with a forced break (`.penalty(cost: -infinity)`), normally after
    /// a `finishingGlue`; `width` is the measure of every line.
    public static func breakLines(_ items: [LineItem], width: Double,
                                  parameters: LineBreakParameters = LineBreakParameters()) -> [BrokenLine] {
        guard !items.isEmpty else { return [] }
        for tolerance in parameters.tolerances {
            if let lines = run(items, width: width, tolerance: tolerance, emergency: false, parameters) { return lines }
        }
        return run(items, width: width, tolerance: .infinity, emergency: true, parameters) ?? []
    }

    /// The glue that ends a paragraph so its last line is set at natural spacing.
    public static let finishingGlue: [LineItem] = [
        .penalty(width: 0, cost: .infinity, flagged: false),
        .glue(width: 0, stretch: 1e6, shrink: 0),
        .penalty(width: 0, cost: -.infinity, flagged: false),
    ]

    private struct Node {
        var index: Int            // break item index; -1 for the paragraph start
        var line: Int
        var fitness: Int
        var totalDemerits: Double
        var previous: Int?        // index into `nodes`
        // Totals after the break (discardable items after it skipped).
        var width: Double, stretch: Double, shrink: Double
    }

    private static func run(_ items: [LineItem], width: Double, tolerance: Double, emergency: Bool,
                            _ p: LineBreakParameters) -> [BrokenLine]? {
        let n = items.count
        // Prefix sums: sums[i] covers items[0..<i].
        var sumW = [Double](repeating: 0, count: n + 1)
        var sumY = sumW, sumZ = sumW
        for (i, item) in items.enumerated() {
            sumW[i + 1] = sumW[i] + (isPenalty(item) ? 0 : item.width)
            if case .glue(_, let y, let z) = item {
                sumY[i + 1] = sumY[i] + y
                sumZ[i + 1] = sumZ[i] + z
            } else {
                sumY[i + 1] = sumY[i]
                sumZ[i + 1] = sumZ[i]
            }
        }
        var nodes: [Node] = [Node(index: -1, line: 0, fitness: 1, totalDemerits: 0, previous: nil, width: 0, stretch: 0, shrink: 0)]
        var active: [Int] = [0]

        for b in 0..<n {
            let item = items[b]
            var penalty = 0.0
            var flagged = false
            var extra = 0.0
            switch item {
            case .box: continue
            case .glue:
                guard b > 0, case .box = items[b - 1] else { continue }
            case .penalty(let w, let cost, let f):
                if cost == .infinity { continue }
                penalty = cost
                flagged = f
                extra = w
            }
            var best: [Int: (demerits: Double, from: Int, ratio: Double)] = [:]
            var survivors: [Int] = []
            for a in active {
                let node = nodes[a]
                let lineWidth = sumW[b] - node.width + extra
                let stretch = sumY[b] - node.stretch
                let shrink = sumZ[b] - node.shrink
                var ratio: Double
                if lineWidth < width {
                    ratio = stretch > 0 ? (width - lineWidth) / stretch : .infinity
                } else if lineWidth > width {
                    ratio = shrink > 0 ? (width - lineWidth) / shrink : -.infinity
                } else {
                    ratio = 0
                }
                let forced = penalty == -.infinity
                let overfull = ratio < -1
                if !overfull && !forced { survivors.append(a) }
                guard (ratio >= -1 && ratio <= tolerance) || (emergency && (overfull || ratio > tolerance)) else { continue }
                let badness: Double
                if overfull {
                    badness = 1e8 * (lineWidth - width + 1)
                } else if ratio.isInfinite {
                    badness = 1e6
                } else {
                    badness = min(100 * abs(ratio * ratio * ratio), 1e6)
                }
                var demerits = (p.linePenalty + badness) * (p.linePenalty + badness)
                if penalty > 0 { demerits += penalty * penalty } else if penalty > -.infinity { demerits -= penalty * penalty }
                if node.index >= 0, case .penalty(_, _, true) = items[node.index] {
                    if flagged { demerits += p.flaggedDemerits }
                    if b == n - 1 { demerits += p.finalHyphenDemerits }
                }
                let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
                if abs(fitness - node.fitness) > 1 { demerits += p.fitnessDemerits }
                let total = node.totalDemerits + demerits
                if total < (best[fitness]?.demerits ?? .infinity) {
                    best[fitness] = (total, a, ratio)
                }
            }
            active = survivors
            let start = afterBreakIndex(items, b)
            for fitness in best.keys.sorted() {
                guard let candidate = best[fitness] else { continue }
                nodes.append(Node(index: b, line: nodes[candidate.from].line + 1, fitness: fitness,
                                  totalDemerits: candidate.demerits, previous: candidate.from,
                                  width: sumW[start], stretch: sumY[start], shrink: sumZ[start]))
                active.append(nodes.count - 1)
            }
            if active.isEmpty { return nil }
        }
        // The forced break at the end is the only way to finish: pick its cheapest node.
        guard let last = active.filter({ nodes[$0].index == n - 1 }).min(by: { nodes[$0].totalDemerits < nodes[$1].totalDemerits })
        else { return nil }
        var chain: [Int] = []
        var cursor: Int? = last
        while let c = cursor, nodes[c].index >= 0 {
            chain.append(c)
            cursor = nodes[c].previous
        }
        chain.reverse()
        var lines: [BrokenLine] = []
        for c in chain {
            let b = nodes[c].index
            let start = lines.isEmpty ? firstBox(items) : afterBreakIndex(items, nodes[nodes[c].previous ?? 0].index)
            let lineWidth = sumW[b] - sumW[start] + (isPenalty(items[b]) ? items[b].width : 0)
            let stretch = sumY[b] - sumY[start], shrink = sumZ[b] - sumZ[start]
            var ratio = 0.0
            if lineWidth < width, stretch > 0 { ratio = (width - lineWidth) / stretch }
            if lineWidth > width, shrink > 0 { ratio = max(-1, (width - lineWidth) / shrink) }
            lines.append(BrokenLine(items: start..<max(start, b), breakIndex: b, ratio: ratio))
        }
        return lines
    }

    private static func isPenalty(_ item: LineItem) -> Bool {
        if case .penalty = item { return true }
        return false
    }

    private static func firstBox(_ items: [LineItem]) -> Int {
        items.firstIndex { if case .box = $0 { return true } else { return false } } ?? 0
    }

    private static func afterBreakIndex(_ items: [LineItem], _ b: Int) -> Int {
        if b < 0 { return firstBox(items) }
        var i = b + 1
        while i < items.count {
            if case .box = items[i] { return i }
            if case .penalty(_, let cost, _) = items[i], cost == -.infinity { return i }
            i += 1
        }
        return items.count
    }
}
