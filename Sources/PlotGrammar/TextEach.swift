import Foundation
import Expressions
import InfoRequests

/// A description part repeated over a list, for alt text that reads out computed items:
///
///     - {each: {c: target}, text: "{{c.weight:3}}·N({{c.mu:3}}, {{c.sigma:3}}²)", separator: " + "}
///
/// `each:` binds one name to each item of the list (an expression's value, such as a mixture's
/// components or a fit's other optima), `index:` another to its position; the texts are joined by
/// `separator:` (default none). An empty list gives no text.
extension SpecCompiler {
    func eachText(_ part: YAMLNode, _ each: YAMLNode, text: YAMLNode) throws -> String {
        guard let entries = each.entries, entries.count == 1 else { throw reader.error(each, "each must be {name: list}") }
        let (name, listNode) = (entries[0].key, entries[0].value)
        guard case .array(let items) = try value(listNode) else {
            throw reader.error(listNode, "each: '\(name)' needs a list")
        }
        let separator = try part["separator"].map { try reader.string($0, "separator") } ?? ""
        // `index: i` also names the item's position, 0 first (`{{cycle(['dotted', 'dash-dot'], i)}}`).
        let index = try part["index"].map { try reader.string($0, "index") }
        return try items.enumerated().map { i, item in
            var local = scope.binding(name, item)
            if let index { local = local.binding(index, .number(Double(i))) }
            return try self.text(text, "description", locals: local)
        }.joined(separator: separator)
    }
}
