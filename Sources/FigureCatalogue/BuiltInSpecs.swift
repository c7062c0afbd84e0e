import Foundation
import PlotGrammar

/// Catalogue figures that are plot specs (Catalogue/NAME.yaml, embedded by
/// Scripts/generate-catalogue.py): drawn by the same grammar as users' specs, their `params:`
/// the one declaration of their parameters. `infoplot figure NAME --print-spec` prints one.
enum BuiltInSpecs {
    /// The built-in entries parsed so far. Parsing all fourteen specs costs a run about 17 ms
    /// (YAML tag resolution), more than drawing a figure; a run parses only those it touches.
    private static let parsed = ParsedEntries()

    /// The entry of built-in figure `name` (one of `Catalogue.names`), parsed on first use.
    static func cached(_ name: String) -> CatalogueEntry { parsed.entry(name) }

    /// The parsed spec of a built-in figure. The files are checked by BuiltInSpecTests; a spec
    /// that still failed to parse would make its figure's every build fail with the located error.
    static func entry(_ name: String, sizeNote: String? = nil) -> CatalogueEntry {
        let file = "\(name).yaml"
        do {
            let spec = try PlotSpec(yaml: sources[name] ?? "", file: file, baseDirectory: ".")
            return FigureLibrary.entry(name: name, spec: spec, sizeNote: sizeNote)
        } catch {
            return CatalogueEntry(name: name, summary: "(the built-in spec \(file) does not parse)", parameters: []) { _, _ in
                throw CatalogueError("\(error)")
            }
        }
    }
}

/// The built-in entries parsed so far, by name.
private final class ParsedEntries: @unchecked Sendable {
    // @unchecked: `table` is only touched under `lock`.
    private let lock = NSLock()
    private var table: [String: CatalogueEntry] = [:]

    func entry(_ name: String) -> CatalogueEntry {
        lock.lock(); defer { lock.unlock() }
        if let e = table[name] { return e }
        let e = BuiltInSpecs.entry(name)
        table[name] = e
        return e
    }
}
