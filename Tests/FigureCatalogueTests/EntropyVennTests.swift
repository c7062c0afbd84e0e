import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import FigureCatalogue

@Suite struct EntropyVennTests {
    // Hand-checkable: p(x) = (0.7, 0.3), p(y) = (0.6, 0.4).
    let table = [[0.56, 0.14], [0.04, 0.26]]
    func h(_ ps: [Double]) -> Double { -ps.filter { $0 > 0 }.map { $0 * log2($0) }.reduce(0, +) }

    @Test func labelsCarryTheComputedBits() throws {
        let hxy = h(table.flatMap { $0 }), hx = h([0.7, 0.3]), hy = h([0.6, 0.4])
        let mi = hx + hy - hxy
        #expect(abs(mi * log(2) - 0.2049) < 1e-4)   // 0.2049 nats = 0.2956 bits
        let f = try figure("entropy-venn")
        #expect(contains(f, "$H(X|Y)$\n\(printed(hxy - hy)) bits"))
        #expect(contains(f, "$I(X;Y)$\n0.296 bits"))
        #expect(contains(f, "$H(Y|X)$\n\(printed(hxy - hx)) bits"))
        #expect(contains(f, "$H(X)$ = \(printed(hx)) bits"))
        #expect(contains(f, "$H(Y)$ = \(printed(hy)) bits"))
        #expect(contains(f, "$H(X,Y)$ = \(printed(hxy)) bits"))
        #expect(f.description.contains("I(X;Y) = 0.296 bits"))
    }

    func circles(_ f: Figure) -> [(Point, Double)] {
        f.panels[0].marks.compactMap { if case .shape(let s) = $0, case let .circle(c, r) = s.geometry { (c, r) } else { nil } }
    }

    /// Lens area by counting cells of a fine grid (independent of the closed form the builder uses).
    func lensArea(_ a: (Point, Double), _ b: (Point, Double)) -> Double {
        let n = 1500
        let x0 = a.0.x - a.1, y0 = -a.1, side = 2 * a.1, cell = side / Double(n)
        var count = 0
        for i in 0..<n {
            for j in 0..<n {
                let x = x0 + (Double(i) + 0.5) * cell, y = y0 + (Double(j) + 0.5) * cell
                if hypot(x - a.0.x, y - a.0.y) <= a.1 && hypot(x - b.0.x, y - b.0.y) <= b.1 { count += 1 }
            }
        }
        return Double(count) * cell * cell
    }

    @Test func proportionalAreasFollowTheEntropies() throws {
        let f = try figure("entropy-venn", [("proportional", .bool(true))])
        let c = circles(f)
        #expect(c.count == 2)
        let hxy = h(table.flatMap { $0 }), hx = h([0.7, 0.3]), hy = h([0.6, 0.4]), mi = hx + hy - hxy
        let ax = Double.pi * c[0].1 * c[0].1, ay = Double.pi * c[1].1 * c[1].1
        #expect(abs(ax / ay - hx / hy) < 1e-9)
        #expect(abs(lensArea(c[0], c[1]) / ay - mi / hy) < 0.01)
        #expect(f.description.contains("proportional"))
    }

    @Test func independentVariablesGiveZeroOverlap() throws {
        let f = try figure("entropy-venn", [("pxy", .array([.array([.number(0.25), .number(0.25)]), .array([.number(0.25), .number(0.25)])])),
                                            ("proportional", .bool(true)), ("x_name", .string("Coin")), ("y_name", .string("Die"))])
        let c = circles(f)
        #expect(abs(hypot(c[1].0.x - c[0].0.x, c[1].0.y - c[0].0.y) - (c[0].1 + c[1].1)) < 1e-9)
        #expect(contains(f, "$I(X;Y)$ = 0 bits"))
        #expect(contains(f, "$X$: Coin") && contains(f, "$Y$: Die"))
        #expect(f.title.contains("Coin and Die"))
    }

    @Test func badTablesNameTheParameter() {
        let msg = errorMessage { try figure("entropy-venn", [("pxy", .array([.array([.number(0.5), .number(0.2)])]))]) }
        #expect(msg?.contains("'pxy'") == true)
        let ragged = errorMessage { try figure("entropy-venn", [("pxy", .array([.array([.number(0.5), .number(0.2)]), .array([.number(0.3)])]))]) }
        #expect(ragged?.contains("'pxy'") == true)
        let kind = errorMessage { try figure("entropy-venn", [("proportional", .string("maybe"))]) }
        #expect(kind?.contains("true or false") == true)
    }
}
