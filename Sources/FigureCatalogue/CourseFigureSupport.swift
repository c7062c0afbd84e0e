import Foundation
import FigureModel
import InfoRequests
import PlotGrammar
import InfoTheory

/// Shared helpers of the course figures still written as Swift recipes (ensemble-uncertainty, …).
/// Kept in one namespace so nothing collides with other catalogue files in the same module.
enum CourseFigures {
    // MARK: JSON defaults

    static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(JSONValue.number)) }
    static func strings(_ xs: [String]) -> JSONValue { .array(xs.map(JSONValue.string)) }
    static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members) }

    // MARK: units

    static let unitChoices = InfoUnit.allCases.map(\.rawValue)

    static func unitParameter(default unit: InfoUnit) -> ParameterSpec {
        ParameterSpec("unit", .choice, default: .string(unit.rawValue),
                      help: "logarithm base of every information quantity shown: bits (log₂), nats (ln) or hartleys (log₁₀)",
                      choices: unitChoices)
    }

    static func unit(_ args: FigureArguments) -> InfoUnit { InfoUnit(rawValue: args.string("unit")) ?? .bits }

    // MARK: numbers as text

    /// `decimals` digits after the point, U+2212 for minus, "∞" for infinity; "−0.000" prints as
    /// "0.000"; NaN as "undefined" (`fixedText`, untrimmed).
    static func fixed(_ x: Double, _ decimals: Int) -> String { fixedText(x, decimals, trim: false) }

    /// Decimals that give the smallest non-zero finite magnitude at least two significant digits
    /// (3 at least, 6 at most), so one figure prints all its values with the same precision.
    static func decimals(for values: [Double], minimum: Int = 3) -> Int {
        let small = values.filter { $0.isFinite && $0 != 0 }.map(abs).min() ?? 1
        return min(6, max(minimum, 1 - Int(floor(log10(small)))))
    }

    /// "1 head", "4 heads".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Unicode rendering of p^h (1 − p)^t for descriptions, dropping exponents of 1 and absent factors.
    static func plainPower(_ base: String, _ n: Int) -> String {
        n == 0 ? "" : (n == 1 ? base : base + String(n).map { superscriptDigits[$0] ?? "" }.joined())
    }
    private static let superscriptDigits: [Character: String] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]

    // MARK: errors

    static func fail(_ figure: String, _ parameter: String, _ message: String) -> CatalogueError {
        CatalogueError("parameter '\(parameter)' of figure '\(figure)': \(message)")
    }

    /// Runs a numerics call, turning its error into one that names the figure and parameter.
    static func checked<T>(_ figure: String, _ parameter: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as InfoTheoryError {
            throw fail(figure, parameter, withoutRequestHints(e.message))
        }
    }

    /// Category labels: the given ones if there are exactly `count`, "1", "2", … when none are given.
    static func labels(_ args: FigureArguments, _ name: String, count: Int) throws -> [String] {
        let l = args.strings(name)
        if l.isEmpty { return (0..<count).map { String($0 + 1) } }
        guard l.count == count else {
            throw fail(args.figure, name, "\(l.count) labels for \(count) outcomes; give one label per outcome")
        }
        return l
    }

    // MARK: arrangement

    /// Panels for the figure's shape: a portrait size (half-slide) stacks them in one column; a
    /// small landscape size (column, under 5 in wide) keeps only the essential ones side by side;
    /// anything else puts them in one row.
    /// `dropped` says whether panels were left out, so the caller's description can say so.
    static func arrange(_ panels: [Panel], essential: [Int], size: FigureSize) -> (panels: [Panel], columns: Int, dropped: Bool) {
        if size.widthInches < 1.2 * size.heightInches { return (panels, 1, false) }
        if isNarrow(size) {
            let kept = essential.isEmpty ? panels : essential.filter { panels.indices.contains($0) }.map { panels[$0] }
            return (kept, max(kept.count, 1), kept.count < panels.count)
        }
        return (panels, max(panels.count, 1), false)
    }

    /// A small landscape size, under 5 in wide (the column preset).
    static func isNarrow(_ size: FigureSize) -> Bool { size.widthInches < 5 && size.widthInches >= 1.2 * size.heightInches }

    /// The sentence of a figure's `sizeNote`: which panels are kept at column width and which dropped.
    static func sizeNote(kept: String, dropped: String) -> String {
        "At landscape sizes under 5 in wide (column) only \(kept) shown; \(dropped) left out. Other sizes show every panel."
    }

    // MARK: sampling

    /// n evenly spaced values from a to b inclusive.
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return [a] }
        return (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }
}
