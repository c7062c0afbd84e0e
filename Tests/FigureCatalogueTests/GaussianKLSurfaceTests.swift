import Foundation
import Testing
import FigureModel
import CairoRender
import InfoRequests
@testable import FigureCatalogue

@Suite struct GaussianKLSurfaceTests {
    /// Closed form, written out independently: ln(s2/s1) + (s1² + (m1 − m2)²)/(2 s2²) − ½.
    func kl(_ m1: Double, _ s1: Double, _ m2: Double, _ s2: Double) -> Double {
        log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5
    }

    func heatmaps(_ f: Figure) -> [Heatmap] {
        f.panels.flatMap { $0.marks.compactMap { if case .heatmap(let h) = $0 { h } else { nil } } }
    }

    @Test func gridValuesAndMinimum() throws {
        let f = try figure("gaussian-kl-surface", [("mu0", .number(1)), ("sigma0", .number(2)), ("resolution", .number(101))])
        let hm = try #require(heatmaps(f).first)
        let g = hm.grid
        #expect(g.xs.count == 101 && g.ys.count == 101)
        #expect(abs(g.xs.first! - (-5)) < 1e-12 && abs(g.xs.last! - 7) < 1e-12)   // μ₀ ± 3σ₀
        for (i, j) in [(0, 0), (17, 60), (100, 100), (50, 33)] {
            #expect(abs(g.value(i, j) - kl(g.xs[i], g.ys[j], 1, 2)) < 1e-12 * max(1, g.value(i, j)))
        }
        // The smallest grid value sits next to (μ₀, σ₀) and is ≈ 0.
        var best = (Double.infinity, 0, 0)
        for j in g.ys.indices { for i in g.xs.indices where g.value(i, j) < best.0 { best = (g.value(i, j), i, j) } }
        #expect(abs(g.xs[best.1] - 1) <= 0.12 && abs(g.ys[best.2] - 2) <= 0.12 && best.0 < 0.01)
        let stars = f.panels[0].marks.compactMap { if case .scatter(let s) = $0 { s } else { nil } }
        #expect(stars.first?.points == [Point(1, 2)])
        #expect(contains(f, "KL = 0"))
        #expect(f.description.contains("The minimum, 0, is at μ = 1, σ = 2"))
    }

    @Test func reverseSharesTheColourScale() throws {
        let f = try figure("gaussian-kl-surface", [("reverse", .bool(true)), ("resolution", .number(60))])
        let hs = heatmaps(f)
        #expect(hs.count == 2 && f.panels.count == 2)
        #expect(hs[0].range == hs[1].range)
        let g = hs[1].grid
        #expect(abs(g.value(5, 7) - kl(0, 1, g.xs[5], g.ys[7])) < 1e-9 * max(1, g.value(5, 7)))
        #expect(f.panels[1].colorbar != nil && f.panels[0].colorbar == nil)
        // The reverse direction is far larger at small σ: that is the asymmetry on show.
        #expect(g.finiteRange!.upperBound > 10 * hs[0].range!.upperBound)
    }

    @Test func surfaceViewIsAPaintedMesh() throws {
        let f = try figure("gaussian-kl-surface", [("view", .string("surface")), ("reverse", .bool(true))])
        #expect(heatmaps(f).isEmpty && f.panels.count == 2)
        for p in f.panels {
            let polys = p.marks.filter { if case .shape(let s) = $0, case .polygon = s.geometry { true } else { false } }
            #expect(polys.count > 500 && polys.count <= 40 * 40)
            #expect(p.frame == .none)
        }
        #expect(contains(f, "KL [nats]") && contains(f, "$\\mu$") && contains(f, "$\\sigma$"))
    }

    @Test func fineGridStaysSmall() throws {
        let f = try figure("gaussian-kl-surface", [("resolution", .number(400)), ("reverse", .bool(true))])
        let out = try renderFigure(f, formats: [.svg, .pdf])
        #expect(try #require(out[.svg]).count < 1_000_000)
        #expect(try #require(out[.pdf]).count < 1_000_000)
        let s = try figure("gaussian-kl-surface", [("resolution", .number(400)), ("reverse", .bool(true)), ("view", .string("surface"))])
        let sv = try renderFigure(s, format: .svg)
        #expect(sv.count < 1_000_000)
    }

    @Test func badValuesNameTheParameter() {
        #expect(errorMessage { try figure("gaussian-kl-surface", [("sigma0", .number(-1))]) }?.contains("'sigma0'") == true)
        #expect(errorMessage { try figure("gaussian-kl-surface", [("resolution", .number(5))]) }?.contains("below the minimum 10") == true)
        #expect(errorMessage { try figure("gaussian-kl-surface", [("resolution", .number(2.5))]) }?.contains("an integer") == true)
        #expect(errorMessage { try figure("gaussian-kl-surface", [("view", .string("cube"))]) }?.contains("heatmap|surface") == true)
        #expect(errorMessage { try figure("gaussian-kl-surface", [("elevation", .number(90))]) }?.contains("'elevation'") == true)
    }
}
