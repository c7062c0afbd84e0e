import Foundation
import CFreeType
import CHarfBuzz

/// A text font opened once through FreeType and HarfBuzz: its file, metrics and shaping. HarfBuzz's
/// scale is the font's units per em and its OpenType functions read the tables directly, so a
/// string is shaped once in font units for every size (no hinting) and PDF, SVG and PNG agree.
///
/// Immutable after opening; HarfBuzz fonts are safe to shape with from several threads (each call
/// has its own buffer) and the shaping cache is behind a lock.
public final class ShapingFont: @unchecked Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let faceIndex: Int
    /// The family name the font file gives.
    public let family: String
    public let unitsPerEm: Double
    /// From the baseline up to the font's ascender, and down to its descender (positive), in font
    /// units: the horizontal extents HarfBuzz reports (OS/2 typo metrics when the font asks for
    /// them, else hhea), the same values Pango's logical rectangles used.
    public let ascender: Double
    public let descender: Double
    /// The x-height and cap height in font units (OS/2, else the ink of "x" and "H").
    public let xHeight: Double
    public let capHeight: Double

    private let library: FT_Library
    private let hbFont: OpaquePointer
    private let lock = NSLock()
    private var shaped: [String: [FontGlyph]] = [:]
    private var coverage: [UInt32: Bool] = [:]

    init(path: String, faceIndex: Int) throws {
        var lib: FT_Library?
        guard FT_Init_FreeType(&lib) == 0, let lib else { throw FontError("FreeType could not be initialised") }
        var face: FT_Face?
        guard FT_New_Face(lib, path, faceIndex, &face) == 0, let face else {
            FT_Done_FreeType(lib)
            throw FontError("cannot open font file \(path)")
        }
        guard let font = hb_ft_font_create_referenced(face) else {
            FT_Done_Face(face); FT_Done_FreeType(lib)
            throw FontError("HarfBuzz cannot open \(path)")
        }
        hb_ot_font_set_funcs(font)
        let upem = hb_face_get_upem(hb_font_get_face(font))
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hb_font_make_immutable(font)
        var extents = hb_font_extents_t()
        _ = hb_font_get_h_extents(font, &extents)
        // OS/2 version 2 and later give the heights; older tables (DejaVu's) do not, and then
        // the top of the ink of "x" and "H" is the height, as TeX's fontdimens are measured.
        func height(_ tag: hb_ot_metrics_tag_t, _ letter: Unicode.Scalar) -> Double {
            var v: hb_position_t = 0
            if hb_ot_metrics_get_position(font, tag, &v) != 0, v > 0 { return Double(v) }
            var glyph: hb_codepoint_t = 0
            var ink = hb_glyph_extents_t()
            guard hb_font_get_nominal_glyph(font, letter.value, &glyph) != 0, hb_font_get_glyph_extents(font, glyph, &ink) != 0
            else { return 0 }
            return Double(ink.y_bearing)
        }
        self.library = lib
        self.hbFont = font
        self.path = path
        self.faceIndex = faceIndex
        self.family = face.pointee.family_name.map { String(cString: $0) } ?? path
        self.unitsPerEm = Double(upem)
        self.ascender = Double(extents.ascender)
        self.descender = -Double(extents.descender)
        self.xHeight = height(HB_OT_METRICS_TAG_X_HEIGHT, "x")
        self.capHeight = height(HB_OT_METRICS_TAG_CAP_HEIGHT, "H")
    }

    deinit {
        hb_font_destroy(hbFont)
        FT_Done_FreeType(library)   // also releases the face, which hb_ft referenced
    }

    public static func == (a: ShapingFont, b: ShapingFont) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
    public var description: String { "\(family) (\(path.split(separator: "/").last ?? ""))" }

    /// Whether the font has a glyph for `scalar` (its cmap, as fontconfig's charset says).
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if let known = coverage[scalar.value] { return known }
        var glyph: hb_codepoint_t = 0
        let has = hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0
        coverage[scalar.value] = has
        return has
    }

    /// The nominal glyph of `scalar`, if the font has one.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0 ? glyph : nil
    }

    /// `text` shaped with the font's default features (kerning, ligatures), in font units; each
    /// glyph carries the characters of its cluster (the cluster's first glyph all of them, the
    /// others none), so the glyphs' texts joined give `text` back.
    public func shape(_ text: String) -> [FontGlyph] {
        guard !text.isEmpty else { return [] }
        lock.lock()
        if let hit = shaped[text] { lock.unlock(); return hit }
        lock.unlock()
        let glyphs = shapeUncached(text)
        lock.lock(); shaped[text] = glyphs; lock.unlock()
        return glyphs
    }

    /// A soft hyphen (U+00AD) ending the text is the hyphen a line break inserted: it is shaped as
    /// the hyphen (so the line is as wide as the line breaker measured "noth-") and drawn with the
    /// font's own soft-hyphen glyph, which maps back to U+00AD. Tagged PDF requires that mapping
    /// for an incidental word division (ISO 32000-1 §14.8.2.2.3, "Hyphenation"), so the words read
    /// "nothing", not "noth-ing"; HarfBuzz itself would hide U+00AD as a default ignorable.
    private func shapeUncached(_ text: String) -> [FontGlyph] {
        guard text.unicodeScalars.last == "\u{00AD}" else { return shapeHarfBuzz(text) }
        var glyphs = shapeHarfBuzz(String(text.unicodeScalars.dropLast()) + "-")
        if let last = glyphs.indices.last, glyphs[last].text == "-" {
            if let shy = glyph(for: "\u{00AD}") { glyphs[last].id = shy }
            glyphs[last].text = "\u{00AD}"
        }
        return glyphs
    }

    private func shapeHarfBuzz(_ text: String) -> [FontGlyph] {
        guard let buffer = hb_buffer_create() else { return [] }
        defer { hb_buffer_destroy(buffer) }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count)) }
        }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(hbFont, buffer, nil, 0)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count > 0,
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        let n = Int(count)
        // HarfBuzz clusters are byte offsets into the UTF-8 text; a cluster ends where the next one
        // in the text starts (so this holds for right-to-left runs too, whose offsets fall).
        let starts = Set((0..<n).map { Int(infos[$0].cluster) }).sorted()
        var end: [Int: Int] = [:]
        for (k, s) in starts.enumerated() { end[s] = k + 1 < starts.count ? starts[k + 1] : bytes.count }
        var out: [FontGlyph] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let start = Int(infos[i].cluster)
            var piece = ""
            if i == 0 || Int(infos[i - 1].cluster) != start, let stop = end[start], start >= 0, stop <= bytes.count {
                piece = String(decoding: bytes[start..<stop], as: UTF8.self)
            }
            let p = positions[i]
            out.append(FontGlyph(id: infos[i].codepoint, advance: Double(p.x_advance), xOffset: Double(p.x_offset),
                                 yOffset: Double(p.y_offset), text: piece))
        }
        return out
    }
}

/// A shaped glyph in font units (y up, as HarfBuzz gives it).
public struct FontGlyph: Sendable, Hashable {
    public var id: UInt32
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
    /// The characters this glyph stands for ("" for a cluster's further glyphs).
    public var text: String
}

public struct FontError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
