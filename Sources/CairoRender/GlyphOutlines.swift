import CHarfBuzz
import FigureModel
import Foundation
import Frame

/// Glyph outlines in font units (y up) as SVG path data, read through HarfBuzz's draw API
/// (hb_font_get_glyph_shape) with the font's scale set to its units per em. One HarfBuzz font per
/// file for the life of the process; the lock guards the cache, HarfBuzz fonts are safe to share.
final class GlyphOutlines: @unchecked Sendable {
    static let shared = GlyphOutlines()
    private let lock = NSLock()
    private var fonts: [FontRef: (font: OpaquePointer, upem: Double)] = [:]
    private var paths: [GlyphKey: [UInt8]] = [:]
    private var outlines: [GlyphKey: [PathElement]] = [:]
    private let funcs: OpaquePointer

    private struct GlyphKey: Hashable { var font: FontRef; var glyph: UInt32 }

    private init() {
        funcs = hb_draw_funcs_create()
        hb_draw_funcs_set_move_to_func(funcs, { _, data, _, x, y, _ in
            OutlineSink.from(data).command(UInt8(ascii: "M"), [x, y])
        }, nil, nil)
        hb_draw_funcs_set_line_to_func(funcs, { _, data, _, x, y, _ in
            OutlineSink.from(data).command(UInt8(ascii: "L"), [x, y])
        }, nil, nil)
        hb_draw_funcs_set_quadratic_to_func(funcs, { _, data, _, cx, cy, x, y, _ in
            OutlineSink.from(data).command(UInt8(ascii: "Q"), [cx, cy, x, y])
        }, nil, nil)
        hb_draw_funcs_set_cubic_to_func(funcs, { _, data, _, c1x, c1y, c2x, c2y, x, y, _ in
            OutlineSink.from(data).command(UInt8(ascii: "C"), [c1x, c1y, c2x, c2y, x, y])
        }, nil, nil)
        hb_draw_funcs_set_close_path_func(funcs, { _, data, _, _ in
            OutlineSink.from(data).close()
        }, nil, nil)
        hb_draw_funcs_make_immutable(funcs)
    }

    /// Units per em of the font (nil when the file cannot be opened).
    func unitsPerEm(_ ref: FontRef) -> Double? {
        lock.lock(); defer { lock.unlock() }
        return open(ref)?.upem
    }

    /// The glyph's outline as path data in font units, y up (empty for a blank glyph such as a space).
    func path(_ ref: FontRef, _ glyph: UInt32) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        return draw(ref, glyph)?.bytes ?? []
    }

    /// The same outline as path elements in font units, y up, quadratic segments raised to cubics.
    func elements(_ ref: FontRef, _ glyph: UInt32) -> [PathElement] {
        lock.lock(); defer { lock.unlock() }
        return draw(ref, glyph)?.elements ?? []
    }

    /// The glyph the font's character map gives `scalar` (nil when it has none).
    func nominalGlyph(_ ref: FontRef, _ scalar: Unicode.Scalar) -> UInt32? {
        lock.lock(); defer { lock.unlock() }
        guard let font = open(ref)?.font else { return nil }
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 ? glyph : nil
    }

    private func draw(_ ref: FontRef, _ glyph: UInt32) -> (bytes: [UInt8], elements: [PathElement])? {
        let key = GlyphKey(font: ref, glyph: glyph)
        if let p = paths[key], let e = outlines[key] { return (p, e) }
        guard let font = open(ref)?.font else { return nil }
        let sink = OutlineSink()
        withExtendedLifetime(sink) {
            hb_font_get_glyph_shape(font, glyph, funcs, Unmanaged.passUnretained(sink).toOpaque())
        }
        paths[key] = sink.bytes
        outlines[key] = sink.elements
        return (sink.bytes, sink.elements)
    }

    private func open(_ ref: FontRef) -> (font: OpaquePointer, upem: Double)? {
        if let f = fonts[ref] { return f }
        guard let blob = hb_blob_create_from_file_or_fail(ref.path) else { return nil }
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, UInt32(ref.faceIndex))
        defer { hb_face_destroy(face) }
        let upem = hb_face_get_upem(face)
        guard upem > 0, let font = hb_font_create(face) else { return nil }
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        let entry = (font: font, upem: Double(upem))
        fonts[ref] = entry
        return entry
    }
}

/// Collects one glyph's path data; integer font units (TrueType outlines are integral; CFF rounding
/// to a unit is a thousandth of an em).
private final class OutlineSink {
    var bytes: [UInt8] = []
    var last: UInt8 = 0
    var elements: [PathElement] = []
    private var current = ScenePoint(0, 0)

    static func from(_ p: UnsafeMutableRawPointer?) -> OutlineSink {
        Unmanaged<OutlineSink>.fromOpaque(p!).takeUnretainedValue()
    }

    func command(_ c: UInt8, _ values: [Float]) {
        record(c, values.map(Double.init))
        if c != last || c == UInt8(ascii: "M") { bytes.append(c); last = c } else { bytes.append(UInt8(ascii: " ")) }
        for (i, v) in values.enumerated() {
            let n = Int(v.rounded())
            if i > 0 && n >= 0 { bytes.append(UInt8(ascii: " ")) }
            PointFormatter.appendInt(n, to: &bytes)
        }
    }

    func close() { bytes.append(UInt8(ascii: "Z")); last = UInt8(ascii: "Z"); elements.append(.close) }

    private func record(_ c: UInt8, _ v: [Double]) {
        switch c {
        case UInt8(ascii: "M"): current = ScenePoint(v[0], v[1]); elements.append(.move(current))
        case UInt8(ascii: "L"): current = ScenePoint(v[0], v[1]); elements.append(.line(current))
        case UInt8(ascii: "Q"):
            // A quadratic Bézier as the cubic with control points 2/3 of the way to its control point.
            let q = ScenePoint(v[0], v[1]), end = ScenePoint(v[2], v[3])
            let c1 = ScenePoint(current.x + 2 / 3 * (q.x - current.x), current.y + 2 / 3 * (q.y - current.y))
            let c2 = ScenePoint(end.x + 2 / 3 * (q.x - end.x), end.y + 2 / 3 * (q.y - end.y))
            elements.append(.curve(c1, c2, end)); current = end
        default:
            let end = ScenePoint(v[4], v[5])
            elements.append(.curve(ScenePoint(v[0], v[1]), ScenePoint(v[2], v[3]), end)); current = end
        }
    }
}
