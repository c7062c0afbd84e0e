import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// `data: {name: {compute: {op: …}}}`: a compute request's result as a table.
@Suite struct ComputedDataTests {
    /// The maximum-entropy die of mean 4.5 (Jaynes' Brandeis dice): checked by its defining
    /// properties, not by our solver's numbers: it sums to 1, has mean 4.5, and is exponential
    /// in the face value (constant ratio of neighbours, e^λ).
    @Test func objectListsBecomeColumnsAndOtherMembersFields() throws {
        let f = try compile("""
            let: {m: 4.5}
            data:
              die: {compute: {op: maxent, values: [1, 2, 3, 4, 5, 6], mean: m}}
            layers:
              - {mark: scatter, data: die, x: "[1, 2, 3, 4, 5, 6]", y: p}
              - {mark: rule, y: "die.lambda"}
            """)
        guard case .scatter(let s) = f.panels[0].marks[0] else { Issue.record("no scatter"); return }
        let p = s.points.map(\.y)
        #expect(p.count == 6)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        var mean = 0.0
        for (k, pk) in p.enumerated() { mean += Double(k + 1) * pk }
        #expect(abs(mean - 4.5) < 1e-9)
        guard case .reference(let rule) = f.panels[0].marks[1] else { Issue.record("no rule"); return }
        for k in 0..<5 { #expect(abs(log(p[k + 1] / p[k]) - rule.value) < 1e-9) }
    }

    @Test func numberListsBecomeIndexAndValue() throws {
        let f = try compile("""
            data:
              terms: {compute: {op: kl_terms, p: [0.5, 0.5], q: [0.9, 0.1], unit: nats}}
            layers: [{mark: line, data: terms, x: index, y: value}]
            """)
        guard case .line(let l) = f.panels[0].marks[0] else { Issue.record("no line"); return }
        #expect(l.x == [0, 1])
        let expected: [Double] = [0.5 * log(0.5 / 0.9), 0.5 * log(0.5 / 0.1)]
        #expect(abs(l.y[0] - expected[0]) < 1e-15)
        #expect(abs(l.y[1] - expected[1]) < 1e-15)
    }

    @Test func plainObjectsAreOneRow() throws {
        let f = try compile("""
            data:
              fit: {compute: {op: bernoulli_mle, heads: 7, tails: 3}}
            layers: [{mark: scatter, data: fit, x: p_hat, y: log_likelihood}]
            """)
        guard case .scatter(let s) = f.panels[0].marks[0] else { Issue.record("no scatter"); return }
        #expect(s.points.count == 1 && s.points[0].x == 0.7)
        let logLikelihood: Double = 7 * log(0.7) + 3 * log(0.3)
        #expect(abs(s.points[0].y - logLikelihood) < 1e-12)
    }

    @Test func badRequestsAreLocated() {
        let unknown = specError("data:\n  t: {compute: {op: maxnet, values: [1, 2], mean: 1.5}}\nlayers: [{mark: line, data: t, x: index, y: value}]")
        #expect(unknown?.position == SourcePosition(line: 2, column: 21), "\(String(describing: unknown))")
        #expect(unknown?.message.contains("did you mean 'maxent'") == true, "\(unknown?.message ?? "")")
        let scalar = specError("data:\n  t: {compute: {op: entropy, p: [0.5, 0.5]}}\nlayers: [{mark: line, data: t, x: index, y: value}]")
        #expect(scalar?.message.contains("is a single value") == true, "\(scalar?.message ?? "")")
        let extra = specError("data:\n  t: {compute: {op: entropy, p: [1]}, csv: a.csv}\nlayers: [{mark: line, data: t, x: index, y: value}]")
        #expect(extra?.message.contains("unknown key 'csv'") == true, "\(extra?.message ?? "")")
    }
}
