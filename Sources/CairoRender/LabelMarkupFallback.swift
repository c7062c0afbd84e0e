import Foundation

/// Stand-in for TeX math until the typesetter lands: turns a label whose `$…$` parts are TeX into
/// Pango markup — Latin letters italic, Greek from control words, `_`/`^` as lowered/raised smaller
/// spans, common operators as Unicode. Measuring and drawing both call this one function, so the
/// layout's sizes match what is drawn. Plain text outside `$…$` is only escaped.
///
/// Sub/superscripts use explicit `size`/`rise` in Pango units rather than `<sub>`/`<sup>`, whose
/// font_scale is applied in device space by Pango 1.50 and comes out wrong on scaled PNG surfaces.
func labelMarkup(_ label: String, fontSize: Double) -> String {
    var out = ""
    var math = false
    var segment = ""
    let chars = Array(label)
    var i = 0
    // An odd number of unescaped '$' leaves the last one literal.
    let dollarCount = chars.enumerated().filter { $0.element == "$" && ($0.offset == 0 || chars[$0.offset - 1] != "\\") }.count
    var remainingDollars = dollarCount
    while i < chars.count {
        let c = chars[i]
        if c == "\\" && i + 1 < chars.count && chars[i + 1] == "$" && !math {
            segment.append("$"); i += 2; continue
        }
        if c == "$" && (math || remainingDollars >= 2) {
            remainingDollars -= 1
            out += math ? TeXFallback(fontSize: fontSize).markup(segment) : escapeMarkup(segment)
            segment = ""
            math.toggle()
            i += 1
            continue
        }
        segment.append(c)
        i += 1
    }
    out += math ? TeXFallback(fontSize: fontSize).markup(segment) : escapeMarkup(segment)
    return out
}

func escapeMarkup(_ s: String) -> String { escapeXML(s) }

