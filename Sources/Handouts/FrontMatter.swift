import PlotGrammar
import Foundation
import TextShaping
import MathTypesetting

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
    var description: String?
    var paper: Paper = .a4
    var theme: String = "light"
    var fonts = Fonts()
    /// `style:` — a house style file, relative to the template's folder.
    var style: String?
    var stylePosition: SourcePosition?
    /// nil when the template does not say (the caller's default applies: a deck under Templates/slides/).
    var format: DocumentFormat?
    var language = Hyphenator.defaultLanguage
    var data: [YAMLEntry] = []
    var values: [YAMLEntry] = []
    /// `macros:` — name → TeX body, as `--macro NAME=BODY` on the command line.
    var macros: [String: String] = [:]

    static let keys = ["title", "subtitle", "course", "lecture", "author", "date", "paper", "theme", "fonts", "style",
                       "format", "lang", "description", "data", "values", "macros"]
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
            case "description": fm.description = try string(e)
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
                    throw TemplateError(file: file, at: e.value.position, "'fonts' must be a mapping {text:, math:, sans:, mono:}")
                }
                for f in fonts {
                    let name = try string(f)
                    // Faces are shaped without substitution: a family that is not installed (or a
                    // math font without a MATH table) is an error here, where it was named.
                    if ["text", "sans", "mono"].contains(f.key), !FontLibrary.isInstalled(name) {
                        throw TemplateError(file: file, at: f.value.position, "fonts \(f.key): " + FontNotInstalledError.problem(name))
                    }
                    if f.key == "math", !MathFont.isUsable(name) {
                        throw TemplateError(file: file, at: f.value.position, "fonts math: " + MathFont.notUsableProblem(name))
                    }
                    switch f.key {
                    case "text": fm.fonts.text = name
                    case "math": fm.fonts.math = name
                    case "sans": fm.fonts.sans = name
                    case "mono": fm.fonts.mono = name
                    default:
                        throw TemplateError(file: file, at: f.keyPosition, "unknown font role '\(f.key)' (known: text, math, sans, mono)")
                    }
                }
            case "style":
                fm.style = try string(e)
                fm.stylePosition = e.value.position
            case "macros":
                guard let list = e.value.entries else {
                    if case .null = e.value.kind { continue }
                    throw TemplateError(file: file, at: e.value.position, "'macros' must be a mapping of names to TeX, e.g. 'R: \\mathbb{R}'")
                }
                for m in list {
                    fm.macros[try macroName(m, file: file)] = try macroBody(m, file: file, string: string)
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

extension FrontMatter {
    /// A macro's name: letters only, with or without its backslash (as `--macro`).
    static func macroName(_ e: YAMLEntry, file: String) throws -> String {
        var name = e.key
        if name.hasPrefix("\\") { name.removeFirst() }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw TemplateError(file: file, at: e.keyPosition, "macro name '\(e.key)' must be letters only (e.g. 'R' for \\R)")
        }
        return name
    }

    /// A macro's body, checked now: expanded once with placeholder arguments it must parse, so a bad body
    /// is reported at its line and column in the front matter rather than at each use.
    static func macroBody(_ e: YAMLEntry, file: String, string: (YAMLEntry) throws -> String) throws -> String {
        let body = try string(e)
        let name = try macroName(e, file: file)
        let macro = MathMacro(body)
        let use = "\\" + name + String(repeating: "{x}", count: macro.parameters)
        do {
            _ = try MathParser.parse(use, macros: [name: macro])
        } catch let error as MathError {
            throw TemplateError(file: file, at: e.value.position, "macro \\\(name): \(error.message)")
        }
        return body
    }
}
