import Foundation
import Expressions
import InfoRequests

/// `requires:` — conditions on the parameters, checked after `params:` and before `let:`, each
/// failure an error about one parameter (so a catalogue figure keeps its messages):
///
///     requires:
///       - {param: noise_sigma, check: "noise_sigma > 0", message: "{{noise_sigma}}; expected a standard deviation > 0"}
///       - {param: means, each: {m: means}, check: "maxent(values=values, mean=m)"}
///
/// A check that gives false (or an undefined value) fails with its `message:`; a check that
/// raises an error (a compute op refusing its arguments) fails with that error's text, or with the
/// `message:` where the name `error` holds that text; any other value passes. `each:` (EachLoop.swift) checks once per item, its names seen by the message.
/// The error names the check's position and the parameter.
extension SpecCompiler {
    func checkRequirements(_ node: YAMLNode?) throws {
        guard let node else { return }
        guard let items = node.list else { throw reader.error(node, "requires must be a list of {param, check, message}") }
        for item in items {
            try reader.allow(item, ["param", "check", "message", "each"], what: "requirement")
            guard let paramNode = item["param"], let checkNode = item["check"] else {
                throw reader.error(item, "a requirement needs param: (the parameter it is about) and check: (an expression)")
            }
            let param = try reader.string(paramNode, "param")
            guard scope.base[param] != nil else {
                throw reader.error(paramNode, "unknown parameter '\(param)'\(suggestion(for: param, in: scope.base.keys.sorted()))")
            }
            guard let text = checkNode.string else { throw reader.error(checkNode, "check must be an expression") }
            let check = try expression(text, at: checkNode)
            let scopes = try item["each"].map { try EachLoop($0, compiler: self, scope: scope).passes.map(\.scope) } ?? [scope]
            for s in scopes {
                let result: JSONValue
                do { result = try check.value(in: s) } catch let e as PlotSpecError {
                    // The op's words about the value, without its name ("maxent: ") or the hints
                    // that suit `infoplot compute` only: the error is the parameter's.
                    var detail = withoutRequestHints(e.message)
                    if let op = requestOpNames.first(where: { detail.hasPrefix("\($0): ") }) { detail.removeFirst(op.count + 2) }
                    // A `message:` may frame it: "model '{{m.name}}': {{error}}".
                    if let m = item["message"] { detail = try self.text(m, "message", locals: s.binding("error", .string(detail))) }
                    throw PlotSpecError(file: e.file, at: e.position, parameter: param, detail)
                }
                switch result {
                case .bool(false): break
                case .number(let x) where x.isNaN: break
                default: continue
                }
                let message = try item["message"].map { try self.text($0, "message", locals: s.binding("error", .string(""))) }
                    ?? "'\(text)' does not hold"
                throw PlotSpecError(file: reader.file, at: checkNode.position, parameter: param, message)
            }
        }
    }
}

extension PlotSpecError {
    /// An error about one parameter's value: "parameter 'name': detail".
    init(file: String, at position: SourcePosition, parameter: String, _ detail: String) {
        self.init(file: file, at: position, "parameter '\(parameter)': \(detail)")
        self.parameter = parameter
        self.detail = detail
    }
}
