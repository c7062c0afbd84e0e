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
            for (format, data) in out {
                #expect(data.count > 1000, "\(name).\(format) is suspiciously small")
                if let dir, format != .pdf {
                    try writeAtomically(data, to: "\(dir)/\(name)-\(themeName).\(format.fileExtension)")
                }
            }
        }
    }
}
