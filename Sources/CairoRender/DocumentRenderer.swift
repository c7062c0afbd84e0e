import CCairo
import Foundation
import FigureModel
import Frame

/// Multi-page PDF with bookmarks, internal links and metadata (cairo); one SVG per page (the direct
/// writer). Both draw the same page frames (DocumentFrames.swift), built once per build.
///
/// Every call builds its own cairo surfaces, so documents may be rendered on several threads at
/// once (cairo and fontconfig lock internally; text shapers and font faces are shared behind locks).

/// The PDF bytes of `document`, drawn from its page frames (`frames`, or laid out here when nil).
/// `creationDate` as in `RenderOptions` (nil: SOURCE_DATE_EPOCH or a fixed date), so re-runs are
/// byte-identical.
public func renderDocumentPDF(_ document: DocumentDrawing, frames: [Frame]? = nil, creationDate: String? = nil) throws -> Data {
    let frames = try frames ?? documentFrames(document)
    guard let first = frames.first else { throw RenderError("a document needs at least one page") }
    let (surface, sink) = try makePDFSurface(width: first.width, height: first.height, title: document.title,
                                             author: document.author, subject: document.subject, date: creationDate)
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { throw RenderError("cairo could not create a drawing context") }
    // Links may only name destinations that exist, or cairo fails the whole document.
    var names = Set<String>()
    for frame in frames {
        for case .destination(let name, _) in frame.items { names.insert(name) }
    }
    let painter = FrameCairoPainter(palette: Palette(), destinations: names)
    // cairo 1.16 gives every link a structure element but writes the structure tree only when it
    // has a root element of its own: without one, each page's /StructParents entry points at
    // objects that are never written and `qpdf --check` reports the file damaged. One Document
    // element around all pages roots the tree (ISO 32000-1 §14.8.4.2, grouping elements). It
    // opens after the first page's background (the page frame's paper, and a slide's ground after
    // its destination): cairo's recording surface discards everything recorded before an opaque
    // paint of the whole page, tags included.
    for (n, frame) in frames.enumerated() {
        cairo_pdf_surface_set_size(surface, frame.width, frame.height)
        if let labels = document.pageLabels, n < labels.count { cairo_pdf_surface_set_page_label(surface, labels[n]) }
        var background = frame, rest = frame
        let ground = frame.items.prefix { if case .path = $0 { true } else if case .destination = $0 { true } else { false } }.count
        background.items = Array(frame.items.prefix(ground))
        rest.items = Array(frame.items.dropFirst(ground))
        painter.draw(background, on: cr)
        if n == 0 { cairo_tag_begin(cr, "Document", "") }
        painter.draw(rest, on: cr)
        cairo_show_page(cr)
    }
    cairo_tag_end(cr, "Document")
    // Bookmarks nest by level: each entry's parent is the last entry of a shallower level.
    var parents: [(level: Int, id: Int32)] = []
    for entry in document.outline where names.contains(entry.destination) {
        while let last = parents.last, last.level >= entry.level { parents.removeLast() }
        let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
        let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "dest='\(tagQuoted(entry.destination))'",
                                               cairo_pdf_outline_flags_t(0))
        parents.append((entry.level, id))
    }
    try finishChecked(cr, surface, while: "writing the PDF")
    let data = withExtendedLifetime(sink) { sink.data }
    return finishPDF(data, labels: document.pageLabels, language: document.language,
                     structure: structureOrder(frames, destinations: names))
}

/// One SVG document per page, written from each page's frame (`frames`, or laid out here when nil)
/// by the direct writer, finished like figure SVGs (stable hashed ids, title, viewBox).
public func renderDocumentSVG(_ document: DocumentDrawing, frames: [Frame]? = nil) throws -> [Data] {
    try (frames ?? documentFrames(document)).map { frameSVG($0) }
}