private struct TeXFallback {
    let fontSize: Double

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
    ]
    static let upright: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω",
        "|": "‖", "Vert": "‖", "mid": " | ", "cdot": "·", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "propto": "∝", "infty": "∞", "sum": "∑", "prod": "∏",
        "int": "∫", "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "partial": "∂", "nabla": "∇",
        "pm": "±", "ldots": "…", "dots": "…", "cdots": "⋯", ",": "\u{2009}", ";": "\u{2005}", "quad": "\u{2003}",
        "qquad": "\u{2003}\u{2003}", " ": " ", "!": "", "{": "{", "}": "}", "log": "log", "ln": "ln", "exp": "exp",
        "max": "max", "min": "min", "arg": "arg", "sin": "sin", "cos": "cos", "det": "det", "lim": "lim",
        "left": "", "right": "", "big": "", "Big": "", "langle": "⟨", "rangle": "⟩", "ell": "ℓ", "star": "⋆",
        "equiv": "≡", "forall": "∀", "exists": "∃", "cup": "∪", "cap": "∩", "setminus": "∖", "mathbb": "",
    ]
    static let functionNames: Set<String> = ["log", "ln", "exp", "max", "min", "arg", "sin", "cos", "det", "lim"]
    static let calligraphic: [Character: String] = ["N": "𝒩", "L": "ℒ", "H": "ℋ", "D": "𝒟", "X": "𝒳", "Y": "𝒴",
                                                    "P": "𝒫", "Q": "𝒬", "B": "ℬ", "E": "ℰ", "F": "ℱ", "M": "ℳ"]
    static let blackboard: [Character: String] = ["E": "𝔼", "R": "ℝ", "P": "ℙ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ"]

    func markup(_ tex: String) -> String {
        var p = Parser(chars: Array(tex))
        return render(&p, depth: 0, stopAtBrace: false)
    }

    struct Parser {
        var chars: [Character]
        var i = 0
        var atEnd: Bool { i >= chars.count }
        mutating func next() -> Character? { guard i < chars.count else { return nil }; defer { i += 1 }; return chars[i] }
        func peek() -> Character? { i < chars.count ? chars[i] : nil }
        mutating func word() -> String {
            var w = ""
            if let c = peek(), !c.isLetter { i += 1; return String(c) }
            while let c = peek(), c.isLetter { w.append(c); i += 1 }
            return w
        }
        /// A braced group or a single token's raw text.
        mutating func rawArgument() -> String {
            while peek() == " " { i += 1 }
            guard let c = peek() else { return "" }
            if c == "{" {
                i += 1
                var depth = 1, s = ""
                while let d = next() {
                    if d == "{" { depth += 1 } else if d == "}" { depth -= 1; if depth == 0 { break } }
                    s.append(d)
                }
                return s
            }
            if c == "\\" { i += 1; return "\\" + word() }
            i += 1
            return String(c)
        }
    }

    func script(_ inner: String, up: Bool, depth: Int) -> String {
        let size = Int((fontSize * (depth == 0 ? 0.7 : 0.6) * 1024).rounded())
        let rise = Int((fontSize * (up ? 0.36 : -0.16) * 1024).rounded())
        return "<span size=\"\(size)\" rise=\"\(rise)\">\(inner)</span>"
    }

    /// TeX's atom classes, enough to space the fallback like TeX's inter-atom table (TeXbook ch. 18):
    /// thin space around binary operators, a wider one around relations, one after punctuation
    /// and between an operator name and its argument.
    enum Atom { case none, ord, op, bin, rel, open, close, punct }

    static let binaries: [String: String] = ["pm": "±", "times": "×", "cdot": "·", "setminus": "∖", "cup": "∪", "cap": "∩"]
    static let relations: [String: String] = [
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
        "propto": "∝", "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "equiv": "≡", "mid": "|",
    ]

    func space(_ prev: Atom, _ next: Atom) -> String {
        let thin = "\u{2009}", rel = "\u{2005}", six = "\u{2006}"
        switch (prev, next) {
        case (.none, _), (.open, _): return ""
        case (_, .rel), (.rel, _): return rel
        case (.bin, _), (_, .bin): return thin
        case (.punct, _): return six
        case (.op, .ord), (.ord, .op), (.close, .op), (.op, .op): return six
        default: return ""
        }
    }

    func render(_ p: inout Parser, depth: Int, stopAtBrace: Bool) -> String {
        var out = ""
        var prev = Atom.none
        func emit(_ kind: Atom, _ text: String) {
            var k = kind
            // '+' and '−' are binary only between operands (TeX rule 5: a Bin after nothing, an
            // operator, a relation, an open or punctuation becomes an Ord).
            if k == .bin && !(prev == .ord || prev == .close) { k = .ord }
            out += space(prev, k) + text
            prev = k
        }
        while let c = p.next() {
            switch c {
            case "}" where stopAtBrace: return out
            case "{": emit(.ord, render(&p, depth: depth, stopAtBrace: true))
            case "_", "^":
                var sub = Parser(chars: Array(p.rawArgument()))
                out += script(render(&sub, depth: depth + 1, stopAtBrace: false), up: c == "^", depth: depth)
            case "\\":
                let w = p.word()
                switch w {
                case "frac", "tfrac", "dfrac":
                    var a = Parser(chars: Array(p.rawArgument())), b = Parser(chars: Array(p.rawArgument()))
                    let num = render(&a, depth: depth, stopAtBrace: false), den = render(&b, depth: depth, stopAtBrace: false)
                    let wrap = { (s: String, n: Int) in n > 1 ? "(\(s))" : s }
                    emit(.ord, wrap(num, a.chars.count) + "/" + wrap(den, b.chars.count))
                case "sqrt":
                    var a = Parser(chars: Array(p.rawArgument()))
                    emit(.ord, "√(" + render(&a, depth: depth, stopAtBrace: false) + ")")
                case "text", "textrm", "mbox":
                    emit(.ord, escapeMarkup(p.rawArgument()))
                case "mathrm", "operatorname":
                    emit(.op, escapeMarkup(p.rawArgument()))
                case "mathbf", "boldsymbol":
                    var a = Parser(chars: Array(p.rawArgument()))
                    emit(.ord, "<b>" + render(&a, depth: depth, stopAtBrace: false) + "</b>")
                case "mathit":
                    emit(.ord, "<i>" + escapeMarkup(p.rawArgument()) + "</i>")
                case "mathcal":
                    emit(.ord, p.rawArgument().map { Self.calligraphic[$0] ?? escapeMarkup(String($0)) }.joined())
                case "mathbb":
                    emit(.ord, p.rawArgument().map { Self.blackboard[$0] ?? escapeMarkup(String($0)) }.joined())
                case "hat", "bar", "tilde", "vec":
                    var a = Parser(chars: Array(p.rawArgument()))
                    let mark = ["hat": "\u{302}", "bar": "\u{304}", "tilde": "\u{303}", "vec": "\u{20D7}"][w] ?? ""
                    emit(.ord, render(&a, depth: depth, stopAtBrace: false) + mark)
                case "left", "right", "big", "Big", "bigl", "bigr", "!": break
                case ",": out += "\u{2006}"
                case ";", ":": out += "\u{2005}"
                case "quad": out += "\u{2003}"
                case "qquad": out += "\u{2003}\u{2003}"
                case " ": out += " "
                case "{", "}": emit(w == "{" ? .open : .close, w)
                case "langle": emit(.open, "⟨")
                case "rangle": emit(.close, "⟩")
                default:
                    if let g = Self.greek[w] { emit(.ord, "<i>\(g)</i>") }
                    else if Self.functionNames.contains(w) { emit(.op, w) }
                    else if let b = Self.binaries[w] { emit(.bin, b) }
                    else if let r = Self.relations[w] { emit(.rel, escapeMarkup(r)) }
                    else if let u = Self.upright[w] { emit(.ord, escapeMarkup(u)) }
                    else { emit(.ord, escapeMarkup(w)) }
                }
            case "-": emit(.bin, "\u{2212}")
            case "+": emit(.bin, "+")
            case "*": emit(.bin, "∗")
            case "=", "<", ">": emit(.rel, escapeMarkup(String(c)))
            case ",", ";": emit(.punct, String(c))
            case "(", "[": emit(.open, String(c))
            case ")", "]": emit(.close, String(c))
            case "'": out += "′"
            case "~": out += " "
            case " ": break   // TeX ignores spaces in math
            default:
                if c.isLetter && c.isASCII { emit(.ord, "<i>\(c)</i>") } else { emit(.ord, escapeMarkup(String(c))) }
            }
        }
        return out
    }
}
