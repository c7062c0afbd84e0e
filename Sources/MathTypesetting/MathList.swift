import struct FigureModel.Color

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

/// A formula's colours (\color, \colorbox …) are the one colour type every drawing uses
/// (FigureModel's `Color`: sRGB, straight alpha, components in 0…1).
public typealias MathRGBA = Color

extension Color {
    /// Components as xcolor's models give them.
    init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) { self.init(red: r, green: g, blue: b, alpha: a) }
}

/// A TeX dimension: a number and its unit, resolved at layout time (em, ex and mu depend on the style).
public struct MathLength: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable { case pt, mm, cm, `in`, bp, pc, dd, cc, sp, px, em, ex, mu }
    public var value: Double
    public var unit: Unit
    public init(_ value: Double, _ unit: Unit) { self.value = value; self.unit = unit }
}

public struct MathArray: Sendable {
    /// The environment families; each fixes the cell style, spacing and default column alignment.
    public enum Kind: Sendable, Equatable { case aligned, cases, matrix, array, gathered, smallMatrix, subarray, commutativeDiagram }
    public enum Alignment: Sendable, Equatable { case left, center, right }
    /// One item of an array preamble (LaTeX's column spec): a column, a rule (`|` solid, `:` dashed)
    /// or `@{…}` material that replaces the \arraycolsep on both sides.
    public enum ColumnSpec: Sendable { case column(Alignment), rule(dashed: Bool), separator(MathList) }
    public var kind: Kind
    public var rows: [[MathList]]
    /// nil: the family's default columns (aligned: r l r l …; matrix: c; cases: l l).
    public var columns: [ColumnSpec]? = nil
    /// Horizontal rules above row i (index rows.count: below the last row); true when dashed.
    public var hlines: [Int: [Bool]] = [:]
    /// \tag of each row (display environments); nil where a row has none.
    public var tags: [MathList?] = []
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
    case accent(String, body: MathList, stretchy: Bool = false)
    case overline(MathList)
    case underline(MathList)
    /// \overbrace, \underbrace, \overbracket, \overparen …: `glyph` stretched over or under the body.
    case brace(MathList, over: Bool, glyph: String)
    /// \left d0 body0 \middle d1 body1 … \right dn; "." is the null delimiter.
    case leftRight(delimiters: [String], bodies: [MathList])
    /// \big … \Bigg: a delimiter of fixed size (1…4).
    case sizedDelimiter(String, size: Int)
    case array(MathArray)
    /// \color / \textcolor: the body in a colour.
    case colored(MathList, MathRGBA)
    /// \boxed, \colorbox, \fcolorbox: the body with padding, an optional background and frame.
    case framed(MathList, background: MathRGBA?, frame: MathRGBA?, padding: MathLength)
    /// \phantom (both), \hphantom (width only), \vphantom (height and depth only): space, no ink.
    case phantom(MathList, width: Bool, height: Bool)
    /// \smash (top and bottom), \smash[t], \smash[b]: ink without height and/or depth.
    case smash(MathList, top: Bool, bottom: Bool)
    /// \rule[raise]{width}{height}.
    case rule(width: MathLength, height: MathLength, raise: MathLength)
    /// \not over a symbol with no negated form: the body with U+0338 overlaid.
    case negated(MathList)
    /// \xrightarrow[below]{above} and friends: an arrow stretched to its labels (amsmath \ext@arrow).
    case extensibleArrow(String, above: MathList?, below: MathList?)
    /// Accents under the body (\underrightarrow, \utilde …).
    case underAccent(String, body: MathList)
    /// \cancel (/), \bcancel (\), \xcancel (both): the body struck through diagonally (cancel.sty).
    case cancel(MathList, CancelStroke)
    /// \sout: the body struck through horizontally (ulem.sty).
    case strikeout(MathList)
    /// \llap, \rlap, \clap and mathtools' \mathllap … : the body in a box of zero width.
    case lap(MathList, LapSide)
    /// \vcenter: the body's box centred on the math axis (TeXbook p. 290).
    case vcenter(MathList)
    /// \raisebox{raise}[height][depth]{text}: the body moved up, optionally with a declared height and depth.
    case raised(MathList, by: MathLength, height: MathLength?, depth: MathLength?)
    /// \TeX, \LaTeX, \KaTeX: the logos, built as their definitions build them.
    case logo(TeXLogo)
    /// An arrow of amscd's CD environment.
    case cdArrow(CDArrow)
    /// steinmetz.sty's \phase and actuarialangle.sty's \angl: the body inside an angle.
    case enclosed(MathList, Enclosure)
    /// \overlinesegment, \underlinesegment: a line with a tick at each end over or under the body.
    case lineSegment(MathList, over: Bool)
    /// \Overrightarrow: an arrow fill over the body, as amsmath's \overarrow@ builds \overrightarrow.
    case overArrow(String, MathList)
    /// \textcircled: the text centred in a circle (LaTeX's \textcircled: \ooalign with \bigcirc).
    case circled(MathList)
}

/// \phase (an angle open to the right, under and left of the body) and \angl (a rule over the body and
/// down its right side).
public enum Enclosure: Sendable, Equatable { case phase, actuarialAngle }

public enum CancelStroke: Sendable, Equatable { case rising, falling, both }
public enum LapSide: Sendable, Equatable { case left, right, center }
public enum TeXLogo: Sendable, Equatable { case tex, latex, katex }

/// amscd's horizontal arrows: @>a>b> and @<a<b< (labels above and below) and @= (a double rule). Its
/// vertical arrows are \Big delimiters between \llap'ed and \rlap'ed labels, built from those nuclei.
public enum CDArrow: Sendable {
    case horizontal(String, above: MathList, below: MathList)
    case equals
}

public enum MathItem: Sendable {
    case atom(Atom)
    /// Explicit space in mu (1/18 em): \, \: \; \! \quad \qquad.
    case space(mu: Double)
    /// \hspace, \kern, \mkern, \mskip, \hskip: a kern of a given length.
    case kern(MathLength)
    case style(MathStyle)
    /// \tiny … \Huge: the rest of the list at `factor` times the base size.
    case sizing(Double)
    /// \color{…}: the rest of the list in a colour (atoms keep their classes, as in TeX).
    case color(MathRGBA)
    /// \tag{…} (or \tag*{…} without parentheses): the equation's label, set at the right.
    case tag(MathList, parenthesized: Bool)
    /// \mathchoice: the lists for display, text, script and scriptscript style; layout splices in the
    /// one for the style in force (TeXbook Appendix G, rule 1).
    case choice([MathList])
}

public typealias MathList = [MathItem]
