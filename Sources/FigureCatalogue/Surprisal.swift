import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// Surprisal −log p over p ∈ (0, 1] with a few everyday events marked.
    static let surprisal = CatalogueEntry(
        name: "surprisal",
        summary: "Surprisal −log p of an event of probability p, with a certain event, a fair coin, a die and rare events marked",
        parameters: [CourseFigures.unitParameter(default: .bits)],
        build: SurprisalFigure.build)
}

enum SurprisalFigure {
    /// The marked events: from certainty (no information) to a 1-in-1000 event (about 10 bits).
    static let events: [(name: String, prose: String, tex: String, p: Double)] = [
        ("certain event", "a certain event", "1", 1),
        ("fair coin", "a fair coin landing heads", "1/2", 0.5),
        ("die shows a six", "a die showing six", "1/6", 1.0 / 6),
        ("1 in 100", "a 1-in-100 event", "0.01", 0.01),
        ("1 in 1000", "a 1-in-1000 event", "0.001", 0.001),
    ]

    /// Values printed with three decimals unless they are whole numbers (0 bits, 1 bit).
    static func valueText(_ v: Double, _ unit: InfoUnit) -> String {
        let whole = abs(v - v.rounded()) < 1e-12
        let n = whole ? CourseFigures.fixed(v, 0) : CourseFigures.fixed(v, 3)
        return "\(n) \(CourseFigures.unitName(unit, value: whole ? v.rounded() : nil))"
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let values = try events.map { try surprisal($0.p, unit: unit) }
        let top = (values.max() ?? 1) * 1.12
        // Log-spaced samples resolve the steep part near p = 0; they start just above the clipped top.
        let pMin = exp(-top * unit.natsPerUnit * 1.05)
        let ps = CourseFigures.geomspace(pMin, 1, 600)
        let curve = ps.map { unit.fromNats(-log($0)) }
        let accent: Paint = .series(1)

        var marks: [Mark] = [
            .line(Line(x: ps, y: curve, label: "$-\(CourseFigures.logSymbol(unit)) p$", color: .series(0))),
            .scatter(Scatter(points: zip(events, values).map { Point($0.0.p, $0.1) }, color: accent)),
        ]
        // Text anchors in fractions of the axes, chosen so the labels fan out to the right of the
        // steep part of the curve and each leader stays short.
        let anchors: [(Double, Double)] = [(0.84, 0.2), (0.62, 0.32), (0.38, 0.45), (0.25, 0.65), (0.22, 0.88)]
        for (k, e) in events.enumerated() {
            let text = "\(e.name), $p = \(e.tex)$\n\(valueText(values[k], unit))"
            let (fx, fy) = anchors[k % anchors.count]
            marks.append(.annotation(Annotation(text, point: Point(e.p, values[k]), textAt: Point(fx, fy * top))))
        }
        let panel = Panel(
            title: "Surprisal $I(p) = -\(CourseFigures.logSymbol(unit)) p$",
            x: Axis(label: "probability of the event $p$", limits: .fixed(0, 1)),
            y: Axis(label: "surprisal [\(unit.rawValue)]", limits: .fixed(0, top)),
            marks: marks, legend: .none)
        let list = zip(events, values).map { "\(valueText($0.1, unit)) for \($0.0.prose) (p = \($0.0.tex))" }
        let description = "Surprisal −\(unit == .bits ? "log₂" : unit == .nats ? "ln" : "log₁₀") p in \(unit.rawValue) for p from 0 to 1: "
            + list.joined(separator: ", ")
            + ". The curve is 0 at p = 1 and grows without bound as p approaches 0."
        return Figure(title: "Surprisal in \(unit.rawValue)", description: description, size: ctx.size, theme: ctx.theme,
                      panels: [panel])
    }
}
