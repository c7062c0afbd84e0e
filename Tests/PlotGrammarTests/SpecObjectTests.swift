import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// Spec features for computed objects (issue 8 §2, §4): `requires:` checks naming a parameter,
/// `{{x:.N}}` keeping zeros, description parts repeated over a list, `legend_headroom`, the
/// `mixture` parameter type, and an area's alpha applied to its fill only.
@Suite struct SpecObjectTests {
    static let fitSpec = """
        params:
          target: {type: mixture, default: [{weight: 0.5, mu: -2, sigma: 0.6}, {weight: 0.5, mu: 2, sigma: 0.6}]}
          s: {type: number, default: 1}
        requires:
          - {param: s, check: "s > 0", message: "{{s}}; expected a width > 0"}
          - {param: target, check: "kl_fit(target=target, direction='forward')"}
        let:
          fit: "kl_fit(target=target, direction='reverse')"
        description:
          - "Target "
          - {each: {c: target}, text: "{{c.weight:.2}}·N({{c.mu:1}}, {{c.sigma:1}}²)", separator: " + "}
          - {each: {o: "drop(fit.optima, 1)"}, text: "; also {{o.kl:.3 'nats'}}"}
        panels:
          - legend_headroom: true
            layers:
              - {mark: area, x: {var: x, from: -4, to: 4, samples: 81}, y: "mixture_pdf(x, target)", color: muted, alpha: 0.3, outline: true}
              - {mark: line, x: {var: x, from: -4, to: 4}, y: "normal_pdf(x, fit.mu, fit.sigma)", name: "KL {{fit.kl:.4}}"}
        """

    @Test func fittedObjectsDrawCurvesAndText() throws {
        let f = try compile(Self.fitSpec)
        #expect(f.description.hasPrefix("Target 0.50·N(−2, 0.6²) + 0.50·N(2, 0.6²); also "))
        #expect(f.description.components(separatedBy: "; also ").count == 3)
        #expect(f.panels[0].legendHeadroom)
        guard case .area(let a) = f.panels[0].marks[0], case .line(let l) = f.panels[0].marks[1] else { Issue.record("marks"); return }
        // The area's colour stays opaque (its outline); alpha is the fill's opacity.
        #expect(a.color == .muted && a.opacity == 0.3)
        #expect(a.x.count == 81)
        #expect(l.label?.range(of: #"^KL 0\.\d{4}$"#, options: .regularExpression) != nil, "\(l.label ?? "")")
    }

    @Test func requirementsNameTheParameter() throws {
        let spec = try PlotSpec(yaml: Self.fitSpec, file: "t.yaml", baseDirectory: "/tmp")
        do { _ = try spec.figure(settings: ["s": .number(-1)]); Issue.record("no error") } catch let e as PlotSpecError {
            #expect(e.parameter == "s" && e.detail == "\u{2212}1; expected a width > 0")
            #expect(e.description.hasPrefix("t.yaml:5:") && e.message == "parameter 's': \u{2212}1; expected a width > 0", "\(e)")
        }
        let bad = try spec.parseSettings([("target", #"[{"weight": 0.3, "mu": 0, "sigma": 1}]"#)])
        do { _ = try spec.figure(settings: bad); Issue.record("no error") } catch let e as PlotSpecError {
            #expect(e.parameter == "target" && e.detail?.contains("weights") == true, "\(e)")
        }
        #expect(specError("requires: [{param: nope, check: 'true'}]\nlayers: [{mark: rule, x: 0}]")?.message.contains("unknown parameter 'nope'") == true)
    }

    @Test func mixtureParametersParseAndCheck() throws {
        let spec = try PlotSpec(yaml: Self.fitSpec, file: "t.yaml", baseDirectory: "/tmp")
        let v = try spec.parseSettings([("target", #"[{"weight": 1, "mu": 0, "sigma": 2}]"#)])
        #expect(v["target"] == .array([.object([("weight", .number(1)), ("mu", .number(0)), ("sigma", .number(2))])]))
        #expect(throws: PlotParameterError.self) { try spec.parseSettings([("target", "1,2,3")]) }
        #expect(throws: PlotParameterError.self) { try spec.parseSettings([("target", #"[{"weight": 1, "mu": 0}]"#)]) }
    }

    @Test func eachItemTakesItsOwnStyleFromAList() throws {
        let f = try compile("""
            let:
              widths: [1, 2, 3]
              dashes: "['dotted', 'dash-dot']"
            description:
              - {each: {w: widths, index: i}, text: "{{w}} {{cycle(dashes, i)}}", separator: "; "}
            layers:
              - {mark: line, each: {w: widths}, x: [0, 1], y: [0, w], dash: dashes, color: [series1, series3]}
            """)
        let lines = f.panels[0].marks.compactMap { if case .line(let l) = $0 { l } else { nil } }
        #expect(lines.map(\.style) == [.dotted, .dashDot, .dotted])
        #expect(lines.map(\.color) == [.series(0), .series(2), .series(0)])
        #expect(f.description == "1 dotted; 2 dash-dot; 3 dotted")
    }
}
