import Foundation
import Expressions
import InfoRequests

/// `requires:` — conditions on the parameters, checked after `params:` and before `let:`, each
/// failure an error about one parameter (so a catalogue figure keeps its messages):
///
///     requires:
///       - {param: noise_sigma, check: "noise_sigma > 0", message: "{{noise_sigma}}; expected a standard deviation > 0"}
///       - {param: target, check: "kl_fit(target=target, direction='forward')"}
///
/// A check that gives false (or an undefined value) fails with its `message:`; a check that
/// raises an error (a compute op refusing its arguments) fails with that error's text; any other
/// value passes. The error names the check's position and the parameter.
extension SpecCompiler {
    func checkRequirements(_ node: YAMLNode?) throws {
        guard let node else { return }
        guard let items = node.list else { throw reader.error(node, "requires must be a list of {param, check, message}") }
        for item in items {
            try reader.allow(item, ["param", "check", "message"], what: "requirement")
            guard let paramNode = item["param"], let checkNode = item["check"] else {
                throw reader.error(item, "a requirement needs param: (the parameter it is about) and check: (an expression)")
            }
            let param = try reader.string(paramNode, "param")
            guard scope.base[param] != nil else {
                throw reader.error(paramNode, "unknown parameter '\(param)'\(suggestion(for: param, in: scope.base.keys.sorted()))")
            }
            guard let text = checkNode.string else { throw reader.error(checkNode, "check must be an expression") }
            let result: JSONValue
            do { result = try expression(text, at: checkNode).value(in: scope) } catch let e as PlotSpecError {
                throw PlotSpecError(file: e.file, at: e.position, parameter: param, withoutOpName(withoutRequestHints(e.message)))
            }
            switch result {
            case .bool(false): break
            case .number(let x) where x.isNaN: break
            default: continue
            }
            let message = try item["message"].map { try self.text($0, "message") } ?? "'\(text)' does not hold"
            throw PlotSpecError(file: reader.file, at: checkNode.position, parameter: param, message)
        }
    }
}

/// An op's error without its leading "kl_fit: ": the message is about the parameter, not the call.
func withoutOpName(_ message: String) -> String {
    guard let colon = message.range(of: ": "), requestOpNames.contains(String(message[..<colon.lowerBound])) else { return message }
    return String(message[colon.upperBound...])
}

extension PlotSpecError {
    /// An error about one parameter's value: "parameter 'name': detail".
    init(file: String, at position: SourcePosition, parameter: String, _ detail: String) {
        self.init(file: file, at: position, "parameter '\(parameter)': \(detail)")
        self.parameter = parameter
        self.detail = detail
    }
}
