/// One entry per TeX command, in the manner of KaTeX's function table: how many arguments it takes,
/// how it parses, and which atom class or layout rule it produces.
struct CommandSpec: Sendable {
    enum Rule: Sendable {
        /// A single symbol of the given class (Greek letters get the math alphabet, others are set as is).
        case symbol(String, AtomClass)
        case largeOperator(String, limits: Bool)
        /// An upright operator name (\log, \lim …); `limits` puts scripts above/below in display style.
        case function(String, limits: Bool)
        case fraction(ruleThickness: Double?, left: String?, right: String?, style: MathStyle?)
        case sqrt
        case alphabet(MathAlphabet)
        case text
        case operatorName(limits: Bool)
        case accent(String)
        case overline, underline
        case brace(over: Bool)
        case left, middle, right
        case big(size: Int, cls: AtomClass)
        case space(mu: Double)
        case limits(LimitsMode)
        case begin, end
        case style(MathStyle)
        /// \mathrel{…} and friends: the argument as one atom of the given class.
        case atomClass(AtomClass)
        /// \overset{top}{base}, \underset{bottom}{base}, \stackrel: the base's class, the other
        /// argument as a limit above or below (amsmath).
        case stack(over: Bool)
    }
    let arguments: Int
    let rule: Rule
}

enum CommandTable {
    static func lookUp(_ name: String) -> CommandSpec? { table[name] }

    private static let greek: [(String, String)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"),
        ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"),
        ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"),
        ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
        ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
        ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
    ]

    private static let symbols: [(String, String, AtomClass)] = [
        // relations
        ("=", "=", .rel), ("ne", "≠", .rel), ("neq", "≠", .rel), ("le", "≤", .rel), ("leq", "≤", .rel),
        ("ge", "≥", .rel), ("geq", "≥", .rel), ("approx", "≈", .rel), ("propto", "∝", .rel), ("sim", "∼", .rel),
        ("simeq", "≃", .rel), ("equiv", "≡", .rel), ("in", "∈", .rel), ("notin", "∉", .rel), ("ni", "∋", .rel),
        ("subset", "⊂", .rel), ("subseteq", "⊆", .rel), ("supset", "⊃", .rel), ("to", "→", .rel),
        ("rightarrow", "→", .rel), ("leftarrow", "←", .rel), ("gets", "←", .rel), ("mapsto", "↦", .rel),
        ("Rightarrow", "⇒", .rel), ("Leftarrow", "⇐", .rel), ("Leftrightarrow", "⇔", .rel),
        ("leftrightarrow", "↔", .rel), ("iff", "⟺", .rel), ("implies", "⟹", .rel), ("perp", "⟂", .rel),
        ("mid", "∣", .rel), ("ll", "≪", .rel), ("gg", "≫", .rel), ("coloneqq", "≔", .rel),
        ("triangleq", "≜", .rel), ("parallel", "∥", .rel),
        // binary operators
        ("cdot", "⋅", .bin), ("times", "×", .bin), ("pm", "±", .bin), ("mp", "∓", .bin), ("div", "÷", .bin),
        ("cup", "∪", .bin), ("cap", "∩", .bin), ("setminus", "∖", .bin), ("circ", "∘", .bin), ("ast", "∗", .bin),
        ("otimes", "⊗", .bin), ("oplus", "⊕", .bin), ("wedge", "∧", .bin), ("vee", "∨", .bin),
        // ordinary symbols
        ("infty", "∞", .ord), ("partial", "∂", .ord), ("nabla", "∇", .ord), ("forall", "∀", .ord),
        ("exists", "∃", .ord), ("emptyset", "∅", .ord), ("varnothing", "∅", .ord), ("ell", "ℓ", .ord),
        ("hbar", "ℏ", .ord), ("prime", "′", .ord), ("top", "⊤", .ord), ("bot", "⊥", .ord), ("neg", "¬", .ord),
        ("ldots", "…", .inner), ("dots", "…", .inner), ("cdots", "⋯", .inner), ("vdots", "⋮", .ord),
        ("ddots", "⋱", .inner), ("dagger", "†", .ord), ("star", "⋆", .bin),
        ("|", "‖", .ord), ("Vert", "‖", .ord), ("vert", "|", .ord), ("backslash", "∖", .ord),
        ("{", "{", .open), ("}", "}", .close), ("lbrace", "{", .open), ("rbrace", "}", .close),
        ("langle", "⟨", .open), ("rangle", "⟩", .close), ("lvert", "|", .open), ("rvert", "|", .close),
        ("lVert", "‖", .open), ("rVert", "‖", .close), ("lfloor", "⌊", .open), ("rfloor", "⌋", .close),
        ("lceil", "⌈", .open), ("rceil", "⌉", .close),
        ("#", "#", .ord), ("%", "%", .ord), ("&", "&", .ord), ("_", "_", .ord), ("$", "$", .ord),
        (",", "", .ord),
    ]

