import Foundation
import Testing
@testable import FigureModel

@Suite struct LayoutTests {
    let measurer = FixedAdvanceMeasurer()

    func lineFigure(size: FigureSize, theme: Theme = .light) -> Figure {
        let xs = (0...200).map { Double($0) / 200 }
        let a = Panel(title: "Entropy $H(p)$", x: Axis(label: "probability $p$"), y: Axis(label: "$H(p)$ in bits"),
                      marks: [.line(Line(x: xs, y: xs.map { 4 * $0 * (1 - $0) }, label: "parabola")),
                              .line(Line(x: xs, y: xs.map { $0 * $0 }, label: "square"))])
        let b = Panel(title: "Log axis", x: Axis(label: "$n$", scale: .log), y: Axis(label: "error"),
                      marks: [.line(Line(x: xs.dropFirst().map { $0 * 1000 }, y: xs.dropFirst().map { -1000 * $0 }, label: "falling"))])
        return Figure(title: "Test", description: "Two panels.", size: size, theme: theme, heading: "Heading", panels: [a, b])
    }

    func texts(_ s: Scene) -> [(TextItem, Rect)] {
        s.items.compactMap { if case .text(let t) = $0 { return (t, textBounds(t, measurer: measurer)) } else { return nil } }
    }

    @Test(arguments: [FigureSize.slide, .halfSlide, .handout, .column, .inches(6.4, 4)])
    func textStaysOnCanvasAndApart(size: FigureSize) throws {
        let scene = try layoutFigure(lineFigure(size: size), measurer: measurer)
        let all = texts(scene)
        #expect(all.count > 15)
        for (t, r) in all {
            #expect(r.x >= 0 && r.y >= 0 && r.maxX <= scene.width && r.maxY <= scene.height, "'\(t.text)' leaves the canvas")
        }
        for i in all.indices {
            for j in all.indices where j > i {
                #expect(!all[i].1.intersects(all[j].1), "'\(all[i].0.text)' overlaps '\(all[j].0.text)'")
            }
        }
    }

    @Test func fontsScaleWithThePreset() throws {
        func tickSize(_ s: FigureSize) throws -> Double {
            let scene = try layoutFigure(lineFigure(size: s), measurer: measurer)
            return texts(scene).map(\.0.fontSize).min() ?? 0
        }
        #expect(try tickSize(.slide) > 1.8 * tickSize(.handout))
        #expect(try tickSize(.column) < tickSize(.handout))
    }

    @Test func logAxisHasDecadeLabels() throws {
        let scene = try layoutFigure(lineFigure(size: .handout), measurer: measurer)
        let labels = Set(texts(scene).map(\.0.text))
        #expect(labels.contains("10¹") && labels.contains("10²") && labels.contains("10³"))
        #expect(labels.contains("\u{2212}500") || labels.contains("\u{2212}400") || labels.contains("\u{2212}1000"))
    }

