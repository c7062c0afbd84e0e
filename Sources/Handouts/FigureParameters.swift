/// The catalogue figures and their parameters as the template format contract fixes them, so a
/// misspelt figure or parameter is an error at its line instead of a silently ignored key.
/// `text` parameters take words (`unit: bits`); `data` parameters take numbers, lists, tables
/// or references to `data:`/`values:` — a bare word there is an unknown reference.
enum FigureParameters {
    enum Kind: Sendable { case text, data }
    struct Parameter: Sendable {
        var name: String
        var kind: Kind
    }

    private static func t(_ n: String) -> Parameter { Parameter(name: n, kind: .text) }
    private static func d(_ n: String) -> Parameter { Parameter(name: n, kind: .data) }

    static let ordered: [(String, [Parameter])] = [
        ("entropy-curve", [t("unit"), d("marks")]),
        ("surprisal", [t("unit")]),
        ("kl-fits", [d("target"), t("which")]),
        ("entropy-venn", [d("pxy"), d("proportional"), t("x_name"), t("y_name")]),
        ("gaussian-kl-surface", [d("mu0"), d("sigma0"), t("view"), d("reverse")]),
        ("kl-asymmetry", [d("p"), d("q"), d("labels")]),
        ("distribution-compare", [d("labels"), d("p"), d("q"), t("p_name"), t("q_name")]),
        ("cross-entropy-decomposition", [d("labels"), d("p"), d("models")]),
        ("likelihood-curve", [d("heads"), d("tails")]),
        ("maxent", [d("values"), d("means")]),
        ("ensemble-uncertainty", [d("labels"), d("ensembles")]),
        ("mi-vs-correlation", [d("n"), d("noise"), d("seed")]),
        ("lindley", [d("alpha"), d("beta"), d("heads"), d("tails")]),
        ("elbo", [d("data"), d("noise_sigma"), d("prior_mu"), d("prior_sigma")]),
    ]

    static let names: [String] = ordered.map(\.0)
    static let catalogue: [String: [Parameter]] = Dictionary(uniqueKeysWithValues: ordered)
}
