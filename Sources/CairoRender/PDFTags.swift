import CCairo
import Foundation

/// Quotes a string for a cairo tag attribute: single quotes, with `\` and `'` escaped.
func tagQuoted(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
}

/// A PDF link over a rectangle (cairo's LINK tag), to a named destination or a URL. A link to a
/// destination the document does not define is left out: cairo fails the whole document on one.
func tagLink(_ cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double,
             destination: String?, url: String?, known: Set<String>) {
    let rect = String(format: "rect=[%.2f %.2f %.2f %.2f]", x, y, width, height)
    if let destination {
        guard known.contains(destination) else { return }
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) dest='\(tagQuoted(destination))'")
    } else if let url {
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) uri='\(tagQuoted(url))'")
    } else { return }
    cairo_tag_end(cr, CAIRO_TAG_LINK)
}

/// A named place a link can jump to (cairo's DEST tag).
func tagDestination(_ cr: OpaquePointer, name: String, x: Double, y: Double) {
    cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(tagQuoted(name))' " + String(format: "x=%.2f y=%.2f", x, y))
    cairo_tag_end(cr, CAIRO_TAG_DEST)
}
