import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import CCairo
import FigureModel
import Frame
import MathTypesetting
@testable import CairoRender

@Suite struct MathRenderTests {
    let font: MathFont
    init() throws { font = try MathFont.load(family: MathFont.defaultFamily) }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-\(getpid())-\(name)").path
    }

    @Test func svgIsWellFormedAndDrawsGlyphOutlines() throws {
        let box = try typeset(#"D_{\mathrm{KL}}(p\,\|\,q) = \sum_x p(x) \log \frac{p(x)}{q(x)}"#, font: font, size: 12)
        let svg = try renderMathDocument(box, format: .svg)
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "SVG must be well-formed XML: \(String(describing: parser.parserError))")
        let text = String(decoding: svg, as: UTF8.self)
        // Each glyph outline is stored once as a path and placed with <use>.
        #expect(text.contains("<path"))
        #expect(text.components(separatedBy: "<use").count - 1 >= 15)
        // The fraction bar is a filled rectangle path, not text: no <text> elements at all.
        #expect(!text.contains("<text"))
    }

    @Test func pdfEmbedsTheMathFont() throws {
        let box = try typeset(#"H(p) = -\sum_{x} p(x)\log p(x)"#, display: true, font: font, size: 12)
        let pdf = try renderMathDocument(box, format: .pdf)
        let path = temporaryPath("embed.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeAtomically(pdf, to: path)
        let fonts = try runTool("/usr/bin/pdffonts", [path])
        let lines = fonts.split(separator: "\n").filter { $0.contains("DejaVuMathTeXGyre") }
        #expect(!lines.isEmpty, "pdffonts: \(fonts)")
        #expect(lines.allSatisfy { $0.contains(" yes ") })   // emb column
        // Deterministic output: rendering twice gives the same bytes.
        #expect(try renderMathDocument(box, format: .pdf) == pdf)
    }

    /// A long \underbrace is a glyph assembly; drawn piece by piece, the anti-aliased edges of two
    /// overlapping pieces add up at each join to a darker tick (a seam at high zoom). Filled as one
    /// outline, every column of the straight bar has the same coverage, joins included.
    @Test func assembledBraceHasNoSeamAtTheJoins() throws {
        let box = try typeset(#"\underbrace{a+b+c+d+e+f+g+h+i+j}"#, display: true, font: font, size: 20)
        let pieces = box.flatten().compactMap { if case .glyph(let g) = $0, g.assemblyPiece > 0 { return g } else { return nil } }
        #expect(pieces.count >= 5)
        #expect(pieces.map(\.assemblyPiece) == Array(1...pieces.count))
        // The frame (SVG, HTML) has one path for the whole brace and no glyph of it in a run.
        let items = mathFrameItems(box, x: 0, baseline: 0, fill: .color(Color(red: 0, green: 0, blue: 0, alpha: 1)), source: "")
        let pieceIDs = Set(pieces.map(\.glyph))
        for case .glyphs(let run) in items { #expect(run.glyphs.allSatisfy { !pieceIDs.contains($0.id) }) }
        #expect(items.filter { if case .path = $0 { return true } else { return false } }.count == 1)

        // Coverage of the bar, column by column, at 8 px per point.
        let zoom = 8.0, ink = mathInkExtents(box)
        let w = Int32((ink.width + 2) * zoom), h = Int32((ink.height + 2) * zoom)
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h))
        defer { cairo_surface_destroy(surface) }
        let cr = try #require(cairo_create(surface))
        cairo_scale(cr, zoom, zoom)
        FrameCairoPainter(palette: Palette()).draw(Frame(width: ink.width + 2, height: ink.height + 2, items:
            mathFrameItems(box, x: 1 - ink.x, baseline: 1 - ink.y, fill: .color(.black), source: "")), on: cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let rowStride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        // Rows of the brace: below the body's baseline (the brace hangs under the body).
        let top = Int((1 - ink.y + box.flatten().compactMap { if case .glyph(let g) = $0, g.assemblyPiece > 0 { return g.y } else { return nil } }.min()! - 3) * zoom)
        func coverage(_ px: Int) -> Int {
            var sum = 0
            for y in max(0, top)..<Int(h) { sum += Int(data[y * rowStride + px * 4 + 3]) }
            return sum
        }
        let offset = 1 - ink.x
        // The reference: the middle of the first extender (piece 2).
        let reference = Double(coverage(Int((offset + (pieces[1].x + pieces[2].x) / 2) * zoom)))
        #expect(reference > 0)
        for k in [1, 3] {   // joins left piece/extender and middle/extender, where the bar is straight
            let join = offset + pieces[k].x
            for dx in stride(from: -0.3, through: 0.3, by: 1 / zoom) {
                let c = Double(coverage(Int((join + dx) * zoom)))
                #expect(abs(c / reference - 1) < 0.02, "column at join \(k) \(dx) pt: coverage \(c) vs \(reference)")
            }
        }
    }

    @Test func pngTooLargeForCairoIsAnErrorNotATrap() throws {
        // Padding 1e7 pt is 4e7 px, beyond cairo's 32767-pixel side; 1e9 px/pt makes ~1e10 px, which
        // does not fit Int32 and used to trap. (The typeset size stays small: huge sizes in-process
        // leave cairo's shared font cache in an error state for other tests.)
        let box = try typeset("x", font: font, size: 12)
        #expect(throws: MathRenderError.self) { try renderMathDocument(box, format: .png, padding: 1e7) }
        #expect(throws: MathRenderError.self) { try renderMathDocument(box, format: .png, pixelsPerPoint: 1e9) }
    }

    @Test func pngIsCroppedTightlyToTheInk() throws {
        let box = try typeset(#"\int_0^1 f(x)\,dx"#, display: true, font: font, size: 20)
        let padding = 2.0, ppp = 3.0
        let png = try renderMathDocument(box, format: .png, padding: padding, pixelsPerPoint: ppp)
        let path = temporaryPath("crop.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeAtomically(png, to: path)
        let image = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(image) }
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = try #require(cairo_image_surface_get_data(image))
        var minX = width, maxX = -1, minY = height, maxY = -1
        for y in 0..<height {
            for x in 0..<width where data[y * stride + x * 4 + 3] > 0 {   // alpha byte (ARGB32, little endian)
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        let margin = Int(padding * ppp)
        // Ink reaches within a pixel of the padding on all four sides and never into it.
        for (edge, expected) in [(minX, margin), (minY, margin), (width - 1 - maxX, margin), (height - 1 - maxY, margin)] {
            #expect(abs(edge - expected) <= 1, "edge \(edge) vs padding \(expected) px")
        }
    }

    @Test func mathFramePlacesTheBaselineAndColour() throws {
        let box = try typeset("x", font: font, size: 40)
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100))
        defer { cairo_surface_destroy(surface) }
        let cr = try #require(cairo_create(surface))
        FrameCairoPainter(palette: Palette()).draw(Frame(width: 100, height: 100, items:
            mathFrameItems(box, x: 10, baseline: 60, fill: .color(Color(red: 1, green: 0, blue: 0)), source: "x")), on: cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        var inkRows: [Int] = []
        var sawRedOnly = true
        for y in 0..<100 {
            for x in 0..<100 where data[y * stride + x * 4 + 3] == 255 {
                inkRows.append(y)
                // Premultiplied BGRA in memory: opaque pixels are pure red.
                if data[y * stride + x * 4 + 2] != 255 || data[y * stride + x * 4 + 1] != 0 { sawRedOnly = false }
            }
        }
        #expect(sawRedOnly)
        // An x sits on the baseline: ink ends at y = 60 and rises about the x-height (≈ 0.45 em).
        let bottom = try #require(inkRows.max()), top = try #require(inkRows.min())
        #expect(abs(bottom - 60) <= 1)
        #expect(abs(Double(60 - top) - box.height) <= 2)
    }

    @Test func writesAtomicallyWithoutLeavingTemporaryFiles() throws {
        let dir = temporaryPath("dir")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeAtomically(Data("one".utf8), to: dir + "/f.svg")
        try writeAtomically(Data("two".utf8), to: dir + "/f.svg")
        #expect(try String(contentsOfFile: dir + "/f.svg", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["f.svg"])
    }
}

extension MathRenderTests {
    /// \cancel's stroke reaches the frame as a filled quadrilateral (its 0.4pt-wide outline) across the body,
    /// in the formula's colour, and the PDF still extracts the struck character.
    @Test func cancelStrokeIsAFilledQuadrilateral() throws {
        let box = try typeset(#"\cancel{5}"#, font: font, size: 10)
        let items = mathFrameItems(box, x: 0, baseline: 20, fill: .color(.black), source: #"\cancel{5}"#)
        let paths = items.compactMap { if case .path(let p) = $0 { return p } else { return nil } }
        #expect(paths.count == 1)
        let points = paths[0].elements.compactMap { e -> ScenePoint? in
            switch e { case .move(let p), .line(let p): return p; default: return nil }
        }
        #expect(points.count == 4)
        // The outline surrounds the stroke's centre line, which rises across the box.
        guard case .line(let l)? = box.flatten().first(where: { if case .line = $0 { return true } else { return false } }) else {
            Issue.record("no stroke"); return
        }
        #expect(l.x1 - l.x0 > 0 && l.y1 < l.y0)
        let xs = points.map(\.x), ys = points.map(\.y)
        #expect(abs((xs.max()! - xs.min()!) - (l.x1 - l.x0)) < 0.4 && abs((ys.max()! - ys.min()!) - (l.y0 - l.y1)) < 0.4)
        #expect(abs(ys.max()! - (20 + l.y0)) < 0.4)
        let pdf = try renderMathDocument(box, format: .pdf)
        let path = temporaryPath("cancel.pdf")
        try pdf.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try runTool("/usr/bin/pdftotext", [path, "-"]).contains("5"))
    }
}
