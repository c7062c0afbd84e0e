import PlotGrammar
import Foundation

/// A template split into its YAML front matter and Markdown body, keeping line numbers so that
/// errors in either part name the line of the template file.
struct TemplateSource: Sendable {
    var yaml: String
    /// File line of the first YAML line (the one after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int
}

func splitFrontMatter(_ source: String, file: String) throws -> TemplateSource {
    // "\r\n" is one Character in Swift, so Windows line ends are normalised before splitting.
    var text = source.replacingOccurrences(of: "\r\n", with: "\n")
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
        throw TemplateError(file: file, at: SourcePosition(line: 1, column: 1),
                            "a template starts with YAML front matter: a '---' line, then at least 'title:', then '---'")
    }
    guard let close = lines.indices.dropFirst().first(where: {
        let l = lines[$0].trimmingTrailingSpaces
        return l == "---" || l == "..."
    }) else {
        throw TemplateError(file: file, at: SourcePosition(line: 1, column: 1),
                            "front matter opened by '---' is never closed (expected a second '---' line)")
    }
    return TemplateSource(yaml: lines[1..<close].joined(separator: "\n"), yamlFirstLine: 2,
                          body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// The front matter as the template format contract defines it.
struct FrontMatter: Sendable {
    var title: String
    var titlePosition: SourcePosition
    var subtitle: String?
    var subtitlePosition: SourcePosition?
    var course: String?
    var lecture: Int?
    var author: String?
    var date: String?
    var paper: Paper = .a4
    var theme: String = "light"
    var fonts = Fonts()
    /// nil when the template does not say (the caller's default applies: a deck under Templates/slides/).
    var format: DocumentFormat?
    var language = Hyphenator.defaultLanguage
    var data: [YAMLEntry] = []
    var values: [YAMLEntry] = []

    static let keys = ["title", "subtitle", "course", "lecture", "author", "date", "paper", "theme", "fonts",
                       "format", "lang", "data", "values"]
    static let themes = ["light", "dark", "print"]

    static func decode(_ source: TemplateSource, file: String) throws -> FrontMatter {
        let top = SourcePosition(line: 1, column: 1)
        guard let root = try parseTemplateYAML(source.yaml, file: file, firstLine: source.yamlFirstLine) else {
            throw TemplateError(file: file, at: top, "front matter is empty: 'title:' is required")
        }
        guard let entries = root.entries else {
            throw TemplateError(file: file, at: root.position, "front matter must be a mapping of keys (title:, data:, …)")
        }
        func string(_ e: YAMLEntry) throws -> String {
            switch e.value.kind {
            case .string, .number, .bool: return e.value.text
            default: throw TemplateError(file: file, at: e.value.position, "'\(e.key)' must be text, not \(e.value.typeName)")
            }
        }
        var title: YAMLEntry?
        var fm = FrontMatter(title: "", titlePosition: top)
        for e in entries {
            switch e.key {
            case "title": title = e
            case "subtitle": fm.subtitle = try string(e); fm.subtitlePosition = e.value.position
            case "course": fm.course = try string(e)
            case "author": fm.author = try string(e)
            case "date": fm.date = try string(e)
            case "lecture":
                guard case .number(let x) = e.value.kind, x == x.rounded(), abs(x) < 1e6 else {
                    throw TemplateError(file: file, at: e.value.position, "'lecture' must be a whole number, got '\(e.value.text)'")
                }
                fm.lecture = Int(x)
            case "paper":
                let name = try string(e).lowercased()
                guard let paper = Paper(rawValue: name) else {
                    throw TemplateError(file: file, at: e.value.position, "unknown paper '\(e.value.text)' (known: a4, letter)")
                }
                fm.paper = paper
            case "theme":
                let name = try string(e)
                guard themes.contains(name) else {
                    throw TemplateError(file: file, at: e.value.position,
                                        "unknown theme '\(name)' (known: \(themes.joined(separator: ", ")))")
                }
                fm.theme = name
            case "format":
                let name = try string(e).lowercased()
                guard let format = DocumentFormat(rawValue: name) else {
                    throw TemplateError(file: file, at: e.value.position,
                                        "unknown format '\(e.value.text)' (known: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                fm.format = format
            case "lang":
                let tag = try string(e)
                guard Hyphenator.patternFile(for: tag) != nil else {
                    throw TemplateError(file: file, at: e.value.position,
                                        "no hyphenation patterns installed for lang '\(tag)' (installed: "
                                            + Hyphenator.installedLanguages().joined(separator: ", ") + ")")
                }
                fm.language = tag
            case "fonts":
                guard let fonts = e.value.entries else {
                    throw TemplateError(file: file, at: e.value.position, "'fonts' must be a mapping {text:, math:, sans:}")
                }
                for f in fonts {
                    let name = try string(f)
                    switch f.key {
                    case "text": fm.fonts.text = name
                    case "math": fm.fonts.math = name
                    case "sans": fm.fonts.sans = name
                    default:
                        throw TemplateError(file: file, at: f.keyPosition, "unknown font role '\(f.key)' (known: text, math, sans)")
                    }
                }
            case "data":
                guard let d = e.value.entries else {
                    if case .null = e.value.kind { continue }
                    throw TemplateError(file: file, at: e.value.position, "'data' must be a mapping of named data")
                }
                fm.data = d
            case "values":
                guard let v = e.value.entries else {
                    if case .null = e.value.kind { continue }
                    throw TemplateError(file: file, at: e.value.position, "'values' must be a mapping of named computations")
                }
                fm.values = v
            default:
                throw TemplateError(file: file, at: e.keyPosition,
                                    "unknown front matter key '\(e.key)' (known: \(keys.joined(separator: ", ")))")
            }
        }
        guard let title else {
            throw TemplateError(file: file, at: root.position, "front matter needs a 'title:'")
        }
        fm.title = try string(title)
        fm.titlePosition = title.value.position
        return fm
    }
}
