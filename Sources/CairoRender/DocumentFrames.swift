import Foundation
import FigureModel
import Frame

/// The figures of one build, each laid out to its frame once and reused by every output that shows
/// it (the PDF pages, the SVG pages, a deck and its notes pages). A figure is its own key: the same
/// figure at the same size, theme (colours and label fonts) and label size is the same frame, whichever output asks first, so
/// output never depends on the order figures are drawn in.
public final class FigureFrames: @unchecked Sendable {
    // @unchecked: `frames` is only touched under `lock`; frames are immutable values.
    private let lock = NSLock()
    private var frames: [Figure: Frame] = [:]
    /// How many figures were laid out (not found in the cache): what tests of "once per build" count.
    public private(set) var layouts = 0

    public init() {}

    /// The frame of `figure` with labels in its theme's fonts, laid out on first use (each layout
    /// with the shared text shapers; fonts are resolved once per process).
    public func frame(_ figure: Figure) throws -> Frame {
        let key = figure
        lock.lock()
        if let hit = frames[key] { lock.unlock(); return hit }
        lock.unlock()
        let text = try LabelText(theme: figure.theme)
        let frame = figureFrame(try layoutFigure(figure, measurer: text), text: text)
        lock.lock(); defer { lock.unlock() }
        if frames[key] == nil { layouts += 1; frames[key] = frame }
        return frames[key] ?? frame
    }
}

/// Every page of `document` laid out to its frame: text shaped into glyph runs, formulas placed as
/// glyph runs and rules, figures taken from `figures` at the size they occupy. Exporters draw only
/// these frames (PDF through cairo, SVG through the direct writer).
public func documentFrames(_ document: DocumentDrawing, figures: FigureFrames = FigureFrames(),
                           text: PageTextEngine = PageTextEngine()) throws -> [Frame] {
    return try document.pages.enumerated().map { n, page in
        var frame = try pageFrame(page, title: "\(document.title), page \(n + 1) of \(document.pages.count)", text: text,
                                  figures: figures)
        frame.description = document.subject ?? document.title
        return frame
    }
}
