import Foundation
import Testing
import FigureModel
@testable import CairoRender

/// Renders every demo in every theme and format. With INFOPLOT_DEMO_DIR set, the files are kept
/// there for looking at.
@Suite struct FigureDemoRenderTests {
    @Test(arguments: ["light", "dark", "print"])
    func demosRenderInEveryFormat(themeName: String) throws {
        let theme = try Theme.named(themeName)
        let dir = ProcessInfo.processInfo.environment["INFOPLOT_DEMO_DIR"]
        for (name, figure) in try FigureDemos.all(theme: theme) {
            let clock = ContinuousClock()
            var out: [OutputFormat: Data] = [:]
            let elapsed = try clock.measure { out = try renderFigure(figure, formats: OutputFormat.allCases) }
            if dir != nil { print("timing \(name)-\(themeName): \(elapsed) for pdf+svg+png") }
            for (format, data) in out {
                #expect(data.count > 500, "\(name).\(format) is suspiciously small")
                if let dir {
                    try writeAtomically(data, to: "\(dir)/\(name)-\(themeName).\(format.fileExtension)")
                }
            }
        }
    }

    @Test func presetsRender() throws {
        let dir = ProcessInfo.processInfo.environment["INFOPLOT_DEMO_DIR"]
        for (name, size) in [("slide", FigureSize.slide), ("half-slide", .halfSlide), ("column", .column)] {
            let figs = [("entropy", try FigureDemos.entropy(size: size)), ("surface", try FigureDemos.klSurface(size: size, n: 120)),
                        ("bars", FigureDemos.bars(size: size))]
            for (fname, fig) in figs {
                let png = try renderFigure(fig, format: .png, options: RenderOptions(dpi: 100))
                #expect(png.count > 1000)
                if let dir { try writeAtomically(png, to: "\(dir)/\(fname)-\(name).png") }
            }
        }
    }
}
