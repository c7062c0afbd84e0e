import Foundation
import Expressions
import FigureModel
import InfoRequests

/// Turns a spec tree into a `Figure`: params → let → data → panels (axes, legend, layers).
struct SpecCompiler {
    let reader: SpecReader
    let baseDirectory: String
    var scope = Scope()
    var tables: [String: DataTable] = [:]
    var theme: Theme = .light
    var size: FigureSize = .handout
    /// Panels in a row and rows, once known (a diagram mark sizes its labels for its panel).
    var grid = (columns: 1, rows: 1)
    /// Alt-text sentences from marks that describe themselves (venn).
    var markDescriptions: [String] = []

    init(reader: SpecReader, baseDirectory: String) {
        self.reader = reader
        self.baseDirectory = baseDirectory
    }

    mutating func compile(_ root: YAMLNode, parameters: [PlotParameter], settings: [String: JSONValue],
                          names: [String: JSONValue], theme themeOverride: Theme?, size sizeOverride: FigureSize?) throws -> Figure {
        var base = names
        for p in parameters { base[p.name] = settings[p.name] ?? p.defaultValue }
        size = try sizeOverride ?? reader.size(root["size"]) ?? .handout
        // The size as names (SizeNames.swift), unless a parameter or template value has the name.
        for (name, v) in size.specNames where base[name] == nil { base[name] = v }
        if let note = root["size_note"], base["size_note"] == nil { base["size_note"] = .string(try reader.string(note, "size_note")) }
        scope = Scope(base)
        scope.functions = plotFunctions
        if let t = root["theme"], themeOverride == nil {
            // A built-in name or a theme file beside the spec (its own errors name that file).
            do { theme = try ThemeFile.load(try reader.string(t, "theme"), relativeTo: baseDirectory) } catch let e as FigureError {
                throw reader.error(t, e.message)
            }
        } else {
            theme = themeOverride ?? .light
        }
        try checkRequirements(root["requires"])
        try readLet(root["let"])
        try readData(root["data"])

        let title = try root["title"].map { try text($0, "title") } ?? "Plot"
        var panels: [Panel] = []
        var columns: Int?
        var share = "none"
        if let panelList = root["panels"] {
            guard let all = panelList.list, !all.isEmpty else { throw reader.error(panelList, "panels must be a list of panel specs") }
            for (key, _) in [("layers", 0), ("x", 0), ("y", 0)] where root[key] != nil {
                throw reader.error(root[key]!, "with panels:, put '\(key)' inside each panel")
            }
            // `when: expr` keeps a panel only where the expression is true (`when: reverse`);
            // `each:` repeats one (PanelLoop.swift).
            let items = try expandedPanels(all)
            guard !items.isEmpty else { throw reader.error(panelList, "no panel is left: every panel's when: is false here") }
            grid = (items.count, 1)
            let shape = try root["grid"].flatMap { try gridShape($0) }
            if let (r, c) = shape, r >= 1, c >= 1, r == r.rounded(), c == c.rounded() {
                grid = (min(Int(c), items.count), Int(r))
            }
            let outer = scope
            for item in items {
                // A repeated panel's pass binds its loop names for every key of the panel.
                scope = item.scope
                defer { scope = outer }
                panels.append(try panel(item.node))
            }
            if let g = root["grid"] {
                guard let (r, c) = shape, r >= 1, c >= 1, r == r.rounded(), c == c.rounded(), r * c < 1e6,
                      Int(r) * Int(c) >= items.count else {
                    throw reader.error(g, "grid must be [rows, columns] with room for all \(items.count) panels")
                }
                columns = Int(c)
            }
            if let s = root["share"] {
                let options = ["x", "y", "both", "none"]
                share = try text(s, "share")
                guard options.contains(share) else {
                    throw reader.error(s, "share '\(share)' is not known\(suggestion(for: share, in: options)); expected one of: \(options.joined(separator: ", "))")
                }
            }
        } else {
            guard root["layers"] != nil else { throw reader.error(root, "a spec needs layers: (a list of marks) or panels:") }
            panels = [try panel(root)]
            // `show_title: false` keeps the title as the figure's name (PDF and SVG title, captions)
            // without drawing it over the single panel.
            if let t = root["show_title"], !(try reader.bool(t, "show_title")) { panels[0].title = nil }
        }
        let description = try root["description"].map { try descriptionText($0) }
            ?? (markDescriptions.isEmpty ? describe(title: title, panels: panels) : markDescriptions.joined(separator: " "))
        return Figure(title: title, description: description, size: size, theme: theme,
                      heading: try root["heading"].map { try text($0, "heading") },
                      panels: panels, columns: columns, sharedX: share == "x" || share == "both",
                      sharedY: share == "y" || share == "both")
    }

