import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// Aleatoric vs epistemic uncertainty of model ensembles, beside each ensemble's members.
    static let ensembleUncertainty = CatalogueEntry(
        name: "ensemble-uncertainty",
        summary: "Ensemble members' forecasts and the split of each ensemble's entropy into aleatoric and epistemic parts",
        parameters: [
            ParameterSpec("labels", .strings, default: CourseData.climateBins, help: "outcome (bin) names, one per class"),
            ParameterSpec("ensembles", .ensembles, default: CourseData.climateEnsembles,
                          help: "a JSON list of {name, models}, models a list of probability vectors over the labels"),
            ParameterSpec("x_label", .string, default: .string("warming [°C]"), help: "axis label of the outcomes"),
            CourseFigures.unitParameter(default: .nats),
        ],
        sizeNote: EnsembleUncertaintyFigure.sizeNote,
        build: EnsembleUncertaintyFigure.build)
}

enum EnsembleUncertaintyFigure {
    static let sizeNote = CourseFigures.sizeNote(kept: "the entropy-of-the-mean panel is",
                                                 dropped: "the member-forecast panels (one per ensemble) are")

    struct Row { var name: String; var models: [[Double]]; var u: EnsembleUncertainty }

    static func rows(_ args: FigureArguments) throws -> [Row] {
        let fig = args.figure, unit = CourseFigures.unit(args)
        let ens = try args.ensembles("ensembles")
        guard !ens.isEmpty, ens.count <= 4 else {
            throw CourseFigures.fail(fig, "ensembles", "\(ens.count) ensembles; expected 1 to 4")
        }
        var rows: [Row] = []
        for e in ens {
            guard !e.models.isEmpty else { throw CourseFigures.fail(fig, "ensembles", "ensemble '\(e.name)' has no models") }
            let u = try CourseFigures.checked(fig, "ensembles") {
                do { return try ensembleUncertainty(models: e.models, unit: unit) } catch let x as InfoTheoryError {
                    throw InfoTheoryError("ensemble '\(e.name)': \(x.message)")
                }
            }
            if let first = rows.first, first.models[0].count != e.models[0].count {
                throw CourseFigures.fail(fig, "ensembles", "ensemble '\(e.name)' has \(e.models[0].count) classes but '\(first.name)' has \(first.models[0].count)")
            }
            rows.append(Row(name: e.name, models: e.models, u: u))
        }
        return rows
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let rows = try rows(args)
        let k = rows[0].models[0].count
        let labels = try CourseFigures.labels(args, "labels", count: k)
        let theme = ctx.theme
        let xs = (0..<k).map(Double.init)
        let top = (rows.flatMap { $0.models.flatMap { $0 } }.max() ?? 1) * 1.3
        let ticks = TickSpec.labeled(zip(xs, labels).map { ($0, $1) })
        // Stacked in one column (portrait sizes) the panels are wide and short: legends go outside,
        // which also keeps the three plot areas the same width.
        let portrait = ctx.size.widthInches < 1.2 * ctx.size.heightInches

        var panels: [Panel] = []
        for r in rows {
            let mean = (0..<k).map { j in r.models.map { $0[j] }.reduce(0, +) / Double(r.models.count) }
            var marks: [Mark] = r.models.enumerated().map { i, m in
                .line(Line(x: xs, y: m, label: i == 0 ? "members" : nil, color: .muted.opacity(0.75),
                           style: .solid, width: 0.9 * ctx.size.baseFontSize / 10, marker: .circle))
            }
            marks.append(.line(Line(x: xs, y: mean, label: "ensemble mean", color: .series(0),
                                    style: .solid, width: 2.2 * ctx.size.baseFontSize / 10)))
            panels.append(Panel(title: r.name, x: Axis(label: args.string("x_label"), limits: .fixed(-0.4, Double(k) - 0.6), ticks: ticks),
                                y: Axis(label: "probability", limits: .fixed(0, top)), marks: marks,
                                legend: portrait ? .outsideRight : .upperRight))
        }

        let d = CourseFigures.decimals(for: rows.flatMap { [$0.u.total, $0.u.aleatoric, $0.u.epistemic] })
        let f = { (x: Double) in CourseFigures.fixed(x, d) }
        let totalTop = (rows.map(\.u.total).max() ?? 1) * (portrait ? 1.6 : 1.75)
        // Long names wrap at their first space; if one wraps, all do, so the tick labels line up.
        let wrap = rows.contains { $0.name.count > 12 }
        var marks: [Mark] = [.bars(Bars(categories: rows.map { wrap ? shortName($0.name) : $0.name }, series: [
            .init(label: "aleatoric", values: rows.map(\.u.aleatoric), color: .series(2)),
            .init(label: "epistemic", values: rows.map(\.u.epistemic), color: .series(1)),
        ], mode: .stacked, groupWidth: 0.62))]
        for (i, r) in rows.enumerated() {
            let share = r.u.total > 0 ? 100 * r.u.epistemic / r.u.total : 0
            // The bar height is the total (the panel's title says so); the second line gives the
            // epistemic share, which is what the comparison is about. Short lines fit narrow panels.
            marks.append(.text(TextLabel("\(f(r.u.total))\n\(CourseFigures.fixed(share, 1)) % epist.",
                                         at: Point(Double(i), r.u.total + 0.02 * totalTop), vertical: .bottom, scale: 0.9)))
        }
        panels.append(Panel(title: "Entropy of the mean", y: Axis(label: "total [\(unit.rawValue)]", limits: .fixed(0, totalTop)),
                            marks: marks, legend: portrait ? .outsideRight : .upperCenter))

        let parts = rows.map { r in
            "\(r.name) (\(r.models.count) models): total H = \(f(r.u.total)), aleatoric \(f(r.u.aleatoric)), epistemic \(withUnit(f(r.u.epistemic), unit)) (\(CourseFigures.fixed(r.u.total > 0 ? 100 * r.u.epistemic / r.u.total : 0, 1)) % of the total)"
        }
        var text = "Forecast distributions of each ensemble's members over \(labels.joined(separator: ", ")) with the ensemble mean, "
            + "and the entropy of the mean forecast split into aleatoric uncertainty (mean entropy of the members) and epistemic "
            + "uncertainty (their disagreement, the mean KL divergence to the ensemble mean). " + parts.joined(separator: "; ") + "."
        let (arranged, columns, dropped) = CourseFigures.arrange(panels, essential: [panels.count - 1], size: ctx.size)
        if dropped { text += " " + Self.sizeNote }
        return Figure(title: "Aleatoric and epistemic uncertainty of model ensembles", description: text, size: ctx.size,
                      theme: theme, panels: arranged, columns: columns)
    }

    /// The name on two lines, broken at its first space.
    static func shortName(_ s: String) -> String {
        guard let space = s.firstIndex(of: " ") else { return s }
        return s[..<space] + "\n" + s[s.index(after: space)...]
    }
}
