import Foundation
import FigureModel
import InfoTheory
import InfoRequests

/// `entropy-curve`: binary entropy H(p) with marked coins (left) and surprisal −log p (right).
enum EntropyCurve {
    static let entry = CatalogueEntry(
        name: "entropy-curve",
        summary: "Binary entropy H(p) over p in [0, 1] with marked coins, and surprisal -log p beside it.",
        parameters: [
            ParameterSpec("unit", .choice, default: .string("bits"), help: "unit of information",
                          choices: ["bits", "nats", "hartleys"]),
            ParameterSpec("marks", .numbers, default: .array([.number(0.5), .number(0.9)]),
                          help: "probabilities p of the coins to mark (each in [0, 1])"),
        ],
        build: build)

    /// A marked coin: p, its entropy and surprisal in the chosen unit.
    struct MarkedCoin { let p: Double; let entropy: Double; let surprisal: Double }

    static func coins(_ args: FigureArguments) throws -> (InfoUnit, [MarkedCoin]) {
        let unit = InfoUnit(rawValue: args.string("unit")) ?? .bits
        let marks = args.numbers("marks")
        guard marks.count <= 8 else {
            throw CatalogueError("parameter 'marks' of figure 'entropy-curve': at most 8 marks (got \(marks.count))")
        }
        let coins = try marks.map { p in
            try rethrowing("entropy-curve", "marks") {
                MarkedCoin(p: p, entropy: try binaryEntropy(p, unit: unit), surprisal: try surprisal(p, unit: unit))
            }
        }
        return (unit, coins)
    }

    static func build(_ args: FigureArguments, _ context: FigureContext) throws -> Figure {
        let (unit, coins) = try coins(args)
        let hmax = unit.fromNats(log(2))
        let markColor: Paint = .series(1)
        let ps = linspace(0, 1, 801)
        let hs = ps.map { (try? binaryEntropy($0, unit: unit)) ?? .nan }

        // Rough label widths as a fraction of a panel (annotation text is 0.85 × the base size, a
        // DejaVu character about 0.55 em): long labels break at " = " and stay inside the panel.
        let base = context.size.baseFontSize
        let panelPoints = max(context.size.widthPoints / 2 - 4.5 * base, 1)
        func fit(_ tex: String, plainLength: Int, x: Double) -> (String, Double) {
            var frac = Double(plainLength) * 0.55 * 0.85 * base / panelPoints
            var text = tex
            if frac > 0.6, let r = tex.range(of: " = ") {
                text = tex.replacingCharacters(in: r, with: "\n")
                frac *= 0.6
            }
            let half = min(frac / 2 + 0.02, 0.5)
            return (text, min(max(x, half), 1 - half))
        }
        var left: [Mark] = [.line(Line(x: ps, y: hs, width: nil))]
        left.append(.scatter(Scatter(points: coins.map { Point($0.p, $0.entropy) }, color: markColor)))
        for c in coins {
            // Text sits under the curve, pulled toward the middle where the curve is high,
            // so it never leaves the panel and stays clear of the line.
            let tx = c.p + (0.5 - c.p) * 0.55
            let ty = c.entropy > 0.5 * hmax ? c.entropy - 0.38 * hmax : max(0.12 * hmax, 0.45 * c.entropy)
            let value = quantityText(c.entropy, unit: unit), pText = fixedText(c.p, 4)
            let (text, x) = fit("$H(\(pText))$ = \(value)", plainLength: 7 + pText.count + value.count, x: tx)
            left.append(.annotation(Annotation(text, point: Point(c.p, c.entropy), textAt: Point(x, ty))))
        }
        let leftPanel = Panel(
            title: "Binary entropy $H(p)$",
            x: Axis(label: "$p$", limits: .fixed(0, 1)),
            y: Axis(label: "$H(p)$ [\(unit.rawValue)]", limits: .fixed(0, 1.12 * hmax)),
            marks: left, legend: .none)

        // Surprisal: the axis stops where −log p reaches that of p = 1/128 (7 bits) or just above the
        // largest marked value, so the curve's rise is visible without the tail dwarfing the marks.
        let finite = coins.map(\.surprisal).filter(\.isFinite)
        let top = max(unit.fromNats(log(128)), 1.1 * (finite.max() ?? 0))
        let pMin = exp(-top * unit.natsPerUnit)
        let qs = linspace(log(pMin), 0, 600).map { exp($0) }
        var right: [Mark] = [.line(Line(x: qs, y: qs.map { -log($0) / unit.natsPerUnit }, color: .series(0)))]
        let shown = coins.filter { $0.surprisal.isFinite }
        right.append(.scatter(Scatter(points: shown.map { Point($0.p, $0.surprisal) }, color: markColor)))
        let sortedShown = shown.sorted(by: { $0.p < $1.p })
        for (k, c) in sortedShown.enumerated() {
            let value = quantityText(c.surprisal, unit: unit), pText = fixedText(c.p, 4)
            let tex = "$-\(logTeX(unit))\\,\(pText)$ = \(value)"
            // Many marks crowd the falling curve: list them in one box in the empty upper right instead.
            if shown.count > 2 { continue }
            // One or two marks: each label above its point, staggered, with a leader.
            let ty = c.surprisal + top * (0.22 + 0.12 * Double(shown.count - 1 - k))
            let (text, x) = fit(tex, plainLength: 9 + pText.count + value.count, x: min(max(c.p, 0.3), 0.7))
            right.append(.annotation(Annotation(text, point: Point(c.p, c.surprisal), textAt: Point(x, min(ty, 0.92 * top)))))
        }
        if shown.count > 2 {
            let lines = sortedShown.map { "$-\(logTeX(unit))\\,\(fixedText($0.p, 4))$ = \(quantityText($0.surprisal, unit: unit))" }
            right.append(.text(TextLabel(lines.joined(separator: "\n"), at: Point(0.96, 0.95), coordinates: .axesFraction,
                                         horizontal: .right, vertical: .top, boxed: true)))
        }
        let rightPanel = Panel(
            title: "Surprisal $-\(logTeX(unit))\\,p$",
            x: Axis(label: "$p$", limits: .fixed(0, 1)),
            y: Axis(label: "surprisal [\(unit.rawValue)]", limits: .fixed(0, top)),
            marks: right, legend: .none)

        let marked = coins.map { "H(\(fixedText($0.p, 4))) = \(quantityText($0.entropy, unit: unit))" }
        let surprisals = shown.map { "−\(logPlain(unit)) \(fixedText($0.p, 4)) = \(quantityText($0.surprisal, unit: unit))" }
        var description = "Left: binary entropy H(p) in \(unit.rawValue) for p from 0 to 1, symmetric about p = 0.5 where it "
            + "reaches its maximum of \(quantityText(hmax, unit: unit)) and falling to 0 at p = 0 and p = 1"
        description += marked.isEmpty ? ". " : "; marked: \(marked.joined(separator: ", ")). "
        description += "Right: surprisal −\(logPlain(unit)) p in \(unit.rawValue), 0 at p = 1 and growing without bound as p → 0"
        description += surprisals.isEmpty ? "." : "; marked: \(surprisals.joined(separator: ", "))."
        return Figure(title: "Binary entropy and surprisal in \(unit.rawValue)", description: description,
                      panels: [leftPanel, rightPanel]).styled(context)
    }
}