    // MARK: names

    mutating func readLet(_ node: YAMLNode?) throws {
        guard let node else { return }
        guard let entries = node.entries else { throw reader.error(node, "let must map names to expressions or values") }
        for e in entries {
            if scope[e.key] != nil && scope.base[e.key] != nil {
                throw reader.error(at: e.keyPosition, "'\(e.key)' is already defined")
            }
            // `{random: {seed, n, columns}}` draws seeded samples (SeededSamples.swift), its
            // columns lists for the items after it (`"draws.x * draws.x"`).
            if let random = e.value["random"] {
                try reader.allow(e.value, ["random"], what: "'\(e.key)'")
                scope.base[e.key] = try randomTable(random).asValue
                continue
            }
            // `{each: …, item: …}` builds a list (EachLoop.swift); any other mapping is an object.
            scope.base[e.key] = e.value["each"] != nil ? try loopValue(e.value) : try value(e.value)
        }
    }

    mutating func readData(_ node: YAMLNode?) throws {
        guard let node else { return }
        guard let entries = node.entries else { throw reader.error(node, "data must map table names to columns, {csv: path} or {random: …}") }
        for e in entries {
            guard let cols = e.value.entries else { throw reader.error(e.value, "table '\(e.key)' must be columns {name: [..]}, {csv: path}, {compute: {op: …}} or {random: {seed, n, columns}}") }
            var table: DataTable
            if let compute = e.value["compute"] {
                try reader.allow(e.value, ["compute"], what: "table '\(e.key)'")
                table = try computedTable(compute)
            } else if let random = e.value["random"] {
                try reader.allow(e.value, ["random"], what: "table '\(e.key)'")
                table = try randomTable(random)
            } else if let csv = e.value["csv"] {
                try reader.allow(e.value, ["csv"], what: "table '\(e.key)'")
                let path = try reader.string(csv, "csv")
                let full = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
                do { table = try readCSV(path: full, displayPath: path) } catch let err as PlotParameterError {
                    throw reader.error(csv, err.description)
                }
            } else {
                table = DataTable(columnNames: [], columns: [:], rowCount: 0)
                for c in cols {
                    let v = try value(c.value)
                    guard case .array(let items) = v else { throw reader.error(c.value, "column '\(c.key)' must be a list") }
                    if !table.columnNames.isEmpty && items.count != table.rowCount {
                        throw reader.error(c.value, "column '\(c.key)' has \(items.count) entries but '\(table.columnNames[0])' has \(table.rowCount)")
                    }
                    table.columnNames.append(c.key); table.columns[c.key] = v; table.rowCount = items.count
                }
            }
            tables[e.key] = table
            scope.base[e.key] = table.asValue
        }
    }

    /// `{compute: {op: maxent, values: [1, 2, 3], mean: m}}`: the request's arguments are values
    /// and expressions as anywhere (a plain word that names nothing is text: `unit: bits`), its
    /// result a table (see `DataTable(result:op:)`).
    func computedTable(_ node: YAMLNode) throws -> DataTable {
        guard let members = node.entries, let opNode = node["op"] else {
            throw reader.error(node, "compute must be a request {op: NAME, …} (the ops of `infoplot compute`)")
        }
        let op = try reader.string(opNode, "op")
        var request: [(String, JSONValue)] = [("op", .string(op))]
        for m in members where m.key != "op" {
            if let s = m.value.string, isPlainWord(s), scope[s] == nil {
                request.append((m.key, .string(s)))
            } else {
                request.append((m.key, try value(m.value)))
            }
        }
        let result: JSONValue
        do { result = try evaluateRequest(.object(request)) } catch {
            throw reader.error(opNode, "\(error)")
        }
        do { return try DataTable(result: result, op: op) } catch let e as PlotParameterError { throw reader.error(opNode, e.description) }
    }

    /// A scalar string is an expression; numbers, lists and maps are values (their strings expressions too).
    func value(_ node: YAMLNode, locals: Scope? = nil) throws -> JSONValue {
        switch node.kind {
        case .string(let s): return try expression(s, at: node).value(in: locals ?? scope)
        case .list(let items):
            // In a list, a plain word that names nothing, or text that is no formula, is text
            // (`label: [Dog, Cat, "Fox (n=3)"]`); any other string is an expression (`[p, 1 - p]`),
            // so a typo inside a formula is still an error.
            return .array(try items.map { item in
                if let s = item.string, isPlainWord(s), (locals ?? scope)[s] == nil { return .string(s) }
                if let s = item.string, (try? CompiledExpression(s)) == nil { return .string(s) }
                return try value(item, locals: locals)
            })
        case .map(let m): return .object(try m.map { ($0.key, try value($0.value, locals: locals)) })
        default: return node.json
        }
    }

