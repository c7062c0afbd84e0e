import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FigureModel
import Frame
import MathTypesetting
@testable import CairoRender

/// Compares `text` with the golden file `Golden/name`; `UPDATE_GOLDEN=1 swift test` rewrites it.
private func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    if golden != text {
        let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("frame differs from Golden/\(name) at line \(first + 1):\n golden: \(first < a.count ? a[first] : "<end>")\n    now: \(first < b.count ? b[first] : "<end>")",
                     sourceLocation: sourceLocation)
    }
}

/// A small figure touching every frame item a figure makes: a clipped line, a rotated axis label,
/// math in the title, a legend.
private func smallFigure(theme: Theme = .light) -> Figure {
    let xs = (0...4).map { Double($0) / 4 }
    return Figure(title: "Small", description: "A line from 0 to 1.", size: .inches(3, 2), theme: theme,
                  panels: [Panel(title: "$H(p)$", x: Axis(label: "$p$"), y: Axis(label: "bits"),
                                 marks: [.line(Line(x: xs, y: xs.map { $0 * $0 }, label: "$p^2$"))])])
}

@Suite struct FrameGoldenTests {
    @Test func figureFrame() throws {
        try expectGolden(dumpFrame(try layoutFigureFrame(smallFigure())), "small-figure.txt")
    }

    @Test func formulaFrameDump() throws {
        let font = try MathFont.load()
        try expectGolden(dumpFrame(try formulaFrame("H(X) = -\\sum_x p(x)\\log_2 p(x)", display: true, font: font, size: 10)),
                         "formula.txt")
    }

    @Test func pointFormatterIsShortestAtAHundredth() {
        #expect(PointFormatter.string(0) == "0")
        #expect(PointFormatter.string(-0.001) == "0")
        #expect(PointFormatter.string(0.5) == ".5")
        #expect(PointFormatter.string(-0.05) == "-.05")
        #expect(PointFormatter.string(12.345) == "12.35" || PointFormatter.string(12.345) == "12.34")
        #expect(PointFormatter.string(100) == "100")
        #expect(PointFormatter.string(1.10) == "1.1")
        #expect(PointFormatter.string(-3.999) == "-4")
        #expect(PointFormatter.string(0.0048828125, scale: 10_000_000) == ".0048828")
        for v in stride(from: -50.0, through: 50, by: 0.37) {
            let back = Double(PointFormatter.string(v))!
            #expect(abs(back - v) <= 0.005 + 1e-12)
        }
    }
}

@Suite struct DirectSVGTests {
    func parse(_ data: Data) throws -> XMLElement {
        try #require(try XMLDocument(data: data, options: []).rootElement())
    }

    func all(_ e: XMLElement) -> [XMLElement] {
        [e] + (e.children ?? []).compactMap { $0 as? XMLElement }.flatMap(all)
    }

