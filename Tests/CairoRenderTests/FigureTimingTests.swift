import Foundation
import Testing
import FigureModel
@testable import CairoRender

/// With INFOPLOT_TIMING set, prints layout and per-format times of the design-card demos (no
/// assertions on time: the machine is shared).
@Suite struct FigureTimingTests {
    @Test func designCardTimings() throws {
        guard ProcessInfo.processInfo.environment["INFOPLOT_TIMING"] != nil else { return }
        let clock = ContinuousClock()
        var total = Duration.zero
        for (name, make) in [("entropy-curve", { try FigureDemos.entropy() }), ("kl-fits", { FigureDemos.klFits() }),
                             ("venn", { FigureDemos.venn() }), ("gaussian-kl-surface", { try FigureDemos.klSurface() })] {
            var fig: Figure? = nil
            let build = try clock.measure { fig = try make() }
            guard let figure = fig else { continue }
            let text = try LabelText(theme: figure.theme)
            var scene: Scene? = nil
            let layout = try clock.measure { scene = try layoutFigure(figure, measurer: text) }
            guard let s = scene else { continue }
            var line = "timing \(name): build \(build) layout \(layout)"
            total += build + layout
            for f in OutputFormat.allCases {
                var bytes = 0
                let d = try clock.measure { bytes = try renderScene(s, format: f, options: RenderOptions(), text: text).count }
                total += d
                line += " \(f) \(d) (\(bytes) B)"
            }
            print(line)
        }
        print("timing total \(total)")
    }
}
