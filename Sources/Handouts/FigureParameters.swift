import FigureCatalogue

/// The catalogue's figures and parameters as templates see them, so a misspelt figure or parameter is
/// an error at its line instead of a silently ignored key. Derived from the catalogue's entries, so a
/// parameter added to a figure is usable in templates at once. `text` parameters take words
/// (`unit: bits`); `data` parameters take numbers, lists, tables or references to `data:`/`values:` —
/// a bare word there is an unknown reference.
enum FigureParameters {
    enum Kind: Sendable { case text, data }
    struct Parameter: Sendable {
        var name: String
        var kind: Kind
    }

    static let names: [String] = Catalogue.names
    /// The parameters of built-in figure `name` (its spec parsed only when a template draws it).
    static func parameters(of name: String) -> [Parameter]? {
        guard let entry = try? Catalogue.entry(named: name) else { return nil }
        return entry.parameters.map { spec in
            Parameter(name: spec.name, kind: spec.kind == .choice || spec.kind == .string ? .text : .data)
        }
    }
}
