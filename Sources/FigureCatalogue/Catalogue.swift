import FigureModel
import InfoRequests

/// The figure catalogue: every named figure, in the order `infoplot figures` lists them.
public enum Catalogue {
    /// Every built-in figure's name, in the order of the course: entropy, divergence, mutual
    /// information, likelihood, beyond.
    public static let names = [
        "entropy-curve", "surprisal", "distribution-compare", "cross-entropy-decomposition", "kl-asymmetry",
        "kl-fits", "gaussian-kl-surface", "entropy-venn", "mi-vs-correlation", "likelihood-curve",
        "lindley", "maxent", "elbo", "ensemble-uncertainty",
    ]

    /// Every built-in figure (each spec parsed on first use; see `BuiltInSpecs.cached`).
    public static var entries: [CatalogueEntry] { names.map(BuiltInSpecs.cached) }

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
