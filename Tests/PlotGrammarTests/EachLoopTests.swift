import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// `each:` over expressions (layers, let items, description parts, checks) and the text formats
/// per-item text uses.
@Suite struct EachLoopTests {
    @Test func aLayerRepeatsOverAParameterWithAnIndexForItsColour() throws {
        let f = try compile("""
            params:
              rates: {type: numbers, default: [0.5, 1, 2], help: decay rates}
            layers:
              - mark: line
                each: {r: rates, index: i}
                x: [0, 1, 2]
                y: "exp(-r * x)"
                name: "rate {{r}} (curve {{i + 1}})"
                color: "series{{i + 2}}"
            """, settings: [("rates", "1,3")])
        let lines = f.panels[0].marks.compactMap { if case .line(let l) = $0 { l } else { nil } }
        #expect(lines.map(\.label) == ["rate 1 (curve 1)", "rate 3 (curve 2)"])
        #expect(lines.map(\.color) == [.series(1), .series(2)])
        // exp(-3 · 2), computed here independently.
        #expect(lines[1].y == [1, exp(-3), exp(-6)])
    }

    @Test func namesWalkTheirListsTogether() throws {
        let f = try compile("""
            layers:
              - {mark: rule, each: {v: [1, 2], label: [low, high]}, x: v, name: "{{label}} at {{v}}"}
            """)
        let names = f.panels[0].marks.compactMap { if case .reference(let r) = $0 { r.label } else { nil } }
        #expect(names == ["low at 1", "high at 2"])
        let e = specError("layers: [{mark: rule, each: {v: [1, 2], w: [1]}, x: v}]")
        #expect(e?.message.contains("'w' has 1 items but 'v' has 2") == true)
        #expect(e?.position.column == 44)
    }

    @Test func repeatedBarsAreTheSeriesOfOneGroupedChart() throws {
        let f = try compile("""
            let:
              ps: [[0.5, 0.5], [0.9, 0.1]]
            layers:
              - {mark: bar, each: {p: ps, index: i}, x: [a, b], y: p, name: "model {{i}}", group_width: 0.6}
            """)
        guard f.panels[0].marks.count == 1, case .bars(let b) = f.panels[0].marks[0] else { Issue.record("not one bar mark"); return }
        #expect(b.categories == ["a", "b"] && b.series.map(\.values) == [[0.5, 0.5], [0.9, 0.1]])
        #expect(b.series.map(\.label) == ["model 0", "model 1"] && b.groupWidth == 0.6)
    }

    @Test func aLetLoopBuildsAListOfObjectsReadWithFieldAccess() throws {
        let f = try compile("""
            params:
              means: {type: numbers, default: [1, 2.5], help: target means}
            let:
              sols:
                each: {m: means}
                item: {mean: m, fit: "maxent(values=[0, 1, 2, 3, 4, 5], mean=m)"}
              top: "max(sols.fit.p)"
            title: "{{len(sols)}} fits, λ = {{sols.fit.lambda:.3}}, largest p {{top:4}}"
            layers: [{mark: scatter, x: means, y: sols.fit.lambda}]
            """)
        // Mean 2.5 is the values' average: λ = 0, p uniform (1/6). Mean 1: λ = −0.629571 (mpmath findroot).
        #expect(f.title.hasPrefix("2 fits, λ = \u{2212}0.630, 0.000, largest p 0.4781"))
        guard case .scatter(let s) = f.panels[0].marks[0] else { Issue.record("no scatter"); return }
        #expect(abs(s.points[0].y + 0.629571057) < 1e-6 && abs(s.points[1].y) < 1e-12)
    }

    @Test func descriptionPartsListEveryItem() throws {
        let f = try compile("""
            params:
              p: {type: numbers, default: [0.5, 0.25, 0.25], help: a distribution}
            let:
              d: 3
            description:
              - "Entropy {{entropy(p, unit='bits'):2 'bits'}} over {{len(p)}} outcomes: "
              - {each: {x: p, index: i}, separator: "; ", text: "outcome {{i + 1}} has {{x:.(d)}}"}
              - "."
            layers: [{mark: bar, x: [a, b, c], y: p}]
            """)
        #expect(f.description == "Entropy 1.5 bits over 3 outcomes: outcome 1 has 0.500; outcome 2 has 0.250; outcome 3 has 0.250.")
    }