    /// Text with `{{expr}}` (or `{{expr:N}}`, N decimals with trailing zeros dropped) replaced by the
    /// expression's value, so titles and alt text can print parameters and results. A value that
    /// is undefined (NaN) is an error, never printed.
    func text(_ node: YAMLNode, _ what: String, locals: Scope? = nil) throws -> String {
        let s = try reader.string(node, what)
        guard s.contains("{{") else { try checkMath(s, node, what, asWritten: true); return s }
        var out = "", rest = Substring(s)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw reader.error(node, "\(what): '{{' without its closing '}}'")
            }
            // Errors point at the expression's own column inside the text (one-line texts).
            var at = node
            at.position.column += s.distance(from: s.startIndex, to: open.upperBound)
            out += try interpolated(String(rest[open.upperBound..<close.lowerBound]), at: at, what: what, locals: locals ?? scope)
            rest = rest[close.upperBound...]
        }
        out += rest
        try checkMath(out, node, what, asWritten: false)
        return out
    }

    /// A label's `$…$` must parse (`PlotSpec.labelMathProblem`, set by the front end that typesets
    /// them): a bad one is an error at its text, at the offending column when the text is one line
    /// as written, not TeX drawn as written on the figure.
    private func checkMath(_ text: String, _ node: YAMLNode, _ what: String, asWritten: Bool) throws {
        guard text.contains("$"), let check = PlotSpec.labelMathProblem, let problem = check(text) else { return }
        var at = node
        // The column is exact where the source spells the text character for character: one line,
        // and unquoted or quoted without escapes (a quoted string's text starts after its quote).
        let spelledAsIs = !node.isQuoted || !(text.contains("\\") || text.contains("'") || text.contains("\""))
        if asWritten, !text.contains("\n"), spelledAsIs { at.position.column += problem.offset + (node.isQuoted ? 1 : 0) }
        throw reader.error(at, "\(what): the math in '\(text)' does not parse: \(problem.message)")
    }

    /// `description:` text, or a list of parts joined as written: each a text or `{text, when}`, so
    /// the alt text can say what the chosen options drew.
    func descriptionText(_ node: YAMLNode) throws -> String {
        guard let parts = node.list else { return try text(node, "description") }
        var out = ""
        for part in parts {
            if part.entries != nil {
                try reader.allow(part, ["text", "when", "each", "separator"], what: "description part")
                if let w = part["when"], !(try flag(w, "when")) { continue }
                guard let t = part["text"] else { throw reader.error(part, "a description part needs text:") }
                out += try part["each"].map { try eachText(part, $0, text: t) } ?? text(t, "description")
            } else {
                out += try text(part, "description")
            }
        }
        return out
    }

    /// A truth value: `true`/`false`, or an expression giving one (`proportional`, `view == 'surface'`).
    func flag(_ node: YAMLNode, _ what: String, locals: Scope? = nil) throws -> Bool {
        if case .bool(let b) = node.kind { return b }
        guard case .bool(let b) = try value(node, locals: locals) else {
            throw reader.error(node, "\(what) must be true or false, or an expression giving one")
        }
        return b
    }

    /// About the plot area of one panel in points, and the annotation font size: what a diagram
    /// mark lays its labels out for (the layout's margins: a title line and a label's height).
    var panelRoom: (width: Double, height: Double, fontSize: Double) {
        let base = size.baseFontSize
        return (size.widthPoints / Double(grid.columns) - 2 * base, size.heightPoints / Double(grid.rows) - 3.5 * base, 0.85 * base)
    }

    func expression(_ text: String, at node: YAMLNode) throws -> LocatedExpression {
        do { return LocatedExpression(compiled: try CompiledExpression(text), node: node, reader: reader) } catch let e as ExpressionError {
            throw located(e, node)
        }
    }

    func located(_ e: ExpressionError, _ node: YAMLNode) -> PlotSpecError {
        var p = node.position
        p.column += e.column - 1 + (node.isQuoted ? 1 : 0)
        return reader.error(at: p, e.message)
    }

    func number(_ node: YAMLNode, _ what: String, locals: Scope? = nil) throws -> Double {
        let v = try value(node, locals: locals)
        guard case .number(let x) = v, x.isFinite else { throw reader.error(node, "\(what) must be a finite number, got \(v.serialized)") }
        return x
    }

    func numbers(_ node: YAMLNode, _ what: String, locals: Scope? = nil) throws -> [Double] {
        let v = try value(node, locals: locals)
        guard case .array(let items) = v else { throw reader.error(node, "\(what) must be a list of numbers, got \(v.serialized.prefix(40))") }
        return try items.map { item in
            guard case .number(let x) = item else { throw reader.error(node, "\(what) must be a list of numbers; it holds \(item.serialized.prefix(30))") }
            return x
        }
    }

    // MARK: panels

    mutating func panel(_ node: YAMLNode) throws -> Panel {
        var p = Panel()
        p.title = try node["title"].map { try text($0, "title") }
        var grid: Bool?
        p.x = try axis(node["x"], grid: &grid)
        p.y = try axis(node["y"], grid: &grid)
        p.grid = grid
        if let l = node["legend"] {
            let options = ["auto", "none", "top-left", "top-right", "bottom-left", "bottom-right", "outside-right", "top-center",
                           "bottom-center"]
            // Text, so `{{…}}` can choose the corner (`"{{if(mean > 0.5, 'top-left', 'top-right')}}"`).
            p.legend = switch try choiceText(l, "legend", options) {
            case "top-center": .upperCenter
            case "bottom-center": .lowerCenter
            case "none": .none
            case "top-left": .upperLeft
            case "top-right": .upperRight
            case "bottom-left": .lowerLeft
            case "bottom-right": .lowerRight
            case "outside-right": .outsideRight
            default: .auto
            }
        }
        // `legend_headroom: true` grows the y range upward by the legend's share of the plot height,
        // measured at the final size, so a top legend never covers the curves.
        if let h = node["legend_headroom"] { p.legendHeadroom = try reader.bool(h, "legend_headroom") }
        guard let layers = node["layers"] else { throw reader.error(node, "a panel needs layers:") }
        guard let items = layers.list, !items.isEmpty else { throw reader.error(layers, "layers must be a non-empty list of marks") }
        var builder = LayerBuilder(compiler: self, xScale: p.x.scale, yAxis: p.y, xAxis: p.x)
        for item in items { try builder.add(item) }
        try builder.finishAnnotations()
        p.marks = builder.marks
        markDescriptions += builder.descriptions
        if let d = builder.diagram {
            // A venn or surface layer draws its own axes: the panel is a diagram at its limits.
            return Panel.diagram(title: p.title, marks: p.marks, legend: node["legend"] == nil ? .none : p.legend, x: d.x, y: d.y)
        }
        // `colorbar: false` (or an expression) leaves a heatmap panel's colour bar to a neighbour on the same scale.
        if builder.hasHeatmap, try node["colorbar"].map({ try flag($0, "colorbar") }) ?? true {
            p.colorbar = Colorbar(label: builder.colorbarLabel)
        }
        if builder.hasHeatmap {
            p.frame = .box
            if p.grid == nil { p.grid = false }
        }
        if let ticks = builder.categoryTicks, case .auto = p.x.ticks { p.x.ticks = ticks.x ?? .auto; if let y = ticks.y { p.y.ticks = y } }
        return p
    }

    func axis(_ node: YAMLNode?, grid: inout Bool?) throws -> Axis {
        var a = Axis()
        guard let node else { return a }
        try reader.allow(node, ["label", "scale", "range", "ticks", "grid", "broken", "tick_labels"], what: "axis")
        // `broken: true` marks an axis that does not start at zero with a break (`broken: zoomed`).
        if let b = node["broken"] { a.broken = try flag(b, "broken") }
        a.label = try node["label"].map { try text($0, "label") }
        if let s = node["scale"] { a.scale = try reader.choice(s, "scale", ["linear", "log"]) == "log" ? .log : .linear }
        if let r = node["range"], r.string != "auto" {
            guard let l = r.list, l.count == 2 else { throw reader.error(r, "range must be [low, high] or auto") }
            let lo = try number(l[0], "range"), hi = try number(l[1], "range")
            guard lo < hi else { throw reader.error(r, "range must have low < high, got [\(lo), \(hi)]") }
            if a.scale == .log && lo <= 0 { throw reader.error(r, "a log axis needs a positive range") }
            a.limits = .fixed(lo, hi)
        }
        if let t = node["ticks"] {
            // A name or formula giving a list is a list too (`ticks: positions`).
            if let s = t.string, s == "auto" || s == "none" || (isPlainWord(s) && scope[s] == nil) {
                guard s == "auto" || s == "none" else { throw reader.error(t, "ticks must be auto, none or a list of numbers") }
                a.ticks = s == "none" ? .none : .auto
            } else {
                a.ticks = .values(try numbers(t, "ticks"))
            }
        }
        // `tick_labels:` names the ticks (TickLabels.swift).
        if let l = node["tick_labels"] { a.ticks = try labeledTicks(a.ticks, l) }
        if let g = node["grid"] { grid = try reader.bool(g, "grid") || (grid ?? false) }
        return a
    }

    func describe(title: String, panels: [Panel]) -> String {
        var parts: [String] = []
        for p in panels {
            var names: [String] = []
            for m in p.marks {
                switch m {
                case .line(let l): names.append("line" + (l.label.map { " \($0)" } ?? ""))
                case .area(let a): names.append("area" + (a.label.map { " \($0)" } ?? ""))
                case .scatter(let s): names.append("\(s.points.count) points" + (s.label.map { " \($0)" } ?? ""))
                case .bars(let b): names.append("bars over \(b.categories.joined(separator: ", "))")
                case .heatmap: names.append("heatmap")
                case .contour: names.append("contours")
                default: break
                }
            }
            let axes = [p.x.label, p.y.label].compactMap { $0 }.joined(separator: " against ")
            // A one-panel spec's panel carries the spec's title, which already opens the text.
            let heading = p.title.flatMap { $0 == title ? nil : $0 + ": " } ?? ""
            parts.append(heading + names.joined(separator: "; ") + (axes.isEmpty ? "" : " (\(axes))"))
        }
        return "\(title). " + parts.joined(separator: ". ") + "."
    }
}

