/// The parsed formula: TeX's math list (TeXbook ch. 17), before layout.

/// Atom classes of TeX; they select the inter-atom spacing (TeXbook p. 170) and script rules.
public enum AtomClass: Int, Sendable, Equatable, CaseIterable {
    case ord, op, bin, rel, open, close, punct, inner
}

/// TeX's four styles; cramping is carried separately.
public enum MathStyle: Int, Sendable, Comparable {
    case display, text, script, scriptScript
    public static func < (a: MathStyle, b: MathStyle) -> Bool { a.rawValue < b.rawValue }
    var isScript: Bool { self >= .script }
    /// Style of a superscript or subscript (TeXbook rule 18 / Appendix G).
    var superscript: MathStyle { self <= .text ? .script : .scriptScript }
    /// Style of a fraction's numerator and denominator (rule 15).
    var fraction: MathStyle { self == .display ? .text : (self == .text ? .script : .scriptScript) }
}

public enum LimitsMode: Sendable, Equatable { case automatic, limits, noLimits }

/// A source column range (in Characters of the TeX string), for error messages and tooling.
public typealias SourceRange = Range<Int>

public struct Atom: Sendable {
    public var cls: AtomClass
    public var nucleus: Nucleus
    public var superscript: MathList?
    public var sub: MathList?
    public var limits: LimitsMode = .automatic
    public var range: SourceRange
    public init(cls: AtomClass, nucleus: Nucleus, range: SourceRange) {
        self.cls = cls; self.nucleus = nucleus; self.range = range
    }
}

public struct Fraction: Sendable {
    public var numerator: MathList
    public var denominator: MathList
    /// nil: the font's FractionRuleThickness; 0: no bar (\binom).
    public var ruleThickness: Double?
    public var left: String?
    public var right: String?
    public var style: MathStyle?
}

public struct MathArray: Sendable {
    public enum Kind: Sendable, Equatable { case aligned, cases, matrix }
    public var kind: Kind
    public var rows: [[MathList]]
}

public indirect enum Nucleus: Sendable {
    /// One or more code points set as a single run in the math font (a letter, digit, symbol or name).
    case symbol(String)
    /// A large operator glyph (\sum, \int …), enlarged in display style (rule 13).
    case largeOperator(String)
    /// Upright text from \text{…}.
    case text(String)
    case list(MathList)
    case fraction(Fraction)
    case radical(degree: MathList?, body: MathList)
    /// `wide` accents stretch to the body width (\widehat); `\vec`, `\hat` … use the base glyph.
    case accent(String, body: MathList)
    case overline(MathList)
    case underline(MathList)
    case brace(MathList, over: Bool)
    /// \left d0 body0 \middle d1 body1 … \right dn; "." is the null delimiter.
    case leftRight(delimiters: [String], bodies: [MathList])
    /// \big … \Bigg: a delimiter of fixed size (1…4).
    case sizedDelimiter(String, size: Int)
    case array(MathArray)
}

public enum MathItem: Sendable {
    case atom(Atom)
    /// Explicit space in mu (1/18 em): \, \: \; \! \quad \qquad.
    case space(mu: Double)
    case style(MathStyle)
}

public typealias MathList = [MathItem]
