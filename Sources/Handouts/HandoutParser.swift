import FigureCatalogue
import InfoRequests

/// The front end of the handout builder: template text → resolved `Document`.
///
/// Stages, in order: front matter (Yams) → `data:`/`values:` (requests through `evaluator`) →
/// Mustache (names checked first; sections repeat template lines, values become tokens) → math
/// and references tokenised → cmark-gfm parses the body → the tree is read into our model (values,
/// math, figures, callouts, labels and captions from its nodes) → solutions → numbering and references.
public enum HandoutParser {
    public static func parse(file: String, source: String,
                             evaluator: RequestEvaluator = { try evaluateRequest($0) },
                             solutions: SolutionsMode = .inline,
                             defaultFormat: DocumentFormat = .handout, figures: FigureLibrary = .builtIn) throws -> Document {
        try checkControlCharacters(source, file: file)
        let split = try splitFrontMatter(source, file: file)
        let front = try FrontMatter.decode(split, file: file)
        let format = front.format ?? defaultFormat
        let values = try buildValueTable(data: front.data, values: front.values, evaluator: evaluator, file: file)
        let body = try expandMustache(body: split.body, bodyFirstLine: split.bodyFirstLine, values: values, file: file)

        var converter = MarkdownConverter(file: file, printed: body.printed, values: values, slides: format == .slides,
                                          figures: figures)
        let (blocks, footnotes) = try converter.blocks(from: body.lines)
        let title = try converter.inlines(from: front.title, at: front.titlePosition, context: "the title")
        let subtitle = try front.subtitle.map {
            try converter.inlines(from: $0, at: front.subtitlePosition ?? front.titlePosition, context: "the subtitle")
        }

        let arranged = try arrangeSolutions(blocks, mode: solutions, file: file)
        var numbering = Numbering(file: file)
        let (numbered, notes) = try numbering.apply(arranged, footnotes: footnotes)

        let meta = DocumentMeta(title: try numbering.resolve(title), subtitle: try subtitle.map { try numbering.resolve($0) },
                                course: front.course, lecture: front.lecture, author: front.author, date: front.date,
                                paper: front.paper, theme: front.theme, fonts: front.fonts, format: format,
                                language: front.language)
        return Document(file: file, meta: meta, blocks: numbered, footnotes: notes)
    }

    /// The named data and computed values of a template (for tools that list or check them).
    public static func values(file: String, source: String,
                              evaluator: RequestEvaluator = { try evaluateRequest($0) }) throws -> ValueTable {
        try checkControlCharacters(source, file: file)
        let split = try splitFrontMatter(source, file: file)
        let front = try FrontMatter.decode(split, file: file)
        return try buildValueTable(data: front.data, values: front.values, evaluator: evaluator, file: file)
    }

    /// What a template builds, read from its front matter alone (cheap: no values are computed).
    /// A template whose front matter is broken reports `defaultFormat`; building it reports the error.
    public static func format(file: String, source: String, defaultFormat: DocumentFormat = .handout) -> DocumentFormat {
        guard let split = try? splitFrontMatter(source, file: file), let front = try? FrontMatter.decode(split, file: file)
        else { return defaultFormat }
        return front.format ?? defaultFormat
    }

}
