import Foundation
import Yams

/// A position in a spec file: 1-based line and column.
public struct SpecPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

/// Every spec problem, located as compilers do: `loss.yaml:12:5: error: unknown mark 'lin' (did you mean line?)`.
public struct PlotSpecError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var position: SpecPosition
    public var message: String
    public init(file: String, at position: SpecPosition, _ message: String) {
        self.file = file; self.position = position; self.message = message
    }
    public var description: String { "\(file):\(position.line):\(position.column): error: \(message)" }
}

/// A YAML node with its position, as a value (Yams' `Node` is a non-Sendable class tree).
/// The Handouts target has an older twin of this in YAMLTree.swift; they should become one.
public struct SpecNode: Sendable {
    public indirect enum Kind: Sendable {
        case null, bool(Bool), number(Double), string(String), list([SpecNode]), map([(key: String, keyPosition: SpecPosition, value: SpecNode)])
    }
    public var kind: Kind
    public var position: SpecPosition
    /// The scalar's text starts one column after `position` ('…' and "…").
    public var quoted: Bool

    var typeName: String {
        switch kind {
        case .null: "nothing"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "text"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
    var string: String? { if case .string(let s) = kind { s } else { nil } }
    var number: Double? { if case .number(let x) = kind { x } else { nil } }
    var list: [SpecNode]? { if case .list(let l) = kind { l } else { nil } }
    var entries: [(key: String, keyPosition: SpecPosition, value: SpecNode)]? { if case .map(let m) = kind { m } else { nil } }
    subscript(key: String) -> SpecNode? { entries?.first { $0.key == key }?.value }
}

/// Parses YAML (JSON is YAML) whose first line is line `firstLine` of `file`, columns shifted by
/// `columnOffset` (for a block indented inside a template).
public func parseSpecYAML(_ text: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) throws -> SpecNode {
    func position(_ mark: Mark?) -> SpecPosition {
        guard let mark else { return SpecPosition(line: firstLine, column: 1) }
        return SpecPosition(line: firstLine + mark.line - 1, column: mark.column + columnOffset)
    }
    let root: Node?
    do {
        root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            throw PlotSpecError(file: file, at: position(mark), "bad YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            throw PlotSpecError(file: file, at: position(context.mark), "bad YAML: duplicate key(s) \(duplicates.sorted().joined(separator: ", "))")
        default:
            throw PlotSpecError(file: file, at: position(nil), "bad YAML: \(error)")
        }
    }
    guard let root else { throw PlotSpecError(file: file, at: position(nil), "the spec is empty; expected a mapping with layers:") }
    var count = 0
    func convert(_ node: Node, depth: Int) throws -> SpecNode {
        let pos = position(node.mark)
        count += 1
        // Bounded so a hostile spec cannot exhaust memory or the stack.
        guard depth < 64, count < 2_000_000 else { throw PlotSpecError(file: file, at: pos, "spec nested too deep or too large") }
        switch node {
        case .scalar(let s):
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            if !quoted {
                switch Tag.Name(rawValue: node.tag.rawValue) {
                case .null: return SpecNode(kind: .null, position: pos, quoted: false)
                case .bool: return SpecNode(kind: .bool(node.bool ?? false), position: pos, quoted: false)
                case .int, .float: if let x = node.float { return SpecNode(kind: .number(x), position: pos, quoted: false) }
                default: break
                }
            }
            return SpecNode(kind: .string(s.string), position: pos, quoted: quoted)
        case .sequence(let seq):
            return SpecNode(kind: .list(try seq.map { try convert($0, depth: depth + 1) }), position: pos, quoted: false)
        case .mapping(let map):
            var entries: [(key: String, keyPosition: SpecPosition, value: SpecNode)] = []
            for (k, v) in map {
                guard let name = k.scalar?.string else { throw PlotSpecError(file: file, at: position(k.mark), "mapping keys must be plain names") }
                entries.append((name, position(k.mark), try convert(v, depth: depth + 1)))
            }
            return SpecNode(kind: .map(entries), position: pos, quoted: false)
        case .alias:
            throw PlotSpecError(file: file, at: pos, "YAML aliases (*name) are not supported in specs")
        }
    }
    return try convert(root, depth: 0)
}
