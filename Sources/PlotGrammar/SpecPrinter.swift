import Foundation
import FigureModel
import InfoRequests

/// The canonical YAML text of a spec tree (`infoplot figure NAME --print-spec`): mappings in block
/// style in their written order, lists of plain values in flow style (`[0.56, 0.14]`), lists
/// holding mappings as `- ` items; numbers as written, text plain where YAML reads it back as the
/// same text and double-quoted otherwise. Printing what this prints gives the same bytes again.
public func printYAML(_ node: YAMLNode) -> String {
    var out = ""
    printBlock(node, indent: 0, into: &out)
    return out
}

extension PlotSpec {
    /// The spec as canonical YAML with `settings` as its parameters' defaults, so the printed spec
    /// draws the figure those settings draw.
    public func printed(settings: [String: JSONValue] = [:]) -> String {
        guard !settings.isEmpty, var entries = root.entries, let i = entries.firstIndex(where: { $0.key == "params" }),
              var params = entries[i].value.entries else { return printYAML(root) }
        for k in params.indices {
            guard let v = settings[params[k].key], var fields = params[k].value.entries,
                  let d = fields.firstIndex(where: { $0.key == "default" }) else { continue }
            fields[d].value = YAMLNode(json: v, at: fields[d].value.position)
            params[k].value.kind = .map(fields)
        }
        entries[i].value.kind = .map(params)
        var r = root
        r.kind = .map(entries)
        return printYAML(r)
    }
}

extension YAMLNode {
    /// A tree for a value (a `--set` value printed into a spec).
    init(json: JSONValue, at position: SourcePosition) {
        switch json {
        case .null: self.init(kind: .null, text: "null", position: position)
        case .bool(let b): self.init(kind: .bool(b), text: b ? "true" : "false", position: position)
        case .number(let x): self.init(kind: .number(x), text: yamlNumber(x), position: position)
        case .string(let s): self.init(kind: .string(s), text: s, position: position)
        case .array(let items): self.init(kind: .list(items.map { YAMLNode(json: $0, at: position) }), text: "", position: position)
        case .object(let members):
            self.init(kind: .map(members.map { YAMLEntry(key: $0.0, keyPosition: position, value: YAMLNode(json: $0.1, at: position)) }),
                      text: "", position: position)
        }
    }
}

/// A number exactly: whole numbers without a fraction, others in Swift's shortest round-trip form.
func yamlNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

private func isFlowable(_ n: YAMLNode) -> Bool {
    switch n.kind {
    case .map: return false
    case .list(let items): return items.allSatisfy(isFlowable)
    default: return true
    }
}

private func printBlock(_ node: YAMLNode, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    switch node.kind {
    case .map(let entries):
        for e in entries {
            out += pad + yamlKey(e.key) + ":"
            printValue(e.value, indent: indent, into: &out)
        }
    case .list(let items):
        for item in items {
            if case .map(let entries) = item.kind, !entries.isEmpty {
                // `- key: value` then the item's other keys two columns in.
                var first = ""
                printBlock(item, indent: indent + 2, into: &first)
                out += pad + "- " + first.dropFirst(indent + 2)
            } else {
                out += pad + "-"
                printValue(item, indent: indent, into: &out)
            }
        }
    default:
        out += pad + flow(node) + "\n"
    }
}

/// After `key:` or `-`: a scalar or flow list on the same line, a mapping or block list below.
private func printValue(_ v: YAMLNode, indent: Int, into out: inout String) {
    if isFlowable(v) {
        out += " " + flow(v) + "\n"
    } else if case .map(let entries) = v.kind, entries.isEmpty {
        out += " {}\n"
    } else {
        out += "\n"
        // Block lists sit at their key's indent + 2, as mappings do.
        printBlock(v, indent: indent + 2, into: &out)
    }
}

private func flow(_ n: YAMLNode) -> String {
    switch n.kind {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return Double(n.text) == x ? n.text : yamlNumber(x)
    case .string(let s): return yamlString(s)
    case .list(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
    case .map(let entries): return "{" + entries.map { yamlKey($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
    }
}

private func yamlKey(_ k: String) -> String {
    let ok = k.first.map { $0.isLetter || $0 == "_" } == true && k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    return ok ? k : yamlString(k, forceQuotes: true)
}

/// Words YAML 1.1 and 1.2 resolve to something other than text.
private let reservedScalars: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ".inf", ".nan"]

/// Plain when the text starts with a letter, holds no character YAML gives a meaning to in a flow
/// context (`,[]{}#:` and quotes, backslashes) and is no reserved word; else double-quoted.
private func yamlString(_ s: String, forceQuotes: Bool = false) -> String {
    let plainSafe = !forceQuotes && s.first.map(\.isLetter) == true && s.last != " "
        && !reservedScalars.contains(s.lowercased()) && Double(s) == nil
        && s.allSatisfy { c in c.isLetter || c.isNumber || " _.()+-*/^<>=!|&$".contains(c) }
    if plainSafe { return s }
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case _ where u.value < 0x20 || u.value == 0x7F: out += String(format: "\\u%04X", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}
