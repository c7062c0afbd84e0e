import Foundation
import CHarfBuzz
import CFreeType
import CFontconfig

/// A math font opened once through FreeType and HarfBuzz; the only type in this module that talks to C.
///
/// HarfBuzz reads the MATH table and shapes `ssty` alternates; its scale is set to units-per-em so every
/// value comes back in design units (hb_ot_math_get_constant returns 0 when no scale is set).
/// The class is immutable after `load`; HarfBuzz fonts are safe for concurrent reads and the glyph
/// cache is behind a lock.
public final class MathFont: MathMetrics, @unchecked Sendable {
    /// The family that was asked for and the one actually opened.
    public let requestedFamily: String
    public let family: String
    public let path: String
    public let faceIndex: Int
    /// Set when the requested family was not found and DejaVu Math TeX Gyre was used instead.
    public let warning: String?
    public let unitsPerEm: Double

    private let library: FT_Library
    private let face: FT_Face
    private let hbFont: OpaquePointer
    private let lock = NSLock()
    private var glyphCache: [GlyphKey: UInt32?] = [:]
    private var metricsCache: [UInt32: GlyphMetrics] = [:]

    public static let defaultFamily = "DejaVu Math TeX Gyre"
    public static let handoutFamily = "TeX Gyre Pagella Math"
    public static let classicFamily = "Latin Modern Math"
    static let fallbackPath = "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf"
    /// The math font that supplies characters the chosen one lacks. Of the OpenType math fonts Debian
    /// packages, STIX Math (fonts-stix) has the most of unicode-math-table.tex's symbols: it lacks 8 of
    /// the 788 that DejaVu Math TeX Gyre lacks (Noto Sans Math lacks 189, Asana Math 223).
    public static let fallbackFamily = "STIX Math"

    /// Opened once per process; nil when STIX Math is not installed (the characters are then errors).
    private static let sharedFallback: MathFont? = {
        guard let match = resolve(family: fallbackFamily) else { return nil }
        return try? MathFont(requested: fallbackFamily, family: match.family, path: match.path, index: match.index, warning: nil)
    }()

    /// The fallback math font for this one (none for STIX Math itself).
    public var fallbackFont: MathFont? {
        Self.normalized(family) == Self.normalized(Self.fallbackFamily) ? nil : Self.sharedFallback
    }

    public var fallback: (any MathMetrics)? { fallbackFont }

    /// Resolves `family` through fontconfig; a family that is not installed falls back to DejaVu Math
    /// TeX Gyre and records why in `warning`. Throws only when no usable math font can be opened.
    public static func load(family: String = defaultFamily) throws -> MathFont {
        try opened("family:" + family) { try openFamily(family) }
    }

    private static func openFamily(_ family: String) throws -> MathFont {
        if let match = resolve(family: family) {
            if let font = try? MathFont(requested: family, family: match.family, path: match.path, index: match.index, warning: nil) {
                return font
            }
        }
        let warning = "math font \"\(family)\" was not found (or has no MATH table); using \(defaultFamily)"
        let fallback = resolve(family: defaultFamily) ?? (defaultFamily, fallbackPath, 0)
        return try MathFont(requested: family, family: fallback.family, path: fallback.path, index: fallback.index, warning: warning)
    }

    /// Whether `family` (or a font file, when it has a slash) opens as a math font of its own: found by
    /// fontconfig under that name and carrying an OpenType MATH table, whose constants every rule of
    /// TeXbook Appendix G reads. A document that names one that does not is an error where it is
    /// named, not a page set in another font.
    public static func isUsable(_ family: String) -> Bool {
        if family.contains("/") { return (try? load(path: family)) != nil }
        return (try? load(family: family))?.warning == nil
    }

    /// The message for a math font that is not usable (callers add where it was named).
    public static func notUsableProblem(_ family: String) -> String {
        let known = [defaultFamily, handoutFamily, classicFamily, fallbackFamily].filter { resolve(family: $0) != nil }
        let what = family.contains("/") ? "the font file '\(family)' cannot be opened or has no OpenType MATH table"
            : "the math font '\(family)' is not installed or has no OpenType MATH table"
        return what + (known.isEmpty ? "" : " (installed math fonts: " + known.joined(separator: ", ") + ")")
    }

