import FigureModel
import Foundation
import Frame
import TextShaping

/// Measures and shapes page text runs with the one text shaper (HarfBuzz, `TextShaping`), the same
/// shaping for both, so a word is as wide on the page as the line breaker was told. Fonts are
/// resolved once per process; the engine only keeps a shaper per face. Safe to share between
/// threads (the shapers are, and the engine's own tables are behind a lock).
public final class PageTextEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var shapers: [PageFont: TextShaper] = [:]

    public init() {}

    /// The shaper of `font`; throws when its family is not installed.
    public func shaper(_ font: PageFont) throws -> TextShaper {
        lock.lock(); defer { lock.unlock() }
        if let s = shapers[font] { return s }
        let s = try TextShaper(family: font.family, bold: font.bold, italic: font.italic)
        shapers[font] = s
        return s
    }

    /// Width, ascent and descent of `text`. A family that is not installed measures as nothing:
    /// the handout measurer resolves every family it uses first and reports it where it was named.
    public func measure(_ text: String, font: PageFont, size: Double) -> PageTextMetrics {
        guard let s = try? shaper(font) else { return PageTextMetrics(width: 0, ascent: 0, descent: 0) }
        let line = s.shape(text, size: size)
        return PageTextMetrics(width: line.width, ascent: line.ascent, descent: line.descent)
    }

    /// The advance width of `text` (what `measure` gives, without the extents).
    public func width(_ text: String, font: PageFont, size: Double) -> Double {
        (try? shaper(font))?.width(text, size: size) ?? 0
    }
}

public struct PageTextMetrics: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
}

extension PageTextEngine {
    /// A text run as shaped glyph runs on its baseline.
    func frameItems(_ run: PageTextRun) throws -> [FrameItem] {
        // A run of no text but a space (the word space after a formula) is the space glyph alone.
        let spaceOnly = run.text.isEmpty && run.spaceAfter
        return glyphItems(try shaper(run.font).shape(spaceOnly ? " " : run.text, size: run.size), at: ScenePoint(run.x, run.baseline),
                          fill: .color(run.color),
                          trailingSpace: run.spaceAfter && !spaceOnly)
    }
}
