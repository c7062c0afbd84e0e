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

/// Every label of the diagram reads at WCAG 2.x AA (4.5 : 1, SC 1.4.3) on what lies under it:
/// the circles' tints composited over the background, computed here independently.
@Suite struct EntropyVennContrastTests {
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    func luminance(_ c: Color) -> Double { 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue) }
    func ratio(_ a: Color, _ b: Color) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
    /// What 8-bit output stores.
    func quantized(_ c: Color) -> Color {
        Color(red: (c.red * 255).rounded() / 255, green: (c.green * 255).rounded() / 255, blue: (c.blue * 255).rounded() / 255)
    }

    @Test(arguments: ["light", "dark", "print"])
    func labelsMeetAA(_ themeName: String) throws {
        let theme: Theme = themeName == "light" ? .light : themeName == "dark" ? .dark : .print
        for proportional in [false, true] {
            let f = try Catalogue.figure(named: "entropy-venn", parameters: [("proportional", .bool(proportional))],
                                         context: FigureContext(theme: theme))
            // Roles as the exporter resolves them in this theme.
            let palette = Palette(theme: theme)
            let marks = f.panels[0].marks
            let circles = marks.compactMap { m -> (Point, Double, Color)? in
                if case .shape(let s) = m, case let .circle(c, r) = s.geometry, let fill = s.fill { return (c, r, palette.resolve(fill)) }
                return nil
            }
            #expect(circles.count == 2)
            var checked = 0
            for case .text(let t) in marks where t.coordinates == .data && !t.boxed {
                var backdrop = theme.background
                for (c, r, fill) in circles where hypot(t.at.x - c.x, t.at.y - c.y) < r {
                    backdrop = Color(red: fill.red * fill.alpha + backdrop.red * (1 - fill.alpha),
                                     green: fill.green * fill.alpha + backdrop.green * (1 - fill.alpha),
                                     blue: fill.blue * fill.alpha + backdrop.blue * (1 - fill.alpha))
                }
                let ink = quantized(palette.resolve(t.color ?? .foreground))
                #expect(ratio(ink, quantized(backdrop)) >= 4.5, "\(themeName): '\(t.text)' has \(ratio(ink, backdrop)):1")
                checked += 1
            }
            #expect(checked >= 7)
        }
    }
}
