import FigureModel
import InfoRequests

/// The figure catalogue: every named figure, in the order `infoplot figures` lists them.
public enum Catalogue {
    public static let entries: [CatalogueEntry] = [
        // in the order of the course: entropy, divergence, mutual information, likelihood, beyond
        BuiltInSpecs.entry("entropy-curve"), BuiltInSpecs.entry("surprisal"), BuiltInSpecs.entry("distribution-compare"),
        BuiltInSpecs.entry("cross-entropy-decomposition"), BuiltInSpecs.entry("kl-asymmetry"),
        BuiltInSpecs.entry("kl-fits"), BuiltInSpecs.entry("gaussian-kl-surface"), BuiltInSpecs.entry("entropy-venn"), BuiltInSpecs.entry("mi-vs-correlation"), BuiltInSpecs.entry("likelihood-curve"),
        BuiltInSpecs.entry("lindley"), BuiltInSpecs.entry("maxent"), BuiltInSpecs.entry("elbo"), BuiltInSpecs.entry("ensemble-uncertainty"),
    ]

    public static var names: [String] { entries.map(\.name) }

    public static func entry(named name: String) throws -> CatalogueEntry { try FigureLibrary.builtIn.entry(named: name) }

    /// Builds a figure from user-supplied parameters (CLI `--set` or a handout's figure block).
    public static func figure(named name: String, parameters: [(String, JSONValue)] = [],
                              context: FigureContext = FigureContext()) throws -> Figure {
        try FigureLibrary.builtIn.figure(named: name, parameters: parameters, context: context)
    }
}

public struct CatalogueError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
