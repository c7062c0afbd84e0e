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
}
