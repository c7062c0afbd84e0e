import FigureCatalogue
import Foundation
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
                             defaultFormat: DocumentFormat = .handout, figures: FigureLibrary = .builtIn,
                             style buildStyle: HouseStyle = .default) throws -> Document {
        try parse(file: file, source: source, evaluator: evaluator, solutions: solutions, defaultFormat: defaultFormat,
                  figures: figures, style: buildStyle, elements: DocumentElements.registry)
    }

    /// `elements`: the element kinds the body is read with (a test adds its own).
    static func parse(file: String, source: String, evaluator: RequestEvaluator, solutions: SolutionsMode,
                      defaultFormat: DocumentFormat, figures: FigureLibrary, style buildStyle: HouseStyle,
                      elements: [any DocumentElement.Type]) throws -> Document {
        try checkControlCharacters(source, file: file)
        let split = try splitFrontMatter(source, file: file)
        let front = try FrontMatter.decode(split, file: file)
        let format = front.format ?? defaultFormat
        let style = try front.style.map { try loadStyle($0, at: front.stylePosition, template: file) } ?? buildStyle
        let values = try buildValueTable(data: front.data, values: front.values, evaluator: evaluator, file: file)
        let body = try expandMustache(body: split.body, bodyFirstLine: split.bodyFirstLine, values: values, file: file)

        var converter = MarkdownConverter(file: file, printed: body.printed, values: values, slides: format == .slides,
                                          figures: figures, elements: elements)
        let (blocks, footnotes) = try converter.blocks(from: body.lines)
        let title = try converter.inlines(from: front.title, at: front.titlePosition, context: "the title")
        let subtitle = try front.subtitle.map {
            try converter.inlines(from: $0, at: front.subtitlePosition ?? front.titlePosition, context: "the subtitle")
        }

        let arranged = try arrangeSolutions(blocks, mode: solutions, file: file)
        var numbering = Numbering(file: file)
        let (numbered, notes) = try numbering.apply(arranged, footnotes: footnotes)

        var meta = DocumentMeta(title: try numbering.resolve(title), subtitle: try subtitle.map { try numbering.resolve($0) },
                                course: front.course, lecture: front.lecture, author: front.author, date: front.date,
                                paper: front.paper, theme: front.theme, fonts: front.fonts.filled(from: style, slides: format == .slides),
                                format: format, language: front.language)
        meta.style = style
        meta.macros = front.macros
        meta.description = front.description
        return Document(file: file, meta: meta, blocks: numbered, footnotes: notes)
    }

    /// The `style:` file a template names, as a path from the working directory (cheap: no values
    /// are computed); nil when it names none or its front matter is broken.
    public static func stylePath(file: String, source: String) -> String? {
        guard let split = try? splitFrontMatter(source, file: file), let front = try? FrontMatter.decode(split, file: file),
              let style = front.style else { return nil }
        return resolveStylePath(style, template: file)
    }

    static func resolveStylePath(_ path: String, template: String) -> String {
        let folder = (template as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// A template's `style:` file: a file that cannot be read is the template's error (at the
    /// `style:` value); an error inside the file names the file's own line and column.
    static func loadStyle(_ path: String, at position: SourcePosition?, template: String) throws -> HouseStyle {
        let resolved = resolveStylePath(path, template: template)
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw TemplateError(file: template, at: position ?? SourcePosition(line: 1, column: 1),
                                "cannot read the style file '\(path)' (looked for \(resolved))")
        }
        return try HouseStyle.load(path: resolved)
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

    /// A template's title as its front matter writes it (cheap: no values are computed), for links
    /// to it from other pages; nil when the front matter is broken (building it reports that).
    public static func title(file: String, source: String) -> String? {
        guard let split = try? splitFrontMatter(source, file: file), let front = try? FrontMatter.decode(split, file: file)
        else { return nil }
        return front.title
    }
}
