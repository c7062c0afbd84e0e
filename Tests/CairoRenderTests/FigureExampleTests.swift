import Foundation
import Testing
import FigureModel
import CairoRender

/// The two-panel example from `Figure`'s documentation and the engineering report, compiled and
/// rendered so it cannot drift from the API.
@Suite struct FigureExampleTests {
    @Test func documentedTwoPanelExample() throws {
        let h = Line.function({ p in p <= 0 || p >= 1 ? 0 : -(p * log2(p) + (1 - p) * log2(1 - p)) },
                              over: 0...1, label: "$H(p)$")
        let grid = try Grid2D(x: -3...3, y: 0.2...3, nx: 200, ny: 200) { m, s in 0.5 * (s * s + m * m - 1) - log(s) }
        let figure = Figure(
            title: "Entropy and a KL surface",
            description: "Binary entropy, maximum 1 bit at p = 0.5; KL(N(μ,σ²)‖N(0,1)), minimum 0 at (0, 1).",
            size: .handout, theme: .light,
            panels: [
                Panel(title: "Binary entropy", x: Axis(label: "$p$"), y: Axis(label: "bits"), marks: [.line(h)]),
                Panel(title: "KL surface", x: Axis(label: "$\\mu$"), y: Axis(label: "$\\sigma$"),
                      marks: [.heatmap(Heatmap(grid)), .contour(Contour(grid, levels: .values([0.25, 0.5, 1, 2, 4])))],
                      colorbar: Colorbar(label: "KL [nats]"), frame: .box, grid: false),
            ])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-example-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in OutputFormat.allCases {
            try writeFigure(figure, format: format, to: "\(dir)/example.\(format.fileExtension)",
                            options: RenderOptions(dpi: 150))
            let size = try FileManager.default.attributesOfItem(atPath: "\(dir)/example.\(format.fileExtension)")[.size] as? Int
            #expect((size ?? 0) > 1000)
        }
        if let keep = ProcessInfo.processInfo.environment["INFOPLOT_DEMO_DIR"] {
            try writeFigure(figure, format: .png, to: "\(keep)/example.png")
        }
    }
}
