import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// The figure size as names (`figure_width`, `figure_height`, `figure_size`, `font_size`), so a
/// spec's `when:` and `grid:` can lay it out differently for small or portrait presets.
@Suite struct SizeLayoutTests {
    static let twoPanels = """
        let:
          narrow: "figure_width < 5 && figure_width >= 1.2 * figure_height"
          portrait: "figure_width < 1.2 * figure_height"
          shown: "if(narrow, 1, 2)"
        grid: "if(portrait, [shown, 1], [1, shown])"
        size_note: "At column width only the main panel is shown."
        description:
          - "Two panels."
          - {when: narrow, text: " {{size_note}}"}
        panels:
          - title: "main at {{figure_size}}, {{figure_width}} in by {{figure_height}} in, {{font_size}} pt"
            layers: [{mark: line, x: [0, 1], y: [0, 1]}]
          - when: "!narrow"
            title: contrast
            layers: [{mark: line, x: [0, 1], y: [1, 0]}]
        """

    func figure(_ size: FigureSize) throws -> Figure {
        try PlotSpec(yaml: Self.twoPanels, file: "t.yaml", baseDirectory: "/tmp").figure(size: size)
    }

    @Test func narrowPresetsKeepTheMainPanelOnly() throws {
        let column = try figure(.column)
        #expect(column.panels.count == 1 && column.columns == 1)
        #expect(column.panels[0].title == "main at column, 3.5 in by 2.6 in, 8 pt")
        // The size note is declared once: the catalogue lists it, the alt text prints it.
        #expect(try PlotSpec(yaml: Self.twoPanels, file: "t.yaml", baseDirectory: "/tmp").sizeNote == "At column width only the main panel is shown.")
        #expect(column.description == "Two panels. At column width only the main panel is shown.")
        #expect(try figure(.handout).description == "Two panels.")
    }

    @Test func portraitPresetsStackThePanels() throws {
        let half = try figure(.halfSlide)
        #expect(half.panels.count == 2 && half.columns == 1)
        #expect(half.panels[0].title == "main at half-slide, 6.667 in by 7.5 in, 18 pt")
    }

    @Test func wideSizesPutThePanelsInARow() throws {
        for size in [FigureSize.handout, .slide, .inches(8, 3)] {
            let f = try figure(size)
            #expect(f.panels.count == 2 && f.columns == 2, "\(size)")
        }
        #expect(try figure(.inches(8, 3)).panels[0].title == "main at 8x3, 8 in by 3 in, 9.308 pt")
    }

    @Test func aParameterOfTheSameNameWins() throws {
        let spec = try PlotSpec(yaml: "params: {figure_width: {type: number, default: 2}}\n"
                                + "layers: [{mark: annotate, at: [0, 0], text: \"{{figure_width}}\"}]", file: "t.yaml", baseDirectory: "/tmp")
        guard case .text(let t) = try spec.figure(size: .slide).panels[0].marks[0] else { Issue.record("no text"); return }
        #expect(t.text == "2")
    }

    @Test func aGridExpressionMustGiveRowsAndColumns() {
        let e = specError("grid: \"[1]\"\npanels:\n  - layers: [{mark: line, x: [0, 1], y: [0, 1]}]")
        #expect(e?.message.contains("grid must be [rows, columns]") == true)
    }

    @Test func legendCornerAndBoxedTextFollowExpressions() throws {
        let f = try compile("""
            params: {m: {type: number, default: 0.8}}
            legend: "{{if(m > 0.5, 'top-left', 'top-right')}}"
            layers:
              - {mark: line, x: [0, 1], y: [0, 1], name: diagonal}
              - {mark: annotate, at: ["if(m > 0.5, 0.03, 0.97)", 0.62], coordinates: axes, box: true, align: left, valign: top,
                 text: "summary"}
            """)
        #expect(f.panels[0].legend == .upperLeft)
        guard case .text(let t) = f.panels[0].marks[1] else { Issue.record("no text"); return }
        #expect(t.boxed && t.coordinates == .axesFraction && t.vertical == .top && t.horizontal == .left && t.at == Point(0.03, 0.62))
        let right = try compile("legend: \"{{'top-right'}}\"\nlayers: [{mark: line, x: [0, 1], y: [0, 1], name: d}]")
        #expect(right.panels[0].legend == .upperRight)
        #expect(specError("legend: \"{{'top-middle'}}\"\nlayers: [{mark: line, x: [0, 1], y: [0, 1]}]")?.message.contains("legend 'top-middle' is not known") == true)
    }

    @Test func fittedLabelsBreakAndStayInsideAtColumnWidth() throws {
        let spec = try PlotSpec(yaml: """
            panels:
              - x: {range: [0, 1]}
                layers:
                  - {mark: annotate, at: [0.98, 0.5], text_at: [0.98, 0.5], fit: true, text: "$H(0.9873)$ = 0.0999 bits"}
              - layers: [{mark: line, x: [0, 1], y: [0, 1]}]
            """, file: "t.yaml", baseDirectory: "/tmp")
        func label(_ size: FigureSize) throws -> Annotation? {
            guard case .annotation(let a) = try spec.figure(size: size).panels[0].marks[0] else { return nil }
            return a
        }
        // "H(0.9873) = 0.0999 bits" is 23 characters: at column width (8 pt text, 90 pt plots) about
        // 0.96 of the plot, so it breaks and its centre moves in to 1 − (0.96·0.6/2 + 0.02).
        let column = try #require(try label(.column))
        #expect(column.text == "$H(0.9873)$\n0.0999 bits")
        let fraction = 23 * 0.55 * 0.85 * 8 / (3.5 * 72 / 2 - 4.5 * 8) * 0.6
        #expect(abs(column.textAt.x - (1 - (fraction / 2 + 0.02))) < 1e-12)
        // On a slide it fits on one line; only the edge pulls it in.
        let slide = try #require(try label(.slide))
        #expect(slide.text == "$H(0.9873)$ = 0.0999 bits" && slide.textAt.x < 0.98)
        #expect(plainLength("$-\\log_2\\,0.9$ = 0.152 bits") == 9 + 3 + 10)
    }
}
