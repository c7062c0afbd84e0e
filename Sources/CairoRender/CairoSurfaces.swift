import CCairo
import Foundation
import FigureModel
import Frame

/// The one place cairo surfaces are made for output (figures, formulas, the math test sheet, pages):
/// PDF streams into memory with their metadata set by the one function, and image surfaces whose
/// pixel size is checked before it is converted for cairo.

/// cairo image surfaces hold at most 32767 pixels a side (MAX_IMAGE_SIZE in cairo-image-surface.c).
private let maxImageSide = 32767.0

/// A PDF surface of `width` × `height` points (the first page) writing into the returned sink.
func makePDFSurface(width: Double, height: Double, title: String, author: String? = nil, subject: String? = nil,
                    date: String? = nil) throws -> (surface: OpaquePointer, sink: ByteSink) {
    let sink = ByteSink()
    guard let surface = cairo_pdf_surface_create_for_stream(sinkWrite, Unmanaged.passUnretained(sink).toOpaque(), width, height),
          cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        throw RenderError("cairo could not create a PDF surface")
    }
    do { try setPDFMetadata(surface, title: title, author: author, subject: subject, date: date) } catch {
        cairo_surface_destroy(surface)
        throw error
    }
    return (surface, sink)
}

/// An image surface for `width` × `height` points at `pixelsPerPoint`, each side rounded up to whole
/// pixels: ARGB32 when `transparent` (a formula to place on any ground), else RGB24. A size cairo
/// cannot hold is an error naming it and `advice`, never a trap in the Int32 conversion.
func makeImageSurface(width: Double, height: Double, pixelsPerPoint: Double, transparent: Bool,
                      advice: String) throws -> OpaquePointer {
    let pw = (width * pixelsPerPoint).rounded(.up), ph = (height * pixelsPerPoint).rounded(.up)
    guard pw.isFinite, ph.isFinite, pw >= 1, ph >= 1, pw <= maxImageSide, ph <= maxImageSide else {
        func side(_ v: Double) -> String { v.isFinite ? String(Int(min(max(v, 0), 1e15))) : "inf" }
        throw RenderError("the PNG would be \(side(pw))×\(side(ph)) pixels; expected at most \(Int(maxImageSide)) a side: \(advice)")
    }
    guard let surface = cairo_image_surface_create(transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)),
          cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        throw RenderError("cairo could not create a \(Int(pw))×\(Int(ph)) image")
    }
    return surface
}

/// Draws on `surface`, then finishes and releases it; a cairo error is thrown, not written.
func drawAndFinish(_ surface: OpaquePointer, _ draw: (OpaquePointer) throws -> Void) throws {
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { throw RenderError("cairo could not create a drawing context") }
    try draw(cr)
    try finishChecked(cr, surface, while: "drawing")
}

/// Releases `cr`, finishes `surface` (a PDF is written then) and throws the first cairo error of
/// either, saying what was being done; cairo records errors instead of reporting them per call.
func finishChecked(_ cr: OpaquePointer, _ surface: OpaquePointer, while doing: String) throws {
    let status = cairo_status(cr)
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    guard status == CAIRO_STATUS_SUCCESS, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        let s = status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status(surface)
        throw RenderError("cairo failed while \(doing): \(String(cString: cairo_status_to_string(s)))")
    }
}

/// A frame as PNG bytes at `pixelsPerPoint`, recording `dotsPerInch` in the file. An opaque image is
/// painted first with the frame's background (the rounded-up pixel size can reach past the frame,
/// and an RGB24 pixel left alone is black).
func framePNG(_ frame: Frame, pixelsPerPoint: Double, dotsPerInch: Double, transparent: Bool, palette: Palette,
              advice: String) throws -> Data {
    let surface = try makeImageSurface(width: frame.width, height: frame.height, pixelsPerPoint: pixelsPerPoint,
                                       transparent: transparent, advice: advice)
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { throw RenderError("cairo could not create a drawing context") }
    if !transparent {
        let bg = frameBackground(frame).map(palette.resolve) ?? .white
        cairo_set_source_rgb(cr, bg.red, bg.green, bg.blue)
        cairo_paint(cr)
    }
    cairo_scale(cr, pixelsPerPoint, pixelsPerPoint)
    FrameCairoPainter(palette: palette).draw(frame, on: cr)
    let status = cairo_status(cr)
    cairo_destroy(cr)
    guard status == CAIRO_STATUS_SUCCESS else {
        throw RenderError("cairo failed while drawing: \(String(cString: cairo_status_to_string(status)))")
    }
    return try encodePNG(surface, dotsPerInch: dotsPerInch)
}

/// The fill of a first item covering the whole frame (a figure's background).
func frameBackground(_ frame: Frame) -> Paint? {
    guard case .path(let p)? = frame.items.first, let fill = p.fill,
          p.elements == rectangle(Rect(x: 0, y: 0, width: frame.width, height: frame.height)) else { return nil }
    return fill
}
