import InfoRequests
import MathTypesetting

/// The parsed handout: what both writers (HTML and the paged PDF/SVG layout) consume.
/// Everything is resolved: numbers assigned, cross-references turned into text and anchors.
public struct Document: Sendable, Equatable {
    public var file: String
    public var meta: DocumentMeta
    public var blocks: [Block]
    /// Footnotes in the order of their first reference (their `number`).
    public var footnotes: [Footnote]

    public init(file: String, meta: DocumentMeta, blocks: [Block], footnotes: [Footnote]) {
        self.file = file
        self.meta = meta
        self.blocks = blocks
        self.footnotes = footnotes
    }
}

public enum Paper: String, Sendable, Equatable, CaseIterable {
    case a4, letter
}

/// What a template builds: pages to hand out, or a 16:9 slide deck (`format: slides`, or a
/// template under `Templates/slides/`).
public enum DocumentFormat: String, Sendable, Equatable, CaseIterable {
    case handout, slides
}

public struct Fonts: Sendable, Equatable {
    public var text: String?
    public var math: String?
    public var sans: String?
    public var mono: String?
    public init(text: String? = nil, math: String? = nil, sans: String? = nil, mono: String? = nil) {
        self.text = text
        self.math = math
        self.sans = sans
        self.mono = mono
    }

    /// The front matter's fonts over the house style's (a template's own choice wins); a deck's
    /// text face is the style's slide face.
    func filled(from style: HouseStyle, slides: Bool) -> Fonts {
        Fonts(text: text ?? (slides ? style.fonts.slides : style.fonts.text), math: math ?? style.fonts.math,
              sans: labelFace(sans: sans, math: math, inherited: style.fonts.sans), mono: mono ?? style.fonts.mono)
    }
}

public struct DocumentMeta: Sendable, Equatable {
    public var title: [Inline]
    public var subtitle: [Inline]?
    public var course: String?
    public var lecture: Int?
    public var author: String?
    public var date: String?
    public var paper: Paper
    public var theme: String
    public var fonts: Fonts
    public var format: DocumentFormat
    /// `lang:` (BCP 47), which picks the hyphenation patterns.
    public var language: String
    /// `macros:` (name → TeX body) for every formula of the document.
    public var macros: [String: String] = [:]
    public var mathMacros: [String: MathMacro] { macros.mapValues { MathMacro($0) } }
    /// `description:`, one line for the index and the page's `<meta name="description">`.
    public var description: String? = nil
    /// The house style (`style:`, else the build's `--style`, else infoplot's own).
    public var style = HouseStyle.default

    public init(title: [Inline], subtitle: [Inline]? = nil, course: String? = nil, lecture: Int? = nil,
                author: String? = nil, date: String? = nil, paper: Paper = .a4, theme: String = "light",
                fonts: Fonts = Fonts(), format: DocumentFormat = .handout, language: String = Hyphenator.defaultLanguage) {
        self.title = title
        self.subtitle = subtitle
        self.course = course
        self.lecture = lecture
        self.author = author
        self.date = date
        self.paper = paper
        self.theme = theme
        self.fonts = fonts
        self.format = format
        self.language = language
    }
}

public enum CalloutKind: String, Sendable, Equatable, CaseIterable {
    case note, tip, warning, definition
    case keyIdea = "key-idea"
    case misconception, example, exercise, solution

