import CCairo
import Foundation
import FigureModel
import Frame

/// Multi-page PDF with bookmarks, internal links and metadata (cairo); one SVG per page, written
/// from each page's frame by the direct writer.
///
/// Every call builds its own Pango context and cairo surfaces, so documents may be rendered on
/// several threads at once (cairo and fontconfig lock internally; Pango's default font map is per
/// thread; math faces are shared behind a lock in MathDrawing).

/// The PDF bytes of `document`. `creationDate` as in `RenderOptions` (nil: SOURCE_DATE_EPOCH or a
/// fixed date), so re-runs are byte-identical.
public func renderDocumentPDF(_ document: DocumentDrawing, creationDate: String? = nil) throws -> Data {
    guard let first = document.pages.first else { throw RenderError("a document needs at least one page") }
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    guard let surface = cairo_pdf_surface_create_for_stream(sinkWrite, closure, first.width, first.height) else {
        throw RenderError("cairo could not create a PDF surface")
    }
    defer { cairo_surface_destroy(surface) }
    setPDFMetadata(surface, title: document.title, author: document.author, subject: document.subject, date: creationDate)
    guard let cr = cairo_create(surface) else { throw RenderError("cairo could not create a drawing context") }
    let painter = PagePainter(figureFontFamily: document.figureFontFamily)
    // Links may only name destinations that exist, or cairo fails the whole document.
    var names = Set<String>()
    for page in document.pages {
        for case .destination(let name, _, _) in page.items { names.insert(name) }
    }
    // cairo 1.16 gives every link a structure element but writes the structure tree only when it
    // has a root element of its own: without one, each page's /StructParents entry points at
    // objects that are never written and `qpdf --check` reports the file damaged. One Document
    // element around all pages roots the tree (ISO 32000-1 §14.8.4.2, grouping elements). It
    // opens after the first page's background: cairo's recording surface discards everything
    // recorded before an opaque paint of the whole page, tags included.
    for (n, page) in document.pages.enumerated() {
        cairo_pdf_surface_set_size(surface, page.width, page.height)
        if let labels = document.pageLabels, n < labels.count { cairo_pdf_surface_set_page_label(surface, labels[n]) }
        painter.drawBackground(page, on: cr)
        if n == 0 { cairo_tag_begin(cr, "Document", "") }
        try painter.drawItems(page, on: cr, pdf: true, destinations: names)
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
    let status = cairo_status(cr)
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    guard status == CAIRO_STATUS_SUCCESS, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        let s = status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status(surface)
        throw RenderError("cairo failed while writing the PDF: \(String(cString: cairo_status_to_string(s)))")
    }
    let data = withExtendedLifetime(sink) { sink.data }
    if let labels = document.pageLabels { return completePageLabels(data, labels: labels) }
    return data
}

/// One SVG document per page, finished like figure SVGs (stable hashed ids, title, viewBox).
public func renderDocumentSVG(_ document: DocumentDrawing) throws -> [Data] {
    let text = PageTextEngine(), figureText = PangoText(fontFamily: document.figureFontFamily), fonts = PangoFontFiles()
    var out: [Data] = []
    for (n, page) in document.pages.enumerated() {
        var frame = try pageFrame(page, title: "\(document.title), page \(n + 1) of \(document.pages.count)", text: text,
                                  figureText: figureText, fonts: fonts)
        frame.description = document.subject ?? document.title
        out.append(frameSVG(frame))
    }
    return out
}

/// Draws page items on one cairo context.
final class PagePainter {
    let text = PageTextEngine()
    let figureText: PangoText

    init(figureFontFamily: String) {
        figureText = PangoText(fontFamily: figureFontFamily)
    }

    func draw(_ page: PageDrawing, on cr: OpaquePointer, pdf: Bool, destinations: Set<String>) throws {
        drawBackground(page, on: cr)
        try drawItems(page, on: cr, pdf: pdf, destinations: destinations)
    }

    func drawBackground(_ page: PageDrawing, on cr: OpaquePointer) {
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, 0, 0, page.width, page.height)
        cairo_fill(cr)
    }

    func drawItems(_ page: PageDrawing, on cr: OpaquePointer, pdf: Bool, destinations: Set<String>) throws {
        try draw(page.items, on: cr, pdf: pdf, destinations: destinations)
    }

    private func draw(_ pageItems: [PageItem], on cr: OpaquePointer, pdf: Bool, destinations: Set<String>) throws {
        for item in pageItems {
            switch item {
            case .text(let run):
                text.draw(run, on: cr)
            case .math(let box, let x, let baseline, let c):
                drawMath(box, on: cr, x: x, baselineY: baseline, color: (c.red, c.green, c.blue, c.alpha))
            case .figure(let figure, let rect):
                let frame = figureFrame(try layoutFigure(figure, measurer: figureText), text: figureText)
                guard frame.width > 0, frame.height > 0 else { continue }
                cairo_save(cr)
                cairo_translate(cr, rect.x, rect.y)
                cairo_scale(cr, rect.width / frame.width, rect.height / frame.height)
                FrameCairoPainter(palette: Palette()).draw(frame, on: cr)
                cairo_restore(cr)
            case .rect(let r, let fill, let stroke, let width):
                cairo_new_path(cr)
                cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                if let f = fill {
                    cairo_set_source_rgba(cr, f.red, f.green, f.blue, f.alpha)
                    if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
                }
                if let s = stroke {
                    cairo_set_source_rgba(cr, s.red, s.green, s.blue, s.alpha)
                    cairo_set_line_width(cr, width)
                    cairo_stroke(cr)
                }
                cairo_new_path(cr)
            case .line(let x0, let y0, let x1, let y1, let width, let c):
                cairo_new_path(cr)
                cairo_move_to(cr, x0, y0)
                cairo_line_to(cr, x1, y1)
                cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
                cairo_set_line_width(cr, width)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                cairo_stroke(cr)
            case .link(let r, let target):
                guard pdf else { continue }
                switch target {
                case .destination(let name):
                    tagLink(cr, x: r.x, y: r.y, width: r.width, height: r.height, destination: name, url: nil, known: destinations)
                case .url(let url):
                    tagLink(cr, x: r.x, y: r.y, width: r.width, height: r.height, destination: nil, url: url, known: destinations)
                }
            case .destination(let name, let x, let y):
                guard pdf else { continue }
                tagDestination(cr, name: name, x: x, y: y)
            case .group(let items, let x, let y, let scale, let clip):
                cairo_save(cr)
                cairo_translate(cr, x, y)
                cairo_scale(cr, scale, scale)
                cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
                cairo_clip(cr)
                // Links and destinations belong to the page itself, not to a picture of another page.
                try draw(items.filter {
                    switch $0 { case .link, .destination: return false; default: return true }
                }, on: cr, pdf: pdf, destinations: destinations)
                cairo_restore(cr)
            }
        }
    }
}
