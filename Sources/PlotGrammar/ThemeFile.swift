import FigureModel
import Foundation
import Expressions
import InfoRequests

/// Theme files (issue 8 §3): YAML naming colours, cycles and the colour map, as in
/// `Themes/light.yaml`. The one place a theme file becomes a `Theme` value (the built-in themes
/// are these files, compiled in by Scripts/generate-themes.py and checked against this reader).
/// Every key is optional: a file starts from `base:` (light unless it says dark or print), so a
/// university's colours are a few lines.
public enum ThemeFile {
    static let keys = ["name", "base", "background", "foreground", "muted", "grid", "legend", "cycle", "dashes", "markers",
                       "hatches", "fill_opacity", "grid_lines", "ink", "colormap", "fonts", "font_sizes"]
    static let builtInNames = ["light", "dark", "print"]
    /// Whether a text font family is installed, set by the front end that draws (this layer knows
    /// no fonts): when set, a theme's `fonts: {text:}` naming a family that is not installed is an
    /// error at that line, not a label set in some other font. Nil (the default): not checked.
    nonisolated(unsafe) public static var textFontIsInstalled: (@Sendable (String) -> Bool)? = nil
    /// What is wrong with a math font family (not installed, or no MATH table), nil when it is
    /// usable; set by the same front end, which knows the math fonts. Nil: not checked.
    nonisolated(unsafe) public static var mathFontProblem: (@Sendable (String) -> String?)? = nil
    static let hatchNames: [String: Hatch] = ["none": .none, "diagonal": .diagonal, "back-diagonal": .backDiagonal,
                                              "horizontal": .horizontal, "crossed": .crossed, "vertical": .vertical]

    /// A built-in theme by name, or a theme file (`.yaml`, `.yml`, or any path with a `/`)
    /// relative to `directory`.
    public static func load(_ nameOrPath: String, relativeTo directory: String = ".") throws -> Theme {
        let isPath = nameOrPath.contains("/") || [".yaml", ".yml"].contains { nameOrPath.lowercased().hasSuffix($0) }
        guard isPath else {
            guard builtInNames.contains(nameOrPath.lowercased()) else {
                throw FigureError("unknown theme '\(nameOrPath)'" + (likelyMeant(nameOrPath, builtInNames).map { "; did you mean '\($0)'?" } ?? "")
                                  + " (expected light, dark or print, or a theme file .yaml)")
            }
            return try Theme.named(nameOrPath)
        }
        let path = nameOrPath.hasPrefix("/") ? nameOrPath : (directory as NSString).appendingPathComponent(nameOrPath)
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw FigureError("cannot read the theme file '\(nameOrPath)': \(error.localizedDescription)")
        }
        return try read(yaml: text, file: path)
    }

    /// Reads a theme file; errors name the file, line and column.
    public static func read(yaml: String, file: String) throws -> Theme {
        guard let root = try parseYAML(yaml, file: file) else {
            throw PlotSpecError(file: file, at: SourcePosition(line: 1, column: 1), "the theme file is empty")
        }
        let reader = SpecReader(file: file)
        try reader.allow(root, keys, what: "theme")
        var theme = Theme.light
        if let base = root["base"] { theme = try Theme.named(try reader.choice(base, "base", builtInNames)) }
        func color(_ node: YAMLNode, _ what: String) throws -> Color {
            try parseThemeColor(try reader.string(node, what)).orThrow(reader.error(node, "\(what) must be a colour #RRGGBB or \"#RRGGBB / alpha\", got '\(node.text)'"))
        }
        func list<T>(_ node: YAMLNode, _ what: String, _ names: [String: T]) throws -> [T]? {
            if node.string == "none" { return nil }
            guard let items = node.list, !items.isEmpty else { throw reader.error(node, "\(what) must be a non-empty list or none") }
            return try items.map { names[try reader.choice($0, what, names.keys.sorted())]! }
        }
        if let n = root["name"] { theme.name = try reader.string(n, "name") }
        if let n = root["background"] { theme.background = try color(n, "background") }
        if let n = root["foreground"] { theme.foreground = try color(n, "foreground") }
        if let n = root["muted"] { theme.mutedForeground = try color(n, "muted") }
        if let n = root["grid"] { theme.gridColor = try color(n, "grid") }
        if let legend = root["legend"] {
            try reader.allow(legend, ["background", "edge"], what: "legend")
            if let n = legend["background"] { theme.legendBackground = try color(n, "legend background") }
            if let n = legend["edge"] { theme.legendEdge = try color(n, "legend edge") }
        }
        if let n = root["cycle"] {
            guard let items = n.list, !items.isEmpty else { throw reader.error(n, "cycle must be a non-empty list of colours") }
            theme.cycle = try items.map { try color($0, "a cycle colour") }
        }
        if let n = root["dashes"] {
            theme.lineStyleCycle = try list(n, "dash", dashNames) ?? [.solid]
        }
        if let n = root["markers"] {
            theme.markerCycle = try list(n, "marker", Dictionary(uniqueKeysWithValues: MarkerShape.allCases.map { ($0.rawValue, $0) }))
        }
        if let n = root["hatches"] { theme.hatchCycle = try list(n, "hatch", hatchNames) }
        if let n = root["fill_opacity"] {
            guard let x = n.number, (0...1).contains(x) else { throw reader.error(n, "fill_opacity must be a number from 0 to 1") }
            theme.fillOpacity = x
        }
        if let n = root["grid_lines"] { theme.showGrid = try reader.bool(n, "grid_lines") }
        if let ink = root["ink"] {
            try reader.allow(ink, ["on_dark", "on_light"], what: "ink")
            if let n = ink["on_dark"] { theme.lightInk = try color(n, "ink on_dark") }
            if let n = ink["on_light"] { theme.darkInk = try color(n, "ink on_light") }
        }
        if let n = root["colormap"] {
            theme.colormap = ColorMap(rawValue: try reader.choice(n, "colormap", ColorMap.allCases.map(\.rawValue)))!
        }
        if let fonts = root["fonts"] { try readFonts(fonts, into: &theme, reader) }
        if let sizes = root["font_sizes"] {
            try reader.allow(sizes, FontSizes.names, what: "font_sizes")
            for (name, size) in FontSizes.fields {
                guard let n = sizes[name] else { continue }
                // Multiples of the base size: a value above 5 is a point size written by mistake.
                guard let x = n.number, x > 0, x <= 5 else {
                    throw reader.error(n, "font_sizes \(name) must be a multiple of the base font size, above 0 and at most 5 (e.g. 0.85), got '\(n.text)'")
                }
                theme.fontSizes[keyPath: size] = x
            }
        }
        return theme
    }
}

