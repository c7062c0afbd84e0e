import PlotGrammar

/// Templates and plot specs share one position type (the YAML reader's).
public typealias SourcePosition = PlotGrammar.SourcePosition

/// Template YAML (front matter, figure and plot blocks) through the one YAML reader, its errors
/// reported as template errors.
func parseTemplateYAML(_ text: String, file: String, firstLine: Int, columnOffset: Int = 0) throws -> YAMLNode? {
    do { return try parseYAML(text, file: file, firstLine: firstLine, columnOffset: columnOffset) } catch let e as PlotSpecError {
        throw TemplateError(file: e.file, at: e.position, e.message)
    }
}

/// Every problem in a template, reported the way compilers do so editors can jump to it:
/// `Templates/x.md:12:5: error: unknown value 'kl_wether' (known: kl_weather, h_weather)`.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(file: String, at position: SourcePosition, _ message: String) {
        self.init(file: file, line: position.line, column: position.column, message: message)
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Lists names for error messages in their declared order, cut short so one message stays one line.
func knownList(_ names: [String], limit: Int = 12) -> String {
    if names.isEmpty { return "none" }
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? shown + ", …" : shown
}