    /// Opens a font file directly (tests, or a font that is not installed).
    public static func load(path: String, faceIndex: Int = 0) throws -> MathFont {
        try opened("file:\(faceIndex):" + path) { try MathFont(requested: path, family: nil, path: path, index: faceIndex, warning: nil) }
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var openFonts: [String: (font: MathFont, stamp: FileStamp?)] = [:]
    private static let matchLock = NSLock()
    nonisolated(unsafe) private static var matches: [String: (family: String, path: String, index: Int)?] = [:]

    /// Fonts are resolved and opened once per process (every handout, figure label and formula of a
    /// build shares them; the font is immutable and safe to share), and opened again only when the
    /// file changed on disk since (`infoplot build --watch` sees a replaced font).
    private static func opened(_ key: String, _ open: () throws -> MathFont) throws -> MathFont {
        cacheLock.lock(); defer { cacheLock.unlock() }
        if let hit = openFonts[key], hit.stamp == FileStamp(hit.font.path) { return hit.font }
        let font = try open()
        openFonts[key] = (font, FileStamp(font.path))
        return font
    }

    /// The file fontconfig picks for `family` (any font, not only math), e.g. for a build cache key.
    public static func fontFile(family: String) -> String? { resolve(family: family)?.path }

    private static func resolve(family: String) -> (family: String, path: String, index: Int)? {
        matchLock.lock(); defer { matchLock.unlock() }
        if let hit = matches[family] { return hit }
        let found = match(family: family)
        matches[family] = found
        return found
    }

    /// fontconfig's answer for `family` (its configuration is read once by FcInit, so the answer
    /// does not change within a process and `resolve` keeps it).
    /// FcFontMatch always returns something; only accept it when the family really matches.
    private static func match(family: String) -> (family: String, path: String, index: Int)? {
        // The process-wide default configuration (FcInit loads it once; fontconfig locks it internally),
        // so each load does not rescan the font cache.
        guard FcInit() != 0 else { return nil }
        let config: OpaquePointer? = nil
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let matched = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(matched) }
        var fileValue: UnsafeMutablePointer<FcChar8>?
        var familyValue: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(matched, FC_FILE, 0, &fileValue) == FcResultMatch, let fileValue,
              FcPatternGetString(matched, FC_FAMILY, 0, &familyValue) == FcResultMatch, let familyValue
        else { return nil }
        _ = FcPatternGetInteger(matched, FC_INDEX, 0, &index)
        let foundFamily = String(cString: familyValue)
        guard normalized(foundFamily) == normalized(family) else { return nil }
        return (foundFamily, String(cString: fileValue), Int(index))
    }

