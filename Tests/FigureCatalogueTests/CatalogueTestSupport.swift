import Foundation
import FigureModel
import InfoRequests
@testable import FigureCatalogue

/// Every string a reader sees in a figure's panels: titles, text, annotations, legend labels.
func visibleTexts(_ f: Figure) -> [String] {
    var out: [String] = []
    for p in f.panels {
        if let t = p.title { out.append(t) }
        for m in p.marks {
            switch m {
            case .text(let t): out.append(t.text)
            case .annotation(let a): out.append(a.text)
            case .line(let l): if let s = l.label { out.append(s) }
            case .area(let a): if let s = a.label { out.append(s) }
            case .scatter(let s): if let t = s.label { out.append(t) }
            case .shape(let s): if let t = s.label { out.append(t) }
            default: break
            }
        }
    }
    return out
}

func contains(_ f: Figure, _ needle: String) -> Bool { visibleTexts(f).contains { $0.contains(needle) } }

/// Three decimals as the figures print them (U+2212 minus, trailing zeros dropped).
func printed(_ x: Double) -> String {
    var s = String(format: "%.3f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s.replacingOccurrences(of: "-", with: "\u{2212}")
}

func errorMessage(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}

func figure(_ name: String, _ params: [(String, JSONValue)] = []) throws -> Figure {
    try Catalogue.figure(named: name, parameters: params)
}