/// `fonts: {text:, math:}`: family names. A math font without `text` brings its companion text face
/// (`FontPairing`), so a file that changes only the math font still pairs its labels.
private func readFonts(_ fonts: YAMLNode, into theme: inout Theme, _ reader: SpecReader) throws {
    try reader.allow(fonts, ["text", "math"], what: "fonts")
    func family(_ node: YAMLNode, _ what: String) throws -> String {
        let name = try reader.string(node, what).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains("/") else {
            throw reader.error(node, "\(what) must be a font family name as fc-list prints it (e.g. 'Latin Modern Math'), got '\(node.text)'")
        }
        return name
    }
    if let n = fonts["math"] {
        theme.mathFont = try family(n, "fonts math")
        if let problem = ThemeFile.mathFontProblem?(theme.mathFont) { throw reader.error(n, "fonts math: " + problem) }
        if fonts["text"] == nil {
            theme.textFont = try FontPairing.text(forMath: theme.mathFont).orThrow(reader.error(n,
                "fonts: the math font '\(theme.mathFont)' has no known companion text face; name one with fonts: {text: …} "
                + "(known pairs: \(FontPairing.companions.map { "\($0.math) with \($0.text)" }.joined(separator: ", ")))"))
        }
    }
    if let n = fonts["text"] { theme.textFont = try family(n, "fonts text") }
    if let installed = ThemeFile.textFontIsInstalled, !installed(theme.textFont) {
        let node = fonts["text"] ?? fonts["math"] ?? fonts
        throw reader.error(node, "fonts text: the font family '\(theme.textFont)' is not installed (fc-list : family does not list it); "
            + "install it or name an installed family")
    }
}

/// `#RRGGBB`, optionally followed by `/ alpha` with alpha in 0…1 (the CSS Color 4 slash syntax).
func parseThemeColor(_ text: String) -> Color? {
    let parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
    guard (1...2).contains(parts.count), parts[0].count == 7, parts[0].hasPrefix("#"),
          let hex = UInt32(parts[0].dropFirst(), radix: 16) else { return nil }
    guard parts.count == 2 else { return Color(hex: hex) }
    guard let alpha = Double(parts[1]), (0...1).contains(alpha) else { return nil }
    return Color(hex: hex, alpha: alpha)
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