    func attr(_ e: XMLElement, _ name: String) -> String? {
        (e.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    func demoSVGs() throws -> [(String, Data)] {
        try FigureDemos.all(theme: .light).map { ($0.0, try renderFigure($0.1, format: .svg)) }
    }

    @Test func everyGlyphOutlineOnceAndNoDanglingIds() throws {
        for (name, data) in try demoSVGs() {
            let root = try parse(data)
            let elements = all(root)
            let defs = elements.filter { $0.name == "path" && attr($0, "id") != nil }.compactMap { attr($0, "d") }
            #expect(Set(defs).count == defs.count, "\(name): a glyph outline is stored twice")
            let ids = Set(elements.compactMap { attr($0, "id") })
            for e in elements {
                if let h = attr(e, "href"), h.hasPrefix("#") { #expect(ids.contains(String(h.dropFirst())), "\(name): \(h)") }
                if let c = attr(e, "clip-path") {
                    #expect(ids.contains(String(c.dropFirst(5).dropLast())), "\(name): \(c)")
                }
            }
            let labelled = try #require(attr(root, "aria-labelledby")).split(separator: " ").map(String.init)
            #expect(labelled.count == 2 && labelled.allSatisfy(ids.contains))
            #expect(!String(decoding: data, as: UTF8.self).contains("\u{1}"))
        }
    }

    /// All demo figures inlined in one HTML body: no id defined twice, every reference resolves.
    @Test func inliningManyLeavesNoDuplicateId() throws {
        let svgs = try demoSVGs().map(\.1)
        var seen = Set<String>()
        var refs: [String] = []
        for data in svgs {
            let elements = all(try parse(data))
            for e in elements {
                if let i = attr(e, "id") { #expect(seen.insert(i).inserted, "duplicate id \(i)") }
                if let h = attr(e, "href"), h.hasPrefix("#") { refs.append(String(h.dropFirst())) }
            }
        }
        #expect(refs.allSatisfy(seen.contains))
    }

    @Test func byteIdenticalRunToRunAndWhicheverIsDrawnFirst() throws {
        let a = try renderFigure(FigureDemos.venn(), format: .svg)
        _ = try renderFigure(try FigureDemos.entropy(), format: .svg)
        _ = try renderFigure(FigureDemos.bars(), format: .svg)
        let b = try renderFigure(FigureDemos.venn(), format: .svg)
        #expect(a == b)
    }

    @Test func rendersInRsvg() throws {
        for (name, data) in try demoSVGs() {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-frame-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let svg = dir.appendingPathComponent("\(name).svg"), png = dir.appendingPathComponent("\(name).png")
            try data.write(to: svg)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
            p.arguments = [svg.path, "-o", png.path]
            p.standardError = FileHandle.nullDevice
            try p.run(); p.waitUntilExit()
            #expect(p.terminationStatus == 0, "rsvg-convert failed on \(name)")
            let bytes = try Data(contentsOf: png)
            #expect(bytes.count > 1000 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    /// The labels are glyphs from the label font, and their source text travels with them.
    @Test func labelsAreShapedGlyphRunsWithSourceText() throws {
        let frame = try layoutFigureFrame(smallFigure())
        var runs: [GlyphRun] = []
        func walk(_ items: [FrameItem]) {
            for i in items {
                if case .glyphs(let g) = i { runs.append(g) }
                if case .group(let g) = i { walk(g.items) }
            }
        }
        walk(frame.items)
        #expect(runs.contains { $0.text == "bits" && $0.font.fileName.hasPrefix("DejaVuSerif") && $0.glyphs.count == 4 })
        #expect(runs.contains { $0.text == "H(p)" && $0.font.fileName.contains("Math") })
    }

    /// Two glyphs drawn alike (here one font file reached by two paths, as a hyphen and U+2010 or a
    /// parenthesis and its size variant are within one font) keep one outline: a figure's or page's
    /// SVG stores each outline once, and so does a web page's shared glyph table (the later name a
    /// `<use>` of the first, so drawings keep their ids).
    @Test func anOutlineIsStoredOnceWhicheverGlyphDrawsIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-outline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
        let alias = dir.appendingPathComponent("Alias.ttf").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: original)
        let a = FontRef(path: original), b = FontRef(path: alias)
        let glyph = try #require(GlyphOutlines.shared.nominalGlyph(a, "H"))
        func run(_ f: FontRef, _ x: Double) -> FrameItem {
            .glyphs(GlyphRun(font: f, size: 10, fill: .role(.foreground), origin: ScenePoint(x, 20),
                             glyphs: [PlacedGlyph(id: glyph, x: 0, y: 0)], text: "H"))
        }
        let frame = Frame(width: 60, height: 30, items: [run(a, 5), run(b, 30)])
        let svg = String(decoding: try renderFrame(frame, format: .svg), as: UTF8.self)
        #expect(svg.components(separatedBy: "<path id=").count - 1 == 1, "\(svg)")
        #expect(svg.components(separatedBy: "<use href=").count - 1 == 2)

        let shared = SharedGlyphs()
        let names = [shared.id(a, glyph), shared.id(b, glyph)].compactMap { $0 }
        #expect(names.count == 2 && names[0] != names[1])
        let defs = shared.defsSVG()
        #expect(defs.components(separatedBy: "<path id=").count - 1 == 1, "\(defs)")
        for n in names { #expect(defs.contains("id=\"\(n)\"")) }
        #expect(defs.contains("<use id=\""))
    }
}

@Suite struct AutoThemeSVGTests {
    /// One frame, both themes: the auto SVG defines every custom property it uses, once for light
    /// and once in the dark media block, with the themes' own colours, and draws the figure once
    /// (as many paths, glyph placements and images as the light SVG).
    @Test func everyDemoFigureIsOneDrawingWithADarkBlock() throws {
        for (name, figure) in try FigureDemos.all(theme: .light) {
            let data = try renderAutoSVG(figure)
            _ = try XMLDocument(data: data, options: [])
            let s = String(decoding: data, as: UTF8.self)
            let lightSVG = String(decoding: try renderFigure(figure, format: .svg), as: UTF8.self)
            for element in ["<path", "<use", "<g"] {
                #expect(s.components(separatedBy: element).count == lightSVG.components(separatedBy: element).count,
                        "\(name): \(element) count differs from the light SVG")
            }
            let blocks = try #require(s.range(of: "<style>")).upperBound
            let styleEnd = try #require(s.range(of: "</style>")).lowerBound
            let css = String(s[blocks..<styleEnd])
            let parts = css.components(separatedBy: "@media (prefers-color-scheme:dark)")
            #expect(parts.count == 2, "\(name)")
            let used = Set(s.matches(of: /var\((--[a-z0-9-]+)\)/).map { String($0.1) })
            #expect(!used.isEmpty, "\(name)")
            for v in used {
                #expect(parts[0].contains("\(v):") && parts[1].contains("\(v):"), "\(name): \(v) undefined")
            }
            if used.contains("--fg") { #expect(parts[1].contains("--fg:#e8e8e8"), "\(name)") }
            // Scoped by the root's class (pages that inline SVGs may rename ids, never classes).
            let root = try #require(try XMLDocument(data: data, options: []).rootElement())
            let cls = try #require((root.attributes ?? []).first { $0.name == "class" }?.stringValue)
            #expect(parts[0].hasPrefix(".\(cls){") && parts[1].hasPrefix("{.\(cls){"), "\(name)")
        }
    }

    /// The frame a figure lays out to does not depend on the theme's colours: the light and the dark
    /// figure give the same frame, and drawing that one frame in the dark palette gives exactly the
    /// dark theme's files (SVG, PDF and PNG bytes).
    @Test func oneFrameDrawsEitherTheme() throws {
        let light = try FigureDemos.all(theme: .light), dark = try FigureDemos.all(theme: .dark)
        for ((name, l), (_, d)) in zip(light, dark) {
            let frame = try layoutFigureFrame(l)
            #expect(frame == (try layoutFigureFrame(d)), "\(name): the frame carries a theme colour")
            #expect(frameRoles(frame).contains(.foreground), "\(name)")
            for format in OutputFormat.allCases {
                #expect(try renderFrame(frame, format: format, palette: Palette(theme: .dark)) == (try renderFigure(d, format: format)),
                        "\(name) \(format)")
                #expect(try renderFrame(frame, format: format, palette: Palette(theme: .light)) == (try renderFigure(l, format: format)),
                        "\(name) \(format)")
            }
        }
    }

    /// A role with an opacity that changes between themes (the grid: 0.45 light, 0.35 dark) and the
    /// fill opacity (0.3 and 0.35) are custom properties of their own; a literal colour is not one.
    @Test func opacitiesFollowTheTheme() throws {
        let xs = [0.0, 0.5, 1]
        let figure = Figure(title: "t", description: "d", size: .inches(3, 2), panels: [Panel(marks: [
            .area(Area(x: xs, upper: [0.2, 0.8, 0.4])),
            .line(Line(x: xs, y: [1, 0, 1], color: .color(Color(hex: 0x123456)))),
        ])])
        let s = String(decoding: try renderAutoSVG(figure), as: UTF8.self)
        #expect(s.contains("stroke-opacity:calc(var(--gr-a)*1)") && s.contains("--gr-a:.45;") && s.contains("--gr-a:.35;"))
        #expect(s.contains("fill-opacity:var(--fo)") && s.contains("--fo:.3;") && s.contains("--fo:.35;"))
        #expect(s.contains("stroke=\"#123456\"") && !s.contains("stroke=\"#123456\" style"))
    }

    /// Heatmap cells without data show the ground: a raster per theme, the stylesheet showing one.
    @Test func missingCellsFollowTheBackground() throws {
        let grid = try Grid2D(x: 0...1, y: 0...1, nx: 3, ny: 3) { x, y in x + y > 1.5 ? .nan : x + y }
        let figure = Figure(title: "t", description: "d", size: .inches(3, 2), panels: [Panel(marks: [.heatmap(Heatmap(grid))], grid: false)])
        let s = String(decoding: try renderAutoSVG(figure), as: UTF8.self)
        #expect(s.components(separatedBy: "<image").count == 3)
        #expect(s.contains("-dk{display:none}") && s.contains("-lt{display:none}"))
        let frame = try layoutFigureFrame(figure)
        let light = try renderFrame(frame, format: .png, palette: Palette(theme: .light))
        let dark = try renderFrame(frame, format: .png, palette: Palette(theme: .dark))
        var darkFigure = figure
        darkFigure.theme = .dark
        #expect(dark == (try renderFigure(darkFigure, format: .png)) && light != dark)
    }
}

/// Every role a frame's paints name.
func frameRoles(_ frame: Frame) -> Set<ColorRole> {
    var out: Set<ColorRole> = []
    func add(_ p: Paint) { if let r = p.role { out.insert(r) } }
    func walk(_ items: [FrameItem]) {
        for item in items {
            switch item {
            case .path(let p): if let f = p.fill { add(f) }; if let s = p.stroke { add(s.paint) }
            case .glyphs(let g): add(g.fill)
            case .group(let g): walk(g.items)
            default: break
            }
        }
    }
    walk(frame.items)
    return out
}

@Suite struct PageFrameGoldenTests {
    @Test func pageFrame() throws {
        let font = try MathFont.load()
        let page = PageDrawing(width: 200, height: 100, items: [
            .text(PageTextRun("Entropy is", font: PageFont(family: "DejaVu Serif"), size: 10, x: 10, baseline: 20)),
            .math(try typeset("H(X)", font: font, size: 10), x: 62, baseline: 20, color: .black),
            .rect(PageRect(x: 10, y: 30, width: 50, height: 20), fill: PageColor(hex: 0xF4F4F4), stroke: .black, lineWidth: 0.5),
            .line(x0: 10, y0: 60, x1: 190, y1: 60, width: 0.4, color: PageColor(hex: 0x999999)),
            .link(PageRect(x: 10, y: 10, width: 40, height: 12), .destination("sec-1")),
            .destination("sec-1", x: 10, y: 10),
        ])
        let frame = try CairoRender.pageFrame(page, title: "p", text: PageTextEngine())
        try expectGolden(dumpFrame(frame), "page.txt")
    }
}
