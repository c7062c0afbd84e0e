import Foundation

/// The page-space bounding box of a text item as the given measurer sizes it (rotation included).
public func textBounds(_ item: TextItem, measurer: TextMeasurer) -> Rect {
    let e = measurer.measure(item.text, fontSize: item.fontSize, bold: item.bold)
    return textBounds(item, extent: e)
}

func textBounds(_ item: TextItem, extent e: TextExtent) -> Rect {
    // Box in the text's own frame relative to the anchor, y down.
    let x0: Double
    switch item.horizontal {
    case .left: x0 = 0
    case .center: x0 = -e.width / 2
    case .right: x0 = -e.width
    }
    let y0: Double
    switch item.vertical {
    case .top: y0 = 0
    case .middle: y0 = -e.height / 2
    case .baseline: y0 = -e.ascent
    case .bottom: y0 = -e.height
    }
    if item.rotation == 0 {
        return Rect(x: item.position.x + x0, y: item.position.y + y0, width: e.width, height: e.height)
    }
    let a = -item.rotation * .pi / 180   // page y is down, so counter-clockwise is a negative angle
    let c = cos(a), s = sin(a)
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    for (px, py) in [(x0, y0), (x0 + e.width, y0), (x0, y0 + e.height), (x0 + e.width, y0 + e.height)] {
        let X = item.position.x + px * c - py * s, Y = item.position.y + px * s + py * c
        minX = min(minX, X); maxX = max(maxX, X); minY = min(minY, Y); maxY = max(maxY, Y)
    }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
}

/// Font sizes and weights derived from the size preset and the theme's font sizes, so a slide figure
/// and a column figure are the same drawing at different scales.
struct Metrics {
    let base, tick, label, title, heading, legend, annotation, contour: Double
    let line, spine, tickLength, pad, marker: Double
    init(_ f: Figure) {
        base = f.size.baseFontSize * max(f.fontScale, 0.1)
        // The built-in themes use few distinct sizes: SVG and PDF store glyph outlines once per size.
        let s = f.theme.fontSizes
        tick = s.tick * base; label = s.label * base; title = s.title * base; heading = s.heading * base
        legend = s.legend * base; annotation = s.annotation * base; contour = s.contour * base
        let w = f.size.baseFontSize / 10
        line = 1.6 * w; spine = 0.8 * w; tickLength = 3.5 * w; pad = 3.5 * w; marker = 5.5 * w
    }
}
