import ArgumentParser
import Foundation
import InfoRequests

/// One op's options as given on the command line, turned into request members.
struct OpInvocation {
    var members: [(String, JSONValue)] = []
    var digits = 10
    /// "nats", "bits", "hartleys" or "(base 3)", printed after information results.
    var unitLabel = "nats"
}

/// `--digits`, the one option of the human form that is no argument of the op.
let digitsOptionHelp = "Significant digits printed, 1 to 17 (default 10)."

/// Parses `--name value` words against `spec` (`--name=value` too; booleans are flags,
/// `--no-name` for false). Lists are comma-separated, table rows separated by ';'. Every error
/// names the option and says what was expected; syntax errors end with the op's usage line.
func parseOpOptions(_ words: [String], spec: OpSpec) throws -> OpInvocation {
    var result = OpInvocation()
    var seen: Set<String> = []
    // unit and base are accepted for every op and checked by the request evaluator, which says
    // why an op without an information result refuses them.
    let arguments = spec.arguments + [unitArgument, baseArgument]
    var i = 0
    func fail(_ message: String) -> ValidationError { ValidationError(message + "\nUsage: " + opUsage(spec)) }
    while i < words.count {
        let word = words[i]
        i += 1
        guard word.hasPrefix("--"), word.count > 2 else {
            throw fail("unexpected argument '\(word)'; options are written --name value")
        }
        var name = String(word.dropFirst(2)), inline: String? = nil
        if let eq = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        func value() throws -> String {
            if let inline { return inline }
            guard i < words.count else { throw fail("missing value for '--\(name)'") }
            i += 1
            return words[i - 1]
        }
        if name == "digits" {
            let text = try value()
            guard let d = Int(text), (1...17).contains(d) else {
                throw ValidationError("--digits: \(text) is out of range; expected 1 to 17")
            }
            result.digits = d
            continue
        }
        var negated = false
        var found = arguments.first { cliSpelling($0.name) == name || $0.name == name }
        if found == nil, name.hasPrefix("no-"), let a = arguments.first(where: { cliSpelling($0.name) == name.dropFirst(3) }),
           a.kind == .bool {
            found = a
            negated = true
        }
        guard let argument = found else {
            let known = arguments.map { cliSpelling($0.name) } + ["digits"]
            let guess = likelyMeant(name, known).map { "; did you mean '--\($0)'?" } ?? ""
            throw fail("unknown option '--\(name)' for \(spec.commandName)\(guess)")
        }
        guard !seen.contains(argument.name) else { throw fail("--\(cliSpelling(argument.name)) given twice") }
        seen.insert(argument.name)
        let json: JSONValue
        if argument.kind == .bool, inline == nil {
            json = .bool(!negated)
        } else {
            json = try jsonValue(try value(), for: argument)
        }
        result.members.append((argument.name, json))
        if argument.name == "unit", case .string(let u) = json { result.unitLabel = u }
        if argument.name == "base", case .number(let b) = json { result.unitLabel = "(base \(formatNumber(b, digits: 10)))" }
    }
    for a in spec.arguments where a.required && !seen.contains(a.name) {
        throw fail("missing expected argument '\(a.optionName) \(placeholder(a.kind))'")
    }
    return result
}

/// The command line's text for one argument as the JSON value of its kind.
private func jsonValue(_ text: String, for a: OpArgument) throws -> JSONValue {
    let option = cliSpelling(a.name)
    switch a.kind {
    case .number:
        guard let x = parseNumber(text) else { throw ValidationError("--\(option): '\(text)' is not a number") }
        return .number(x)
    case .integer:
        guard let n = Int(text) else { throw ValidationError("--\(option): '\(text)' is not an integer") }
        return .number(Double(n))
    case .vector: return try parseList(text, option: option)
    case .table: return try parseMatrix(text, option: option)
    case .string: return .string(text)
    case .choice(let choices):
        guard choices.contains(text) else {
            let guess = likelyMeant(text, choices).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("--\(option): '\(text)' is not one of \(choices.joined(separator: ", "))\(guess)")
        }
        return .string(text)
    case .bool:
        guard let b = ["true": true, "false": false][text] else { throw ValidationError("--\(option): '\(text)' is not true or false") }
        return .bool(b)
    case .mixture: return try parseMixture(text, option: option)
    case .json:
        // Numbers and lists as everywhere on the command line; JSON for anything nested.
        if let x = parseNumber(text) { return .number(x) }
        if !text.contains("["), !text.contains("{") {
            return text.contains(";") ? try parseMatrix(text, option: option) : try parseList(text, option: option)
        }
        do { return try JSONValue.parse(text) } catch {
            throw ValidationError("--\(option): not valid JSON (\(error)); expected \(a.kind.expected)")
        }
    }
}

/// A number as the command line writes it: decimal, or inf/-inf; never NaN.
private func parseNumber(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let x = Double(t), !x.isNaN else { return nil }
    return x
}

/// Parses "0.5,0.3,0.2" (also "inf", "-inf") for the option named `option`.
func parseList(_ text: String, option: String) throws -> JSONValue {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    var values: [JSONValue] = []
    for part in parts {
        guard let x = parseNumber(String(part)) else {
            throw ValidationError("--\(option): '\(part.trimmingCharacters(in: .whitespaces))' is not a number; expected a comma-separated list of numbers like 0.5,0.3,0.2")
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

/// "0.3,-1,0.5;0.7,2,1" → `[{weight, mu, sigma}, …]`.
private func parseMixture(_ text: String, option: String) throws -> JSONValue {
    guard case .array(let rows) = try parseMatrix(text, option: option, example: "weight,mu,sigma: 0.3,-1,0.5;0.7,2,1") else {
        return .array([])
    }
    return .array(try rows.enumerated().map { i, row in
        guard case .array(let v) = row, v.count == 3 else {
            throw ValidationError("--\(option): component \(i) must have three numbers weight,mu,sigma")
        }
        return .object([("weight", v[0]), ("mu", v[1]), ("sigma", v[2])])
    })
}

