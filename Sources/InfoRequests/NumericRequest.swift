/// An op as a function of numbers alone: `surprisal(p)`, `binary_entropy(p)`, the univariate
/// `gaussian_kl`. The op's evaluator calls the same closure for that form, so the two cannot
/// disagree; `NumericRequest` calls it without building and checking a request each time.
public struct NumericForm: Sendable {
    /// The arguments `evaluate` takes, in its order; each is declared `.number` by the op.
    let arguments: [String]
    /// The answer in nats (information) or as is (`.plain`); throws where the op refuses.
    let evaluate: @Sendable ([Double]) throws -> Double

    init(_ arguments: [String], _ evaluate: @escaping @Sendable ([Double]) throws -> Double) {
        self.arguments = arguments; self.evaluate = evaluate
    }

    /// The form's value for a request's arguments, read as the op reads them.
    func value(_ a: Arguments) throws -> JSONValue {
        .number(try evaluate(arguments.map { try a.number($0) }))
    }
}

/// A request to one op that changes from call to call only in some of its numbers: a curve or a
/// grid calling `gaussian_kl(mu1=mu, sigma1=s, mu2=0, sigma2=1)` at 40,000 points. Everything
/// `evaluateRequest` checks that does not depend on those numbers (the names given, the kinds of
/// the fixed values, the request's size, `unit` or `base`) is checked once, here; each call then
/// does only what `evaluateRequest` would do with the numbers: the op's numeric form, the unit's
/// single division with its overflow check, and the NaN check. So a call answers exactly what
/// `evaluateRequest` answers for the same request, and nil where it throws.
public struct NumericRequest: Sendable {
    let form: NumericForm
    /// The form's arguments with the fixed ones filled in (the variable ones 0 until a call).
    public let arguments: [Double]
    /// Where each variable goes in `arguments`, in the order the caller named the variables.
    public let positions: [Int]
    let natsPerUnit: Double

    /// nil when the op has no numeric form, when the request uses more than it (`digits`, a
    /// vector), when a variable is not one of its numbers, or when the fixed part is refused
    /// already (then the caller evaluates whole requests and reports that error).
    public init?(spec: OpSpec, members: [(String, JSONValue)], variables: [String]) {
        guard let form = spec.numeric, variables.allSatisfy(form.arguments.contains) else { return nil }
        var fixed = [Double](repeating: 0, count: form.arguments.count), seen = Set<String>()
        for (key, value) in members where key != "op" {
            guard seen.insert(key).inserted else { return nil }
            if key == "unit" || key == "base" { continue }
            guard let i = form.arguments.firstIndex(of: key) else { return nil }
            if variables.contains(key) { continue }
            guard let x = numberValue(value) else { return nil }
            fixed[i] = x
        }
        guard form.arguments.allSatisfy(seen.contains), variables.allSatisfy(seen.contains) else { return nil }
        // The checks of `evaluateRequest` that do not read the variables' values (they are
        // numbers, the kind each is declared as).
        let template = members.map { key, value in (key, variables.contains(key) ? JSONValue.number(0) : value) }
        let args = Arguments(spec: spec, members: template)
        guard (try? requireRequestSize(args)) != nil, (try? args.validate()) != nil,
              let n = try? args.natsPerUnit() else { return nil }
        self.form = form
        arguments = fixed
        positions = variables.map { form.arguments.firstIndex(of: $0)! }
        // `convert` divides only a result declared information (a numeric form's result is one number).
        natsPerUnit = spec.result == .information ? n : 1
    }

    /// The answer for `arguments` with the variables filled in at `positions`; nil where
    /// `evaluateRequest` would throw.
    public func value(_ arguments: [Double]) -> Double? {
        guard let x = try? form.evaluate(arguments) else { return nil }
        // `convert`'s one division (none for nats), then `requireNoNaN`.
        let y = natsPerUnit == 1 ? x : x / natsPerUnit
        if x.isFinite && !y.isFinite { return nil }
        return y.isNaN ? nil : y
    }
}