/// An expression with the spec node it came from, so its errors point into the file.
struct LocatedExpression {
    let compiled: CompiledExpression
    let node: YAMLNode
    let reader: SpecReader

    func located(_ e: ExpressionError) -> PlotSpecError {
        var p = node.position
        p.column += e.column - 1 + (node.isQuoted ? 1 : 0)
        return reader.error(at: p, e.message)
    }

    func value(in scope: Scope) throws -> JSONValue {
        do { return try compiled.value(in: scope) } catch let e as ExpressionError { throw located(e) }
    }

    func check(in scope: Scope, extra: [String]) throws {
        do { try compiled.checkNames(in: scope, extra: extra) } catch let e as ExpressionError { throw located(e) }
    }

    /// NaN where the expression is undefined or an op rejects its arguments (a gap in a curve).
    func numberOrNaN(in scope: Scope) -> Double {
        (try? compiled.number(in: scope)) ?? .nan
    }

    /// The first error at `scope`, located (used when a curve is undefined everywhere).
    func failure(in scope: Scope) -> PlotSpecError? {
        do {
            let x = try compiled.number(in: scope)
            return x.isFinite ? nil : reader.error(node, "'\(compiled.text)' is undefined (\(x))")
        } catch let e as ExpressionError { return located(e) } catch { return reader.error(node, "\(error)") }
    }
}

