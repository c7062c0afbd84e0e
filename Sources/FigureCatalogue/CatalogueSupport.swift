import Foundation
import FigureModel
import InfoTheory
import InfoRequests

/// Fixed decimals with trailing zeros removed and U+2212 for minus: "0.469", "1", "−2.09".
/// Labels and descriptions print the same digits, so tests can recompute them. Results printed
/// side by side to be compared (the divergences in one legend) keep their zeros (`trim: false`):
/// "0.510" beside "0.557", not "0.51". An undefined value (NaN) prints as "undefined", the word
/// the expression language and the templates use for it: never "NaN", never a number (CEO brief).
func fixedText(_ x: Double, _ decimals: Int = 3, trim: Bool = true) -> String {
    x.isNaN ? undefinedText : fixedDecimal(x, decimals: decimals, trimmed: trim)
}

/// What a label or description shows for an undefined value.
let undefinedText = "undefined"

/// "1 bit", "0.469 bits", "0.325 nats"; an undefined value is "undefined", without a unit.
func quantityText(_ x: Double, unit: InfoUnit, decimals: Int = 3) -> String {
    withUnit(fixedText(x, decimals), unit)
}

/// A printed number and its unit, agreeing in number: "1 bit", "−1 bit", "0 bits", "1.50 bits"
/// (only a value printed as exactly one takes the singular).
func withUnit(_ printed: String, _ unit: InfoUnit) -> String {
    guard printed != undefinedText else { return printed }
    let one = printed == "1" || printed == "\(minusSign)1" || printed == "-1"
    return printed + " " + (one ? String(unit.rawValue.dropLast()) : unit.rawValue)
}

/// The logarithm that measures in `unit`, as TeX.
func logTeX(_ unit: InfoUnit) -> String {
    switch unit {
    case .bits: "\\log_2"
    case .nats: "\\ln"
    case .hartleys: "\\log_{10}"
    }
}

/// Same, as plain Unicode for descriptions.
func logPlain(_ unit: InfoUnit) -> String {
    switch unit {
    case .bits: "log₂"
    case .nats: "ln"
    case .hartleys: "log₁₀"
    }
}

/// Numerics errors become catalogue errors that name the figure and the parameter at fault.
func rethrowing<T>(_ figure: String, _ parameter: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as CatalogueError { throw e } catch {
        throw CatalogueError("parameter '\(parameter)' of figure '\(figure)': \(withoutRequestHints("\(error)"))")
    }
}

/// The numerics suggest a `normalize` option that requests have and figures do not: a hint names
/// only options that exist where it is given, so figure errors drop it.
func withoutRequestHints(_ message: String) -> String {
    message.replacingOccurrences(of: "; pass normalize to rescale", with: "")
}

/// `n` evenly spaced values over [a, b].
func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
    (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
}

extension Figure {
    /// The figure with the caller's theme and size.
    func styled(_ context: FigureContext) -> Figure {
        var f = self
        f.theme = context.theme
        f.size = context.size
        return f
    }
}
