import Foundation
import Frame

/// Glyph outlines shared by many SVGs inlined in one HTML page (its formulas): each drawing places
/// glyphs with `<use>` pointing here, and the page carries every outline once in one hidden SVG
/// (`defsSVG`). Ids name the font by a hash of its file and face, and the glyph by its id, so they
/// do not depend on the order formulas were drawn in.
public final class SharedGlyphs: @unchecked Sendable {
    private let lock = NSLock()
    private var used: Set<Key> = []

    struct Key: Hashable, Comparable {
        var font: FontRef
        var glyph: UInt32
        static func < (a: Key, b: Key) -> Bool { (a.font, a.glyph) < (b.font, b.glyph) }
    }

    public init() {}

    /// Records a glyph and returns its id, or nil for a glyph without outline (a space).
    func id(_ font: FontRef, _ glyph: UInt32) -> String? {
        guard !GlyphOutlines.shared.path(font, glyph).isEmpty else { return nil }
        lock.lock(); used.insert(Key(font: font, glyph: glyph)); lock.unlock()
        return Self.name(font, glyph)
    }

    static func name(_ font: FontRef, _ glyph: UInt32) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in "\(font.faceIndex):\(font.path)".utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h & 0xFFFF_FFFF, radix: 16)
        return "g" + String(repeating: "0", count: 8 - hex.count) + hex + "-\(glyph)"
    }

    /// One zero-size SVG holding every outline used so far (empty string when none).
    public func defsSVG() -> String {
        lock.lock(); let keys = used.sorted(); lock.unlock()
        guard !keys.isEmpty else { return "" }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>\n"
        // An outline another glyph already has (a hyphen and U+2010, one shape in two faces) is
        // stored once; the later name is a `<use>` of the first, so drawings keep their ids and no
        // outline appears twice in the page.
        var first: [[UInt8]: String] = [:]
        for k in keys {
            let outline = GlyphOutlines.shared.path(k.font, k.glyph)
            let name = Self.name(k.font, k.glyph)
            if let same = first[outline] {
                s += "<use id=\"\(name)\" href=\"#\(same)\"/>\n"
                continue
            }
            first[outline] = name
            s += "<path id=\"\(name)\" d=\"" + String(decoding: outline, as: UTF8.self) + "\"/>\n"
        }
        return s + "</defs></svg>\n"
    }
}
