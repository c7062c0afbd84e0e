import Foundation
import Testing
// Only the public API of the library product, as another package would use it (no @testable).
import PlotGrammar
import CairoRender
import FigureModel

@Suite struct LibraryAPITests {
    @Test func readmeExampleWritesAnSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("libapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try PlotSpec(yaml: """
            title: Binary entropy
            x: {label: "$p$"}
            y: {label: bits}
            layers: [{mark: line, x: {var: p, from: 0, to: 1}, y: "binary_entropy(p, unit='bits')"}]
            """, file: "entropy.yaml", baseDirectory: ".")
        let figure = try spec.figure(settings: [:], theme: .dark, size: .slide)
        let path = dir.appendingPathComponent("entropy.svg").path
        try writeFigure(figure, format: .svg, to: path)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains(">Binary entropy</title>"))
    }
}
