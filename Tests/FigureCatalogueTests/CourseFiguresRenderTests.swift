import Foundation
import Testing
import FigureModel
import CairoRender
@testable import FigureCatalogue

/// Every course figure builds with its defaults and renders in every theme and format. With
/// INFOPLOT_COURSE_DIR set, the PNGs (and SVGs) are kept there for looking at.
@Suite struct CourseFiguresRenderTests {
    static let names = ["surprisal", "cross-entropy-decomposition", "kl-asymmetry", "distribution-compare", "likelihood-curve",
                         "maxent", "ensemble-uncertainty", "mi-vs-correlation", "lindley", "elbo"]

    @Test(arguments: ["light", "dark", "print"])
    func rendersInEveryTheme(themeName: String) throws {
        let theme = try Theme.named(themeName)
        let dir = ProcessInfo.processInfo.environment["INFOPLOT_COURSE_DIR"]
        for name in Self.names {
            let fig = try Catalogue.figure(named: name, context: FigureContext(theme: theme))
            #expect(fig.theme == theme)
            #expect(!fig.title.isEmpty && fig.description.count > 40)
            let out = try renderFigure(fig, formats: OutputFormat.allCases, options: RenderOptions(dpi: 110))
            if let dir, themeName == "light" {
                let slide = try Catalogue.figure(named: name, context: FigureContext(theme: theme, size: .slide))
                try writeAtomically(try renderFigure(slide, format: .png, options: RenderOptions(dpi: 60)), to: "\(dir)/\(name)-slide.png")
            }
            for (format, data) in out {
                #expect(data.count > 1000, "\(name).\(format) is suspiciously small")
                if let dir, format != .pdf {
                    try writeAtomically(data, to: "\(dir)/\(name)-\(themeName).\(format.fileExtension)")
                }
            }
        }
    }
}

/// Layout checks with the renderer's own text measurer: every label lies on the canvas and no two
/// labels overlap, for each course figure, theme and a slide and a handout size.
@Suite struct CourseFiguresLayoutTests {
    @Test(arguments: CourseFiguresRenderTests.names)
    func labelsFitAndKeepApart(name: String) throws {
        let measurer = PangoMeasurer()
        for theme in [Theme.light, .dark, .print] {
            for size in [FigureSize.handout, .slide] {
                let fig = try Catalogue.figure(named: name, context: FigureContext(theme: theme, size: size))
                let scene = try layoutFigure(fig, measurer: measurer)
                let boxes = scene.items.compactMap { item -> (String, Rect)? in
                    if case .text(let t) = item, !t.text.isEmpty { return (t.text, textBounds(t, measurer: measurer)) }
                    return nil
                }
                for (text, r) in boxes {
                    #expect(r.x >= -0.5 && r.y >= -0.5 && r.maxX <= scene.width + 0.5 && r.maxY <= scene.height + 0.5,
                            "\(name) \(theme.name) \(size): '\(text)' leaves the canvas")
                }
                for i in boxes.indices {
                    for j in boxes.indices where j > i {
                        let overlap = boxes[i].1.intersectionArea(boxes[j].1)
                        #expect(overlap < 1, "\(name) \(theme.name) \(size): '\(boxes[i].0)' overlaps '\(boxes[j].0)'")
                    }
                }
            }
        }
    }
}