    /// A file's size and modification time: whether a font file changed since it was opened.
    private struct FileStamp: Equatable {
        let size: Int64, seconds: Int, nanoseconds: Int
        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            size = Int64(st.st_size); seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
        }
    }

    private static func normalized(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    /// `family` nil: take the family name from the font file.
    private init(requested: String, family: String?, path: String, index: Int, warning: String?) throws {
        var lib: FT_Library?
        guard FT_Init_FreeType(&lib) == 0, let lib else { throw MathFontError(message: "FreeType could not be initialised") }
        var ftFace: FT_Face?
        guard FT_New_Face(lib, path, index, &ftFace) == 0, let ftFace else {
            FT_Done_FreeType(lib)
            throw MathFontError(message: "cannot open font file \(path)")
        }
        guard let font = hb_ft_font_create_referenced(ftFace) else {
            FT_Done_Face(ftFace); FT_Done_FreeType(lib)
            throw MathFontError(message: "HarfBuzz cannot open \(path)")
        }
        // HarfBuzz's own OpenType functions read metrics straight from the tables, so values do not
        // depend on the FreeType size or hinting.
        hb_ot_font_set_funcs(font)
        let upem = hb_face_get_upem(hb_font_get_face(font))
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        guard hb_ot_math_has_data(hb_font_get_face(font)) != 0 else {
            hb_font_destroy(font); FT_Done_Face(ftFace); FT_Done_FreeType(lib)
            throw MathFontError(message: "\(path) has no OpenType MATH table")
        }
        self.library = lib
        self.face = ftFace
        self.hbFont = font
        self.unitsPerEm = Double(upem)
        self.requestedFamily = requested
        self.family = family ?? ftFace.pointee.family_name.map { String(cString: $0) } ?? path
        self.path = path
        self.faceIndex = index
        self.warning = warning
    }

    deinit {
        hb_font_destroy(hbFont)
        FT_Done_FreeType(library)   // also releases the face, which hb_ft referenced
    }

    /// The FreeType face (an `FT_Face`), for renderers that draw glyphs through cairo-ft.
    public var freeTypeFace: UnsafeMutableRawPointer { UnsafeMutableRawPointer(face) }

    public func constant(_ c: MathConstant) -> Double {
        Double(hb_ot_math_get_constant(hbFont, hb_ot_math_constant_t(UInt32(c.rawValue))))
    }

    private struct GlyphKey: Hashable { let scalar: UInt32; let level: Int }

    public func glyph(for scalar: Unicode.Scalar, scriptLevel: Int) -> UInt32? {
        let key = GlyphKey(scalar: scalar.value, level: min(max(scriptLevel, 0), 2))
        lock.lock(); defer { lock.unlock() }
        if let cached = glyphCache[key] { return cached }
        let found = lookUp(scalar.value, level: key.level)
        glyphCache[key] = found
        return found
    }

    /// Script alternates come from shaping the code point with the `ssty` feature, so the GSUB
    /// lookups of the font decide, not a table of ours.
    private func lookUp(_ codepoint: UInt32, level: Int) -> UInt32? {
        var nominal: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(hbFont, codepoint, &nominal) != 0 else { return nil }
        if level == 0 { return nominal }
        guard let buffer = hb_buffer_create() else { return nominal }
        defer { hb_buffer_destroy(buffer) }
        var cp = codepoint
        hb_buffer_add_utf32(buffer, &cp, 1, 0, 1)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, HB_SCRIPT_MATH)
        hb_buffer_set_language(buffer, hb_language_from_string("en", -1))
        var feature = hb_feature_t(tag: hbTag("ssty"), value: UInt32(level), start: 0, end: UInt32.max)
        hb_shape(hbFont, buffer, &feature, 1)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count == 1 else { return nominal }
        return infos[0].codepoint
    }

    /// \text{…} and operator names: HarfBuzz shaping with the font's default features (kerning,
    /// ligatures), plus `ssty` at script levels.
    public func shapeText(_ text: String, scriptLevel: Int) -> [ShapedGlyph]? {
        guard !text.isEmpty, let buffer = hb_buffer_create() else { return nil }
        defer { hb_buffer_destroy(buffer) }
        hb_buffer_add_utf8(buffer, text, -1, 0, -1)
        hb_buffer_guess_segment_properties(buffer)
        if scriptLevel > 0 {
            // The math script tag, under which the font registers its ssty lookups.
            hb_buffer_set_script(buffer, HB_SCRIPT_MATH)
            var feature = hb_feature_t(tag: hbTag("ssty"), value: UInt32(min(scriptLevel, 2)), start: 0, end: UInt32.max)
            hb_shape(hbFont, buffer, &feature, 1)
        } else {
            hb_shape(hbFont, buffer, nil, 0)
        }
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return nil }
        return (0..<Int(count)).map {
            ShapedGlyph(glyph: infos[$0].codepoint, advance: Double(positions[$0].x_advance), cluster: Int(infos[$0].cluster))
        }
    }

    /// Latin Modern Roman is the only companion text roman here with design sizes (lmroman5…17; fontspec
    /// sets 7pt scripts in lmroman7); TeX Gyre Pagella and DejaVu Serif have one design, scaled.
    public var textHasScriptDesigns: Bool { family.hasPrefix("Latin Modern") }

    public func glyphMetrics(_ glyph: UInt32) -> GlyphMetrics {
        lock.lock(); defer { lock.unlock() }
        if let cached = metricsCache[glyph] { return cached }
        var extents = hb_glyph_extents_t()
        _ = hb_font_get_glyph_extents(hbFont, glyph, &extents)
        let advance = Double(hb_font_get_glyph_h_advance(hbFont, glyph))
        let italic = Double(hb_ot_math_get_glyph_italics_correction(hbFont, glyph))
        let accent = hb_ot_math_get_glyph_top_accent_attachment(hbFont, glyph)
        // HarfBuzz answers advance/2 when the font has no attachment; treat that as "none" so the
        // layout falls back to the ink centre (right for zero-advance combining accents).
        let fallback = hb_font_get_glyph_h_advance(hbFont, glyph) / 2
        let m = GlyphMetrics(advance: advance,
                             height: max(0, Double(extents.y_bearing)),
                             depth: max(0, Double(extents.height + extents.y_bearing) * -1),
                             italicCorrection: italic,
                             topAccentAttachment: accent == fallback ? nil : Double(accent),
                             inkCenter: Double(extents.x_bearing) + Double(extents.width) / 2)
        metricsCache[glyph] = m
        return m
    }

    public func variants(of glyph: UInt32, horizontal: Bool) -> [GlyphVariant] {
        let direction = horizontal ? HB_DIRECTION_LTR : HB_DIRECTION_BTT
        var count: UInt32 = 64
        var buffer = [hb_ot_math_glyph_variant_t](repeating: hb_ot_math_glyph_variant_t(), count: 64)
        let total = hb_ot_math_get_glyph_variants(hbFont, glyph, direction, 0, &count, &buffer)
        var result = (0..<Int(count)).map { GlyphVariant(glyph: buffer[$0].glyph, advance: Double(buffer[$0].advance)) }
        if total == 0 || result.isEmpty {
            let m = glyphMetrics(glyph)
            result = [GlyphVariant(glyph: glyph, advance: horizontal ? m.advance : m.height + m.depth)]
        }
        return result
    }

    public func assembly(of glyph: UInt32, horizontal: Bool) -> [GlyphPart] {
        let direction = horizontal ? HB_DIRECTION_LTR : HB_DIRECTION_BTT
        var count: UInt32 = 32
        var parts = [hb_ot_math_glyph_part_t](repeating: hb_ot_math_glyph_part_t(), count: 32)
        var italic: hb_position_t = 0
        _ = hb_ot_math_get_glyph_assembly(hbFont, glyph, direction, 0, &count, &parts, &italic)
        return (0..<Int(count)).map {
            let p = parts[$0]
            return GlyphPart(glyph: p.glyph, startConnector: Double(p.start_connector_length),
                             endConnector: Double(p.end_connector_length), fullAdvance: Double(p.full_advance),
                             isExtender: (p.flags.rawValue & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER.rawValue) != 0)
        }
    }

    public func kern(_ glyph: UInt32, corner: MathKernCorner, height: Double) -> Double {
        let k: hb_ot_math_kern_t
        switch corner {
        case .topRight: k = HB_OT_MATH_KERN_TOP_RIGHT
        case .topLeft: k = HB_OT_MATH_KERN_TOP_LEFT
        case .bottomRight: k = HB_OT_MATH_KERN_BOTTOM_RIGHT
        case .bottomLeft: k = HB_OT_MATH_KERN_BOTTOM_LEFT
        }
        guard height.isFinite else { return 0 }
        return Double(hb_ot_math_get_glyph_kerning(hbFont, glyph, k, hb_position_t(max(-1e6, min(1e6, height)).rounded())))
    }

    public var minConnectorOverlap: Double {
        Double(hb_ot_math_get_min_connector_overlap(hbFont, HB_DIRECTION_BTT))
    }
}

private func hbTag(_ s: String) -> hb_tag_t {
    s.utf8.prefix(4).reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
}

public struct MathFontError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
