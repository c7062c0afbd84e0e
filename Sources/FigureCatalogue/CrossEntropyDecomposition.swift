import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// H(p, q) = H(p) + KL(p‖q) as stacked bars for several models of one true distribution.
    static let crossEntropyDecomposition = CatalogueEntry(
        name: "cross-entropy-decomposition",
        summary: "Cross-entropy of several models split into the entropy of the truth and the KL penalty: H(p,q) = H(p) + KL(p‖q)",
        parameters: [
            ParameterSpec("labels", .strings, default: CourseData.animalLabels, help: "outcome names, one per entry of p"),
            ParameterSpec("p", .numbers, default: CourseData.animalP, help: "the true distribution p (sums to 1)"),
            ParameterSpec("models", .models, default: CourseData.animalModels,
                          help: "models to compare: a JSON list of {name, q}, each q a distribution over the same outcomes"),
            CourseFigures.unitParameter(default: .bits),
        ],
        sizeNote: CrossEntropyDecompositionFigure.sizeNote,
        build: CrossEntropyDecompositionFigure.build)
}

enum CrossEntropyDecompositionFigure {
    struct Row { var name: String; var q: [Double]; var crossEntropy: Double; var kl: Double }

    static let sizeNote = CourseFigures.sizeNote(kept: "the decomposition and the KL penalty panels are",
                                                 dropped: "the distributions panel is")

    /// The numbers the figure shows; also what the tests check.
    static func rows(_ args: FigureArguments) throws -> (p: [Double], h: Double, rows: [Row]) {
        let fig = args.figure
        let p = try CourseFigures.probabilities(args, "p")
        let unit = CourseFigures.unit(args)
        let models = try args.models("models")
        guard !models.isEmpty else { throw CourseFigures.fail(fig, "models", "no models given; expected at least one {name, q}") }
        let h = try entropy(p, unit: unit)
        let rows = try models.map { m in
            try CourseFigures.checked(fig, "models") {
                do {
                    let q = try validatedProbabilities(m.q, name: "q")
                    if q.count != p.count {
                        throw InfoTheoryError("q has \(q.count) entries but p has \(p.count); they must have the same length")
                    }
                    return Row(name: m.name, q: q, crossEntropy: try crossEntropy(p, q, unit: unit),
                               kl: try klDivergence(p, q, unit: unit))
                } catch let e as InfoTheoryError { throw InfoTheoryError("model '\(m.name)': \(e.message)") }
            }
        }
        return (p, h, rows)
    }

