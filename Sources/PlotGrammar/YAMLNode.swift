import Foundation
import InfoRequests
import Yams

/// A position in a source file (a spec, a template): 1-based line and column (columns count characters).
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Every spec problem, located as compilers do: `loss.yaml:12:5: error: unknown mark 'lin' (did you mean line?)`.
public struct PlotSpecError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var position: SourcePosition
    public var message: String
    /// Set when the error is about the value of one declared parameter (a failed `requires:`),
    /// with the message without its "parameter 'name': " prefix: a catalogue figure names itself there.
    public var parameter: String?
    public var detail: String?
    public init(file: String, at position: SourcePosition, _ message: String) {
        self.file = file; self.position = position; self.message = message
    }
    public var description: String { "\(file):\(position.line):\(position.column): error: \(message)" }
}

/// A YAML node with the source position of its start, so every later error (unknown key, bad
/// value, failed computation) can point at the exact key that caused it. The one YAML tree of
/// plot specs, template front matter and figure blocks. Yams' `Node` is a class tree that is not
/// `Sendable`; this is our value copy of it.
public struct YAMLNode: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case list([YAMLNode])
        case map([YAMLEntry])
    }
    public var kind: Kind
    /// Scalar text exactly as written (numbers from `data:` print as the author wrote them).
    public var text: String
    public var position: SourcePosition
    /// Written in quotes ('…' or "…"), so its text starts one column after `position`.
    public var isQuoted = false

    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var number: Double? { if case .number(let x) = kind { x } else { nil } }
    public var list: [YAMLNode]? { if case .list(let l) = kind { l } else { nil } }
    public var entries: [YAMLEntry]? { if case .map(let e) = kind { e } else { nil } }
    public func entry(_ key: String) -> YAMLEntry? { entries?.first { $0.key == key } }
    public subscript(key: String) -> YAMLNode? { entry(key)?.value }

    /// Plain JSON with no reference resolution.
    public var json: JSONValue {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map(\.json))
        case .map(let entries): return .object(entries.map { ($0.key, $0.value.json) })
        }
    }

    public var typeName: String {
        switch kind {
        case .null: return "nothing"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "text"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

public struct YAMLEntry: Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: YAMLNode
}

/// Parses YAML text (JSON is YAML) whose first line is line `firstLine` of `file` (columns shifted
/// by `columnOffset` for YAML that sits indented inside something else); nil for an empty text.
/// Anchors and aliases are refused, control characters in strings too (only tab and line breaks);
/// depth is bounded by libyaml itself (1000 levels), which the recursive walk below stays within.
public func parseYAML(_ text: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) throws -> YAMLNode? {
    func position(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(line: firstLine, column: 1) }
        return SourcePosition(line: firstLine + mark.line - 1, column: mark.column + columnOffset)
    }
    if let anchor = firstAnchor(in: text) {
        throw PlotSpecError(file: file, at: SourcePosition(line: firstLine + anchor.line - 1, column: anchor.column + columnOffset),
                            "bad YAML: anchors (&name) and aliases (*name) are not supported")
    }
    let root: Node?
    do {
        root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { " (\($0.text) at line \(position($0.mark).line))" } ?? ""
            throw PlotSpecError(file: file, at: position(mark), "bad YAML: \(problem)\(ctx)")
        case let .duplicatedKeysInMapping(duplicates, context):
            throw PlotSpecError(file: file, at: position(context.mark),
                                "bad YAML: duplicate key(s) \(duplicates.sorted().joined(separator: ", "))")
        case let .reader(problem, _, _, _):
            throw PlotSpecError(file: file, at: position(nil), "bad YAML: \(problem)")
        default:
            throw PlotSpecError(file: file, at: position(nil), "bad YAML: \(error)")
        }
    }
    guard let root else { return nil }
    var seen: Set<SourcePosition> = []
    return try convert(root, file: file, position: position, seen: &seen, usedAt: position(root.mark))
}

