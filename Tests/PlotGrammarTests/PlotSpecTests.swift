import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

func compile(_ yaml: String, settings: [(String, String)] = [], base: String = "/tmp") throws -> Figure {
    let spec = try PlotSpec(yaml: yaml, file: "t.yaml", baseDirectory: base)
    return try spec.figure(settings: try spec.parseSettings(settings))
}

func specError(_ yaml: String, base: String = "/tmp") -> PlotSpecError? {
    do { _ = try compile(yaml, base: base); return nil } catch let e as PlotSpecError { return e } catch {
        Issue.record("not a spec error: \(error)"); return nil
    }
}

@Suite struct PlotMarkTests {
    @Test func lineOverASweepIsSampledAdaptivelyWithinBudget() throws {
        let f = try compile("""
            layers:
              - {mark: line, x: {var: p, from: 0.0001, to: 1}, y: "-log(p)", name: "$-\\\\log p$"}
            """)
        guard case .line(let l) = f.panels[0].marks[0] else { Issue.record("no line"); return }
        #expect(l.x.count <= 2001 && l.x.count > 65)
        #expect(l.label == "$-\\log p$")
        // Refined near the blow-up: more samples in the first 1 % of the range than in the last half.
        #expect(l.x.filter { $0 < 0.01 }.count > l.x.filter { $0 > 0.5 }.count)
        for (x, y) in zip(l.x, l.y) { #expect(abs(y + log(x)) < 1e-12) }
    }

    @Test func undefinedStretchesBecomeGaps() throws {
        let f = try compile("layers: [{mark: line, x: {var: t, from: -1, to: 1}, y: \"sqrt(t)\"}]")
        guard case .line(let l) = f.panels[0].marks[0] else { return }
        #expect(l.y.contains { $0.isNaN })
        #expect(l.y.contains { $0.isFinite })
    }

    @Test func undefinedEverywhereIsAnError() {
        let e = specError("layers: [{mark: line, x: {var: t, from: -2, to: -1}, y: \"log(t)\"}]")
        #expect(e?.message.contains("undefined") == true)
    }

    @Test func barsFromInlineTable() throws {
        let f = try compile("""
            data:
              probs: {label: [Dog, Cat, Fox], p: [0.5, 0.3, 0.2], q: [0.4, 0.4, 0.2]}
            layers:
              - {mark: bar, data: probs, x: label, y: [p, q], stack: true}
            """)
        guard case .bars(let b) = f.panels[0].marks[0] else { Issue.record("no bars"); return }
        #expect(b.categories == ["Dog", "Cat", "Fox"])
        #expect(b.series.map(\.values) == [[0.5, 0.3, 0.2], [0.4, 0.4, 0.2]])
        #expect(b.series.map(\.label) == ["p", "q"])
        #expect(b.mode == .stacked)
    }

    @Test func scatterStepAreaRuleAnnotate() throws {
        let f = try compile("""
            let: {k: 2}
            layers:
              - {mark: scatter, x: [1, 2, 3], y: "k * x", marker: square}
              - {mark: step, x: [0, 1, 2], y: [1, 3, 2]}
              - {mark: area, x: {var: t, from: 0, to: 1}, y: "t^2", y0: "t^3", alpha: 0.4}
              - {mark: rule, y: 0.5, name: half}
              - {mark: annotate, at: [1, 2], text: "peak", arrow: true}
            """)
        let m = f.panels[0].marks
        guard case .scatter(let s) = m[0], case .line(let st) = m[1], case .area(let a) = m[2],
              case .reference(let r) = m[3], case .annotation(let an) = m[4] else { Issue.record("marks \(m)"); return }
        #expect(s.points == [Point(1, 2), Point(2, 4), Point(3, 6)] && s.marker == .square)
        #expect(st.x == [0, 1, 1, 2, 2] && st.y == [1, 1, 3, 3, 2])
        #expect(zip(a.x, a.lower!).allSatisfy { abs($1 - pow($0, 3)) < 1e-12 } && a.opacity == 0.4)
        #expect(r.orientation == .horizontal && r.value == 0.5 && r.label == "half")
        #expect(an.point == Point(1, 2) && an.textAt != an.point)
    }

    @Test func histogramCountsEveryValue() throws {
        let f = try compile("layers: [{mark: hist, x: [1, 2, 2, 3, 3, 3, 4], bins: 3}]")
        let heights = f.panels[0].marks.compactMap { m -> Double? in
            if case .shape(let s) = m, case .rectangle(let a, let b) = s.geometry { return b.y - a.y }
            return nil
        }
        #expect(heights.reduce(0, +) == 7)
        #expect(heights.count == 3)
    }

    @Test func heatmapWithContoursAndTableHeatmapWithValues() throws {
        let f = try compile("""
            panels:
              - layers: [{mark: heatmap, x: {var: a, from: -1, to: 1, samples: 11}, y: {var: b, from: -1, to: 1, samples: 9},
                          z: "a^2 + b^2", contours: [0.5, 1], name: "$r^2$"}]
              - layers: [{mark: heatmap, z: [[0.9, 0.1], [0.2, 0.8]], x: [cat, dog], y: [cat, dog], values: true}]
            grid: [1, 2]
            """)
        #expect(f.columns == 2)
        guard case .heatmap(let h) = f.panels[0].marks[0], case .contour(let c) = f.panels[0].marks[1] else { return }
        #expect(h.grid.xs.count == 11 && h.grid.ys.count == 9 && c.levels == .values([0.5, 1]))
        #expect(f.panels[0].colorbar?.label == "$r^2$")
        let texts = f.panels[1].marks.compactMap { if case .text(let t) = $0 { t.text } else { nil } }
        #expect(Set(texts) == ["0.90", "0.10", "0.20", "0.80"])
        #expect(f.panels[1].x.ticks == .labeled([(0, "cat"), (1, "dog")]))
    }

    @Test func eachRepeatsALayerWithItsValueInTheName() throws {
        let f = try compile("""
            layers:
              - mark: line
                each: {alpha: [0.5, 2]}
                x: {var: t, from: 0.01, to: 0.99}
                y: "log2(t^alpha + (1-t)^alpha) / (1 - alpha)"
                name: "α = {alpha}"
            """)
        let names = f.panels[0].marks.compactMap { if case .line(let l) = $0 { l.label } else { nil } }
        #expect(names == ["α = 0.5", "α = 2"])
    }

    @Test func paramsDriveSetParsingAndDefaults() throws {
        let yaml = """
            params:
              n: {type: integer, default: 3, min: 1, max: 10, help: points}
            layers: [{mark: scatter, x: [1, 2, 3], y: "x * n"}]
            """
        let f = try compile(yaml, settings: [("n", "5")])
        guard case .scatter(let s) = f.panels[0].marks[0] else { return }
        #expect(s.points.map(\.y) == [5, 10, 15])
        #expect(throws: PlotParameterError.self) { try compile(yaml, settings: [("n", "11")]) }
        #expect(throws: PlotParameterError.self) { try compile(yaml, settings: [("m", "1")]) }
        #expect(throws: PlotParameterError.self) { try compile(yaml, settings: [("n", "1.5")]) }
    }

    @Test func axesLegendSizeAndPanels() throws {
        let f = try compile("""
            size: 16cmx9cm
            theme: dark
            share: x
            panels:
              - {title: A, x: {label: "$p$", scale: log, range: [0.01, 1], ticks: [0.01, 0.1, 1]}, legend: top-left,
                 layers: [{mark: line, x: [0.01, 1], y: [1, 2]}]}
              - {title: B, y: {grid: true}, layers: [{mark: line, x: [0.01, 1], y: [1, 2]}]}
            """)
        #expect(abs(f.size.widthInches - 16 / 2.54) < 1e-9)
        #expect(f.theme == .dark && f.sharedX && !f.sharedY)
        #expect(f.panels[0].x.scale == .log && f.panels[0].x.limits == .fixed(0.01, 1))
        #expect(f.panels[0].x.ticks == .values([0.01, 0.1, 1]) && f.panels[0].legend == .upperLeft)
        #expect(f.panels[1].grid == true)
        #expect(f.description.contains("A:"))
    }

    /// The generated alt text names a one-panel spec's title once (its panel carries the same title).
    @Test func generatedDescriptionNamesTheTitleOnce() throws {
        let f = try compile("""
            title: Loss
            x: {label: step}
            layers: [{mark: line, x: [1, 2], y: [3, 1], name: train}]
            """)
        #expect(f.description == "Loss. line train (step).", "\(f.description)")
    }

    @Test func computeOpsInsideLayers() throws {
        let f = try compile("layers: [{mark: line, x: {var: p, from: 0, to: 1}, y: \"binary_entropy(p, unit='bits')\"}]")
        guard case .line(let l) = f.panels[0].marks[0] else { return }
        let top = zip(l.x, l.y).min { abs($0.0 - 0.5) < abs($1.0 - 0.5) }!
        #expect(abs(top.1 - 1) < 1e-9 || abs(top.0 - 0.5) > 1e-3)
        #expect(l.y.allSatisfy { $0.isNaN || ($0 >= 0 && $0 <= 1) })
    }
}
