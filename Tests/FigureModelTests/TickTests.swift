import Foundation
import Testing
@testable import FigureModel

@Suite struct TickTests {
    func labels(_ lo: Double, _ hi: Double, _ m: Int) -> [String] {
        let t = ExtendedWilkinson.ticks(lo, hi, target: m)
        return t.values.map { formatTick($0, step: t.step) }
    }

    @Test func unitInterval() {
        let t = ExtendedWilkinson.ticks(0, 1, target: 6)
        #expect(t.values.first == 0 && t.values.last == 1)
        #expect(labels(0, 1, 6) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func fewerTargetGivesCoarserTicks() {
        let l = labels(0, 1, 3)
        #expect(l == ["0.0", "0.5", "1.0"])
    }

    @Test func ragged() {
        // [0, 7.3]: integer-ish steps inside the range, first at 0, none beyond 7.3.
        let t = ExtendedWilkinson.ticks(0, 7.3, target: 5)
        #expect(t.values.first == 0)
        #expect((t.values.last ?? 99) <= 7.3)
        #expect([1.0, 2.0, 2.5].contains(t.step))
    }

    /// No step of 3 (or 6, 9, 0.03…): a binary entropy's axis [0, 1.12] got 0, 0.3, 0.6, 0.9 on a
    /// slide (no 1, the peak) and six decades of surprisal 0, 3, …, 18 bits.
    @Test func noStepOfThree() {
        for (lo, hi) in [(0.0, 1.12), (0.0, 19.93), (0.0, 0.0155), (0.0, 11.2), (-7.5, 10.6), (0.0, 3.13)] {
            for target in 2...8 {
                let t = ExtendedWilkinson.ticks(lo, hi, target: target)
                let mantissa = (t.step / pow(10, floor(log10(t.step))) * 1000).rounded()   // 3 → 3000, 2.5 → 2500
                #expect(mantissa.truncatingRemainder(dividingBy: 3000) != 0, "[\(lo), \(hi)] target \(target): step \(t.step)")
            }
        }
        #expect(labels(0, 1.12, 4) != ["0.0", "0.3", "0.6", "0.9"])
    }

    /// Labels off the step's grid get the decimals they need: 1.5, 2.5, 3.5 by 1 read "2, 2, 4" at
    /// the step's 0 decimals (the phone drawing of the ELBO figure's mean axis).
    @Test func labelsOffTheStepGridKeepTheirDecimals() {
        #expect(TickSet(values: [1.5, 2.5, 3.5], step: 1, nice: 5).labels == ["1.5", "2.5", "3.5"])
        #expect(TickSet(values: [0, 0.5, 1], step: 0.5, nice: 5).labels == ["0.0", "0.5", "1.0"])
        #expect(TickSet(values: [2, 4, 6], step: 2, nice: 2).labels == ["2", "4", "6"])
        for (lo, hi) in [(0.69, 3.51), (0.05, 0.98), (-7.3, 2.2), (12.5, 97.1)] {
            for target in 2...8 {
                let t = ExtendedWilkinson.ticks(lo, hi, target: target)
                #expect(Set(t.labels).count == t.values.count, "[\(lo), \(hi)] target \(target): \(t.values) → \(t.labels)")
            }
        }
    }

    @Test func symmetricAroundZeroUsesMinusSign() {
        let l = labels(-3, 3, 7)
        #expect(l == ["\u{2212}3", "\u{2212}2", "\u{2212}1", "0", "1", "2", "3"])
    }

    @Test func noFloatNoise() {
        // 0.1 steps accumulate 0.30000000000000004 when summed naively.
        let l = labels(0.1, 0.7, 7)
        #expect(l.contains("0.3"))
        #expect(l.allSatisfy { $0.count <= 4 })
        #expect(formatTick(0.1 + 0.2, step: 0.1) == "0.3")
        // Tick values themselves are the doubles nearest the decimal numbers.
        #expect(ExtendedWilkinson.ticks(0, 1, target: 8).values.contains(0.3))
        #expect(ExtendedWilkinson.ticks(0, 1, target: 6).values.contains(0.6))
        #expect(formatTick(-0.0, step: 0.5) == "0.0")
    }

    @Test func tinyAndHugeRanges() {
        let tiny = ExtendedWilkinson.ticks(1e-9, 5e-9, target: 5)
        #expect(tiny.values.count >= 3)
        #expect(tiny.values.allSatisfy { $0 >= 1e-9 - 1e-18 && $0 <= 5e-9 + 1e-18 })
        #expect(formatTick(2e-9, step: 1e-9) == "2×10⁻⁹")
        let huge = ExtendedWilkinson.ticks(0, 3e7, target: 5)
        #expect(huge.values.count >= 3)
        #expect(formatTick(2e7, step: 1e7) == "2×10⁷")
        #expect(formatTick(1e7, step: 1e7) == "10⁷")
    }

    @Test func offsetRange() {
        // A narrow range far from zero must not collapse to one tick.
        let t = ExtendedWilkinson.ticks(1000.2, 1000.8, target: 5)
        #expect(t.values.count >= 3)
        #expect(labels(1000.2, 1000.8, 5).allSatisfy { $0.hasPrefix("1000.") })
    }

    @Test func logDecades() {
        let t = ExtendedWilkinson.logTicks(1e-3, 1e2, target: 8)
        #expect(t.major == [1e-3, 1e-2, 1e-1, 1, 10, 100].map { $0 })
        #expect(t.minor.contains(2e-3) && t.minor.contains(90))
        let wide = ExtendedWilkinson.logTicks(1e-12, 1e12, target: 6)
        #expect(wide.major.count <= 7 && wide.major.count >= 3)
    }