    func legendBox(_ scene: Scene, _ theme: Theme) -> Rect? {
        for item in scene.items {
            if case .path(let p) = item, p.fill == .role(.legendBackground) {
                var xs: [Double] = [], ys: [Double] = []
                for e in p.elements { if case .move(let q) = e { xs.append(q.x); ys.append(q.y) }; if case .line(let q) = e { xs.append(q.x); ys.append(q.y) } }
                if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                }
            }
        }
        return nil
    }

    func linePoints(_ scene: Scene) -> [ScenePoint] {
        scene.items.flatMap { item -> [ScenePoint] in
            guard case .path(let p) = item, p.clip != nil, p.stroke != nil else { return [] }
            return p.elements.compactMap {
                switch $0 {
                case .line(let q), .move(let q): return q
                default: return nil
                }
            }
        }
    }

    @Test(arguments: [true, false])
    func legendAvoidsTheData(rising: Bool) throws {
        // A diagonal leaves two empty corners; the legend must take one of them.
        let xs = (0...400).map { Double($0) / 400 }
        let panel = Panel(marks: [.line(Line(x: xs, y: xs.map { rising ? $0 : 1 - $0 }, label: "diagonal line"))])
        let fig = Figure(title: "t", description: "d", size: .handout, panels: [panel])
        let scene = try layoutFigure(fig, measurer: measurer)
        let box = try #require(legendBox(scene, .light))
        // Densify the drawn segments (simplification keeps only the endpoints of a straight line).
        let pts = linePoints(scene)
        var samples: [ScenePoint] = []
        for (a, b) in zip(pts, pts.dropFirst()) {
            for k in 0...50 { let t = Double(k) / 50; samples.append(ScenePoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))) }
        }
        #expect(!samples.isEmpty)
        #expect(samples.allSatisfy { !box.contains($0) })
    }

    @Test func explicitLegendPlacementIsHonoured() throws {
        let xs = (0...10).map(Double.init)
        let panel = Panel(marks: [.line(Line(x: xs, y: xs, label: "y = x"))], legend: .lowerRight)
        let scene = try layoutFigure(Figure(title: "t", description: "d", panels: [panel]), measurer: measurer)
        let box = try #require(legendBox(scene, .light))
        #expect(box.x > scene.width / 2 && box.y > scene.height / 2)
    }

    @Test func heatmapImageIsTopRowFirst() throws {
        let grid = try Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [0, 0, 0, 1, 1, 1])
        let panel = Panel(marks: [.heatmap(Heatmap(grid))], colorbar: Colorbar(label: "v"))
        let scene = try layoutFigure(Figure(title: "t", description: "d", panels: [panel]), measurer: measurer)
        let images = scene.items.compactMap { if case .image(let i) = $0 { return i } else { return nil } }
        #expect(images.count == 2)   // the heatmap and the colorbar
        let heat = images[0]
        #expect(heat.pixelWidth % 3 == 0 && heat.pixelHeight % 2 == 0)
        let top = heat.pixels[0], bottom = heat.pixels[heat.pixels.count - 1]
        let lut = ColorMap.viridis.table
        #expect(top == lut[255] && bottom == lut[0])
    }

    @Test func sharedXHidesInnerTickLabels() throws {
        let xs = (0...10).map(Double.init)
        let p1 = Panel(x: Axis(label: "top x"), marks: [.line(Line(x: xs, y: xs))])
        let p2 = Panel(x: Axis(label: "bottom x"), marks: [.line(Line(x: xs.map { $0 * 2 }, y: xs))])
        let fig = Figure(title: "t", description: "d", panels: [p1, p2], columns: 1, sharedX: true)
        let scene = try layoutFigure(fig, measurer: measurer)
        let labels = texts(scene).map(\.0.text)
        #expect(!labels.contains("top x") && labels.contains("bottom x"))
        #expect(labels.contains("20") || labels.contains("20.0"))
    }

    @Test func diagramPanelHasNoTicksAndEqualAspect() throws {
        let panel = Panel.diagram(marks: [.shape(Shape(.circle(center: Point(0, 0), radius: 1), fill: .color(.black)))])
        let scene = try layoutFigure(Figure(title: "t", description: "d", size: .handout, panels: [panel]), measurer: measurer)
        #expect(texts(scene).isEmpty)
        guard case .path(let p)? = scene.items.first(where: { if case .path = $0 { return true } else { return false } }) else {
            Issue.record("no path"); return
        }
        var xs: [Double] = [], ys: [Double] = []
        for e in p.elements {
            if case .move(let q) = e { xs.append(q.x); ys.append(q.y) }
            if case .curve(_, _, let q) = e { xs.append(q.x); ys.append(q.y) }
        }
        let w = (xs.max() ?? 0) - (xs.min() ?? 0), h = (ys.max() ?? 0) - (ys.min() ?? 0)
        #expect(abs(w - h) < 1e-6 && w > 100)
    }

    @Test func badInputThrowsWithAMessage() {
        let bad = Panel(marks: [.line(Line(x: [0, 1, 2], y: [0, 1]))])
        #expect(throws: FigureError.self) { try layoutFigure(Figure(title: "t", description: "d", panels: [bad]), measurer: measurer) }
        #expect(throws: FigureError.self) { try layoutFigure(Figure(title: "t", description: "d", panels: []), measurer: measurer) }
        let logBad = Panel(x: Axis(scale: .log, limits: .fixed(-1, 10)), marks: [])
        #expect(throws: FigureError.self) { try layoutFigure(Figure(title: "t", description: "d", panels: [logBad]), measurer: measurer) }
        #expect(throws: FigureError.self) { try Theme.named("neon") }
    }

    @Test func layoutIsDeterministic() throws {
        let a = try layoutFigure(lineFigure(size: .handout, theme: .print), measurer: measurer)
        let b = try layoutFigure(lineFigure(size: .handout, theme: .print), measurer: measurer)
        #expect(a == b)
    }
}

@Suite struct HostileInputTests {
    let measurer = FixedAdvanceMeasurer()

    @Test func nonFiniteDataIsSkippedNotTrapped() throws {
        let xs: [Double] = [0, 1, .nan, 3, 4, .infinity]
        let ys: [Double] = [1, .nan, 2, -.infinity, 5, 6]
        let grid = try Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [.nan, 1, .infinity, 0, -.infinity, 2])
        let panel = Panel(y: Axis(scale: .log), marks: [
            .line(Line(x: xs, y: ys, label: "gappy")),
            .scatter(Scatter(points: zip(xs, ys).map { Point($0, $1) } + [Point(1, -3), Point(2, 0)])),
            .heatmap(Heatmap(grid, range: -Double.infinity...Double.infinity)),
            .heatmap(Heatmap(grid)),
            .contour(Contour(grid, levels: .values([0.5, .nan]))),
            .bars(Bars(categories: ["a"], series: [.init(values: [.nan])], showValues: true)),
        ], colorbar: Colorbar())
        let scene = try layoutFigure(Figure(title: "t", description: "d", panels: [panel]), measurer: measurer)
        for item in scene.items {
            if case .text(let t) = item { #expect(t.position.x.isFinite && t.position.y.isFinite) }
        }
    }

    @Test func degenerateAndExtremeRanges() throws {
        for (lo, hi) in [(0.0, 0.0), (1e300, 1.0000001e300), (-1e-300, 1e-300), (5.0, 5.0)] {
            let t = ExtendedWilkinson.ticks(lo, hi, target: 5)
            #expect(t.values.allSatisfy { $0.isFinite })
            let panel = Panel(marks: [.line(Line(x: [lo, hi], y: [lo, hi]))])
            _ = try layoutFigure(Figure(title: "t", description: "d", panels: [panel]), measurer: measurer)
        }
        #expect(ExtendedWilkinson.ticks(-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude, target: 5).values.isEmpty)
        #expect(formatTick(1, step: 0) == "1")
    }
}