/// Presets, `WxH` in inches, or with units: `16cmx9cm`, `400ptx300pt`, `6inx4in`.
func parseSize(_ text: String) throws -> FigureSize {
    let s = text.lowercased().replacingOccurrences(of: " ", with: "")
    guard s.contains("cm") || s.contains("pt") || s.contains("mm") else { return try FigureSize.parse(text) }
    let parts = s.replacingOccurrences(of: "×", with: "x").split(separator: "x")
    func inches(_ p: Substring) throws -> Double {
        // 2.54 cm and 72 pt (PostScript points) to the inch.
        for (suffix, perInch) in [("cm", 2.54), ("mm", 25.4), ("pt", 72.0), ("in", 1.0), ("", 1.0)] where p.hasSuffix(suffix) {
            if let v = Double(p.dropLast(suffix.count)) { return v / perInch }
        }
        throw FigureError("size '\(text)' is not understood; expected a preset, WxH in inches, or e.g. 16cmx9cm")
    }
    guard parts.count == 2 else { throw FigureError("size '\(text)' is not understood; expected e.g. 16cmx9cm") }
    return try FigureSize.parse("\(try inches(parts[0]))x\(try inches(parts[1]))")
}

/// Letters, digits, spaces and a few marks, starting with a letter: a label, not a formula.
func isPlainWord(_ s: String) -> Bool {
    guard let c = s.first, c.isLetter else { return false }
    return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " }
}