    @Test func numberFormatting() {
        #expect(formatNumber(0.30000000000000004) == "0.3")
        #expect(formatNumber(-1.5) == "\u{2212}1.5")
        #expect(formatNumber(0.469, significant: 3) == "0.469")
        #expect(formatNumber(1234567) == "1.235×10⁶")
    }

    @Test func sizesParse() throws {
        #expect(try FigureSize.parse("slide") == .slide)
        #expect(try FigureSize.parse("6.4x4") == .inches(6.4, 4))
        #expect(try FigureSize.parse("6.4×4").widthPoints == 6.4 * 72)
        #expect(throws: FigureError.self) { try FigureSize.parse("big") }
        #expect(throws: FigureError.self) { try FigureSize.parse("0x4") }
        #expect(FigureSize.slide.baseFontSize > FigureSize.handout.baseFontSize)
    }

    @Test func colorMapsEnds() {
        let v0 = ColorMap.viridis.color(at: 0), v1 = ColorMap.viridis.color(at: 1)
        #expect(abs(v0.red - 0.267004) < 1e-6 && abs(v1.green - 0.906157) < 1e-3)
        #expect(abs(ColorMap.magma.color(at: 1).blue - 0.749504) < 1e-6)
        #expect(ColorMap.cividis.color(at: 0).luminance < ColorMap.cividis.color(at: 1).luminance)
        // Published midpoints (matplotlib's tables, entry 128): magma #b73779, cividis #7d7c78.
        let m = ColorMap.magma.color(at: 0.5), c = ColorMap.cividis.color(at: 0.5)
        #expect(abs(m.red * 255 - 0xb7) < 1 && abs(m.green * 255 - 0x37) < 1 && abs(m.blue * 255 - 0x79) < 1)
        #expect(abs(c.red * 255 - 0x7d) < 1 && abs(c.green * 255 - 0x7c) < 1 && abs(c.blue * 255 - 0x78) < 1)
        for cm in ColorMap.allCases {
            // Perceptually ordered: luminance increases along the map.
            let l = stride(from: 0.0, through: 1.0, by: 0.1).map { cm.color(at: $0).luminance }
            #expect(zip(l, l.dropFirst()).allSatisfy { $0 < $1 + 1e-3 }, "\(cm)")
        }
    }
}


/// The legibility term counts decimals: a step such as 0.0025 (mantissa 2.5) needs one more
/// decimal in every label than 0.002 or 0.005, so the choice avoids it where a whole mantissa
/// does nearly as well.
@Suite struct TickLegibilityTests {
    @Test func stepsWithHalfDigitsAreAvoided() {
        var halves: [String] = []
        for k in 1...200 {
            let hi = 0.004 + Double(k) * 0.0002
            for target in 4...8 {
                let t = ExtendedWilkinson.ticks(0, hi, target: target)
                if t.nice == 2.5 { halves.append("[0, \(hi)] target \(target): step \(t.step)") }
            }
        }
        #expect(halves.isEmpty, "\(halves.prefix(5))")
    }
}

/// Print-theme bars differ by hatching, not only by grey level; the legend shows the same.
@Suite struct PrintHatchingTests {
    @Test func barSeriesAreHatchedDifferently() throws {
        let bars = Bars(categories: ["a", "b"], series: [
            .init(label: "one", values: [1, 2], color: .color(Color(hex: 0x404040))),
            .init(label: "two", values: [2, 1], color: .color(Color(hex: 0x333333))),
            .init(label: "three", values: [1, 1], color: .color(Color(hex: 0x555555))),
        ])
        let fig = Figure(title: "t", description: "d", size: .handout, theme: .print,
                         panels: [Panel(title: "bars", marks: [.bars(bars)])])
        let scene = try layoutFigure(fig, measurer: FixedAdvanceMeasurer())
        // Hatch paths: stroked, unfilled, made only of move/line pairs.
        let hatches = scene.items.compactMap { item -> PathItem? in
            guard case .path(let p) = item, p.fill == nil, p.stroke != nil, p.elements.count >= 2,
                  p.elements.allSatisfy({ if case .curve = $0 { false } else if case .close = $0 { false } else { true } }),
                  p.elements.count % 2 == 0 else { return nil }
            return p
        }
        // Series two and three hatched in the plot and in the legend (series one is plain).
        #expect(hatches.count >= 4, "\(hatches.count) hatch paths")
        #expect(Theme.light.hatchCycle == nil && Theme.dark.hatchCycle == nil)
        // The patterns differ from series to series.
        let cycle = try #require(Theme.print.hatchCycle)
        #expect(Set(cycle.prefix(3)).count == 3)
    }

    @Test func hatchSegmentsStayInsideTheirRectangle() {
        let r = Rect(x: 10, y: 20, width: 30, height: 50)
        for h in Hatch.allCases {
            let els = h.segments(in: r, spacing: 4)
            #expect(h == .none ? els.isEmpty : !els.isEmpty)
            for e in els {
                if case .move(let p) = e { #expect(p.x >= r.x - 1e-9 && p.x <= r.maxX + 1e-9 && p.y >= r.y - 1e-9 && p.y <= r.maxY + 1e-9) }
                if case .line(let p) = e { #expect(p.x >= r.x - 1e-9 && p.x <= r.maxX + 1e-9 && p.y >= r.y - 1e-9 && p.y <= r.maxY + 1e-9) }
            }
        }
    }
}
