import ArgumentParser
import Foundation
import InfoRequests

/// `infoplot compute`: one subcommand per measure for people, `--jsonl` for programs.
///
/// Human output prints numbers with `--digits` significant digits (default 10, enough to check
/// the course's four-decimal values and far from the noise floor of the numerics) followed by
/// the unit where the result is an information quantity. Batch mode (`--jsonl`) reads one
/// request per line, answers each with exactly one line in order (written unbuffered), skips
/// blank lines (they hold no request, so they get no answer), and never stops on a bad line.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute information-theory quantities (human form, or JSON lines with --jsonl).",
        discussion: """
            Examples:
              infoplot compute kl --p 0.5,0.3,0.2 --q 0.4,0.35,0.25 --unit bits
              infoplot compute mutual-information --pxy '0.56,0.14;0.04,0.26'
              echo '{"op": "entropy", "p": [0.5, 0.5], "unit": "bits"}' | infoplot compute --jsonl
            Lists are comma-separated; matrix rows are separated by ';'.
            """,
        subcommands: computeSubcommands)

    @Flag(name: .long, help: "Read one JSON request per line from standard input; write one JSON answer per line.")
    var jsonl = false

    func run() throws {
        guard jsonl else { throw CleanExit.helpRequest(self) }
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

/// Options every measure accepts.
struct ComputeOptions: ParsableArguments {
    @Option(help: "Unit of information: nats, bits or hartleys.")
    var unit: String = "nats"

    @Option(parsing: .unconditional, help: "Significant digits printed (1-17).")
    var digits: Int = 10

    func validate() throws {
        guard ["nats", "bits", "hartleys"].contains(unit) else {
            throw ValidationError("--unit: '\(unit)' is not a unit; expected nats, bits or hartleys")
        }
        guard (1...17).contains(digits) else {
            throw ValidationError("--digits: \(digits) is out of range; expected 1 to 17")
        }
    }
}

/// An error from evaluating a measure, shown by ArgumentParser as "Error: …" with a non-zero exit.
struct ComputeError: Error, CustomStringConvertible {
    let description: String
}

/// Parses "0.5,0.3,0.2" (also "inf", "-inf") for the option named `option`.
func parseList(_ text: String, option: String) throws -> JSONValue {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    var values: [JSONValue] = []
    for part in parts {
        guard let x = Double(part) else {
            throw ValidationError("--\(option): '\(part)' is not a number; expected a comma-separated list of numbers like 0.5,0.3,0.2")
        }
        values.append(.number(x))
    }
    return .array(values)
}

/// Parses "0.56,0.14;0.04,0.26": rows separated by ';'.
func parseMatrix(_ text: String, option: String, example: String = "0.56,0.14;0.04,0.26") throws -> JSONValue {
    let rows = text.split(separator: ";", omittingEmptySubsequences: false)
    return .array(try rows.map { row in
        do { return try parseList(String(row), option: option) } catch {
            throw ValidationError("--\(option): row '\(row)' is not a comma-separated list of numbers; expected rows like \(example)")
        }
    })
}

/// Evaluates `op` through the shared request vocabulary and prints the human form.
func runCompute(op: String, arguments: [(String, JSONValue)], options: ComputeOptions, unitless: Bool = false) throws {
    var members: [(String, JSONValue)] = [("op", .string(op))] + arguments
    if !unitless { members.append(("unit", .string(options.unit))) }
    let value: JSONValue
    do { value = try evaluateRequest(.object(members)) } catch let e as RequestError {
        throw ComputeError(description: e.message)
    }
    let unitLabel = unitless ? nil : options.unit
    try writeStandardOutputLine(humanText(value, unit: unitLabel, digits: options.digits))
}

/// Numbers with `digits` significant digits; objects as "key: value" lines.
func humanText(_ value: JSONValue, unit: String?, digits: Int) -> String {
    let suffix = unit.map { " " + $0 } ?? ""
    switch value {
    case .number(let x): return formatNumber(x, digits: digits) + suffix
    case .array(let items) where items.allSatisfy({ if case .number = $0 { return true } else { return false } }):
        return "[" + items.map { humanText($0, unit: nil, digits: digits) }.joined(separator: ", ") + "]" + suffix
    case .object(let members):
        return members.map { key, v in
            let text = humanText(v, unit: quantityKeys.contains(key) ? unit : nil, digits: digits)
            return text.contains("\n") ? "\(key):\n" + indent(text) : "\(key): " + text
        }.joined(separator: "\n")
    case .array(let items):
        return items.enumerated().map { i, v in
            "[\(i)]\n" + indent(humanText(v, unit: unit, digits: digits))
        }.joined(separator: "\n")
    case .string(let s): return s
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    }
}

/// Members of structured results that carry the unit (others are probabilities, parameters…).
private let quantityKeys: Set<String> = ["log_likelihood", "total", "aleatoric", "epistemic", "elbo", "kl", "optima"]

func formatNumber(_ x: Double, digits: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.\(digits)g", x)
}

private func indent(_ text: String) -> String {
    text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
}