    private static let functions: [(String, Bool)] = [
        ("log", false), ("ln", false), ("exp", false), ("arg", false), ("sin", false), ("cos", false),
        ("tan", false), ("tanh", false), ("sinh", false), ("cosh", false), ("dim", false), ("ker", false),
        ("deg", false), ("Pr", true), ("min", true), ("max", true), ("lim", true), ("sup", true), ("inf", true),
        ("det", true), ("liminf", true), ("limsup", true), ("argmin", true), ("argmax", true), ("gcd", true),
    ]

    private static let table: [String: CommandSpec] = {
        var t: [String: CommandSpec] = [:]
        for (name, ch) in greek { t[name] = CommandSpec(arguments: 0, rule: .symbol(ch, .ord)) }
        for (name, ch, cls) in symbols where name != "," { t[name] = CommandSpec(arguments: 0, rule: .symbol(ch, cls)) }
        for (name, limits) in functions {
            let shown = name == "argmin" ? "arg\u{2009}min" : (name == "argmax" ? "arg\u{2009}max" :
                        (name == "liminf" ? "lim\u{2009}inf" : (name == "limsup" ? "lim\u{2009}sup" : name)))
            t[name] = CommandSpec(arguments: 0, rule: .function(shown, limits: limits))
        }
        for (name, ch, limits) in [("sum", "∑", true), ("prod", "∏", true), ("coprod", "∐", true),
                                   ("int", "∫", false), ("iint", "∬", false), ("oint", "∮", false),
                                   ("bigcup", "⋃", true), ("bigcap", "⋂", true)] {
            t[name] = CommandSpec(arguments: 0, rule: .largeOperator(ch, limits: limits))
        }
        t["frac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: nil))
        t["dfrac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: .display))
        t["tfrac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: .text))
        t["binom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: nil))
        t["dbinom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: .display))
        t["tbinom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: .text))
        t["sqrt"] = CommandSpec(arguments: 1, rule: .sqrt)
        for (name, alphabet) in [("mathbb", MathAlphabet.blackboard), ("mathcal", .calligraphic), ("mathscr", .calligraphic),
                                 ("mathrm", .roman), ("mathbf", .bold), ("mathit", .italic), ("boldsymbol", .boldItalic),
                                 ("bm", .boldItalic)] {
            t[name] = CommandSpec(arguments: 1, rule: .alphabet(alphabet))
        }
        t["text"] = CommandSpec(arguments: 1, rule: .text)
        t["textrm"] = CommandSpec(arguments: 1, rule: .text)
        t["mbox"] = CommandSpec(arguments: 1, rule: .text)
        t["operatorname"] = CommandSpec(arguments: 1, rule: .operatorName(limits: false))
        t["operatorname*"] = CommandSpec(arguments: 1, rule: .operatorName(limits: true))
        // Combining marks: OpenType math fonts carry their accent variants on these code points.
        for (name, mark) in [("hat", "\u{0302}"), ("widehat", "\u{0302}"), ("bar", "\u{0304}"), ("tilde", "\u{0303}"),
                             ("widetilde", "\u{0303}"), ("vec", "\u{20D7}"), ("dot", "\u{0307}"), ("ddot", "\u{0308}"),
                             ("check", "\u{030C}"), ("acute", "\u{0301}"), ("grave", "\u{0300}"), ("breve", "\u{0306}")] {
            t[name] = CommandSpec(arguments: 1, rule: .accent(mark))
        }
        t["overline"] = CommandSpec(arguments: 1, rule: .overline)
        t["underline"] = CommandSpec(arguments: 1, rule: .underline)
        t["overbrace"] = CommandSpec(arguments: 1, rule: .brace(over: true))
        t["underbrace"] = CommandSpec(arguments: 1, rule: .brace(over: false))
        t["left"] = CommandSpec(arguments: 0, rule: .left)
        t["middle"] = CommandSpec(arguments: 0, rule: .middle)
        t["right"] = CommandSpec(arguments: 0, rule: .right)
        for (base, size) in [("big", 1), ("Big", 2), ("bigg", 3), ("Bigg", 4)] {
            t[base] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .ord))
            t[base + "l"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .open))
            t[base + "r"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .close))
            t[base + "m"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .rel))
        }
        for (name, mu) in [(",", 3.0), (":", 4.0), (">", 4.0), (";", 5.0), ("!", -3.0), ("quad", 18.0),
                           ("qquad", 36.0), (" ", 6.0), ("enspace", 9.0), ("thinspace", 3.0)] {
            t[name] = CommandSpec(arguments: 0, rule: .space(mu: mu))
        }
        t["limits"] = CommandSpec(arguments: 0, rule: .limits(.limits))
        t["nolimits"] = CommandSpec(arguments: 0, rule: .limits(.noLimits))
        t["begin"] = CommandSpec(arguments: 1, rule: .begin)
        t["end"] = CommandSpec(arguments: 1, rule: .end)
        for (name, cls) in [("mathord", AtomClass.ord), ("mathop", .op), ("mathbin", .bin), ("mathrel", .rel),
                            ("mathopen", .open), ("mathclose", .close), ("mathpunct", .punct), ("mathinner", .inner)] {
            t[name] = CommandSpec(arguments: 1, rule: .atomClass(cls))
        }
        t["overset"] = CommandSpec(arguments: 2, rule: .stack(over: true))
        t["stackrel"] = CommandSpec(arguments: 2, rule: .stack(over: true))
        t["underset"] = CommandSpec(arguments: 2, rule: .stack(over: false))
        t["colon"] = CommandSpec(arguments: 0, rule: .symbol(":", .punct))
        t["displaystyle"] = CommandSpec(arguments: 0, rule: .style(.display))
        t["textstyle"] = CommandSpec(arguments: 0, rule: .style(.text))
        t["scriptstyle"] = CommandSpec(arguments: 0, rule: .style(.script))
        t["scriptscriptstyle"] = CommandSpec(arguments: 0, rule: .style(.scriptScript))
        return t
    }()

    /// Characters typed directly and their classes (TeX's \mathcode table).
    static func characterClass(_ c: Character) -> AtomClass {
        switch c {
        case "+", "-", "*", "−", "×", "·", "±": return .bin
        case "=", "<", ">", ":", "≤", "≥", "≠", "→", "∈", "≈", "∼": return .rel
        case "(", "[": return .open
        case ")", "]": return .close
        case ",", ";": return .punct
        case "!", "?": return .close
        default: return .ord
        }
    }

    /// Delimiter names accepted after \left, \middle, \right and \big…
    static func delimiter(_ token: String) -> String? {
        switch token {
        case "(", ")", "[", "]", "|", "/", ".", "<", ">": return token == "<" ? "⟨" : (token == ">" ? "⟩" : token)
        case "\\{", "\\lbrace": return "{"
        case "\\}", "\\rbrace": return "}"
        case "\\|", "\\Vert", "\\lVert", "\\rVert": return "‖"
        case "\\vert", "\\lvert", "\\rvert", "\\mid": return "|"
        case "\\langle": return "⟨"
        case "\\rangle": return "⟩"
        case "\\lfloor": return "⌊"
        case "\\rfloor": return "⌋"
        case "\\lceil": return "⌈"
        case "\\rceil": return "⌉"
        case "\\backslash": return "∖"
        default: return nil
        }
    }
}
