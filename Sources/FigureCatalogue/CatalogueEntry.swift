import FigureModel
import InfoRequests
import PlotGrammar

/// What a parameter accepts; used for validation, `infoplot figures` and the JSON listing.
public enum ParameterKind: String, Sendable, CaseIterable {
    case number, integer, boolean, choice, string
    case numbers        // [Double]
    case strings        // [String]
    case table          // [[Double]], rows
    case mixture        // [{weight, mu, sigma}]
    case models         // [{name, q: [Double]}]
    case ensembles      // [{name, models: [[Double]]}]
}

public struct ParameterSpec: Sendable {
    public let name: String
    public let kind: ParameterKind
    public let defaultValue: JSONValue
    public let help: String
    /// Allowed values when `kind == .choice`.
    public let choices: [String]
    /// Bounds of a numeric parameter (each number of a list or table), when declared.
    public let minimum: Double?
    public let maximum: Double?

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: JSONValue, help: String,
                choices: [String] = [], minimum: Double? = nil, maximum: Double? = nil) {
        self.name = name; self.kind = kind; self.defaultValue = defaultValue; self.help = help
        self.choices = choices; self.minimum = minimum; self.maximum = maximum
    }
}

/// Theme and size chosen by the caller; a catalogue builder only decides the content.
public struct FigureContext: Sendable {
    public var theme: Theme
    public var size: FigureSize
    public init(theme: Theme = .light, size: FigureSize = .handout) { self.theme = theme; self.size = size }
}

/// One named, parameterised lecture figure.
public struct CatalogueEntry: Sendable {
    public let name: String
    public let summary: String
    public let parameters: [ParameterSpec]
    public let build: @Sendable (FigureArguments, FigureContext) throws -> Figure
    /// Which panels each size keeps, for figures that drop some at narrow sizes (`infoplot figures`
    /// lists it; the figure's description repeats it when panels were dropped).
    public let sizeNote: String?
    /// The plot spec the figure is drawn from, when it is one (built-in specs and the user's own).
    public let spec: PlotSpec?

    public init(name: String, summary: String, parameters: [ParameterSpec], sizeNote: String? = nil, spec: PlotSpec? = nil,
                build: @escaping @Sendable (FigureArguments, FigureContext) throws -> Figure) {
        self.name = name; self.summary = summary; self.parameters = parameters; self.sizeNote = sizeNote; self.spec = spec
        self.build = build
    }
}
