import Foundation
import Testing
import FigureModel
import CairoRender
import InfoRequests
@testable import FigureCatalogue

/// Every course figure builds with its defaults and renders in every theme and format. With
/// INFOPLOT_COURSE_DIR set, the PNGs (and SVGs) are kept there for looking at.
@Suite struct CourseFiguresRenderTests {
    static let names = ["surprisal", "cross-entropy-decomposition", "kl-asymmetry", "distribution-compare", "likelihood-curve",
                         "maxent", "ensemble-uncertainty", "mi-vs-correlation", "lindley", "elbo"]

    /// Non-default parameters that exercise the edge paths (infinite KL, underflowing likelihood,
    /// one ensemble, no contrast panel, a confident prior).
    static let variants: [(String, String, [(String, JSONValue)])] = [
        ("kl-asymmetry-dry", "kl-asymmetry", [("p", .array([.number(0.5), .number(0.3), .number(0.2)])),
                                              ("q", .array([.number(0.6), .number(0.4), .number(0)])),
                                              ("labels", .array([.string("Sunny"), .string("Cloudy"), .string("Rainy")]))]),
        ("cross-entropy-dry", "cross-entropy-decomposition", [
            ("labels", .array([.string("Sunny"), .string("Cloudy"), .string("Rainy")])),
            ("p", .array([.number(0.5), .number(0.3), .number(0.2)])),
            ("models", .array([.object([("name", .string("Forecast")), ("q", .array([.number(0.4), .number(0.35), .number(0.25)]))]),
                               .object([("name", .string("Dry")), ("q", .array([.number(0.6), .number(0.4), .number(0)]))])]))]),
        ("likelihood-1000", "likelihood-curve", [("heads", .number(600)), ("tails", .number(400))]),
        ("likelihood-0-3", "likelihood-curve", [("heads", .number(0)), ("tails", .number(3))]),
        ("lindley-prior", "lindley", [("alpha", .number(0.5)), ("beta", .number(0.5)), ("heads", .number(3)), ("tails", .number(9))]),
        ("mi-single", "mi-vs-correlation", [("n", .number(2000)), ("noise", .number(1)), ("contrast", .bool(false))]),
        ("elbo-one", "elbo", [("data", .array([.number(3)])), ("prior_sigma", .number(1))]),
        ("maxent-wide", "maxent", [("values", .array((1...10).map { .number(Double($0)) })), ("means", .array([.number(2), .number(8)]))]),
    ]

    @Test(arguments: ["light", "dark", "print"])
    func variantsRender(themeName: String) throws {
        let theme = try Theme.named(themeName)
        let dir = ProcessInfo.processInfo.environment["INFOPLOT_COURSE_DIR"]
        let measurer = try LabelMeasurer()
        for (file, name, params) in Self.variants {
            let fig = try Catalogue.figure(named: name, parameters: params, context: FigureContext(theme: theme))
            let scene = try layoutFigure(fig, measurer: measurer)
            #expect(scene.items.count > 10)
            let png = try renderFigure(fig, format: .png, options: RenderOptions(dpi: 110))
            #expect(png.count > 1000)
            if let dir { try writeAtomically(png, to: "\(dir)/\(file)-\(themeName).png") }
        }
    }

    @Test(arguments: ["light", "dark", "print"])
    func rendersInEveryTheme(themeName: String) throws {
        let theme = try Theme.named(themeName)
        let dir = ProcessInfo.processInfo.environment["INFOPLOT_COURSE_DIR"]
        for name in Self.names {
            let fig = try Catalogue.figure(named: name, context: FigureContext(theme: theme))
            #expect(fig.theme == theme)
            #expect(!fig.title.isEmpty && fig.description.count > 40)
            if dir != nil && themeName == "light" { print("DESC \(name) | \(fig.title) | \(fig.description)") }
            let out = try renderFigure(fig, formats: OutputFormat.allCases, options: RenderOptions(dpi: 110))
            if let dir, themeName == "light" {
                let slide = try Catalogue.figure(named: name, context: FigureContext(theme: theme, size: .slide))
                try writeAtomically(try renderFigure(slide, format: .png, options: RenderOptions(dpi: 60)), to: "\(dir)/\(name)-slide.png")
                for (tag, size) in [("half", FigureSize.halfSlide), ("column", .column)] {
                    let f = try Catalogue.figure(named: name, context: FigureContext(theme: theme, size: size))
                    try writeAtomically(try renderFigure(f, format: .png, options: RenderOptions(dpi: 80)), to: "\(dir)/\(name)-\(tag).png")
                }
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
        let measurer = try LabelMeasurer()
        for theme in [Theme.light, .dark, .print] {
            for size in [FigureSize.handout, .slide, .column, .halfSlide] {
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
