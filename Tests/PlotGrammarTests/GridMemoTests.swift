import Foundation
import Testing
import Expressions
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// A sampled grid is reused only where its values are the same: same expression, sweeps and
/// values of the names it reads; the size of the figure matters only if the expression reads it.
@Suite struct GridMemoTests {
    func key(_ text: String, _ scope: Scope, x: (String, Double, Double, Int) = ("a", -1, 1, 11)) throws -> String? {
        let e = try CompiledExpression(text).expr
        return GridMemo.key(e, text: text, x: x, y: ("b", 0, 2, 9), scope: scope)
    }

    @Test func keyHoldsWhatTheValuesDependOn() throws {
        let s = Scope(["c": .number(2), "figure_width": .number(6.4), "unit": .string("bits")])
        var wider = s; wider.base["figure_width"] = .number(3.2)
        #expect(try key("a * c + b", s) == key("a * c + b", wider))          // size not read: the same grid
        #expect(try key("a * figure_width + b", s) != key("a * figure_width + b", wider))
        var other = s; other.base["c"] = .number(2.000000000000001)
        #expect(try key("a * c + b", s) != key("a * c + b", other))
        var negativeZero = s; negativeZero.base["c"] = .number(-0.0)
        var zero = s; zero.base["c"] = .number(0)
        #expect(try key("1 / c + a + b", zero) != key("1 / c + a + b", negativeZero))   // 0 and −0 apart
        #expect(try key("a * c + b", s) != key("a * c + b", s, x: ("a", -1, 1, 12)))
        #expect(try key("a * c + b", s) != key("a * c + b", s, x: ("a", -1, 1.5, 11)))
        var hosted = s; hosted.functions = ["tick_step": HostFunction("tick_step(lo, hi, n)", arity: 3) { _ in .number(1) }]
        #expect(try key("tick_step(a, b, 3)", hosted) == nil)                 // a host function may read more
        #expect(try key("a + nowhere", s) == nil)                             // an unknown name: sampled (and reported) afresh
    }

    static let spec = """
        params:
          c: {type: number, default: 1}
        title: "width {{figure_width:1}}"
        panels:
          - layers:
              - {mark: heatmap, x: {var: a, from: -1, to: 1, samples: 31}, y: {var: b, from: 0, to: 2, samples: 21}, z: "a^2 + c * b"}
              - {mark: heatmap, x: {var: a, from: -1, to: 1, samples: 31}, y: {var: b, from: 0, to: 2, samples: 21}, z: "a * figure_width + b"}
        """

    func grids(size: FigureSize, c: String) throws -> [Grid2D] {
        let spec = try PlotSpec(yaml: Self.spec, file: "t.yaml", baseDirectory: "/tmp")
        let f = try spec.figure(settings: try spec.parseSettings([("c", c)]), size: size)
        return f.panels[0].marks.compactMap { if case .heatmap(let h) = $0 { h.grid } else { nil } }
    }

    @Test func aFigureAtAnotherSizeOrWithAnotherParameterHasItsOwnValues() throws {
        let handout = try grids(size: .handout, c: "1"), slide = try grids(size: .slide, c: "1"), other = try grids(size: .handout, c: "3")
        #expect(handout.count == 2)
        #expect(handout[0] == slide[0])
        #expect(handout[1] != slide[1])
        for (g, c, w) in [(handout, 1.0, FigureSize.handout.widthInches), (slide, 1, FigureSize.slide.widthInches), (other, 3, FigureSize.handout.widthInches)] {
            for j in g[0].ys.indices { for i in g[0].xs.indices {
                let a = g[0].xs[i], b = g[0].ys[j]
                #expect(g[0].value(i, j) == Foundation.pow(a, 2) + c * b)
                #expect(g[1].value(i, j) == a * w + b)
            } }
        }
    }
}
