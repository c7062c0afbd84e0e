import Foundation
import Expressions
import FigureModel
import InfoRequests

/// Compiles a panel's `layers:` into marks, one mark kind per function below.
struct LayerBuilder {
    /// The spec's compiler; a repeated layer's pass binds its loop names in `compiler.scope`.
    var compiler: SpecCompiler
    let xScale: Scale
    let yAxis: Axis
    /// The panel's x axis (a surface names its axes after the panel's).
    var xAxis = Axis()
    var marks: [Mark] = []
    var hasHeatmap = false
    var colorbarLabel: String?
    var categoryTicks: (x: TickSpec?, y: TickSpec?)?
    var pendingArrows: [(text: String, at: Point, node: YAMLNode, color: Paint?)] = []
    var seriesIndex = 0
    /// The item of an `each:` loop being drawn: a list-valued `color:` or `dash:` takes its entry
    /// (cyclically), so the copies are told apart (`dash: [dotted, dash-dot]`).
    var eachIndex = 0
    /// Set by a `venn` or `surface` layer: the panel is a diagram with these data limits.
    var diagram: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    /// Alt-text sentences of marks that describe themselves (venn, surface).
    var descriptions: [String] = []
    /// After a `surface` layer: where a point (x, y) on the surface lands, for later scatter layers.
    var surface: (view: SurfaceView, z: (Double, Double) -> Double)?

    var reader: SpecReader { compiler.reader }

    static let common = ["mark", "name", "color", "dash", "marker", "width", "alpha", "data", "each", "when"]
    static let kinds: [String: [String]] = [
        "line": ["x", "y", "samples"], "area": ["x", "y", "y0", "outline", "samples"], "scatter": ["x", "y", "size", "edge"],
        "step": ["x", "y"], "bar": ["x", "y", "stack", "values", "group_width"], "hist": ["x", "bins", "range"],
        "rule": ["x", "y"], "annotate": ["at", "also", "text", "arrow", "text_at", "align", "size", "valign", "coordinates", "box", "fit", "fit_width", "separator"],
        "heatmap": ["x", "y", "z", "colormap", "contours", "values", "digits", "range"],
        "contour": ["x", "y", "z", "levels", "labels"],
        "venn": ["table", "proportional", "x_name", "y_name"],
        "surface": ["x", "y", "z", "range", "colormap", "azimuth", "elevation"],
    ]

    mutating func add(_ node: YAMLNode) throws {
        guard node.entries != nil, let markNode = node["mark"] else {
            throw reader.error(node, "a layer is a mapping with mark: (one of \(Self.kinds.keys.sorted().joined(separator: ", ")))")
        }
        let kind = try reader.choice(markNode, "mark", Self.kinds.keys.sorted())
        try reader.allow(node, Self.common + Self.kinds[kind]!, what: "\(kind) layer")
        // `when: expr` keeps the layer only where the expression is true (`when: "view == 'surface'"`);
        // on a repeated layer, each pass where it is true (`when: "t == inf"`).
        if node["each"] == nil, let w = node["when"], !(try compiler.flag(w, "when")) { return }
        // `each: {alpha: [0.5, 1, 2]}` repeats the layer once per value, `{alpha}` in its name
        // replaced (EachLoop.swift: expressions, several names, index:).
        guard let each = node["each"] else { return try add(kind, node, scope: compiler.scope, nameSuffixes: []) }
        try addRepeated(kind, node, each: each)
    }

    // MARK: shared keys

    struct Style {
        var name: String?
        var color: Paint?
        var dash: LineStyle?
        var marker: MarkerShape?
        var width: Double?
        var alpha: Double?
        /// `color:` before `alpha:`: an area applies alpha to its fill only, its outline stays opaque.
        var opaqueColor: Paint?
    }

