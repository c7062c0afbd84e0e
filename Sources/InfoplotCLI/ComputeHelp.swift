import Foundation
import InfoRequests

/// `infoplot compute --help` and `infoplot compute OP --help`, rendered from `opTable` in the
/// layout ArgumentParser uses for its own commands (OVERVIEW, USAGE, OPTIONS, SUBCOMMANDS).

let computeAbstract = "Compute information-theory quantities (human form, or JSON lines with --jsonl)."

private let computeExamples = """
    Examples:
      infoplot compute kl --p 0.5,0.3,0.2 --q 0.4,0.35,0.25 --unit bits
      infoplot compute mutual-information --pxy '0.56,0.14;0.04,0.26'
      echo '{"op": "entropy", "p": [0.5, 0.5], "unit": "bits"}' | infoplot compute --jsonl
    Lists are comma-separated; matrix rows are separated by ';'.
    """

/// What `infoplot help compute` shows below ArgumentParser's usage: the examples and every op.
let computeDiscussion = computeExamples + "\n\n" + opListing()

func computeHelp() -> String {
    """
    OVERVIEW: \(computeAbstract)

    USAGE: infoplot compute <op> [--name value …] [--unit <unit> | --base <base>] [--digits <digits>]
           infoplot compute --jsonl

    \(computeExamples)

    OPTIONS:
    \(optionLine("--jsonl", "Read one JSON request per line from standard input; write one JSON answer per line."))
    \(optionLine("-h, --help", "Show help information."))

    \(opListing())
    """
}

/// "SUBCOMMANDS:" and one line per op, its name padded to a common column.
private func opListing() -> String {
    let lines = opTable.map { optionLine($0.commandName, $0.abstract) }
    return (["SUBCOMMANDS:"] + lines + ["", "  See 'infoplot compute <op> --help' for an op's options."]).joined(separator: "\n")
}

func opHelp(_ spec: OpSpec) -> String {
    var lines = ["OVERVIEW: \(spec.abstract)", "", "USAGE: \(opUsage(spec))", "", "OPTIONS:"]
    for a in spec.allArguments {
        var help = a.help
        // A no-break space keeps "(default: x)" on one line when the help wraps.
        if let d = a.defaultValue, a.kind != .bool || d != .bool(false) { help += " (default:\u{00A0}\(defaultText(d)))" }
        lines.append(optionLine(optionSyntax(a), help))
    }
    lines.append(optionLine("--digits <digits>", digitsOptionHelp))
    lines.append(optionLine("-h, --help", "Show help information."))
    return lines.joined(separator: "\n")
}

/// `infoplot compute entropy --p <list> [--normalize] [--unit <unit>] …`
func opUsage(_ spec: OpSpec) -> String {
    let parts = spec.allArguments.map { a in a.required ? optionSyntax(a) : "[\(optionSyntax(a))]" }
    return (["infoplot compute", spec.commandName] + parts + ["[--digits <digits>]"]).joined(separator: " ")
}

/// `--p <list>`, `--normalize`, `--standardize/--no-standardize`.
private func optionSyntax(_ a: OpArgument) -> String {
    if a.kind == .bool {
        return a.defaultValue == .bool(true) ? "\(a.optionName)/--no-\(cliSpelling(a.name))" : a.optionName
    }
    return "\(a.optionName) \(placeholder(a.kind))"
}

/// The value placeholder of an option, saying how to write it.
func placeholder(_ kind: OpArgumentKind) -> String {
    switch kind {
    case .number: "<number>"
    case .integer: "<integer>"
    case .vector: "<list>"
    case .table: "<rows>"
    case .string: "<text>"
    case .choice(let c): "<" + c.joined(separator: "|") + ">"
    case .bool: ""
    case .mixture: "<weight,mu,sigma;…>"
    case .json: "<json>"
    }
}

private func defaultText(_ v: JSONValue) -> String {
    if case .string(let s) = v { return s }
    return v.serialized
}

/// "  --p <list>              help…", the help wrapped at 80 columns under itself.
private func optionLine(_ name: String, _ help: String) -> String {
    let column = 30, width = 80
    var lines: [String] = []
    var current = ""
    for word in help.split(separator: " ") {
        if !current.isEmpty && column + current.count + 1 + word.count > width {
            lines.append(current)
            current = String(word)
        } else {
            current += (current.isEmpty ? "" : " ") + word
        }
    }
    lines.append(current)
    let head = "  " + name
    let first = head.count + 2 <= column ? head.padding(toLength: column, withPad: " ", startingAt: 0) + lines[0]
                                          : head + "\n" + String(repeating: " ", count: column) + lines[0]
    return ([first] + lines.dropFirst().map { String(repeating: " ", count: column) + $0 }).joined(separator: "\n")
        .replacingOccurrences(of: "\u{00A0}", with: " ")
}
