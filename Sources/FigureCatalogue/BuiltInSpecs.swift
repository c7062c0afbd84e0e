import Foundation
import PlotGrammar

/// Catalogue figures that are plot specs (Catalogue/NAME.yaml, embedded by
/// Scripts/generate-catalogue.py): drawn by the same grammar as users' specs, their `params:`
/// the one declaration of their parameters. `infoplot figure NAME --print-spec` prints one.
enum BuiltInSpecs {
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
