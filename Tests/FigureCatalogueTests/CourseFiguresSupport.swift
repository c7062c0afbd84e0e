import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import FigureCatalogue

/// Helpers shared by the course-figure tests.
enum CourseKit {
    static func build(_ name: String, _ params: [(String, JSONValue)] = [], theme: Theme = .light,
                      size: FigureSize = .handout) throws -> Figure {
        try Catalogue.figure(named: name, parameters: params, context: FigureContext(theme: theme, size: size))
    }

    /// Every piece of text the figure shows: titles, axis labels, labelled ticks, text marks,
    /// annotations and legend entries.
    static func texts(_ f: Figure) -> [String] {
        var out: [String] = []
        for p in f.panels {
            out += [p.title, p.x.label, p.y.label, p.legendTitle].compactMap { $0 }
            if case .labeled(let ticks) = p.x.ticks { out += ticks.map(\.1) }
            for m in p.marks {
                switch m {
                case .line(let l): if let s = l.label { out.append(s) }
                case .area(let a): if let s = a.label { out.append(s) }
                case .scatter(let s): if let t = s.label { out.append(t) }
                case .bars(let b): out += b.categories + b.series.compactMap(\.label)
                case .text(let t): out.append(t.text)
                case .annotation(let a): out.append(a.text)
                case .shape(let s): if let t = s.label { out.append(t) }
                case .reference(let r): if let t = r.label { out.append(t) }
                default: break
                }
            }
        }
        return out
    }

    static func shows(_ f: Figure, _ fragment: String) -> Bool { texts(f).contains { $0.contains(fragment) } }

    /// `x` with `d` decimals and U+2212 for minus, as the figures print numbers.
    static func fmt(_ x: Double, _ d: Int) -> String {
        String(format: "%.\(d)f", x).replacingOccurrences(of: "-", with: "\u{2212}")
    }

    static func bars(_ p: Panel) -> [Bars] { p.marks.compactMap { if case .bars(let b) = $0 { b } else { nil } } }

    /// The error message a build with these parameters throws ("" if it does not throw).
    static func error(_ name: String, _ params: [(String, JSONValue)]) -> String {
        do { _ = try build(name, params); return "" } catch { return "\(error)" }
    }

    static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(JSONValue.number)) }
}
