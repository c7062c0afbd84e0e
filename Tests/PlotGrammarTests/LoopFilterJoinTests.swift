import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// `when:` in a `let:` loop (a filtered list), `separator:` on a repeated annotate (one box of
/// lines) and `sorted(list)`: what the entropy-curve spec needs.
@Suite struct LoopFilterJoinTests {
    @Test func aLetLoopWithWhenKeepsOnlyThePassesWhereItHolds() throws {
        let f = try compile("""
            params:
              marks: {type: numbers, default: [0.9, 0, 0.25], help: probabilities}
            let:
              coins: {each: {p: marks}, item: {p: p, s: "surprisal(p, unit='bits')"}}
              finite: {each: {c: coins}, when: "c.s < inf", item: c}
              shown: {each: {p: "sorted(finite.p)"}, item: "p"}
            title: "{{len(finite)}} of {{len(coins)}}: {{finite.p}}; sorted {{shown}}"
            layers: [{mark: scatter, x: finite.p, y: finite.s}]
            """)
        // −log₂ 0 is ∞: p = 0 is left out; −log₂ 0.25 = 2 exactly.
        #expect(f.title == "2 of 3: 0.9, 0.25; sorted 0.25, 0.9")
        guard case .scatter(let s) = f.panels[0].marks[0] else { Issue.record("no scatter"); return }
        #expect(s.points.count == 2 && abs(s.points[0].y + log2(0.9)) < 1e-14 && s.points[1].y == 2)
        // No pass kept: an empty list, not an error.
        let none = try compile("""
            let:
              kept: {each: {x: [1, 2]}, when: "x > 5", item: x}
            title: "{{len(kept)}} kept"
            layers: [{mark: rule, y: 0}]
            """)
        #expect(none.title == "0 kept")
        let e = specError("let: {k: {each: {x: [1]}, when: \"x + 1\", item: x}}\nlayers: [{mark: rule, y: 0}]")
        #expect(e?.message.contains("when must be true or false") == true, "\(String(describing: e))")
    }

    @Test func aRepeatedAnnotateWithASeparatorIsOneBoxOfLines() throws {
        let f = try compile("""
            params:
              ps: {type: numbers, default: [0.5, 0.1, 0.25], help: probabilities}
            layers:
              - {mark: rule, y: 0}
              - mark: annotate
                each: {p: "sorted(ps)", index: i}
                when: "p < 0.5"
                separator: "\\n"
                at: [0.96, 0.95]
                coordinates: axes
                align: right
                box: true
                text: "{{i + 1}}: $p$ = {{p}}"
            """)
        let labels = f.panels[0].marks.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(labels.count == 1)
        #expect(labels.first?.text == "1: $p$ = 0.1\n2: $p$ = 0.25")
        #expect(labels.first?.boxed == true && labels.first?.coordinates == .axesFraction && labels.first?.horizontal == .right)
        // Every pass dropped: no annotation at all.
        let empty = try compile("""
            layers:
              - {mark: rule, y: 0}
              - {mark: annotate, each: {p: [1, 2]}, when: "p > 3", separator: ", ", at: [0, 0], text: "{{p}}"}
            """)
        #expect(empty.panels[0].marks.count == 1)
    }

    @Test func sortedOrdersNumbersAndTexts() throws {
        let f = try compile("""
            title: "{{sorted([3, -1, 2.5])}} / {{sorted(['b', 'a', 'B'])}} / {{len(sorted([]))}}"
            layers: [{mark: rule, y: 0}]
            """)
        #expect(f.title == "\u{2212}1, 2.5, 3 / B, a, b / 0")
        let e = specError("title: \"{{sorted([1, 'a'])}}\"\nlayers: [{mark: rule, y: 0}]")
        #expect(e?.message.contains("sorted needs a list of defined numbers or of texts") == true, "\(String(describing: e))")
    }
}