    func style(_ node: YAMLNode, nameSuffixes: [(String, String)], scope: Scope) throws -> Style {
        var s = Style()
        // A bar layer with several y columns takes a list of names (read there).
        if let n = node["name"], n.list == nil { s.name = try compiler.text(n, "name", locals: scope) }
        for (key, text) in nameSuffixes { s.name = s.name?.replacingOccurrences(of: "{\(key)}", with: text) }
        if s.name == nil, nameSuffixes.count == 1, let (key, text) = nameSuffixes.first, node["name"] == nil { s.name = "\(key) = \(text)" }
        // An empty name leaves the layer out of the legend (`name: "{{if(i == 0, 'members', '')}}"`:
        // one entry for all the copies of a repeated layer).
        if s.name == "" { s.name = nil }
        if let c = node["color"] { s.color = try color(perItem(c), scope: scope) }
        if let d = node["dash"] { s.dash = dashNames[try reader.choice(perItem(d), "dash", dashNames.keys.sorted())] }
        if let m = node["marker"] {
            s.marker = MarkerShape(rawValue: try reader.choice(m, "marker", MarkerShape.allCases.map(\.rawValue)))
        }
        if let w = node["width"] {
            let x = try compiler.number(w, "width")
            guard x > 0, x <= 20 else { throw reader.error(w, "width must be between 0 and 20 points") }
            s.width = x
        }
        if let a = node["alpha"] {
            let x = try compiler.number(a, "alpha")
            guard (0...1).contains(x) else { throw reader.error(a, "alpha must be between 0 and 1") }
            s.alpha = x
        }
        s.opaqueColor = s.color
        if let a = s.alpha, let c = s.color { s.color = c.opacity(a) }
        return s
    }

    /// A style value, or this `each:` item's entry of a list of them (cyclically): a list written
    /// here or a `let:` name holding one (`dash: other_dashes`).
    func perItem(_ n: YAMLNode) throws -> YAMLNode {
        var list = n.list
        if list == nil, let name = n.string, case .array(let values)? = compiler.scope[name] {
            list = values.map { YAMLNode(json: $0, at: n.position) }
        }
        guard let items = list else { return n }
        guard !items.isEmpty else { throw reader.error(n, "a list of styles needs at least one entry") }
        return items[eachIndex % items.count]
    }

    /// `color:` (and a scatter's `edge:`): a theme role, a name or #RRGGBB; `{{…}}` is filled in
    /// (`series{{i + 1}}` in a repeated layer).
    func color(_ c: YAMLNode, scope: Scope? = nil) throws -> Paint {
        let t = try compiler.text(c, "color", locals: scope)
        guard let col = parseColor(t) else {
            throw reader.error(c, "unknown color '\(t)'\(suggestion(for: t, in: colorNames)); expected a theme role, a name or #RRGGBB")
        }
        return col
    }

    /// The layer's table (`data: name`), if any.
    func table(_ node: YAMLNode) throws -> DataTable? {
        guard let d = node["data"] else { return nil }
        let name = try reader.string(d, "data")
        guard let t = compiler.tables[name] else {
            let known = compiler.tables.keys.sorted()
            throw reader.error(d, "unknown table '\(name)'\(suggestion(for: name, in: known)); tables: \(known.isEmpty ? "none (declare them under data:)" : known.joined(separator: ", "))")
        }
        return t
    }

    /// A column of the layer's table by name, or nil when the text is no column name.
    func column(_ node: YAMLNode, table: DataTable?) -> JSONValue? {
        guard let t = table, let s = node.string else { return nil }
        return t.columns[s]
    }

    func numbers(_ v: JSONValue, _ node: YAMLNode, _ what: String) throws -> [Double] {
        guard case .array(let items) = v else { throw reader.error(node, "\(what) must give a list of numbers, got \(v.serialized.prefix(40))") }
        return try items.map {
            if case .number(let x) = $0 { return x }
            throw reader.error(node, "\(what) must be numbers; it holds \($0.serialized.prefix(30))")
        }
    }

    /// Each row's columns as local names, for `y: "loss * 100"` over a table.
    func rowScopes(_ t: DataTable, base: Scope) -> [Scope] {
        (0..<t.rowCount).map { r in
            var s = base
            for name in t.columnNames {
                if case .array(let items) = t.columns[name]! { s.locals.append((name, items[r])) }
            }
            return s
        }
    }