    @Test func textPrintsListsItemByItemAndInfinityAsInfinity() throws {
        let f = try compile("""
            title: "p = ({{[0.5, 0.25]}}), {{[1, 0.5]:.2 'bits'}}, KL {{kl([1, 0], [0, 1], unit='bits'):3 'bits'}}"
            layers: [{mark: scatter, x: [1], y: [1]}]
            """)
        #expect(f.title == "p = (0.5, 0.25), 1.00 bits, 0.50 bits, KL ∞ bits")
        let nan = specError("title: \"{{log(-1)}}\"\nlayers: [{mark: scatter, x: [1], y: [1]}]")
        #expect(nan?.message.contains("undefined here (NaN)") == true)
    }

    @Test func requirementsRunPerItemAndReportTheParameter() throws {
        let yaml = """
            params:
              means: {type: numbers, default: [1, 2], help: target means}
            requires:
              - {param: means, check: "len(means) <= 3", message: "{{len(means)}} means; expected at most 3"}
              - {param: means, each: {m: means}, check: "m != 1.5", message: "{{m}} is not allowed"}
              - {param: means, each: {m: means}, check: "maxent(values=[0, 1, 2], mean=m)"}
            layers: [{mark: scatter, x: means, y: means}]
            """
        #expect(try compile(yaml).panels.count == 1)
        let many = try #require(errorOf { try compile(yaml, settings: [("means", "1,1,1,1")]) })
        #expect(many.parameter == "means" && many.detail == "4 means; expected at most 3")
        #expect(try #require(errorOf { try compile(yaml, settings: [("means", "1,1.5")]) }).detail == "1.5 is not allowed")
        // Mean 5 lies outside the values [0, 2]: the op's own words.
        let infeasible = try #require(errorOf { try compile(yaml, settings: [("means", "1,5")]) })
        #expect(infeasible.parameter == "means" && infeasible.detail?.contains("infeasible") == true)
    }

    func errorOf(_ body: () throws -> Figure) -> PlotSpecError? {
        do { _ = try body(); return nil } catch let e as PlotSpecError { return e } catch { return nil }
    }
}

/// The keys the converted catalogue figures brought to the grammar (EachLoop.swift, PlotFunctions.swift).
@Suite struct CatalogueGrammarKeyTests {
    @Test func aRepeatedLayerKeepsThePassesWhereItsWhenHolds() throws {
        let f = try compile("""
            let:
              terms: [0.5, inf, 0.25, inf]
            layers:
              - {mark: bar, x: [a, b, c, d], y: "[0.5, 1, 0.25, 1]"}
              - {mark: annotate, each: {t: terms, index: i}, when: "t == inf", at: [i, 1], text: "∞ at {{i}}", color: "ink(series1)", fit_width: 0.6}
            """)
        let texts = f.panels[0].marks.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.map(\.text) == ["∞ at 1", "∞ at 3"] && texts.map(\.at.x) == [1, 3])
        #expect(texts[0].color == Paint.series(0).contrastingInk && texts[0].fitWidth == 0.6)
    }

    @Test func tickStepIsTheAxisAlgorithmsStep() throws {
        // Extended Wilkinson over [1.8211, 1.8591] aiming at 5 labels steps by 0.01 (TickTests' rule:
        // the 1-2-5 family at the range's scale); an empty range is undefined.
        let f = try compile("""
            let:
              s: "tick_step(1.8211, 1.8591, 5)"
            title: "{{s}} {{floor(1.8211 / s) * s:6}}"
            y: {range: ["floor(1.8211 / s) * s", 1.9], broken: "s < 1"}
            layers: [{mark: bar, x: [a], y: "[1.85]"}]
            """)
        #expect(f.title == "0.01 1.82" && f.panels[0].y.broken)
        #expect(specError("title: \"{{tick_step(1, 1, 5)}}\"\nlayers: [{mark: scatter, x: [1], y: [1]}]")?.message.contains("undefined") == true)
    }

    @Test func listAndTextFunctions() throws {
        let f = try compile("""
            params:
              name: {type: string, default: "truth $p$", help: legend entry}
              labels: {type: strings, default: [Sun, Rain], help: outcome names}
            title: "{{capitalize(replace(name, '$', ''))}}: {{concat(labels, ['sum'])}} ({{len(concat([1], [2, 3]))}})"
            layers: [{mark: scatter, x: [1], y: [1]}]
            """, settings: [("labels", "Sun, Snow")])
        #expect(f.title == "Truth p: Sun, Snow, sum (3)")
        let e = specError("""
            params:
              q: {type: numbers, default: [0.5, 0.4], help: a distribution}
            requires: [{param: q, check: "probabilities(q, 'q')"}]
            layers: [{mark: scatter, x: [1], y: [1]}]
            """)
        #expect(e?.parameter == "q" && e?.detail == "q: probabilities sum to 0.9, expected 1")
    }
}
