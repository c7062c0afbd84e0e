/// A position in a template file: 1-based line and column (columns count characters).
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
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
