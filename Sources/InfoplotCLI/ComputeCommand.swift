import ArgumentParser
import Foundation
import InfoRequests

/// `infoplot compute`: `compute OP --name value …` for people, `--jsonl` for programs.
///
/// The ops are not ArgumentParser subcommands: they come from `opTable` (InfoRequests), and
/// ArgumentParser can only declare commands as Swift types at compile time. So this one command
/// takes the op and its options as words and parses them against the op's argument specs
/// (`ComputeOptionParser.swift`), renders `--help` from the same specs (`ComputeHelp.swift`), and
/// evaluates through `evaluateRequest`, so the command line, `--jsonl`, templates and expressions
/// cannot disagree. ArgumentParser's own help flags are turned off here so that
/// `compute OP --help` reaches the op's help.
///
/// Human output prints numbers with `--digits` significant digits (default 10, enough to check
/// the course's four-decimal values and far from the noise floor of the numerics) followed by
/// the unit where the result is an information quantity. Batch mode (`--jsonl`) reads one
/// request per line, answers each with exactly one line in order (written unbuffered), skips
/// blank lines (they hold no request, so they get no answer), and never stops on a bad line.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: computeAbstract,
        discussion: computeDiscussion,
        helpNames: [])

    @Flag(name: .long, help: "Read one JSON request per line from standard input; write one JSON answer per line.")
    var jsonl = false

    @Argument(parsing: .captureForPassthrough, help: "The op and its options (--name value …).",
              completion: .list(opTable.map(\.commandName)))
    var words: [String] = []

    func run() throws {
        if jsonl {
            guard words.isEmpty else { throw ValidationError("--jsonl reads its requests from standard input; it takes no op or options") }
            return try answerJSONLines()
        }
        guard let first = words.first, !["--help", "-h", "help"].contains(first) else {
            throw CleanExit.message(computeHelp())
        }
        guard let spec = opTable.first(where: { $0.commandName == first || $0.name == first }) else {
            if first.hasPrefix("-") {
                throw ValidationError("'\(first)' is not an option of infoplot compute; name an op first (infoplot compute OP --name value), or use --jsonl")
            }
            throw ValidationError(unknownNameMessage("command", first, known: opTable.map(\.commandName),
                                                     knownLabel: "infoplot compute commands"))
        }
        let rest = Array(words.dropFirst())
        if rest.contains("--help") || rest.contains("-h") { throw CleanExit.message(opHelp(spec)) }
        let invocation = try parseOpOptions(rest, spec: spec)
        let value: JSONValue
        do { value = try evaluateRequest(.object([("op", .string(spec.name))] + invocation.members)) } catch let e as RequestError {
            throw ComputeError(description: e.message)
        }
        try writeStandardOutputLine(humanText(value, spec: spec, unit: invocation.unitLabel, digits: invocation.digits))
    }

    private func answerJSONLines() throws {
        // Lines are read as bytes: readLine would replace invalid UTF-8 and evaluate a request
        // the author never wrote. A bad line gets its error answer like any other bad request.
        var reader = StandardInputLines()
        var lineNumber = 0
        while let bytes = try reader.next() {
            lineNumber += 1
            let answer: String
            switch decodeUTF8(bytes) {
            case .success(let line):
                if line.allSatisfy(\.isWhitespace) { continue }
                answer = handleJSONLine(line)
            case .failure(let bad):
                answer = JSONValue.object([("error", .string("invalid UTF-8 at byte offset \(bad.byteOffset) of line \(lineNumber)"))]).serialized
            }
            try writeStandardOutputLine(answer)
        }
    }
}

/// An error from evaluating a measure, shown by ArgumentParser as "Error: …" with a non-zero exit.
struct ComputeError: Error, CustomStringConvertible {
    let description: String
}

/// The result in human form: numbers with `digits` significant digits, the unit after the parts
/// of the result the op declares to be information, objects as "key: value" lines.
func humanText(_ value: JSONValue, spec: OpSpec, unit: String, digits: Int) -> String {
    switch spec.result {
    case .plain: return humanText(value, unit: nil, members: [], digits: digits)
    case .information: return humanText(value, unit: unit, members: [], digits: digits)
    case .members(let names): return humanText(value, unit: nil, members: names, digits: digits, memberUnit: unit)
    }
}

private func humanText(_ value: JSONValue, unit: String?, members: Set<String>, digits: Int, memberUnit: String? = nil) -> String {
    let suffix = unit.map { " " + $0 } ?? ""
    switch value {
    case .number(let x): return formatNumber(x, digits: digits) + suffix
    case .array(let items) where items.allSatisfy({ if case .number = $0 { return true } else { return false } }):
        return "[" + items.map { humanText($0, unit: nil, members: [], digits: digits) }.joined(separator: ", ") + "]" + suffix
    case .object(let fields):
        return fields.map { key, v in
            let text = humanText(v, unit: members.contains(key) ? memberUnit : nil, members: members, digits: digits, memberUnit: memberUnit)
            return text.contains("\n") ? "\(key):\n" + indent(text) : "\(key): " + text
        }.joined(separator: "\n")
    case .array(let items):
        return items.enumerated().map { i, v in
            "[\(i)]\n" + indent(humanText(v, unit: unit, members: members, digits: digits, memberUnit: memberUnit))
        }.joined(separator: "\n")
    case .string(let s): return s
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    }
}

func formatNumber(_ x: Double, digits: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.\(digits)g", x)
}

private func indent(_ text: String) -> String {
    text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
}
