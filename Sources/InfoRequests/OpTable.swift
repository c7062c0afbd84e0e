import InfoTheory

/// The one table of compute ops.
///
/// Why a table: every op used to be written three times — a handler in the request evaluator, a
/// hand-written ArgumentParser subcommand, and a README row — and the three drifted (the CLI's
/// `mutual-information-samples` never learnt `standardize`, `--unit` was silently ignored by ops
/// without a unit). Now each op is one `OpSpec` (name, help, argument specs, result kind,
/// evaluator), registered in a family file under `Ops/` the way KaTeX registers one entry per
/// command, and everything else is derived from it:
/// - `evaluateRequest` (JSON lines, templates' `values:`) validates names, kinds and required
///   arguments from the specs ("did you mean" included) before the evaluator runs;
/// - `infoplot compute OP --name value` parses options against the same specs and renders `--help`
///   from them (ArgumentParser cannot declare commands at run time, so one generic command does it);
/// - the expression language calls ops by name with the spec's positional arguments;
/// - the README's op table is rendered by `opTableMarkdown()` and a test checks the two agree.
///
/// Units: evaluators compute in nats and never see `unit` or `base`. The table converts the parts
/// of the result that `OpResult` declares to be information once, after evaluation — the same
/// single division `InfoUnit.fromNats` did, so values are bit-for-bit what they were.
///
/// To add an op: write its `OpSpec` in the family file it belongs to (or a new `Ops/*.swift`
/// whose array is listed in `opFamilies`), and add a reference test.
public let opTable: [OpSpec] = opFamilies.flatMap { $0 }

/// The families in documentation order (README, `--help`, "expected one of").
let opFamilies: [[OpSpec]] = [
    entropyOps, jointOps, measureOps, gaussianOps, modelOps, bayesOps, policyOps,
]

/// Every op name, in documentation order.
public let requestOps: [String] = opTable.map(\.name)

let opIndex: [String: OpSpec] = Dictionary(opTable.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

/// The spec of op `name`, if there is one.
public func opSpec(named name: String) -> OpSpec? { opIndex[name] }

/// One compute op.
public struct OpSpec: Sendable {
    /// The JSON name (`mutual_information`); the CLI spells it with hyphens.
    public let name: String
    /// One line for `--help` listings.
    public let abstract: String
    /// The op's own arguments; `unit` and `base` are added for information results (see `allArguments`).
    public let arguments: [OpArgument]
    public let result: OpResult
    /// The result column of the README table (`H(p)`, `{p_hat, log_likelihood}`).
    public let summary: String
    /// Arguments an expression may pass by position, in order (`kl(p, q)`); the rest are named.
    public let positional: [String]
    /// How work and memory grow and the size limit, for the README table (issue 13: near-linear
    /// in the input, larger requests refused before work starts); O(n) in the numbers given unless said.
    public let cost: String
    /// An iterative search (BFGS, Newton steps) whose answer callers may keep for equal requests
    /// (the expression language does: `Expressions/RequestMemo.swift`).
    public let searches: Bool
    let evaluate: @Sendable (Arguments) throws -> JSONValue
    /// The op as a function of numbers alone, where it has such a form (`NumericRequest`).
    let numeric: NumericForm?
    /// The op's arguments followed by `unit` and `base` where they apply.
    public let allArguments: [OpArgument]
    /// Every key a request of this op may hold (its arguments, `op`, `unit` and the presentation
    /// keys), made once: expressions call an op at every point of a curve or grid.
    let acceptedKeys: Set<String>

    init(_ name: String, _ abstract: String, arguments: [OpArgument], result: OpResult, summary: String,
         cost: String = "O(n)", positional: [String] = [], searches: Bool = false, numeric: NumericForm? = nil,
         evaluate: @escaping @Sendable (Arguments) throws -> JSONValue) {
        self.name = name; self.abstract = abstract; self.arguments = arguments; self.result = result
        self.summary = summary; self.cost = cost; self.positional = positional; self.searches = searches
        self.evaluate = evaluate; self.numeric = numeric
        let information: Bool = if case .plain = result { false } else { true }
        allArguments = arguments + (information ? [unitArgument, baseArgument] : [])
        acceptedKeys = Set(allArguments.map(\.name) + ["op", "unit"] + Arguments.presentationKeys)
    }

    /// The command-line name: `mutual-information`.
    public var commandName: String { cliSpelling(name) }

    /// Whether some part of the result is information (and so `unit`/`base` apply).
    public var isInformation: Bool {
        if case .plain = result { return false }
        return true
    }

}

/// What an op returns, and which of it is information (converted by `unit`/`base`).
public enum OpResult: Sendable, Equatable {
    /// A number, or an array of numbers, of information.
    case information
    /// No information quantity (a correlation, AIC, a distribution): `unit` may only be nats, no `base`.
    case plain
    /// An object whose members of these names (at any depth) are information; the rest are not.
    case members(Set<String>)
}

/// The kind of value an argument takes; checked before the evaluator runs.
public enum OpArgumentKind: Sendable, Equatable {
    case number          // a JSON number or "inf"/"-inf"
    case integer
    case vector          // an array of numbers
    case table           // an array of rows (arrays of numbers)
    case string
    case choice([String])
    case bool
    /// `[{weight, mu, sigma}, …]`; on the command line rows `weight,mu,sigma;…`.
    case mixture
    /// Any JSON value (nested tables …), described by the text; on the command line JSON text.
    case json(String)

    /// "a number", "an array of numbers" … as errors and help say it.
    public var expected: String {
        switch self {
        case .number: "a number"
        case .integer: "an integer"
        case .vector: "an array of numbers"
        case .table: "an array of rows (arrays of numbers)"
        case .string: "a string"
        case .choice(let c): "one of " + c.map { "\"\($0)\"" }.joined(separator: ", ")
        case .bool: "true or false"
        case .mixture: "an array of components {\"weight\", \"mu\", \"sigma\"}"
        case .json(let what): what
        }
    }
}

/// One argument of an op.
public struct OpArgument: Sendable {
    public let name: String
    public let kind: OpArgumentKind
    public let required: Bool
    /// Used when the argument is omitted (documented in help); nil: the evaluator decides.
    public let defaultValue: JSONValue?
    public let help: String

    public init(_ name: String, _ kind: OpArgumentKind, required: Bool = true, default defaultValue: JSONValue? = nil,
                _ help: String) {
        self.name = name; self.kind = kind; self.required = required && defaultValue == nil
        self.defaultValue = defaultValue; self.help = help
    }

    /// An argument that may be omitted.
    static func optional(_ name: String, _ kind: OpArgumentKind, default value: JSONValue? = nil, _ help: String) -> OpArgument {
        OpArgument(name, kind, required: false, default: value, help)
    }

    /// The command-line option: `--log-likelihood`.
    public var optionName: String { "--" + cliSpelling(name) }
}

/// `normalize`, declared once for every op that takes probability vectors or tables.
let normalizeArgument = OpArgument.optional("normalize", .bool, default: .bool(false),
                                            "Rescale the probabilities to sum to 1 instead of rejecting another sum.")

public let unitArgument = OpArgument.optional("unit", .choice(InfoUnit.allCases.map(\.rawValue)), default: .string("nats"),
                                       "Unit of information: nats, bits or hartleys.")

public let baseArgument = OpArgument.optional("base", .number,
                                       "Logarithm base of the result, any positive number other than 1 (instead of unit).")

/// `mutual_information` → `mutual-information`, the command line's spelling.
public func cliSpelling(_ name: String) -> String { name.replacingOccurrences(of: "_", with: "-") }
