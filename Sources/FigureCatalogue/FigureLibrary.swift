import FigureModel
import Foundation
import InfoRequests
import PlotGrammar

/// The figures one run can draw: the built-in catalogue, then the user's own plot specs from a
/// folder (`--figures DIR`, default `Figures/` beside `Templates/`), each named after its file.
/// A user figure is a `CatalogueEntry` like the built-in ones: its spec's one `params:`
/// declaration gives the parameters `--set`, `infoplot figures` and templates see.
public struct FigureLibrary: Sendable {
    /// The user's figures, after the built-in ones (which are parsed only when used).
    let userEntries: [CatalogueEntry]
    /// The user's specs by figure name (a template's ```figure block draws them with the grammar).
    public let specs: [String: PlotSpec]

    public static let builtIn = FigureLibrary(userEntries: [], specs: [:])

    private init(userEntries: [CatalogueEntry], specs: [String: PlotSpec]) {
        self.userEntries = userEntries
        self.specs = specs
    }

    /// Every figure: the built-in ones, then the user's.
    public var entries: [CatalogueEntry] { Catalogue.entries + userEntries }

    /// Spec files a figures folder may hold; anything else there is ignored (CSV files beside them).
    public static let specExtensions = ["yaml", "yml", "json"]

    /// The built-in figures and the specs in `folder` (sorted by file name). A spec error names
    /// its file, line and column; a name that is already a figure is refused.
    public init(folder: String) throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CatalogueError("cannot read the figures folder '\(folder)'")
        }
        var entries: [CatalogueEntry] = []
        var specs: [String: PlotSpec] = [:]
        for file in files.sorted() where Self.specExtensions.contains((file as NSString).pathExtension.lowercased()) {
            let name = (file as NSString).deletingPathExtension
            let path = (folder as NSString).appendingPathComponent(file)
            guard !Catalogue.names.contains(name), !entries.contains(where: { $0.name == name }) else {
                throw CatalogueError("\(path): the figure name '\(name)' is taken (a built-in figure or another file); rename the file")
            }
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw CatalogueError("cannot read '\(path)': \(error.localizedDescription)")
            }
            let spec = try PlotSpec(yaml: text, file: path, baseDirectory: folder)
            specs[name] = spec
            entries.append(Self.entry(name: name, spec: spec))
        }
        self.init(userEntries: entries, specs: specs)
    }

    /// `folder` when given, else `Figures/` in `directory` when it exists, else the built-in figures.
    public static func load(folder: String?, besides directory: String = ".") throws -> FigureLibrary {
        if let folder { return try FigureLibrary(folder: folder) }
        let fallback = (directory as NSString).appendingPathComponent("Figures")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fallback, isDirectory: &isDirectory), isDirectory.boolValue else { return .builtIn }
        return try FigureLibrary(folder: fallback)
    }

    public var names: [String] { Catalogue.names + userEntries.map(\.name) }

    public func entry(named name: String) throws -> CatalogueEntry {
        if Catalogue.names.contains(name) { return BuiltInSpecs.cached(name) }
        guard let e = userEntries.first(where: { $0.name == name }) else {
            throw CatalogueError(unknownNameMessage("figure", name, known: names, knownLabel: "known figures"))
        }
        return e
    }

    /// Builds a figure from user-supplied parameters (CLI `--set` or a handout's figure block).
    public func figure(named name: String, parameters: [(String, JSONValue)] = [],
                       context: FigureContext = FigureContext()) throws -> Figure {
        let e = try entry(named: name)
        return try e.build(try FigureArguments(entry: e, given: parameters), context)
    }

    /// A spec as a catalogue entry: its `summary:` (else its title) is the summary, its `params:` the parameters.
    static func entry(name: String, spec: PlotSpec, sizeNote: String? = nil) -> CatalogueEntry {
        let parameters = spec.parameters.map { p in
            ParameterSpec(p.name, ParameterKind(p.kind), default: p.defaultValue, help: p.help, choices: p.choices,
                          minimum: p.minimum, maximum: p.maximum)
        }
        return CatalogueEntry(name: name, summary: spec.summary ?? spec.title ?? "Your figure from \(spec.file).", parameters: parameters,
                              sizeNote: sizeNote ?? spec.sizeNote, spec: spec) { args, context in
            let settings = Dictionary(uniqueKeysWithValues: spec.parameters.map { ($0.name, args.value($0.name)) })
            do { return try spec.figure(settings: settings, theme: context.theme, size: context.size) } catch let e as PlotSpecError {
                if let p = e.parameter, let detail = e.detail { throw CatalogueError("parameter '\(p)' of figure '\(name)': \(detail)") }
                throw CatalogueError(e.description)
            }
        }
    }
}

extension ParameterKind {
    /// Every spec parameter type is a catalogue parameter kind of the same name.
    init(_ kind: PlotParameter.Kind) {
        switch kind {
        case .number: self = .number
        case .integer: self = .integer
        case .boolean: self = .boolean
        case .string: self = .string
        case .numbers: self = .numbers
        case .table: self = .table
        case .choice: self = .choice
        case .mixture: self = .mixture
        case .strings: self = .strings
        case .models: self = .models
        case .ensembles: self = .ensembles
        }
    }
}
