import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// What the ensemble-uncertainty spec brought: a panel per item (`each:` on a panel), named ticks
/// (`tick_labels:`), a colour per bar series, an empty name kept out of the legend, the
/// `ensembles` parameter type, and `column_means`, `len(text)` and `replace(…, count)`.
@Suite struct PanelLoopTests {
    static let spec = """
        params:
          groups:
            type: ensembles
            default:
              - {name: First group, models: [[0.5, 0.5], [0.9, 0.1]]}
              - {name: Second, models: [[0.2, 0.8]]}
        let:
          positions: [0, 1]
        grid: "[1, len(groups) + 1]"
        panels:
          - each: {g: groups, index: k}
            when: "k < 5"
            title: "{{g.name}} ({{len(g.models)}})"
            x: {range: [-0.5, 1.5], ticks: positions, tick_labels: [low, high]}
            layers:
              - {mark: line, each: {m: g.models, index: i}, x: positions, y: m, name: "{{if(i == 0, 'members', '')}}"}
              - {mark: line, x: positions, y: "column_means(g.models)", name: mean}
          - layers:
              - {mark: bar, x: [a, b], y: [[1, 2], [3, 4]], name: [one, two], color: [series3, "#112233"], stack: true}
        """

    @Test func aPanelIsRepeatedPerItemWithItsNamesInEveryKey() throws {
        let f = try compile(Self.spec)
        #expect(f.panels.map(\.title) == ["First group (2)", "Second (1)", nil])
        #expect(f.columns == 3)
        // Named ticks at the given positions.
        #expect(f.panels[0].x.ticks == .labeled([(0, "low"), (1, "high")]))
        let lines = f.panels[0].marks.compactMap { if case .line(let l) = $0 { l } else { nil } }
        // One legend entry for the members (an empty name is none); the mean of the rows, column by column.
        #expect(lines.map(\.label) == ["members", nil, "mean"])
        #expect(lines[2].y == [(0.5 + 0.9) / 2, (0.5 + 0.1) / 2])
        guard case .bars(let b) = f.panels[2].marks[0] else { Issue.record("no bars"); return }
        #expect(b.series.map(\.color) == [.series(2), parseColor("#112233")])
        // The panel's when: is asked per pass.
        let one = try compile(Self.spec.replacingOccurrences(of: "when: \"k < 5\"", with: "when: \"k == 1\""))
        #expect(one.panels.map(\.title) == ["Second (1)", nil])
    }

    @Test func ensemblesAreCheckedAndTickLabelsCounted() throws {
        let spec = try PlotSpec(yaml: Self.spec, file: "t.yaml", baseDirectory: "/tmp")
        #expect(throws: PlotParameterError.self) { try spec.parseSettings([("groups", "[{\"name\": \"A\", \"models\": [\"x\"]}]")]) }
        let ok = try spec.parseSettings([("groups", "[{\"name\": \"A\", \"models\": [[1, 0]]}]")])
        #expect(try spec.figure(settings: ok).panels.count == 2)
        let e = specError(Self.spec.replacingOccurrences(of: "tick_labels: [low, high]", with: "tick_labels: [low]"))
        #expect(e?.message == "tick_labels has 1 labels for 2 ticks; give one per tick", "\(String(describing: e))")
    }

    @Test func textLengthAndReplacingTheFirstOccurrences() throws {
        let f = try compile("""
            title: "{{len('Models agree')}} {{replace('a b c', ' ', '-', 1)}} {{replace('a b c', ' ', '-')}} {{replace('a b c', ' ', '', 0)}}"
            layers: [{mark: rule, y: 0}]
            """)
        #expect(f.title == "12 a-b c a-b-c a b c")
    }
}
