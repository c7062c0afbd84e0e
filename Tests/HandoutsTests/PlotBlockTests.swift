import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InfoRequests
import Testing
@testable import Handouts

/// ```plot blocks: a spec inline in a template, placed and captioned like a catalogue figure.
@Suite struct PlotBlockTests {
    /// A template in a temporary folder with a CSV beside it (CSV paths are relative to the template).
    static func templateFolder(_ body: String) throws -> (file: String, source: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-plot-block-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "epoch,loss\n1,2.0\n2,1.2\n3,0.9\n4,0.8\n".write(to: dir.appendingPathComponent("loss.csv"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("t.md").path
        let source = "---\ntitle: T\ndata: {weather: {p: [0.5, 0.5], q: [0.9, 0.1]}}\nvalues:\n  kl_weather: {op: kl, p: weather.p, q: weather.q}\n---\n" + body
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, source)
    }

    static let block = """
        Text before.

        ```plot
        title: Training loss
        params:
          scale: {type: number, default: 1, min: 0}
        data:
          run: {csv: loss.csv}
        scale: kl_weather
        x: {label: epoch}
        y: {label: loss}
        layers:
          - {mark: line, data: run, x: epoch, y: loss, name: measured}
          - {mark: line, x: {var: t, from: 1, to: 4}, y: "scale * kl_weather / t", name: bound}
        caption: The loss of one run against $c/t$.
        label: fig-loss
        ```

        See @fig-loss.
        """

    @Test func blockBecomesANumberedFigureWithItsSpec() throws {
        let (file, source) = try Self.templateFolder(Self.block)
        let doc = try HandoutParser.parse(file: file, source: source, evaluator: fakeEvaluator)
        let figures = doc.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
        #expect(figures.count == 1)
        guard let f = figures.first, let plot = f.plot else { Issue.record("no plot figure"); return }
        #expect(f.number == 1 && f.label == "fig-loss" && f.position.line == 9)
        #expect(f.caption.first == .text("The loss of one run against "))
        // The block key `scale:` set the spec's parameter from a template value.
        let kl = 0.5 * log(0.5 / 0.9) + 0.5 * log(0.5 / 0.1)
        guard case .number(let scale)? = plot.settings["scale"] else { Issue.record("scale not set"); return }
        #expect(abs(scale - kl) < 1e-15)
        let model = try plot.figure(theme: .light, size: nil)
        guard case .line(let measured)? = model.panels.first?.marks.first else { Issue.record("no line"); return }
        #expect(measured.y == [2.0, 1.2, 0.9, 0.8])
        guard case .line(let bound)? = model.panels.first?.marks.dropFirst().first, let first = bound.y.first else {
            Issue.record("no bound line"); return
        }
        // scale · kl / t at t = 1, with scale = kl (the template value used twice).
        #expect(abs(first - kl * kl) < 1e-12)
    }

    @Test func drawnInPDFSVGPagesAndHTML() throws {
        let (file, source) = try Self.templateFolder(Self.block)
        let built = try buildHandout(file: file, source: source, formats: [.pdf, .svg, .html])
        let text = try BuildFixtures.tool("pdftotext", [], pdf: try #require(built.pdf))
        #expect(text.contains("Figure 1."))
        #expect(text.contains("epoch"))
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.contains("<figure id=\"fig-loss\">"))
        #expect(html.contains("Figure 1: The loss of one run against"))
        #expect(!html.contains("class=\"figure-placeholder\"") && html.contains("class=\"figure-art\""))
        // The SVG pages parse as XML and hold the figure's drawing (more than the bare page).
        let page = try #require(built.svgPages?.first)
        _ = try XMLDocument(data: page)
        let bare = try buildHandout(file: file, source: source.replacingOccurrences(of: Self.block, with: "Text."), formats: [.svg])
        #expect(page.count > (bare.svgPages?.first?.count ?? 0) + 2_000)
    }

    @Test func specErrorsNameTheTemplateLineAndColumn() throws {
        let unknownMark = "```plot\nlayers:\n  - {mark: lien, x: [1, 2], y: [1, 2]}\n```\n"
        let (file, source) = try Self.templateFolder(unknownMark)
        let e = templateError { _ = try HandoutParser.parse(file: file, source: source, evaluator: fakeEvaluator) }
        #expect(e?.line == 9 && e?.column == 12, "\(String(describing: e))")
        #expect(e?.message.contains("did you mean") == true, "\(e?.message ?? "")")

        let badExpression = "```plot\nlayers:\n  - {mark: line, x: {var: t, from: 0, to: 1}, y: \"t * kl_wether\"}\n```\n"
        let (file2, source2) = try Self.templateFolder(badExpression)
        let e2 = templateError { _ = try HandoutParser.parse(file: file2, source: source2, evaluator: fakeEvaluator) }
        #expect(e2?.line == 9 && e2?.column == 55, "\(String(describing: e2))")
        #expect(e2?.message.contains("kl_weather") == true, "\(e2?.message ?? "")")

        let badParameter = "```plot\nparams: {n: {type: integer, default: 2, min: 1}}\nn: 0\nlayers:\n  - {mark: line, x: [1, 2], y: [1, 2]}\n```\n"
        let (file3, source3) = try Self.templateFolder(badParameter)
        let e3 = templateError { _ = try HandoutParser.parse(file: file3, source: source3, evaluator: fakeEvaluator) }
        #expect(e3?.line == 9 && e3?.column == 4, "\(String(describing: e3))")
        #expect(e3?.message.contains("below the minimum") == true, "\(e3?.message ?? "")")

        let unclosed = "```plot\nlayers: []\n"
        let (file4, source4) = try Self.templateFolder(unclosed)
        let e4 = templateError { _ = try HandoutParser.parse(file: file4, source: source4, evaluator: fakeEvaluator) }
        #expect(e4?.message.contains("plot block is never closed") == true, "\(e4?.message ?? "")")
    }
}