    /// x and y of a line-like layer as matching arrays. A sweep samples y adaptively.
    func curve(_ node: YAMLNode, scope: Scope, table: DataTable?) throws -> (x: [Double], y: [Double]) {
        guard let xNode = node["x"] else { throw reader.error(node, "this layer needs x: (a column, a list or a sweep {var, from, to})") }
        guard let yNode = node["y"] else { throw reader.error(node, "this layer needs y: (a column, a list or an expression)") }
        if xNode.entries != nil {
            try reader.allow(xNode, ["var", "from", "to", "samples"], what: "sweep")
            guard let v = xNode["var"], let varName = v.string, let fromNode = xNode["from"], let toNode = xNode["to"] else {
                throw reader.error(xNode, "a sweep is {var: p, from: 0, to: 1}")
            }
            let a = try compiler.number(fromNode, "from"), b = try compiler.number(toNode, "to")
            guard a < b else { throw reader.error(xNode, "a sweep needs from < to, got \(a) and \(b)") }
            if xScale == .log && a <= 0 { throw reader.error(fromNode, "on a log x axis the sweep must start above 0") }
            guard let yText = yNode.string else { throw reader.error(yNode, "over a sweep, y must be an expression in \(varName)") }
            let e = try compiler.expression(yText, at: yNode)
            try e.check(in: scope, extra: [varName])
            let samples: [(x: Double, y: Double)]
            let f = e.function(of: varName, in: scope)
            if let n = xNode["samples"] {
                let count = try compiler.number(n, "samples")
                guard count >= 2, count <= 100_000, count == count.rounded() else { throw reader.error(n, "samples must be a whole number from 2 to 100000") }
                samples = (0..<Int(count)).map { i in
                    let x = a + (b - a) * Double(i) / (count - 1)
                    return (x, f(x))
                }
            } else {
                var window: Double?
                if case .fixed(let lo, let hi) = yAxis.limits, yAxis.scale == .linear { window = hi - lo }
                samples = adaptiveSamples(from: a, to: b, logarithmic: xScale == .log, window: window, f)
            }
            guard samples.contains(where: { $0.y.isFinite }) else {
                let mid = 0.5 * (a + b)
                throw e.failure(in: scope.binding(varName, .number(mid)))
                    ?? reader.error(yNode, "'\(yText)' is undefined on the whole sweep from \(a) to \(b)")
            }
            return (samples.map(\.x), samples.map(\.y))
        }
        let xs = try numbers(column(xNode, table: table) ?? compiler.value(xNode, locals: scope), xNode, "x")
        if let col = column(yNode, table: table) { return (xs, try numbers(col, yNode, "y")) }
        if let t = table, let text = yNode.string {
            let e = try compiler.expression(text, at: yNode)
            try e.check(in: scope, extra: t.columnNames)
            let ys = rowScopes(t, base: scope).map { e.numberOrNaN(in: $0) }
            if !ys.contains(where: \.isFinite), let s = rowScopes(t, base: scope).first, let f = e.failure(in: s) { throw f }
            return (xs, ys)
        }
        if let text = yNode.string {
            let e = try compiler.expression(text, at: yNode)
            try e.check(in: scope, extra: ["x"])
            if !text.contains("x"), case .array = try e.value(in: scope) { return (xs, try numbers(try e.value(in: scope), yNode, "y")) }
            return (xs, xs.map(e.function(of: "x", in: scope)))
        }
        let ys = try numbers(try compiler.value(yNode, locals: scope), yNode, "y")
        guard ys.count == xs.count else { throw reader.error(yNode, "y has \(ys.count) values but x has \(xs.count)") }
        return (xs, ys)
    }

    // MARK: marks

