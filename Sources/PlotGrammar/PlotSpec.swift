import Foundation
import Expressions
import FigureModel
import InfoRequests

/// A plot spec (issue 8 §1) read from YAML: its declared parameters, ready to compile into a
/// `Figure` with given parameter values, theme and size.
public struct PlotSpec: Sendable {
    /// What is wrong with a label's `$…$` math (message and Character offset), nil when it parses;
    /// set by the front end, which knows the typesetter (this layer knows no TeX). Nil: labels are
    /// not checked, and one that does not parse is drawn as written.
    nonisolated(unsafe) public static var labelMathProblem: (@Sendable (String) -> (message: String, offset: Int)?)? = nil

    public let file: String
    public let root: YAMLNode
    /// Where `{csv: path}` paths are resolved from (the spec's or template's folder).
    public let baseDirectory: String
    public let parameters: [PlotParameter]
    /// The spec's text as read (empty for a spec built from a tree), for build caches.
    public private(set) var source = ""

    static let topKeys = ["title", "description", "size", "theme", "params", "let", "data", "x", "y", "legend",
                          "layers", "panels", "grid", "share", "heading", "summary", "show_title", "size_note", "requires", "legend_headroom"]

    public init(yaml: String, file: String, baseDirectory: String, firstLine: Int = 1, columnOffset: Int = 0) throws {
        guard let root = try parseYAML(yaml, file: file, firstLine: firstLine, columnOffset: columnOffset) else {
            throw PlotSpecError(file: file, at: SourcePosition(line: firstLine, column: 1), "the spec is empty; expected a mapping with layers:")
        }
        try self.init(root: root, file: file, baseDirectory: baseDirectory)
        source = yaml
    }

    /// A spec from a parsed tree. `blockKeys` are keys its container reads itself (a template
    /// block's `caption`, `label`); with `parameterKeys`, a top-level key naming a declared
    /// parameter is allowed too (a block's `alpha: 2` sets the spec's parameter `alpha`).
    public init(root: YAMLNode, file: String, baseDirectory: String, blockKeys: [String] = [], parameterKeys: Bool = false) throws {
        self.file = file
        self.baseDirectory = baseDirectory
        self.root = root
        let reader = SpecReader(file: file)
        guard root.entries != nil else { throw reader.error(root, "a spec must be a mapping of keys, got \(root.typeName)") }
        parameters = try reader.parameters(root["params"])
        try reader.allow(root, Self.topKeys + blockKeys + (parameterKeys ? parameters.map(\.name) : []), what: "spec")
    }

    /// The spec's `title:` when it is text.
    public var title: String? { root["title"]?.string }

    /// The spec's `summary:`, the one line `infoplot figures` lists it with.
    public var summary: String? { root["summary"]?.string }

    /// The spec's `size:` (a preset, `WxH` inches, or with units), nil when it has none.
    public func declaredSize() throws -> FigureSize? {
        try SpecReader(file: file).size(root["size"])
    }

    /// Parses `--set` texts by the declared parameter kinds; an unknown name lists the declared ones.
    public func parseSettings(_ settings: [(String, String)]) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (key, text) in settings {
            guard let p = parameters.first(where: { $0.name == key }) else {
                let names = parameters.map(\.name)
                throw PlotParameterError("--set \(key): the spec has no parameter '\(key)'\(suggestion(for: key, in: names)); its parameters: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            }
            out[key] = try p.parse(text)
        }
        return out
    }

    /// Compiles the spec. `theme`/`size` given here override the spec's own; `names` are values
    /// its expressions may use besides its own (a template's `data:` and `values:`).
    public func figure(settings: [String: JSONValue] = [:], names: [String: JSONValue] = [:],
                       theme: Theme? = nil, size: FigureSize? = nil) throws -> Figure {
        var compiler = SpecCompiler(reader: SpecReader(file: file), baseDirectory: baseDirectory)
        return try compiler.compile(root, parameters: parameters, settings: settings, names: names, theme: theme, size: size)
    }
}

/// Key checks and typed reads with file:line:column errors and closest-name suggestions.
/// Reads YAML nodes of one file with located errors (also the house style's reader, in Handouts).
public struct SpecReader {
    let file: String
    public init(file: String) { self.file = file }

    public func error(_ node: YAMLNode, _ message: String) -> PlotSpecError { PlotSpecError(file: file, at: node.position, message) }
    public func error(at p: SourcePosition, _ message: String) -> PlotSpecError { PlotSpecError(file: file, at: p, message) }

    /// Only `keys` in the mapping; an unknown one is named at its position with the closest known key.
    public func allow(_ node: YAMLNode, _ keys: [String], what: String) throws {
        guard let entries = node.entries else { throw error(node, "\(what) must be a mapping of keys, got \(node.typeName)") }
        for e in entries where !keys.contains(e.key) {
            throw error(at: e.keyPosition, "unknown key '\(e.key)' in \(what)\(suggestion(for: e.key, in: keys)); expected one of: \(keys.joined(separator: ", "))")
        }
    }

    public func string(_ node: YAMLNode, _ what: String) throws -> String {
        switch node.kind {
        case .string(let s): return s
        case .number(let x): return formatNumber(x)
        default: throw error(node, "\(what) must be text, got \(node.typeName)")
        }
    }

    func size(_ node: YAMLNode?) throws -> FigureSize? {
        guard let node else { return nil }
        do { return try parseSize(try string(node, "size")) } catch let e as FigureError { throw error(node, e.message) }
    }

    func bool(_ node: YAMLNode, _ what: String) throws -> Bool {
        guard case .bool(let b) = node.kind else { throw error(node, "\(what) must be true or false, got \(node.typeName)") }
        return b
    }

    func choice(_ node: YAMLNode, _ what: String, _ options: [String]) throws -> String {
        let s = try string(node, what)
        guard options.contains(s) else {
            throw error(node, "\(what) '\(s)' is not known\(suggestion(for: s, in: options)); expected one of: \(options.joined(separator: ", "))")
        }
        return s
    }

    func parameters(_ node: YAMLNode?) throws -> [PlotParameter] {
        guard let node else { return [] }
        guard let entries = node.entries else { throw error(node, "params must map names to {type, default, …}") }
        return try entries.map { e in
            try allow(e.value, ["type", "default", "min", "max", "choices", "help"], what: "parameter '\(e.key)'")
            guard let typeNode = e.value["type"] else {
                throw error(at: e.keyPosition, "parameter '\(e.key)' needs a type: \(PlotParameter.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let kind = PlotParameter.Kind(rawValue: try choice(typeNode, "type", PlotParameter.Kind.allCases.map(\.rawValue)))!
            guard let def = e.value["default"] else { throw error(at: e.keyPosition, "parameter '\(e.key)' needs a default") }
            var choices: [String] = []
            if let c = e.value["choices"] {
                guard let l = c.list else { throw error(c, "choices must be a list") }
                choices = try l.map { try string($0, "a choice") }
            }
            if kind == .choice && choices.isEmpty { throw error(at: e.keyPosition, "parameter '\(e.key)' of type choice needs choices: [...]") }
            func num(_ key: String) throws -> Double? {
                guard let n = e.value[key] else { return nil }
                guard let x = n.number else { throw error(n, "\(key) must be a number") }
                return x
            }
            let p = PlotParameter(name: e.key, kind: kind, defaultValue: def.json, minimum: try num("min"), maximum: try num("max"),
                                  choices: choices, help: try e.value["help"].map { try string($0, "help") } ?? "")
            do { try p.check(p.defaultValue) } catch { throw self.error(def, "default: \(error)") }
            return p
        }
    }
}
