import Foundation
import Expressions
import FigureModel
import InfoRequests

extension SpecCompiler {
    /// One `{{…}}` of a text: `expr`, or `expr:FORMAT` with FORMAT = [.]DIGITS [UNIT]:
    /// - DIGITS, a whole number from 0 to 12 or `(expr)` giving one: that many decimals, trailing
    ///   zeros dropped ("0.5"); after a `.` they are kept ("0.500", beside "0.557" in one legend);
    /// - UNIT, an expression giving the unit's plural, printed after the number and in the singular
    ///   for a value printed as 1 ("1 bit", "0.5 bits").
    /// A list prints item by item, joined with ", " ("0.5, 0.3, 0.2"); ±∞ prints as ∞. A value
    /// that is undefined (NaN) is an error, never printed.
    func interpolated(_ source: String, at: YAMLNode, what: String, locals: Scope) throws -> String {
        var inner = source
        var decimals: Int?, keepZeros = false, unitText: String?
        if let colon = inner.lastIndex(of: ":") {
            var format = Substring(inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            let zerosKept = format.hasPrefix(".")
            if zerosKept { format = format.dropFirst() }
            var digitsText = String(format.prefix(while: \.isNumber))
            var d = Int(digitsText)
            if d == nil, format.hasPrefix("("), let shut = format.firstIndex(of: ")") {
                digitsText = String(format[...shut])
                let v = try expression(String(digitsText.dropFirst().dropLast()), at: at).value(in: locals)
                guard case .number(let x) = v, x == x.rounded(), (0...12).contains(x) else {
                    throw reader.error(at, "\(what): the decimals \(digitsText) must give a whole number from 0 to 12, got \(v.serialized)")
                }
                d = Int(x)
            }
            if let d, (0...12).contains(d) {
                decimals = d
                keepZeros = zerosKept
                let unitSource = format.dropFirst(digitsText.count).trimmingCharacters(in: .whitespaces)
                if !unitSource.isEmpty {
                    let u = try expression(unitSource, at: at).value(in: locals)
                    guard case .string(let t) = u else { throw reader.error(at, "\(what): the unit '\(unitSource)' must give text, got \(u.serialized)") }
                    unitText = t
                }
                inner = String(inner[..<colon])
            }
        }
        let v = try expression(inner, at: at).value(in: locals)
        func printed(_ v: JSONValue) throws -> String {
            switch v {
            case .number(let x):
                guard !x.isNaN else { throw reader.error(at, "'\(inner.trimmingCharacters(in: .whitespaces))' is undefined here (NaN); nothing to print") }
                let text = decimals.map { fixedDecimal(x, decimals: $0, trimmed: !keepZeros) } ?? formatNumber(x)
                return unitText.map { quantityWithUnit(text, plural: $0) } ?? text
            case .string(let t): return t
            case .bool(let b): return b ? "true" : "false"
            case .array(let items): return try items.map(printed).joined(separator: ", ")
            default: return v.serialized
            }
        }
        return try printed(v)
    }
}
