import Foundation
import Testing
import CCairo
import CairoRender
import PlotGrammar
import FigureCatalogue

/// Reference-image tests in the manner of matplotlib's `image_comparison`: every spec in
/// Examples/ and every catalogue figure is rendered to PNG at 60 dpi and compared with the committed PNG under
/// References/ by the root-mean-square difference of its 8-bit channels. A failure writes the
/// rendering and an amplified difference image next to .build/reference-diffs/.
/// `make update-references` (UPDATE_REFERENCES=1) rewrites the references.
@Suite struct ReferenceImageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")
    static let examples: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples").path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()
    /// Tolerance in 8-bit levels: antialiasing differences between cairo/pango builds stay well below it,
    /// a moved line or a changed colour does not.
    static let tolerance = 6.0

    @Test(arguments: examples)
    func exampleMatchesReference(_ name: String) throws {
        let specPath = Self.root.appendingPathComponent("Examples/\(name)").path
        let spec = try PlotSpec(yaml: try String(contentsOfFile: specPath, encoding: .utf8), file: name,
                                baseDirectory: (specPath as NSString).deletingLastPathComponent)
        let png = try renderFigure(try spec.figure(), format: .png, options: RenderOptions(dpi: 60))
        try matchReference(png, stem: (name as NSString).deletingPathExtension, what: name)
    }

    /// Every catalogue figure at its defaults, light theme, handout size (References/catalogue/NAME.png).
    @Test(arguments: Catalogue.names)
    func catalogueFigureMatchesReference(_ name: String) throws {
        let png = try renderFigure(try Catalogue.figure(named: name), format: .png, options: RenderOptions(dpi: 60))
        try matchReference(png, stem: "catalogue/\(name)", what: "figure \(name)")
    }

    func matchReference(_ png: Data, stem: String, what name: String) throws {
        let reference = Self.references.appendingPathComponent("\(stem).png")
        if ProcessInfo.processInfo.environment["UPDATE_REFERENCES"] == "1" {
            try FileManager.default.createDirectory(at: reference.deletingLastPathComponent(), withIntermediateDirectories: true)
            try png.write(to: reference)
            return
        }
        guard FileManager.default.fileExists(atPath: reference.path) else {
            Issue.record("no reference image for \(name); run `make update-references`")
            return
        }
        let diffDir = Self.root.appendingPathComponent(".build/reference-diffs").appendingPathComponent((stem as NSString).deletingLastPathComponent)
        try FileManager.default.createDirectory(at: diffDir, withIntermediateDirectories: true)
        let file = (stem as NSString).lastPathComponent
        let actualPath = diffDir.appendingPathComponent("\(file)-actual.png")
        try png.write(to: actualPath)
        let (rms, sameSize) = compare(actualPath.path, reference.path, diff: diffDir.appendingPathComponent("\(file)-diff.png").path)
        #expect(sameSize, "\(name): image size differs from the reference")
        #expect(rms <= Self.tolerance, "\(name): RMS difference \(rms) > \(Self.tolerance); see .build/reference-diffs/\(stem)-diff.png")
        if sameSize && rms <= Self.tolerance { try? FileManager.default.removeItem(at: actualPath) }
    }

    /// RMS over all channels of two PNGs; writes |a − b| × 4 as a diff image.
    func compare(_ a: String, _ b: String, diff: String) -> (Double, Bool) {
        let sa = cairo_image_surface_create_from_png(a), sb = cairo_image_surface_create_from_png(b)
        defer { cairo_surface_destroy(sa); cairo_surface_destroy(sb) }
        let w = cairo_image_surface_get_width(sa), h = cairo_image_surface_get_height(sa)
        guard w == cairo_image_surface_get_width(sb), h == cairo_image_surface_get_height(sb), w > 0, h > 0 else { return (.infinity, false) }
        cairo_surface_flush(sa); cairo_surface_flush(sb)
        let out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)
        defer { cairo_surface_destroy(out) }
        let strideA = Int(cairo_image_surface_get_stride(sa)), strideB = Int(cairo_image_surface_get_stride(sb))
        let strideO = Int(cairo_image_surface_get_stride(out))
        guard let pa = cairo_image_surface_get_data(sa), let pb = cairo_image_surface_get_data(sb),
              let po = cairo_image_surface_get_data(out) else { return (.infinity, false) }
        var sum = 0.0
        for y in 0..<Int(h) { for x in 0..<Int(w) { for c in 0..<4 {
            let d = Double(pa[y * strideA + 4 * x + c]) - Double(pb[y * strideB + 4 * x + c])
            sum += d * d
            po[y * strideO + 4 * x + c] = UInt8(min(abs(d) * 4, 255))
        } } }
        cairo_surface_mark_dirty(out)
        cairo_surface_write_to_png(out, diff)
        return ((sum / Double(Int(w) * Int(h) * 4)).squareRoot(), true)
    }
}