    /// Where the decomposition's axis starts when the penalties are too small to see from zero
    /// (under a tenth of H(p)): a nice number (Talbot et al.'s step for the range) about two
    /// largest penalties below H(p); nil when the axis should start at zero.
    static func zoomedBottom(h: Double, klMax: Double) -> Double? {
        guard h > 0, klMax > 0, klMax < 0.1 * h else { return nil }
        let step = ExtendedWilkinson.ticks(h - 2 * klMax, h + klMax, target: 5).step
        let b = floor((h - 2 * klMax) / step) * step
        return b > 0 ? b : nil
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let (p, h, rows) = try rows(args)
        let labels = try CourseFigures.labels(args, "labels", count: p.count)
        let d = CourseFigures.decimals(for: rows.map(\.kl) + [h])
        let f = { (x: Double) in CourseFigures.fixed(x, d) }
        let theme = ctx.theme

        // Left: the truth and every model over the outcomes.
        var series = [Bars.Series(label: "true $p$", values: p, color: .foreground.opacity(0.75))]
        for (i, r) in rows.enumerated() {
            series.append(Bars.Series(label: r.name, values: r.q, color: .series(i + 2)))
        }
        // Headroom above the tallest bar for the legend, one row per series.
        let pTop = (series.flatMap(\.values).max() ?? 1) * (1.12 + 0.09 * Double(series.count))
        let pTopBare = (series.flatMap(\.values).max() ?? 1) * 1.12
        // Stacked in one column (portrait sizes) the panels are wide and short, so a legend inside
        // would cover bars whatever the headroom: it goes to the right of the plot instead.
        let portrait = ctx.size.widthInches < 1.2 * ctx.size.heightInches
        let left = Panel(title: "Distributions", x: Axis(), y: Axis(label: "probability", limits: .fixed(0, portrait ? pTopBare : pTop)),
                         marks: [.bars(Bars(categories: labels, series: series))], legend: portrait ? .outsideRight : .auto)

        // Middle: H(p) at the bottom of every bar, the KL penalty on top, the total above. The
        // segments are labelled directly; the KL cap is often too thin to see, so the right panel
        // shows the penalties on their own scale.
        // Stacked in one column (portrait sizes) the panels are wide and short: one-line totals.
        let finite = rows.map(\.crossEntropy).filter(\.isFinite)
        let klMax = rows.map(\.kl).filter(\.isFinite).max() ?? 0
        // A KL penalty under a tenth of H(p) is a sliver on a bar from zero: the axis then starts
        // at `bottom`, a nice value below H(p) that leaves about two penalties of H(p) in view, and
        // shows a break mark, so the penalty reads as a part of the total and the identity stays.
        let bottom = zoomedBottom(h: h, klMax: klMax)
        let lo = bottom ?? 0
        let top = lo + ((finite.max() ?? h) - lo) * (bottom == nil ? (portrait ? 1.22 : 1.18) : (portrait ? 1.4 : 1.22))
        let klShown = rows.map { $0.kl.isFinite ? $0.kl : 10 * top }
        let hColor: Paint = .series(0), klColor: Paint = .series(1)
        var marks: [Mark] = [
            .bars(Bars(categories: rows.map(\.name), series: [
                .init(label: "$H(p)$", values: rows.map { _ in h }, color: hColor),
                .init(label: "$D_{\\mathrm{KL}}(p\\|q)$", values: klShown, color: klColor),
            ], mode: .stacked, groupWidth: 0.6)),
        ]
        let ink = hColor.contrastingInk
        for (i, r) in rows.enumerated() {
            marks.append(.text(TextLabel("$H(p)$\(portrait ? " = " : "\n")\(f(h))", at: Point(Double(i), (lo + h) / 2 + (bottom == nil ? 0 : 0.1 * (h - lo))), color: ink, fitWidth: 0.6)))
            let finiteTotal = r.crossEntropy.isFinite
            marks.append(.text(TextLabel("$H(p,q)$\(portrait ? " = " : "\n")\(f(r.crossEntropy))",
                                         at: Point(Double(i), finiteTotal ? r.crossEntropy + 0.02 * (top - lo) : top - 0.03 * (top - lo)),
                                         vertical: finiteTotal ? .bottom : .top, color: finiteTotal ? nil : .background, fitWidth: 0.95)))
        }
        let middle = Panel(title: "$H(p,q) = H(p) + D_{\\mathrm{KL}}(p\\|q)$", x: Axis(),
                           y: Axis(label: "[\(unit.rawValue)]", limits: .fixed(lo, top), broken: bottom != nil),
                           marks: marks, legend: .none)

        let klFinite = rows.map(\.kl).filter(\.isFinite)
        let klTop = max(klFinite.max() ?? 0, 1e-12) * 1.25
        var klMarks: [Mark] = [.bars(Bars(categories: rows.map(\.name), series: [
            .init(label: "$D_{\\mathrm{KL}}(p\\|q)$", values: rows.map { $0.kl.isFinite ? $0.kl : 10 * klTop }, color: klColor)],
                                        groupWidth: 0.6))]
        for (i, r) in rows.enumerated() {
            let finiteKL = r.kl.isFinite
            klMarks.append(.text(TextLabel(f(r.kl), at: Point(Double(i), finiteKL ? r.kl + 0.02 * klTop : 0.97 * klTop),
                                           vertical: finiteKL ? .bottom : .top, color: finiteKL ? nil : .background)))
        }
        let right = Panel(title: "KL penalty $D_{\\mathrm{KL}}(p\\|q)$", x: Axis(),
                          y: Axis(label: "[\(unit.rawValue)]", limits: .fixed(0, klTop)), marks: klMarks, legend: .none)

        let best = rows.filter { $0.kl.isFinite }.min { $0.kl < $1.kl }
        var text = "Cross-entropy of \(rows.count) model\(rows.count == 1 ? "" : "s") against the true distribution p = (\(CourseFigures.list(p))) over \(labels.joined(separator: ", ")), in \(unit.rawValue). "
            + "Each bar is H(p) = \(f(h)) plus the KL penalty: "
            + rows.map { "\($0.name) H(p,q) = \(f($0.crossEntropy)), KL(p‖q) = \(f($0.kl))" }.joined(separator: "; ") + "."
        if let best, rows.count > 1 {
            text += " \(best.name) has the smallest KL divergence"
            let others = rows.filter { $0.name != best.name && $0.kl.isFinite }
            if let second = others.min(by: { $0.kl < $1.kl }), best.kl > 0 {
                text += ", \(CourseFigures.fixed(second.kl / best.kl, 1)) times smaller than \(second.name)'s"
            }
            text += "."
        }
        if let bottom {
            text += " The decomposition's axis starts at \(withUnit(formatNumber(bottom, significant: 6), unit)) (marked by a break) so the KL part is visible."
        }
        let (panels, columns, dropped) = CourseFigures.arrange([left, middle, right], essential: [1, 2], size: ctx.size)
        if dropped { text += " " + sizeNote }
        return Figure(title: "Cross-entropy = entropy + KL divergence", description: text, size: ctx.size, theme: theme,
                      panels: panels, columns: columns)
    }
}
