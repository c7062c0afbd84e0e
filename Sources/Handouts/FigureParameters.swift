import FigureCatalogue

/// The catalogue's figures and parameters as templates see them, so a misspelt figure or parameter is
/// an error at its line instead of a silently ignored key. Derived from `Catalogue.entries`, so a
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
    static let catalogue: [String: [Parameter]] = Dictionary(uniqueKeysWithValues: Catalogue.entries.map { entry in
        (entry.name, entry.parameters.map { spec in
            Parameter(name: spec.name, kind: spec.kind == .choice || spec.kind == .string ? .text : .data)
        })
    })
}
