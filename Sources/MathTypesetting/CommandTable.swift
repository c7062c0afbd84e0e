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
        /// \genfrac{left}{right}{thickness}{style}{num}{den} (amsmath).
        case genfrac
        /// \cfrac[l|c|r]{num}{den}: continued fractions (amsmath).
        case cfrac
        case sqrt
        case alphabet(MathAlphabet)
        /// \rm, \bf, \cal …: the alphabet for the rest of the group (plain TeX's font switches).
        case alphabetSwitch(MathAlphabet)
        /// \text, \textbf, \emph …: text mode in the given face.
        case text(MathAlphabet)
        case operatorName(limits: Bool)
        /// `stretchy`: unicode-math's \mathaccentwide (\overrightarrow …), stretched to cover the base.
        case accent(String, stretchy: Bool = false)
        case underAccent(String)
        case overline, underline
        /// \overbrace, \underbrace and the other stretched stacks (\overbracket, \overparen …).
        case brace(String, over: Bool)
        case left, middle, right
        case big(size: Int, cls: AtomClass)
        case space(mu: Double)
        /// \hspace{len}, \kern len, \mkern, \mskip, \hskip (braced: the argument is braced).
        case kern(braced: Bool)
        case limits(LimitsMode)
        case begin, end
        case style(MathStyle)
        /// \tiny … \Huge: the rest of the group at a factor of the base size (LaTeX's sizes at 10pt).
        case sizing(Double)
        /// \mathrel{…} and friends: the argument as one atom of the given class.
        case atomClass(AtomClass)
        /// \overset{top}{base}, \underset{bottom}{base}, \stackrel: the base's class, the other
        /// argument as a limit above or below (amsmath).
        case stack(over: Bool)
        case color, textcolor, colorbox, fcolorbox, boxed
        case phantom(width: Bool, height: Bool)
        case smash
        case rule
        case not
        case extensibleArrow(String)
        case tag(starred: Bool)
        case notag
        case substack
        case newcommand, def, declareMathOperator
        /// A built-in macro: the TeX text it stands for (from the LaTeX kernel and amsmath).
        case macro(String)
        /// \cancel, \bcancel, \xcancel (cancel.sty).
        case cancel(CancelStroke)
        /// \sout (ulem.sty).
        case strikeout
        /// \llap, \rlap, \clap (text argument, plain.tex's \hbox to\z@) and mathtools' \mathllap,
        /// \mathrlap, \mathclap (math argument in the current style).
        case lap(LapSide, math: Bool)
        case vcenter
        /// \raisebox{raise}[height][depth]{text} (LaTeX).
        case raisebox
        /// \char followed by a TeX number: "hex, 'octal, `character or decimal.
        case char
        /// \verb<d>…<d> and \verb*: the characters between the delimiters, verbatim, in typewriter type.
        case verb(visibleSpaces: Bool)
        case logo(TeXLogo)
        /// \global before \def or \gdef (a formula is one group, so it changes nothing).
        case global
        /// \edef and \xdef (\global\edef): \def with the body expanded when it is defined, not when it
        /// is used (TeXbook p. 215–216).
        case edef
        /// \begingroup … \endgroup: a semi-simple group (TeXbook p. 279), which keeps font switches and
        /// colours inside it but, unlike {…}, makes no Ord atom of its contents.
        case beginGroup, endGroup
        /// \mathchoice{D}{T}{S}{SS}: one of four lists, picked by the style in force where it stands
        /// (TeXbook p. 151, Appendix G rule 1).
        case mathchoice
        /// \newline at the top level of a formula: the lines that follow start anew at the left (LaTeX's
        /// \@gnewline: \nobreak\hfil\break, so the broken line is ragged).
        case newline
        /// \phase (steinmetz.sty), \angl (actuarialangle.sty).
        case enclosure(Enclosure)
        /// \overlinesegment, \underlinesegment (KaTeX's stretchy line segments).
        case lineSegment(over: Bool)
        /// \Overrightarrow: amsmath's \overarrow@ with the given arrow's fill.
        case overArrow(String)
        /// \textcircled (text mode only, as in LaTeX).
        case textcircled
    }
    let arguments: Int
    let rule: Rule
}

enum CommandTable {
    static func lookUp(_ name: String) -> CommandSpec? { table[name] }

