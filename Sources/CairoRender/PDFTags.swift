import CCairo
import Frame
import Foundation
import func FigureModel.fixedDecimal

/// Quotes a string for a cairo tag attribute: single quotes, with `\` and `'` escaped.
func tagQuoted(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
}

/// A PDF link over a rectangle (cairo's LINK tag), to a named destination or a URL. A link to a
/// destination the document does not define is left out: cairo fails the whole document on one.
func tagLink(_ cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double,
             destination: String?, url: String?, known: Set<String>) {
    let rect = "rect=[" + [x, y, width, height].map { fixedDecimal($0, decimals: 2, minus: .ascii) }.joined(separator: " ") + "]"
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
    cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(tagQuoted(name))' x=\(fixedDecimal(x, decimals: 2, minus: .ascii)) y=\(fixedDecimal(y, decimals: 2, minus: .ascii))")
    cairo_tag_end(cr, CAIRO_TAG_DEST)
}

/// Opens a structure element (cairo 1.16 takes no attributes on structure tags: alt text is added
/// after cairo finishes, see `structureAlternates` and `finishTaggedPDF`).
func beginStructure(_ cr: OpaquePointer, _ s: FrameStructure) { cairo_tag_begin(cr, s.role, "") }

func endStructure(_ cr: OpaquePointer, _ s: FrameStructure) { cairo_tag_end(cr, s.role) }

/// The structure elements cairo writes for `frames`, in the order they are opened: the Document
/// root, every structure group and every link that is drawn (cairo gives each link a /Link
/// element), depth first. `finishTaggedPDF` matches them to cairo's StructElem objects.
func structureOrder(_ frames: [Frame], destinations: Set<String>) -> [FrameStructure] {
    var out = [FrameStructure("Document")]
    func walk(_ items: [FrameItem]) {
        for item in items {
            switch item {
            case .group(let g):
                if let s = g.structure { out.append(s) }
                walk(g.items)
            case .link(_, let target):
                if case .destination(let d) = target, !destinations.contains(d) { continue }
                out.append(FrameStructure("Link"))
            default: continue
            }
        }
    }
    for frame in frames { walk(frame.items) }
    return out
}
