import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import FigureCatalogue

@Suite struct EntropyCurveTests {
    // Independent references: h(p) = −p log p − (1−p) log(1−p) written out here.
    func h2(_ p: Double) -> Double { -(p * log2(p) + (1 - p) * log2(1 - p)) }

    @Test func defaultMarksShowComputedBits() throws {
        let f = try figure("entropy-curve")
        #expect(f.panels.count == 2)
        #expect(contains(f, "$H(0.5)$ = 1 bit"))
        #expect(printed(h2(0.9)) == "0.469")
        #expect(contains(f, "$H(0.9)$ = 0.469 bits"))
        #expect(contains(f, "0.152 bits"))   // −log₂ 0.9 = 0.15200…
        #expect(printed(-log2(0.9)) == "0.152")
        #expect(f.description.contains("H(0.9) = 0.469 bits") && f.description.contains("maximum of 1 bit"))
    }

    @Test func natsChangeEveryNumber() throws {
        let f = try figure("entropy-curve", [("unit", .string("nats")), ("marks", .array([.number(0.9)]))])
        let hn = -(0.9 * log(0.9) + 0.1 * log(0.1))
        #expect(contains(f, "$H(0.9)$ = \(printed(hn)) nats"))
        #expect(contains(f, "$-\\ln\\,0.9$ = \(printed(-log(0.9))) nats"))
        #expect(f.description.contains("maximum of \(printed(log(2))) nats"))
    }

    @Test func marksOutsideTheUnitIntervalAreRejected() {
        let msg = errorMessage { try figure("entropy-curve", [("marks", .array([.number(1.5)]))]) }
        #expect(msg?.contains("marks") == true && msg?.contains("[0, 1]") == true)
    }

    @Test func aCertainCoinHasNoSurprisalMarkButNoTrap() throws {
        let f = try figure("entropy-curve", [("marks", .array([.number(0), .number(1)]))])
        // The two certain coins are mirrors: one label names both.
        #expect(contains(f, "$H(0)=H(1)$\n0 bits"))
        #expect(contains(f, "$-\\log_2\\,1$ = 0 bits"))
        #expect(!visibleTexts(f).contains { $0.contains("∞") })
    }

    /// A coin and its mirror (0.3 and 0.7) have one entropy: one label names both, with a leader to
    /// each point, instead of two labels of the same value stacked with tangled leaders.
    @Test func mirroredCoinsShareOneLabel() throws {
        let f = try figure("entropy-curve", [("marks", .array([0.7, 0.3, 0.9].map(JSONValue.number)))])
        let notes = f.panels[0].marks.compactMap { if case .annotation(let a) = $0 { a } else { nil } }
        #expect(notes.count == 2)
        let pair = try #require(notes.first { !$0.alsoPoints.isEmpty })
        #expect(pair.text == "$H(0.3)=H(0.7)$\n\(printed(h2(0.3))) bits")
        #expect(pair.point.x == 0.3 && abs(pair.alsoPoints[0].x - 0.7) < 1e-12 && pair.alsoPoints[0].y == pair.point.y)
        #expect(notes.contains { $0.text == "$H(0.9)$ = \(printed(h2(0.9))) bits" && $0.alsoPoints.isEmpty })
        // The fair coin is its own mirror: a label of its own.
        let fair = try figure("entropy-curve", [("marks", .array([0.5].map(JSONValue.number)))])
        #expect(contains(fair, "$H(0.5)$ = 1 bit"))
    }

    /// The first surprisal label starts right of the curve at its height (its centre at least 0.3
    /// right of where −log p reaches that height): centred at 0.3 it ran across the steep rise.
    @Test func surprisalLabelsClearTheCurve() throws {
        for marks in [[0.3], [0.1, 0.9], [0.2, 0.8], [0.4, 0.6]] {
            let f = try figure("entropy-curve", [("marks", .array(marks.map(JSONValue.number)))])
            let first = try #require(f.panels[1].marks.compactMap { if case .annotation(let a) = $0 { a } else { nil } }.first)
            #expect(first.textAt.x >= pow(2, -first.textAt.y) + 0.3 - 1e-9, "\(marks): \(first.textAt)")
        }
        // The default marks keep their places (the fair coin's label at p = 0.5).
        let f = try figure("entropy-curve")
        let first = f.panels[1].marks.compactMap { if case .annotation(let a) = $0 { a } else { nil } }.first
        #expect(first?.textAt.x == 0.5)
    }

    @Test func manyMarksAreListedInOneBox() throws {
        let f = try figure("entropy-curve", [("marks", .array([0.1, 0.5, 0.75, 0.99].map(JSONValue.number)))])
        let boxes = f.panels[1].marks.compactMap { if case .text(let t) = $0, t.boxed { t.text } else { nil } }
        #expect(boxes.count == 1)
        let lines = boxes.first?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 4)
        #expect(lines.first == "$-\\log_2\\,0.1$ = \(printed(-log2(0.1))) bits")
        #expect(lines.last == "$-\\log_2\\,0.99$ = \(printed(-log2(0.99))) bits")
        // The entropy panel still annotates every mark.
        let notes = f.panels[0].marks.filter { if case .annotation = $0 { true } else { false } }
        #expect(notes.count == 4)
    }
}