    /// unicode-math's names, parsed once from the generated table (UnicodeMathSymbols.swift).
    static let unicodeMath: [String: CommandSpec] = {
        var t: [String: CommandSpec] = [:]
        for line in UnicodeMathSymbols.table.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count == 3, let code = UInt32(f[1], radix: 16), let scalar = Unicode.Scalar(code) else { continue }
            let name = String(f[0]), ch = String(scalar)
            let rule: CommandSpec.Rule?
            switch f[2] {
            case "ord", "alpha", "fence": rule = .symbol(ch, .ord)
            case "bin": rule = .symbol(ch, .bin)
            case "rel": rule = .symbol(ch, .rel)
            case "open": rule = .symbol(ch, .open)
            case "close": rule = .symbol(ch, .close)
            case "punct": rule = .symbol(ch, .punct)
            // Integrals take their scripts beside them (fontmath.ltx: \int is \intop\nolimits).
            case "op": rule = .largeOperator(ch, limits: !name.contains("int"))
            case "accent": rule = .accent(ch)
            case "wideaccent": rule = .accent(ch, stretchy: true)
            case "botaccent", "widebotaccent": rule = .underAccent(ch)
            case "over": rule = .brace(ch, over: true)
            case "under": rule = .brace(ch, over: false)
            default: rule = nil   // the \not overlay is \not's business
            }
            if let rule { t[name] = CommandSpec(arguments: 0, rule: rule) }
        }
        for line in UnicodeMathSymbols.aliases.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2, let target = t[String(f[1])] { t[String(f[0])] = target }
        }
        return t
    }()

    /// The class unicode-math-table.tex gives each symbol character (`=` rel, `−` bin, `(` open,
    /// `,` punct …), for text that has only the characters (a formula's MathML spoken as plain text).
    /// Names are visited in order, so a character two names share gets the first name's class.
    static let symbolClass: [String: AtomClass] = {
        var t: [String: AtomClass] = [:]
        for (_, spec) in unicodeMath.sorted(by: { $0.key < $1.key }) {
            if case .symbol(let ch, let cls) = spec.rule, t[ch] == nil { t[ch] = cls }
        }
        return t
    }()

    /// \not X: unicode-math's negation table, then its rule — \notX or \nX when that command exists.
    static func negation(of name: String) -> String? {
        for line in UnicodeMathSymbols.negations.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2, f[0] == name { return String(f[1]) }
        }
        if lookUp("not" + name) != nil { return "not" + name }
        if lookUp("n" + name) != nil { return "n" + name }
        return nil
    }

    private static let greek: [(String, String)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"),
        ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"),
        ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"),
        ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
        ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
        ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
    ]

    /// Where TeX users' names differ from unicode-math's, or a class differs: the LaTeX kernel's
    /// (fontmath.ltx) and amsmath's meaning wins.
    private static let symbols: [(String, String, AtomClass)] = [
        ("ne", "≠", .rel), ("neq", "≠", .rel), ("notin", "∉", .rel),
        ("perp", "⟂", .rel), ("mid", "∣", .rel), ("parallel", "∥", .rel),
        ("ast", "∗", .bin), ("star", "⋆", .bin), ("setminus", "∖", .bin), ("smallsetminus", "∖", .bin),
        ("emptyset", "∅", .ord), ("varnothing", "∅", .ord), ("prime", "′", .ord), ("neg", "¬", .ord), ("lnot", "¬", .ord),
        ("ldots", "…", .inner), ("dots", "…", .inner), ("cdots", "⋯", .inner), ("vdots", "⋮", .ord),
        ("ddots", "⋱", .inner), ("dotsc", "…", .inner), ("dotso", "…", .inner), ("dotsb", "⋯", .inner),
        ("dotsm", "⋯", .inner), ("dotsi", "⋯", .inner), ("mathellipsis", "…", .inner),
        ("|", "‖", .ord), ("Vert", "‖", .ord), ("vert", "|", .ord), ("backslash", "∖", .ord),
        ("{", "{", .open), ("}", "}", .close), ("lbrace", "{", .open), ("rbrace", "}", .close),
        ("langle", "⟨", .open), ("rangle", "⟩", .close), ("lvert", "|", .open), ("rvert", "|", .close),
        ("lVert", "‖", .open), ("rVert", "‖", .close), ("lfloor", "⌊", .open), ("rfloor", "⌋", .close),
        ("lceil", "⌈", .open), ("rceil", "⌉", .close), ("lbrack", "[", .open), ("rbrack", "]", .close),
        ("lgroup", "⟮", .open), ("rgroup", "⟯", .close), ("lmoustache", "⎰", .open), ("rmoustache", "⎱", .close),
        ("#", "#", .ord), ("%", "%", .ord), ("&", "&", .ord), ("_", "_", .ord), ("$", "$", .ord),
        ("colon", ":", .punct), ("bullet", "∙", .bin), ("diamond", "⋄", .bin), ("circ", "∘", .bin),
        ("imath", "ı", .ord), ("jmath", "ȷ", .ord), ("hbar", "ℏ", .ord), ("degree", "°", .ord),
        ("surd", "√", .ord), ("angle", "∠", .ord), ("triangle", "△", .ord), ("S", "§", .ord), ("P", "¶", .ord),
        ("dag", "†", .ord), ("ddag", "‡", .ord), ("copyright", "©", .ord), ("pounds", "£", .ord),
        ("Box", "□", .ord), ("square", "□", .ord), ("blacksquare", "■", .ord), ("lozenge", "◊", .ord),
        ("checkmark", "✓", .ord), ("llbracket", "⟦", .open), ("rrbracket", "⟧", .close),
        ("leadsto", "⇝", .rel), ("restriction", "↾", .rel), ("Re", "ℜ", .ord), ("Im", "ℑ", .ord),
        // plain.tex's \lq and \rq are the quote characters ` and ' (set as ‘ ’).
        ("lq", "‘", .ord), ("rq", "’", .ord),
        // latexsym's \Diamond (the large white diamond) and amssymb's \circledS, \diagup, \diagdown:
        // Ords that unicode-math has no name for.
        ("Diamond", "◇", .ord), ("circledS", "Ⓢ", .ord), ("diagup", "╱", .ord), ("diagdown", "╲", .ord),
    ]

    private static let functions: [(String, Bool)] = [
        ("log", false), ("ln", false), ("lg", false), ("exp", false), ("arg", false), ("sin", false), ("cos", false),
        ("tan", false), ("cot", false), ("sec", false), ("csc", false), ("arcsin", false), ("arccos", false),
        ("arctan", false), ("tanh", false), ("sinh", false), ("cosh", false), ("coth", false), ("dim", false),
        ("ker", false), ("hom", false), ("deg", false), ("Pr", true), ("min", true), ("max", true), ("lim", true),
        ("sup", true), ("inf", true), ("det", true), ("liminf", true), ("limsup", true), ("argmin", true),
        ("argmax", true), ("gcd", true),
        // KaTeX's extra names
        ("sgn", false), ("tr", false), ("Tr", false), ("rank", false), ("diag", false), ("erf", false),
    ]

    /// LaTeX sizes at 10pt (size10.clo): \tiny 5pt … \Huge 24.88pt.
    private static let sizes: [(String, Double)] = [
        ("tiny", 0.5), ("scriptsize", 0.7), ("footnotesize", 0.8), ("small", 0.9), ("normalsize", 1.0),
        ("large", 1.2), ("Large", 1.44), ("LARGE", 1.728), ("huge", 2.074), ("Huge", 2.488),
    ]

    /// Built-in macros, as the LaTeX kernel, amsmath and unicode-math define them.
    private static let macros: [(String, String)] = [
        ("iff", #"\;\Longleftrightarrow\;"#), ("implies", #"\;\Longrightarrow\;"#),   // amsmath
        ("impliedby", #"\;\Longleftarrow\;"#),
        ("bmod", #"\mathbin{\mathrm{mod}}"#),
        ("pmod", #"\mkern18mu(\mathrm{mod}\mkern6mu{#1})"#),   // amsmath's \pmod in text style
        ("pod", #"\mkern18mu({#1})"#), ("mod", #"\mkern18mu\mathrm{mod}\mkern6mu{#1}"#),
        // \mathstrut is a phantom parenthesis; LaTeX's \strut is .7/.3 \baselineskip (12pt at 10pt).
        ("mathstrut", #"\vphantom{(}"#), ("strut", #"\rule[-0.36em]{0pt}{1.2em}"#),
        ("underbar", #"\underline{#1}"#), ("Bbb", #"\mathbb{#1}"#), ("bold", #"\mathbf{#1}"#),
        ("nobreak", ""), ("allowbreak", ""), ("relax", ""), ("displaylimits", ""),
        // amsopn.sty: \varliminf underlines "lim" (over a \vrule of depth .2\ex@, 0.02 em at 10pt),
        // \varlimsup overlines it, \varinjlim and \varprojlim put an arrow fill under it.
        // "lim" is in \operator@font, the text roman of \operatorname.
        ("varliminf", #"\mathop{\underline{\mathord{\operatorname{lim}}\rule[-0.02em]{0pt}{0.02em}}}"#),
        ("varlimsup", #"\mathop{\overline{\mathord{\operatorname{lim}}}}"#),
        ("varinjlim", #"\mathop{\underrightarrow{\mathord{\operatorname{lim}}}}"#),
        ("varprojlim", #"\mathop{\underleftarrow{\mathord{\operatorname{lim}}}}"#),
    ] + colonCompounds

    /// The colon relations of mathtools.sty and colonequals.sty (KaTeX has both). Where unicode-math
    /// defines the name or its meaning has a character in all three fonts, that glyph is what LuaLaTeX
    /// sets (measured: \coloneqq is ≔, \eqqcolon ≕, \dblcolon ∷; unicode-math's own \coloneq,
    /// \eqcolon, \Coloneq keep its meanings ≔ ≕ ⩴). The others are mathtools' constructions: the colon
    /// centred on the axis (\vcentcolon is \mathrel{\mathop\ordinarycolon}, and rule 13 centres a
    /// lone Op character), joined to its neighbour by \mkern-1.2mu. \Coloneqq would be ⩴, which none
    /// of the three fonts has, so it is built as mathtools builds it (∷, \mkern-1.2mu, =).
    private static let colonCompounds: [(String, String)] = {
        // mathtools writes \dblcolon in its double-colon compounds, and with unicode-math that is ∷
        // (measured: LuaLaTeX's \Eqcolon is −, \mkern-1.2mu, ∷).
        let c = #"\vcentcolon"#, cc = #"\dblcolon"#, join = #"\mathrel{\mkern-1.2mu}"#
        let dash = #"\mathrel{-}"#
        let built: [(String, String, String)] = [
            ("Coloneqq", cc, "="), ("Eqqcolon", "=", cc), ("Eqcolon", dash, cc),
            ("colonapprox", c, #"\approx"#), ("Colonapprox", cc, #"\approx"#), ("colonsim", c, #"\sim"#),
            ("Colonsim", cc, #"\sim"#), ("approxcolon", #"\approx"#, c), ("Approxcolon", #"\approx"#, cc),
            ("simcolon", #"\sim"#, c), ("Simcolon", #"\sim"#, cc),
            // colonequals.sty's minus forms (mathtools' \coloneq, \eqcolon, \Coloneq meanings)
            ("colonminus", c, dash), ("coloncolonminus", cc, dash), ("minuscolon", dash, c), ("minuscoloncolon", dash, cc),
        ]
        var out = built.map { ($0.0, $0.1 + join + $0.2) }
        // mathtools' \ordinarycolon is ":", which unicode-math sets as U+2236 (\mathratio; measured in
        // LuaLaTeX: \mathcode`: is "2236), so that is the glyph centred.
        out.append(("vcentcolon", #"\mathrel{\vcenter{\mathratio}}"#))
        for (name, target) in [("coloneqq", "coloneq"), ("colonequals", "coloneq"), ("eqqcolon", "eqcolon"),
                               ("equalscolon", "eqcolon"), ("dblcolon", "Colon"), ("coloncolon", "Colon"),
                               ("ratio", "vcentcolon"), ("coloncolonequals", "Coloneqq"), ("equalscoloncolon", "Eqqcolon"),
                               ("coloncolonapprox", "Colonapprox"), ("coloncolonsim", "Colonsim"),
                               ("approxcoloncolon", "Approxcolon"), ("simcoloncolon", "Simcolon")] {
            out.append((name, "\\" + target))
        }
        return out
    }()

    /// Other names for the same symbols and constructions that KaTeX accepts: MediaWiki texvc's
    /// (\R, \larr, \Alpha …), amssymb's older names (\lhd, \thicksim …), the braket package's
    /// \bra/\ket, and operator names of Russian and other traditions (\tg, \arcctg …).
    private static let aliases: [(String, String)] = [
        ("Alpha", #"\mathrm{A}"#), ("Beta", #"\mathrm{B}"#), ("Epsilon", #"\mathrm{E}"#), ("Zeta", #"\mathrm{Z}"#),
        ("Eta", #"\mathrm{H}"#), ("Iota", #"\mathrm{I}"#), ("Kappa", #"\mathrm{K}"#), ("Mu", #"\mathrm{M}"#),
        ("Nu", #"\mathrm{N}"#), ("Omicron", #"\mathrm{O}"#), ("Rho", #"\mathrm{P}"#), ("Tau", #"\mathrm{T}"#),
        ("Chi", #"\mathrm{X}"#), ("omicron", "o"), ("thetasym", #"\vartheta"#),
        ("varGamma", #"\mathit{\Gamma}"#), ("varDelta", #"\mathit{\Delta}"#), ("varTheta", #"\mathit{\Theta}"#),
        ("varLambda", #"\mathit{\Lambda}"#), ("varXi", #"\mathit{\Xi}"#), ("varPi", #"\mathit{\Pi}"#),
        ("varSigma", #"\mathit{\Sigma}"#), ("varUpsilon", #"\mathit{\Upsilon}"#), ("varPhi", #"\mathit{\Phi}"#),
        ("varPsi", #"\mathit{\Psi}"#), ("varOmega", #"\mathit{\Omega}"#),
        ("R", #"\mathbb{R}"#), ("Reals", #"\mathbb{R}"#), ("reals", #"\mathbb{R}"#), ("N", #"\mathbb{N}"#),
        ("natnums", #"\mathbb{N}"#), ("Z", #"\mathbb{Z}"#), ("Complex", #"\mathbb{C}"#), ("cnums", #"\mathbb{C}"#),
        ("real", #"\Re"#), ("image", #"\Im"#), ("weierp", #"\wp"#), ("alef", #"\aleph"#), ("alefsym", #"\aleph"#),
        ("empty", #"\emptyset"#), ("exist", #"\exists"#), ("infin", #"\infty"#), ("isin", #"\in"#),
        ("plusmn", #"\pm"#), ("sub", #"\subset"#), ("sube", #"\subseteq"#), ("supe", #"\supseteq"#),
        ("sdot", #"\cdot"#), ("bull", #"\bullet"#), ("sect", #"\S"#), ("Dagger", #"\ddagger"#),
        ("clubs", #"\clubsuit"#), ("diamonds", #"\diamondsuit"#), ("hearts", #"\heartsuit"#), ("spades", #"\spadesuit"#),
        ("lang", #"\langle"#), ("rang", #"\rangle"#), ("lt", "<"), ("gt", ">"), ("And", #"\&"#),
        ("larr", #"\leftarrow"#), ("rarr", #"\rightarrow"#), ("lArr", #"\Leftarrow"#), ("rArr", #"\Rightarrow"#),
        ("Larr", #"\Leftarrow"#), ("Rarr", #"\Rightarrow"#), ("harr", #"\leftrightarrow"#), ("hArr", #"\Leftrightarrow"#),
        ("Harr", #"\Leftrightarrow"#), ("lrarr", #"\leftrightarrow"#), ("lrArr", #"\Leftrightarrow"#),
        ("Lrarr", #"\Leftrightarrow"#), ("uarr", #"\uparrow"#), ("uArr", #"\Uparrow"#), ("Uarr", #"\Uparrow"#),
        ("darr", #"\downarrow"#), ("dArr", #"\Downarrow"#), ("Darr", #"\Downarrow"#),
        // amssymb's names for unicode-math's symbols
        ("lhd", #"\vartriangleleft"#), ("rhd", #"\vartriangleright"#), ("unlhd", #"\trianglelefteq"#),
        ("unrhd", #"\trianglerighteq"#), ("circlearrowleft", #"\acwopencirclearrow"#),
        ("circlearrowright", #"\cwopencirclearrow"#), ("dashleftarrow", #"\leftdasharrow"#),
        ("dashrightarrow", #"\rightdasharrow"#), ("doteqdot", #"\Doteq"#), ("doublecap", #"\Cap"#),
        ("doublecup", #"\Cup"#), ("gggtr", #"\ggg"#), ("llless", #"\lll"#), ("centerdot", #"\cdot"#),
        ("thickapprox", #"\approx"#), ("thicksim", #"\sim"#), ("shortmid", #"\mid"#), ("shortparallel", #"\parallel"#),
        ("nshortmid", #"\nmid"#), ("nshortparallel", #"\nparallel"#), ("smallfrown", #"\frown"#),
        ("smallsmile", #"\smile"#), ("varpropto", #"\propto"#), ("blacklozenge", #"\mdlgblklozenge"#),
        ("npreceq", #"\npreccurlyeq"#), ("nsucceq", #"\nsucccurlyeq"#), ("ntriangleleft", #"\nvartriangleleft"#),
        ("ntriangleright", #"\nvartriangleright"#), ("varsubsetneq", #"\subsetneq"#), ("varsupsetneq", #"\supsetneq"#),
        ("varsubsetneqq", #"\subsetneqq"#), ("varsupsetneqq", #"\supsetneqq"#), ("gvertneqq", #"\gneqq"#),
        ("lvertneqq", #"\lneqq"#), ("notni", #"\nni"#), ("ldotp", #"\mathpunct{.}"#),
        // amssymb's negations that Unicode has no character for: the relation with \not's slash.
        ("nleqq", #"\not\leqq"#), ("ngeqq", #"\not\geqq"#), ("nleqslant", #"\not\leqslant"#),
        ("ngeqslant", #"\not\geqslant"#), ("nsubseteqq", #"\not\subseteqq"#), ("nsupseteqq", #"\not\supseteqq"#),
        // stmaryrd's \minuso, the Plimsoll mark: a Bin, the circle with a horizontal bar (U+29B5).
        ("minuso", #"\circlehbar"#),
        ("angln", #"{\angl n}"#),   // KaTeX's macros.ts
        ("utilde", #"\wideutilde{#1}"#), ("pmb", #"\boldsymbol{#1}"#), ("intop", #"\int\limits"#),
        ("smallint", #"\int"#), ("varkappa", "ϰ"), ("yen", "¥"), ("circledR", "®"),
        // braket.sty
        ("bra", #"\langle #1\vert"#), ("ket", #"\vert #1\rangle"#), ("braket", #"\langle #1\rangle"#),
        ("Bra", #"\left\langle #1\right\vert"#), ("Ket", #"\left\vert #1\right\rangle"#),
        ("Braket", #"\left\langle #1\right\rangle"#), ("set", #"\{#1\}"#), ("Set", #"\left\{#1\right\}"#),
        // Operator names in other traditions (KaTeX's list)
        ("arctg", #"\operatorname{arctg}"#), ("arcctg", #"\operatorname{arcctg}"#), ("tg", #"\operatorname{tg}"#),
        ("ctg", #"\operatorname{ctg}"#), ("cotg", #"\operatorname{cotg}"#), ("cosec", #"\operatorname{cosec}"#),
        ("sh", #"\operatorname{sh}"#), ("ch", #"\operatorname{ch}"#), ("th", #"\operatorname{th}"#),
        ("cth", #"\operatorname{cth}"#), ("plim", #"\operatorname*{plim}"#),
        ("injlim", #"\operatorname*{inj\,lim}"#), ("projlim", #"\operatorname*{proj\,lim}"#),
    ]

    private static let macroArity: [String: Int] = ["pmod": 1, "pod": 1, "mod": 1, "underbar": 1, "Bbb": 1, "bold": 1,
                                                    "utilde": 1, "pmb": 1, "bra": 1, "ket": 1, "braket": 1, "Bra": 1,
                                                    "Ket": 1, "Braket": 1, "set": 1, "Set": 1]

    private static let table: [String: CommandSpec] = {
        var t = unicodeMath
        for (name, ch) in greek { t[name] = CommandSpec(arguments: 0, rule: .symbol(ch, .ord)) }
        for (name, ch, cls) in symbols { t[name] = CommandSpec(arguments: 0, rule: .symbol(ch, cls)) }
        for (name, body) in macros { t[name] = CommandSpec(arguments: macroArity[name] ?? 0, rule: .macro(body)) }
        for (name, limits) in functions {
            let shown = name == "argmin" ? "arg\u{2009}min" : (name == "argmax" ? "arg\u{2009}max" :
                        (name == "liminf" ? "lim\u{2009}inf" : (name == "limsup" ? "lim\u{2009}sup" : name)))
            t[name] = CommandSpec(arguments: 0, rule: .function(shown, limits: limits))
        }
        for (name, ch, limits) in [("sum", "∑", true), ("prod", "∏", true), ("coprod", "∐", true),
                                   ("int", "∫", false), ("iint", "∬", false), ("iiint", "∭", false), ("oint", "∮", false),
                                   ("bigcup", "⋃", true), ("bigcap", "⋂", true), ("bigoplus", "⨁", true),
                                   ("bigotimes", "⨂", true), ("bigodot", "⨀", true), ("biguplus", "⨄", true),
                                   ("bigsqcup", "⨆", true), ("bigvee", "⋁", true), ("bigwedge", "⋀", true)] {
            t[name] = CommandSpec(arguments: 0, rule: .largeOperator(ch, limits: limits))
        }
        t["frac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: nil))
        t["dfrac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: .display))
        t["tfrac"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: nil, left: nil, right: nil, style: .text))
        t["binom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: nil))
        t["dbinom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: .display))
        t["tbinom"] = CommandSpec(arguments: 2, rule: .fraction(ruleThickness: 0, left: "(", right: ")", style: .text))
        t["genfrac"] = CommandSpec(arguments: 6, rule: .genfrac)
        t["cfrac"] = CommandSpec(arguments: 2, rule: .cfrac)
        t["sqrt"] = CommandSpec(arguments: 1, rule: .sqrt)
        let alphabets: [(String, MathAlphabet)] = [
            ("mathbb", .blackboard), ("mathcal", .calligraphic), ("mathscr", .calligraphic), ("mathrm", .roman),
            ("mathup", .roman), ("mathbf", .bold), ("mathit", .italic), ("mathnormal", .math), ("boldsymbol", .boldItalic),
            ("bm", .boldItalic), ("mathsf", .sansSerif), ("mathsfit", .sansSerifItalic), ("mathbfsf", .sansSerifBold),
            ("mathtt", .monospace), ("mathfrak", .fraktur), ("mathbffrak", .boldFraktur), ("mathbfscr", .boldScript),
            ("mathbfit", .boldItalic),
            // unicode-math's \sym… alphabets (always the math font's, where \mathbf may be the text font's)
            ("symbf", .bold), ("symit", .italic), ("symbfit", .boldItalic), ("symsf", .sansSerif), ("symtt", .monospace),
            ("symbb", .blackboard), ("symcal", .calligraphic), ("symscr", .calligraphic), ("symfrak", .fraktur),
            ("symup", .roman), ("symrm", .roman), ("symnormal", .math), ("symbfsf", .sansSerifBold),
        ]
        for (name, alphabet) in alphabets { t[name] = CommandSpec(arguments: 1, rule: .alphabet(alphabet)) }
        for (name, alphabet) in [("rm", MathAlphabet.roman), ("bf", .bold), ("it", .italic), ("sf", .sansSerif),
                                 ("tt", .monospace), ("cal", .calligraphic), ("frak", .fraktur)] {
            t[name] = CommandSpec(arguments: 0, rule: .alphabetSwitch(alphabet))
        }
        for (name, face) in [("text", MathAlphabet.roman), ("textrm", .roman), ("textup", .roman), ("textnormal", .roman),
                             ("mbox", .roman), ("hbox", .roman), ("textmd", .roman), ("textbf", .bold), ("textit", .italic), ("emph", .italic),
                             ("textsl", .italic), ("textsf", .sansSerif), ("texttt", .monospace)] {
            t[name] = CommandSpec(arguments: 1, rule: .text(face))
        }
        t["operatorname"] = CommandSpec(arguments: 1, rule: .operatorName(limits: false))
        t["operatorname*"] = CommandSpec(arguments: 1, rule: .operatorName(limits: true))
        t["operatornamewithlimits"] = CommandSpec(arguments: 1, rule: .operatorName(limits: true))
        // Combining marks: OpenType math fonts carry their accent variants on these code points.
        for (name, mark) in [("hat", "\u{0302}"), ("widehat", "\u{0302}"), ("bar", "\u{0304}"), ("tilde", "\u{0303}"),
                             ("widetilde", "\u{0303}"), ("vec", "\u{20D7}"), ("dot", "\u{0307}"), ("ddot", "\u{0308}"),
                             ("check", "\u{030C}"), ("acute", "\u{0301}"), ("grave", "\u{0300}"), ("breve", "\u{0306}")] {
            t[name] = CommandSpec(arguments: 1, rule: .accent(mark))
        }
        t["overline"] = CommandSpec(arguments: 1, rule: .overline)
        t["underline"] = CommandSpec(arguments: 1, rule: .underline)
        t["left"] = CommandSpec(arguments: 0, rule: .left)
        t["middle"] = CommandSpec(arguments: 0, rule: .middle)
        t["right"] = CommandSpec(arguments: 0, rule: .right)
        for (base, size) in [("big", 1), ("Big", 2), ("bigg", 3), ("Bigg", 4)] {
            t[base] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .ord))
            t[base + "l"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .open))
            t[base + "r"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .close))
            t[base + "m"] = CommandSpec(arguments: 0, rule: .big(size: size, cls: .rel))
        }
        // \thinmuskip 3mu, \medmuskip 4mu, \thickmuskip 5mu (plain.tex); \enspace .5em; \quad 1em.
        for (name, mu) in [(",", 3.0), (":", 4.0), (">", 4.0), (";", 5.0), ("!", -3.0), ("quad", 18.0),
                           ("qquad", 36.0), (" ", 6.0), ("enspace", 9.0), ("thinspace", 3.0), ("medspace", 4.0),
                           ("thickspace", 5.0), ("negthinspace", -3.0), ("negmedspace", -4.0), ("negthickspace", -5.0),
                           ("space", 6.0), ("nobreakspace", 6.0), ("enskip", 9.0)] {
            t[name] = CommandSpec(arguments: 0, rule: .space(mu: mu))
        }
        t["hspace"] = CommandSpec(arguments: 1, rule: .kern(braced: true))
        t["hspace*"] = CommandSpec(arguments: 1, rule: .kern(braced: true))
        for name in ["kern", "mkern", "mskip", "hskip"] { t[name] = CommandSpec(arguments: 1, rule: .kern(braced: false)) }
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
        t["displaystyle"] = CommandSpec(arguments: 0, rule: .style(.display))
        t["textstyle"] = CommandSpec(arguments: 0, rule: .style(.text))
        t["scriptstyle"] = CommandSpec(arguments: 0, rule: .style(.script))
        t["scriptscriptstyle"] = CommandSpec(arguments: 0, rule: .style(.scriptScript))
        for (name, factor) in sizes { t[name] = CommandSpec(arguments: 0, rule: .sizing(factor)) }
        t["color"] = CommandSpec(arguments: 1, rule: .color)
        t["textcolor"] = CommandSpec(arguments: 2, rule: .textcolor)
        t["colorbox"] = CommandSpec(arguments: 2, rule: .colorbox)
        t["fcolorbox"] = CommandSpec(arguments: 3, rule: .fcolorbox)
        t["boxed"] = CommandSpec(arguments: 1, rule: .boxed)
        t["fbox"] = CommandSpec(arguments: 1, rule: .boxed)
        t["phantom"] = CommandSpec(arguments: 1, rule: .phantom(width: true, height: true))
        t["hphantom"] = CommandSpec(arguments: 1, rule: .phantom(width: true, height: false))
        t["vphantom"] = CommandSpec(arguments: 1, rule: .phantom(width: false, height: true))
        t["smash"] = CommandSpec(arguments: 1, rule: .smash)
        t["rule"] = CommandSpec(arguments: 2, rule: .rule)
        t["not"] = CommandSpec(arguments: 1, rule: .not)
        for (name, arrow) in [("xrightarrow", "→"), ("xleftarrow", "←"), ("xleftrightarrow", "↔"), ("xRightarrow", "⇒"),
                              ("xLeftarrow", "⇐"), ("xLeftrightarrow", "⇔"), ("xmapsto", "↦"), ("xhookrightarrow", "↪"),
                              ("xhookleftarrow", "↩"), ("xrightharpoonup", "⇀"), ("xleftharpoondown", "↽"),
                              ("xrightleftharpoons", "⇌"), ("xleftrightharpoons", "⇋"), ("xrightleftarrows", "⇄"),
                              ("xleftrightarrows", "⇆"), ("xlongequal", "="), ("xleftharpoonup", "↼"),
                              ("xrightharpoondown", "⇁"), ("xtwoheadrightarrow", "↠"), ("xtwoheadleftarrow", "↞"),
                              ("xtofrom", "⇄")] {
            t[name] = CommandSpec(arguments: 1, rule: .extensibleArrow(arrow))
        }
        t["tag"] = CommandSpec(arguments: 1, rule: .tag(starred: false))
        t["tag*"] = CommandSpec(arguments: 1, rule: .tag(starred: true))
        t["notag"] = CommandSpec(arguments: 0, rule: .notag)
        t["nonumber"] = CommandSpec(arguments: 0, rule: .notag)
        t["substack"] = CommandSpec(arguments: 1, rule: .substack)
        for name in ["newcommand", "renewcommand", "providecommand", "newcommand*", "renewcommand*"] {
            t[name] = CommandSpec(arguments: 2, rule: .newcommand)
        }
        // \gdef defines as \def does (a formula is one group); \edef and \xdef expand their body at once.
        for name in ["def", "gdef"] { t[name] = CommandSpec(arguments: 2, rule: .def) }
        for name in ["edef", "xdef"] { t[name] = CommandSpec(arguments: 2, rule: .edef) }
        t["begingroup"] = CommandSpec(arguments: 0, rule: .beginGroup)
        t["endgroup"] = CommandSpec(arguments: 0, rule: .endGroup)
        t["mathchoice"] = CommandSpec(arguments: 4, rule: .mathchoice)
        t["newline"] = CommandSpec(arguments: 0, rule: .newline)
        t["phase"] = CommandSpec(arguments: 1, rule: .enclosure(.phase))
        t["angl"] = CommandSpec(arguments: 1, rule: .enclosure(.actuarialAngle))
        t["overlinesegment"] = CommandSpec(arguments: 1, rule: .lineSegment(over: true))
        t["underlinesegment"] = CommandSpec(arguments: 1, rule: .lineSegment(over: false))
        t["Overrightarrow"] = CommandSpec(arguments: 1, rule: .overArrow("⇒"))
        t["textcircled"] = CommandSpec(arguments: 1, rule: .textcircled)
        t["DeclareMathOperator"] = CommandSpec(arguments: 2, rule: .declareMathOperator)
        t["DeclareMathOperator*"] = CommandSpec(arguments: 2, rule: .declareMathOperator)
        // KaTeX's \overgroup and \undergroup are the tortoise-shell brackets stretched as braces
        // (its stretchy.ts: U+23E0, U+23E1); unicode-math has the characters only as ords (\obrbrak).
        t["overgroup"] = CommandSpec(arguments: 1, rule: .brace("⏠", over: true))
        t["undergroup"] = CommandSpec(arguments: 1, rule: .brace("⏡", over: false))
        t["cancel"] = CommandSpec(arguments: 1, rule: .cancel(.rising))
        t["bcancel"] = CommandSpec(arguments: 1, rule: .cancel(.falling))
        t["xcancel"] = CommandSpec(arguments: 1, rule: .cancel(.both))
        t["sout"] = CommandSpec(arguments: 1, rule: .strikeout)
        for (name, side) in [("llap", LapSide.left), ("rlap", .right), ("clap", .center)] {
            t[name] = CommandSpec(arguments: 1, rule: .lap(side, math: false))
            t["math" + name] = CommandSpec(arguments: 1, rule: .lap(side, math: true))
        }
        t["vcenter"] = CommandSpec(arguments: 1, rule: .vcenter)
        t["raisebox"] = CommandSpec(arguments: 2, rule: .raisebox)
        t["char"] = CommandSpec(arguments: 1, rule: .char)
        t["verb"] = CommandSpec(arguments: 1, rule: .verb(visibleSpaces: false))
        t["verb*"] = CommandSpec(arguments: 1, rule: .verb(visibleSpaces: true))
        t["global"] = CommandSpec(arguments: 0, rule: .global)
        t["TeX"] = CommandSpec(arguments: 0, rule: .logo(.tex))
        t["LaTeX"] = CommandSpec(arguments: 0, rule: .logo(.latex))
        t["KaTeX"] = CommandSpec(arguments: 0, rule: .logo(.katex))
        for (name, body) in aliases where t[name] == nil {
            t[name] = CommandSpec(arguments: macroArity[name] ?? 0, rule: .macro(body))
        }
        return t
    }()

    /// Commands whose name may end in `*` (the star is part of the name).
    static let starred: Set<String> = ["operatorname", "tag", "hspace", "newcommand", "renewcommand", "DeclareMathOperator", "verb"]

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
        case "\\lbrack": return "["
        case "\\rbrack": return "]"
        case "\\backslash": return "∖"
        case "\\uparrow": return "↑"
        case "\\downarrow": return "↓"
        case "\\updownarrow": return "↕"
        case "\\Uparrow": return "⇑"
        case "\\Downarrow": return "⇓"
        case "\\Updownarrow": return "⇕"
        case "\\lgroup": return "⟮"
        case "\\rgroup": return "⟯"
        case "\\llbracket": return "⟦"
        case "\\rrbracket": return "⟧"
        case "\\lmoustache": return "⎰"
        case "\\rmoustache": return "⎱"
        default:
            // Any other opening or closing symbol (unicode-math gives its fences a \delcode: \lBrace, \lAngle …).
            guard token.hasPrefix("\\"), case .symbol(let ch, let cls)? = lookUp(String(token.dropFirst()))?.rule,
                  cls == .open || cls == .close else { return nil }
            return ch
        }
    }
}