    mutating func add(_ kind: String, _ node: YAMLNode, scope: Scope, nameSuffixes: [(String, String)]) throws {
        let s = try style(node, nameSuffixes: nameSuffixes, scope: scope)
        let table = try table(node)
        switch kind {
        case "line", "step":
            var (x, y) = try curve(node, scope: scope, table: table)
            guard x.count == y.count else { throw reader.error(node, "x has \(x.count) values but y has \(y.count)") }
            if kind == "step" {
                // A post step: each value holds until the next x.
                var sx: [Double] = [], sy: [Double] = []
                for i in x.indices {
                    if i > 0 { sx.append(x[i]); sy.append(y[i - 1]) }
                    sx.append(x[i]); sy.append(y[i])
                }
                (x, y) = (sx, sy)
            }
            marks.append(.line(Line(x: x, y: y, label: s.name, color: s.color, style: s.dash, width: s.width, marker: s.marker)))
        case "area":
            let (x, y) = try curve(node, scope: scope, table: table)
            var lower: [Double]?
            if let y0 = node["y0"] {
                if let n = y0.number {
                    lower = Array(repeating: n, count: x.count)
                } else if let v = node["x"]?["var"]?.string, let text = y0.string {
                    // Over a sweep, y0 is an expression evaluated at the x positions chosen for y.
                    let e = try compiler.expression(text, at: y0)
                    try e.check(in: scope, extra: [v])
                    lower = x.map(e.function(of: v, in: scope))
                } else if let col = column(y0, table: table) {
                    lower = try numbers(col, y0, "y0")
                } else {
                    lower = try numbers(try compiler.value(y0, locals: scope), y0, "y0")
                }
                guard lower!.count == x.count else { throw reader.error(y0, "y0 has \(lower!.count) values but x has \(x.count)") }
            }
            let outline = try node["outline"].map { try reader.bool($0, "outline") } ?? false
            marks.append(.area(Area(x: x, upper: y, lower: lower, label: s.name, color: s.opaqueColor, opacity: s.alpha, outline: outline)))
        case "scatter":
            let (x, y) = try curve(node, scope: scope, table: table)
            let size = try node["size"].map { try compiler.number($0, "size") }
            var points = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }.map { Point($0.0, $0.1) }
            // On a surface, points sit on it: (x, y) at the surface's height there.
            if let (view, z) = surface { points = points.map { view.project(x: $0.x, y: $0.y, z: z($0.x, $0.y)) } }
            let edge = try node["edge"].map { try color($0) }
            marks.append(.scatter(Scatter(points: points, marker: s.marker ?? .circle, size: size, label: s.name, color: s.color,
                                          edgeColor: edge)))
        case "bar": try addBars(node, s, table: table, scope: scope)
        case "hist": try addHistogram(node, s, table: table, scope: scope)
        case "rule":
            if let x = node["x"] {
                marks.append(.reference(ReferenceLine(.vertical, at: try compiler.number(x, "x"), color: s.color, style: s.dash ?? .dashed, label: s.name)))
            } else if let y = node["y"] {
                marks.append(.reference(ReferenceLine(.horizontal, at: try compiler.number(y, "y"), color: s.color, style: s.dash ?? .dashed, label: s.name)))
            } else {
                throw reader.error(node, "a rule needs x: (vertical) or y: (horizontal)")
            }
        case "annotate": try addAnnotation(node, s, scope: scope)
        case "heatmap", "contour": try addGrid(kind, node, s, scope: scope)
        case "venn": try addVenn(node, scope: scope)
        case "surface": try addSurface(node, s, scope: scope)
        default: break
        }
    }

    mutating func addBars(_ node: YAMLNode, _ s: Style, table: DataTable?, scope: Scope) throws {
        guard let xNode = node["x"], let yNode = node["y"] else { throw reader.error(node, "a bar layer needs x: (categories) and y: (one or several columns)") }
        let catValue = try column(xNode, table: table) ?? compiler.value(xNode, locals: scope)
        guard case .array(let cats) = catValue else { throw reader.error(xNode, "x must be a list or column of category names") }
        let categories = cats.map { v -> String in
            if case .string(let t) = v { return t }
            if case .number(let x) = v { return formatNumber(x) }
            return v.serialized
        }
        let yNodes = yNode.list ?? [yNode]
        let names = try node["name"].flatMap { n in try n.list?.map { try compiler.text($0, "name", locals: scope) } }
        // Several y columns take a list of colours, one per series (`color: [series3, series2]`).
        let colors = yNodes.count > 1 ? try node["color"]?.list?.map { c in try s.alpha.map { try color(c, scope: scope).opacity($0) } ?? color(c, scope: scope) } : nil
        var series: [Bars.Series] = []
        for (i, y) in yNodes.enumerated() {
            let v = try column(y, table: table) ?? compiler.value(y, locals: scope)
            let values = try numbers(v, y, "y")
            guard values.count == categories.count else { throw reader.error(y, "y has \(values.count) values for \(categories.count) categories") }
            let label = names.map { i < $0.count ? $0[i] : nil } ?? (yNodes.count > 1 ? y.string : s.name)
            let paint = yNodes.count == 1 ? s.color : colors.flatMap { $0.isEmpty ? nil : $0[i % $0.count] }
            series.append(Bars.Series(label: label ?? nil, values: values, color: paint))
        }
        let stacked = try node["stack"].map { try reader.bool($0, "stack") } ?? false
        let show = try node["values"].map { try reader.bool($0, "values") } ?? false
        // `group_width`: the fraction of each category's slot its bars fill (0.8 by default).
        let width = try node["group_width"].map { try compiler.number($0, "group_width") } ?? 0.8
        guard width > 0, width <= 1 else { throw reader.error(node["group_width"]!, "group_width must be above 0 and at most 1") }
        marks.append(.bars(Bars(categories: categories, series: series, mode: stacked ? .stacked : .grouped, groupWidth: width,
                                showValues: show)))
    }

    mutating func addHistogram(_ node: YAMLNode, _ s: Style, table: DataTable?, scope: Scope) throws {
        guard let xNode = node["x"] else { throw reader.error(node, "a hist layer needs x: (a column or list of values)") }
        let values = try numbers(column(xNode, table: table) ?? compiler.value(xNode, locals: scope), xNode, "x").filter(\.isFinite)
        guard !values.isEmpty else { throw reader.error(xNode, "hist has no finite values to count") }
        // Sturges (1926): ⌈log₂ n⌉ + 1 bins when not given.
        var bins = Int((log2(Double(values.count))).rounded(.up)) + 1
        if let b = node["bins"] {
            let n = try compiler.number(b, "bins")
            guard n >= 1, n <= 1000, n == n.rounded() else { throw reader.error(b, "bins must be a whole number from 1 to 1000") }
            bins = Int(n)
        }
        var lo = values.min()!, hi = values.max()!
        if let r = node["range"] {
            guard let l = r.list, l.count == 2 else { throw reader.error(r, "range must be [low, high]") }
            lo = try compiler.number(l[0], "range"); hi = try compiler.number(l[1], "range")
        }
        if hi <= lo { hi = lo + 1 }
        var counts = Array(repeating: 0.0, count: bins)
        for v in values where v >= lo && v <= hi { counts[min(Int((v - lo) / (hi - lo) * Double(bins)), bins - 1)] += 1 }
        let color = s.color ?? .series(seriesIndex)
        seriesIndex += 1
        let width = (hi - lo) / Double(bins)
        for (i, c) in counts.enumerated() where c > 0 {
            let x0 = lo + Double(i) * width
            marks.append(.shape(Shape(.rectangle(from: Point(x0, 0), to: Point(x0 + width, c)),
                                      fill: color.opacity(s.alpha ?? 0.75), stroke: .background, strokeWidth: 0.5,
                                      label: i == counts.firstIndex(where: { $0 > 0 }) ? s.name : nil)))
        }
    }

    /// `text` given: the text already written (a repeated annotation's passes joined, JoinedAnnotation.swift).
    mutating func addAnnotation(_ node: YAMLNode, _ s: Style, scope: Scope, text given: String? = nil) throws {
        guard let atNode = node["at"], let l = atNode.list, l.count == 2 else { throw reader.error(node, "annotate needs at: [x, y]") }
        guard let textNode = node["text"] else { throw reader.error(node, "annotate needs text:") }
        let at = Point(try compiler.number(l[0], "at", locals: scope), try compiler.number(l[1], "at", locals: scope))
        var text = try given ?? compiler.text(textNode, "text", locals: scope)
        let arrow = try node["arrow"].map { try reader.bool($0, "arrow") } ?? false
        if let t = node["text_at"] {
            guard let tl = t.list, tl.count == 2 else { throw reader.error(t, "text_at must be [x, y]") }
            var p = Point(try compiler.number(tl[0], "text_at", locals: scope), try compiler.number(tl[1], "text_at", locals: scope))
            // `fit: true` breaks a long label and keeps it inside the panel (LabelFit.swift).
            if try node["fit"].map({ try compiler.flag($0, "fit", locals: scope) }) == true { (text, p) = fitted(text, textAt: p) }
            // `also: [[x, y], …]`: more points the one label's leaders reach.
            var also: [Point] = []
            if let alsoNode = node["also"] {
                guard let items = alsoNode.list else { throw reader.error(alsoNode, "also must be a list of [x, y] points") }
                for item in items {
                    guard let xy = item.list, xy.count == 2 else { throw reader.error(item, "also must be a list of [x, y] points") }
                    also.append(Point(try compiler.number(xy[0], "also", locals: scope), try compiler.number(xy[1], "also", locals: scope)))
                }
            }
            marks.append(.annotation(Annotation(text, point: at, textAt: p, color: s.color, alsoPoints: also)))
        } else if arrow {
            pendingArrows.append((text, at, node, s.color))
        } else {
            marks.append(.text(try textLabel(node, text: text, at: at, color: s.color)))
        }
    }

    /// Arrows without `text_at` put their text up and toward the middle of the data, by a fixed
    /// fraction (15 % of x, 18 % of y) of the drawn extent, so the leader line has room.
    mutating func finishAnnotations() throws {
        guard !pendingArrows.isEmpty else { return }
        var xs: [Double] = [], ys: [Double] = []
        for m in marks {
            switch m {
            case .line(let l): xs += l.x.filter(\.isFinite); ys += l.y.filter(\.isFinite)
            case .area(let a): xs += a.x; ys += a.upper.filter(\.isFinite)
            case .scatter(let s): xs += s.points.map(\.x); ys += s.points.map(\.y)
            default: break
            }
        }
        for a in pendingArrows { xs.append(a.at.x); ys.append(a.at.y) }
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        for a in pendingArrows {
            let dx = (x1 - x0) * 0.15 * (a.at.x > 0.5 * (x0 + x1) ? -1 : 1)
            let dy = (y1 - y0) * 0.18 * (a.at.y > 0.5 * (y0 + y1) ? -1 : 1)
            marks.append(.annotation(Annotation(a.text, point: a.at, textAt: Point(a.at.x + dx, a.at.y + dy), color: a.color)))
        }
    }

    /// A sweep of a grid mark: `{var: x, from: 0, to: 1, samples: 121, spacing: linear|log}`.
    func gridSweep(_ n: YAMLNode, samples defaultSamples: Double) throws -> (String, Double, Double, Int, Bool) {
        try reader.allow(n, ["var", "from", "to", "samples", "spacing"], what: "sweep")
        guard let v = n["var"]?.string, let f = n["from"], let t = n["to"] else { throw reader.error(n, "a sweep is {var: x, from: 0, to: 1}") }
        let a = try compiler.number(f, "from"), b = try compiler.number(t, "to")
        guard a < b else { throw reader.error(n, "a sweep needs from < to") }
        let samples = try n["samples"].map { try compiler.number($0, "samples") } ?? defaultSamples
        guard samples >= 2, samples <= 1000, samples == samples.rounded() else { throw reader.error(n["samples"] ?? n, "samples must be a whole number from 2 to 1000") }
        let log = try n["spacing"].map { try reader.choice($0, "spacing", ["linear", "log"]) == "log" } ?? false
        if log && a <= 0 { throw reader.error(n, "spacing: log needs from > 0") }
        return (v, a, b, Int(samples), log)
    }

    /// `venn`: the information diagram of `table:` (an expression giving rows of probabilities).
    mutating func addVenn(_ node: YAMLNode, scope: Scope) throws {
        guard let tableNode = node["table"] else { throw reader.error(node, "venn needs table: (the joint distribution p(x, y) as rows)") }
        let what = tableNode.string.map { "table '\($0)'" } ?? "table"
        guard case .array(let rows) = try compiler.value(tableNode, locals: scope), !rows.isEmpty else {
            throw reader.error(tableNode, "\(what) must be a list of rows of probabilities")
        }
        let table = try rows.map { try numbers($0, tableNode, "each row of the \(what)") }
        guard table.count <= VennDiagram.maximumSide, table.allSatisfy({ $0.count <= VennDiagram.maximumSide }) else {
            throw reader.error(tableNode, "\(what): at most \(VennDiagram.maximumSide)×\(VennDiagram.maximumSide) entries")
        }
        let q: VennDiagram.Quantities
        do { q = try VennDiagram.Quantities(table) } catch {
            // The numerics name their argument `pxy`; the spec's name for it is the table's text.
            var message = withoutRequestHints("\(error)")
            if message.hasPrefix("pxy: ") { message.removeFirst(5) }
            throw reader.error(tableNode, "\(what): \(message)")
        }
        let proportional = try node["proportional"].map { try compiler.flag($0, "proportional", locals: scope) } ?? false
        let xName = try node["x_name"].map { try compiler.text($0, "x_name", locals: scope) } ?? "X"
        let yName = try node["y_name"].map { try compiler.text($0, "y_name", locals: scope) } ?? "Y"
        let venn = VennDiagram(table: table, q: q, proportional: proportional, xName: xName, yName: yName)
        let drawn = venn.draw(lineStyles: compiler.theme.lineStyleCycle, size: compiler.size)
        marks += drawn.marks
        diagram = (drawn.x, drawn.y)
        descriptions.append(venn.description)
    }

    /// `surface`: z over two sweeps as a shaded 3-D mesh (`azimuth`, `elevation` in degrees).
    mutating func addSurface(_ node: YAMLNode, _ s: Style, scope: Scope) throws {
        guard let xs = node["x"], let ys = node["y"], xs.entries != nil, ys.entries != nil, let zNode = node["z"], let text = zNode.string else {
            throw reader.error(node, "surface needs x: and y: sweeps {var, from, to} and z: an expression in both")
        }
        // 40 cells a side: smooth at every size preset, and 1,600 polygons keep the SVG small.
        let (xv, x0, x1, nx, xLog) = try gridSweep(xs, samples: 41), (yv, y0, y1, ny, yLog) = try gridSweep(ys, samples: 41)
        func axis(_ a: Double, _ b: Double, _ n: Int, _ log: Bool) -> [Double] {
            (0..<n).map { i in
                let t = Double(i) / Double(n - 1)
                return log ? Foundation.exp(Foundation.log(a) + t * (Foundation.log(b) - Foundation.log(a))) : a + (b - a) * t
            }
        }
        let e = try compiler.expression(text, at: zNode)
        try e.check(in: scope, extra: [xv, yv])
        let z = e.function(of: xv, yv, in: scope)
        let gx = axis(x0, x1, nx, xLog), gy = axis(y0, y1, ny, yLog)
        let grid = try Grid2D(xs: gx, ys: gy, values: gy.flatMap { y in gx.map { x in z(x, y) } })
        guard let finite = grid.finiteRange else {
            throw e.failure(in: scope.binding(xv, .number(x0)).binding(yv, .number(y0))) ?? reader.error(zNode, "'\(text)' is undefined everywhere")
        }
        var range = finite
        if let r = node["range"] {
            guard let l = r.list, l.count == 2 else { throw reader.error(r, "range must be [low, high]") }
            let lo = try compiler.number(l[0], "range"), hi = try compiler.number(l[1], "range")
            guard lo < hi else { throw reader.error(r, "range needs low < high") }
            range = lo...hi
        }
        if range.lowerBound == range.upperBound { range = (range.lowerBound - 0.5)...(range.upperBound + 0.5) }
        func degrees(_ key: String, _ fallback: Double, _ allowed: ClosedRange<Double>) throws -> Double {
            guard let n = node[key] else { return fallback }
            let d = try compiler.number(n, key)
            guard allowed.contains(d) else { throw reader.error(n, "\(key) must be from \(formatNumber(allowed.lowerBound)) to \(formatNumber(allowed.upperBound)) degrees, got \(formatNumber(d))") }
            return d
        }
        // Elevation 5° to 85°: flatter hides the surface behind its front edge, steeper its relief.
        let azimuth = try degrees("azimuth", -130, -360...360), elevation = try degrees("elevation", 28, 5...85)
        let map = try node["colormap"].map { ColorMap(rawValue: try reader.choice($0, "colormap", ColorMap.allCases.map(\.rawValue)))! }
            ?? compiler.theme.colormap
        let view = SurfaceView(grid: grid, zRange: range, colorMap: map, camera: .init(azimuth: azimuth, elevation: elevation),
                               labels: (xAxis.label ?? xv, yAxis.label ?? yv, s.name ?? "z"))
        let room = compiler.panelRoom
        let drawn = view.draw(panel: (room.width, room.height), fontSize: room.fontSize)
        marks += drawn.marks
        diagram = (drawn.x, drawn.y)
        surface = (view, z)
    }

    mutating func addGrid(_ kind: String, _ node: YAMLNode, _ s: Style, scope: Scope) throws {
        guard let zNode = node["z"] else { throw reader.error(node, "\(kind) needs z: (an expression over two sweeps, or a table of rows)") }
        let grid: Grid2D
        var labels: (x: [String]?, y: [String]?) = (nil, nil)
        if let xs = node["x"], let ys = node["y"], xs.entries != nil, ys.entries != nil {
            let (xv, x0, x1, nx, xLog) = try gridSweep(xs, samples: 121), (yv, y0, y1, ny, yLog) = try gridSweep(ys, samples: 121)
            if xLog || yLog { throw reader.error(xLog ? xs : ys, "spacing: log is for surface meshes; a \(kind) samples evenly") }
            guard let text = zNode.string else { throw reader.error(zNode, "z must be an expression in \(xv) and \(yv)") }
            let e = try compiler.expression(text, at: zNode)
            try e.check(in: scope, extra: [xv, yv])
            let key = GridMemo.key(e.compiled.expr, text: text, x: (xv, x0, x1, nx), y: (yv, y0, y1, ny), scope: scope)
            grid = try GridMemo.shared.grid(key) { try Grid2D(x: x0...x1, y: y0...y1, nx: nx, ny: ny, e.function(of: xv, yv, in: scope)) }
            if grid.finiteRange == nil {
                throw e.failure(in: scope.binding(xv, .number(x0)).binding(yv, .number(y0))) ?? reader.error(zNode, "'\(text)' is undefined everywhere")
            }
        } else {
            let v = try compiler.value(zNode, locals: scope)
            guard case .array(let rows) = v, !rows.isEmpty else { throw reader.error(zNode, "z must be a table: a list of rows of numbers") }
            let table = try rows.map { try numbers($0, zNode, "each row of z") }
            let nc = table[0].count
            guard table.allSatisfy({ $0.count == nc }) else { throw reader.error(zNode, "every row of z must have \(nc) values") }
            guard nc >= 2, table.count >= 2 else { throw reader.error(zNode, "a table heatmap needs at least 2 rows and 2 columns") }
            func categories(_ n: YAMLNode?, count: Int, axis: String) throws -> [String]? {
                guard let n else { return nil }
                guard case .array(let items) = try compiler.value(n, locals: scope), items.count == count else {
                    throw reader.error(n, "\(axis) must list \(count) labels, one per \(axis == "x" ? "column" : "row")")
                }
                return items.map { if case .string(let t) = $0 { t } else if case .number(let x) = $0 { formatNumber(x) } else { $0.serialized } }
            }
            labels = (try categories(node["x"], count: nc, axis: "x"), try categories(node["y"], count: table.count, axis: "y"))
            // Row 0 is drawn at the top, as a table reads.
            let nr = table.count
            grid = try Grid2D(xs: (0..<nc).map(Double.init), ys: (0..<nr).map(Double.init),
                              values: (0..<nr).flatMap { j in table[nr - 1 - j] })
            let xt = TickSpec.labeled((0..<nc).map { (Double($0), labels.x?[$0] ?? "\($0 + 1)") })
            let yt = TickSpec.labeled((0..<nr).map { (Double(nr - 1 - $0), labels.y?[$0] ?? "\($0 + 1)") })
            categoryTicks = (xt, yt)
        }
        if kind == "heatmap" {
            let mapName = try node["colormap"].map { try reader.choice($0, "colormap", ColorMap.allCases.map(\.rawValue)) } ?? compiler.theme.colormap.rawValue
            var range: ClosedRange<Double>?
            if let r = node["range"] {
                guard let l = r.list, l.count == 2 else { throw reader.error(r, "range must be [low, high]") }
                let lo = try compiler.number(l[0], "range"), hi = try compiler.number(l[1], "range")
                guard lo < hi else { throw reader.error(r, "range needs low < high") }
                range = lo...hi
            }
            let map = ColorMap(rawValue: mapName)!
            marks.append(.heatmap(Heatmap(grid, colorMap: map, range: range)))
            hasHeatmap = true
            colorbarLabel = s.name
            if let c = node["contours"], c.string != "none" {
                let levels: Contour.Levels = c.string == "auto" ? .count(8) : .values(try compiler.numbers(c, "contours"))
                marks.append(.contour(Contour(grid, levels: levels)))
            }
            if try node["values"].map({ try reader.bool($0, "values") }) == true {
                let digits = try node["digits"].map { try compiler.number($0, "digits") } ?? 2
                let lo = range?.lowerBound ?? grid.finiteRange?.lowerBound ?? 0, hi = range?.upperBound ?? grid.finiteRange?.upperBound ?? 1
                for j in grid.ys.indices { for i in grid.xs.indices {
                    let z = grid.value(i, j)
                    guard z.isFinite else { continue }
                    let cell = map.color(at: hi > lo ? (z - lo) / (hi - lo) : 0.5)
                    // Text in the contrasting ink (WCAG luminance midpoint) so it reads on every cell.
                    let ink: Paint = .role(cell.luminance > 0.4 ? .darkInk : .lightInk)
                    marks.append(.text(TextLabel(fixedDecimal(z, decimals: Int(digits)), at: Point(grid.xs[i], grid.ys[j]), color: ink)))
                } }
            }
        } else {
            var levels: Contour.Levels = .count(8)
            if let l = node["levels"], l.string != "auto" {
                if let n = l.number { levels = .count(Int(n)) } else { levels = .values(try compiler.numbers(l, "levels")) }
            }
            let showLabels = try node["labels"].map { try reader.bool($0, "labels") } ?? true
            let coloring: Contour.Coloring = s.color.map { .fixed($0) } ?? .colorMap(.viridis)
            marks.append(.contour(Contour(grid, levels: levels, coloring: coloring, width: s.width, labels: showLabels)))
        }
    }
}