/// Yams' composer resolves an alias to the very node its anchor names, so the tree it returns is
/// already "expanded": nine aliases of nine aliases of … (the "billion laughs") would make this
/// walk visit 9⁹ nodes. An aliased node still carries the source mark of its anchor, and no two
/// distinct nodes start at the same mark, so the second visit of a mark is an alias: refused there,
/// before anything below it is walked.
private func convert(_ node: Node, file: String, position: (Mark?) -> SourcePosition,
                     seen: inout Set<SourcePosition>, usedAt: SourcePosition) throws -> YAMLNode {
    let pos = position(node.mark)
    if node.mark != nil {
        guard seen.insert(pos).inserted else {
            throw PlotSpecError(file: file, at: usedAt,
                                "bad YAML: aliases (*name) are not supported (this one repeats the value anchored at line \(pos.line))")
        }
    }
    switch node {
    case .scalar(let scalar):
        let text = scalar.string
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null: return YAMLNode(kind: .null, text: text, position: pos)
        case .bool: return YAMLNode(kind: .bool(node.bool ?? false), text: text, position: pos)
        case .int, .float:
            if let x = node.float { return YAMLNode(kind: .number(x), text: text, position: pos) }
            return YAMLNode(kind: .string(text), text: text, position: pos)
        default:
            // Double-quoted YAML can spell any control character ("\e[31m"); refused like raw ones.
            if let bad = firstControlCharacter(in: text, allowing: ["\t", "\n", "\r"]) {
                throw PlotSpecError(file: file, at: pos, "control character \(codePointName(bad.scalar)) is not allowed in a YAML string (only tab and line breaks are)")
            }
            // Strings, and timestamps such as `date: 2026-11-23`, which we keep as written.
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return YAMLNode(kind: .string(text), text: text, position: pos, isQuoted: quoted)
        }
    case .sequence(let seq):
        let items = try seq.map { try convert($0, file: file, position: position, seen: &seen, usedAt: pos) }
        return YAMLNode(kind: .list(items), text: "", position: pos)
    case .mapping(let map):
        var entries: [YAMLEntry] = []
        for (key, value) in map {
            guard let name = key.scalar?.string else {
                throw PlotSpecError(file: file, at: position(key.mark), "bad YAML: mapping keys must be plain names")
            }
            entries.append(YAMLEntry(key: name, keyPosition: position(key.mark),
                                     value: try convert(value, file: file, position: position, seen: &seen,
                                                        usedAt: position(key.mark))))
        }
        return YAMLNode(kind: .map(entries), text: "", position: pos)
    case .alias:
        throw PlotSpecError(file: file, at: pos, "bad YAML: aliases (*name) are not supported")
    }
}

/// The 1-based line and column of the first YAML anchor (`&name` where a node starts), skipping
/// comments, quoted strings and block scalars. Checked before Yams composes anything: its
/// composer hashes mapping keys to find duplicates, and a key that aliases nine aliases of nine
/// aliases (the "billion laughs") would hash 9⁹ nodes. Without anchors no alias can resolve.
func firstAnchor(in text: String) -> (line: Int, column: Int)? {
    var blockIndent: Int?          // inside a `|` or `>` block scalar more indented than this
    var quote: Character?          // an open quoted scalar (they may span lines)
    for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let chars = Array(lineText)
        let indent = chars.prefix { $0 == " " }.count
        if let b = blockIndent {
            if indent > b || chars.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            blockIndent = nil
        }
        var previous: Character?      // the last non-space character before this one on the line
        var k = 0
        while k < chars.count {
            let c = chars[k]
            defer { k += 1 }
            if let q = quote {
                if c == q {
                    // '' inside a single-quoted scalar is an escaped quote.
                    if q == "'", k + 1 < chars.count, chars[k + 1] == "'" { k += 1; continue }
                    quote = nil
                    previous = c
                } else if q == "\"", c == "\\" {
                    k += 1
                }
                continue
            }
            if c == " " || c == "\t" { continue }
            if c == "#", k == 0 || chars[k - 1] == " " { break }
            let atNodeStart = previous.map { ":-?[{,".contains($0) } ?? true
            if atNodeStart {
                switch c {
                case "&": return (index + 1, k + 1)
                case "\"", "'": quote = c; continue
                case "!":
                    // A tag (`!!str &a x`) leaves the node still to start.
                    while k + 1 < chars.count, chars[k + 1] != " " { k += 1 }
                    continue
                case "|", ">":
                    let rest = chars[(k + 1)...].prefix { $0 != "#" }
                    if rest.allSatisfy({ "+-0123456789 \r".contains($0) }) { blockIndent = indent; k = chars.count; continue }
                default: break
                }
            }
            previous = c
        }
    }
    return nil
}