    /// The label printed before a callout's own title ("Definition: Entropy").
    public var displayName: String {
        switch self {
        case .keyIdea: return "Key idea"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

public struct Heading: Sendable, Equatable {
    /// 1 = top-level section of the handout (the shallowest `#` level used in the body).
    public var level: Int
    /// "1", "1.2"; nil for unnumbered headings (e.g. the generated "Solutions" section).
    public var number: String?
    public var label: String?
    /// Anchor id, unique in the document: the label if given, else `sec-1-2`.
    public var id: String
    public var inlines: [Inline]
    /// Where the heading's line is (a slide's errors name it); nil for generated headings.
    public var position: SourcePosition? = nil
    /// `{.shrink}` after the heading: a slide that may be scaled down to fit instead of overflowing.
    public var shrink = false
    /// The number of `#` as written (`level` is renumbered from the shallowest level used);
    /// a deck's `#` is a section slide and `##` a slide.
    public var sourceLevel = 0
}

public struct DisplayMath: Sendable, Equatable {
    public var tex: String
    /// Numbered only when labelled (`{#eq-…}`), as the format contract says.
    public var number: Int?
    public var label: String?
    public var position: SourcePosition
}

public struct Figure: Sendable, Equatable {
    /// Catalogue name, e.g. `kl-fits`.
    public var name: String
    /// The figure's parameters (every key except name/caption/label/size), references to
    /// `data:`/`values:` already replaced by their values.
    public var parameters: JSONValue
    public var caption: [Inline]
    public var label: String?
    public var number: Int
    public var id: String
    /// `size:` as written (a preset name or `WxH` inches), nil when absent.
    public var size: String?
    public var position: SourcePosition
    /// A ```plot block's spec (or a user's spec named in a ```figure block), drawn by the plot
    /// grammar; nil for a catalogue figure, whose built-in spec `name` picks.
    public var plot: PlotBlock? = nil
    /// `alt:` as written: the figure's text alternative for screen readers (nil: generated from
    /// its number and caption).
    public var alt: String? = nil
}

public enum ColumnAlignment: String, Sendable, Equatable {
    case none, left, center, right
}

public struct Table: Sendable, Equatable {
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var alignments: [ColumnAlignment]
    public var caption: [Inline]?
    public var label: String?
    /// Tables are numbered when they have a caption.
    public var number: Int?
    public var id: String?
}

public struct Callout: Sendable, Equatable {
    public var kind: CalloutKind
    public var title: [Inline]?
    /// Exercises are numbered; a solution carries the number of its exercise.
    public var number: Int?
    public var blocks: [Block]
    public var id: String?
    public var position: SourcePosition
}

public struct ListBlock: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [[Block]]
}

/// Pandoc's fenced divs for slides: `::: notes`, `:::: columns` holding `::: column`s, and
/// `::: incremental` (or `::: {.incremental}`) whose lists are revealed item by item.
public enum DivKind: String, Sendable, Equatable, CaseIterable {
    case notes, columns, column, incremental
}

public struct Div: Sendable, Equatable {
    public var kind: DivKind
    public var blocks: [Block]
    public var position: SourcePosition
}

public indirect enum Block: Sendable, Equatable {
    case heading(Heading)
    case paragraph([Inline])
    case displayMath(DisplayMath)
    case figure(Figure)
    case table(Table)
    case callout(Callout)
    case list(ListBlock)
    case codeBlock(info: String, code: String)
    case blockQuote([Block])
    case div(Div)
    /// `. . .` on its own line: on a slide, what follows appears on the next overlay page.
    case pause(SourcePosition)
    /// `---` between blank lines in a deck: a new slide without a title.
    case slideBreak(SourcePosition)
    /// An element kind without a case of its own (Elements/DocumentElement.swift).
    case element(AnyElement)
}

public struct Footnote: Sendable, Equatable {
    public var label: String
    public var number: Int
    public var blocks: [Block]
}

public enum ReferenceKind: String, Sendable, Equatable {
    case figure = "fig", equation = "eq", section = "sec", table = "tbl"
}

public struct CrossReference: Sendable, Equatable {
    public var label: String
    public var kind: ReferenceKind
    /// "Figure 2", "(3)", "Section 1.2", "Table 1"; empty until references are resolved.
    public var text: String
    /// The id of the target element (for `#anchor` links and PDF destinations).
    public var target: String
    public var position: SourcePosition
}

public struct InlineMath: Sendable, Equatable {
    public var tex: String
    public var position: SourcePosition
}

public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emph([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(url: String, title: String, content: [Inline])
    case math(InlineMath)
    case ref(CrossReference)
    case footnoteRef(label: String, number: Int)
    case softBreak
    case lineBreak
}

extension Array where Element == Inline {
    /// The words of a run of inlines without markup (for `<title>`, alt text and PDF outlines);
    /// math keeps its TeX source.
    public var plainText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emph(let c), .strong(let c), .strikethrough(let c): out += c.plainText
            case .link(_, _, let c): out += c.plainText
            case .math(let m): out += m.tex
            case .ref(let r): out += r.text
            case .footnoteRef: break
            case .softBreak, .lineBreak: out += " "
            }
        }
        return out
    }
}
