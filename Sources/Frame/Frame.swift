import Foundation
import FigureModel

/// The one laid-out result every exporter draws (Typst's frame): a sized box with a baseline holding
/// paths, shaped glyph runs, images, groups (transform and clip), links and destinations, all in
/// points with the origin top left and y down. Layout builds it once at its final size; exporters
/// only walk it, so PDF, PNG and SVG of one frame agree to the glyph.
public struct Frame: Sendable, Hashable {
    public var width: Double
    public var height: Double
    /// Distance from the top edge to the baseline (a formula's baseline; a figure's bottom edge).
    public var baseline: Double
    public var items: [FrameItem]
    /// Accessible name and description (SVG <title>/<desc>, PDF Title/Subject).
    public var title: String
    public var description: String
    public init(width: Double, height: Double, baseline: Double? = nil, items: [FrameItem], title: String = "",
                description: String = "") {
        self.width = width; self.height = height; self.baseline = baseline ?? height; self.items = items
        self.title = title; self.description = description
    }
}

public indirect enum FrameItem: Sendable, Hashable {
    case path(FramePath)
    case glyphs(GlyphRun)
    case image(FrameImage)
    case group(FrameGroup)
    /// A clickable area (PDF link annotation; `<a>` in SVG).
    case link(Rect, LinkTarget)
    /// A named place links can jump to.
    case destination(String, ScenePoint)
}

public enum LinkTarget: Sendable, Hashable {
    case destination(String)
    case url(String)
}

public struct FrameStroke: Sendable, Hashable {
    public var paint: Paint
    public var width: Double
    /// Absolute dash lengths in points; empty is solid.
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin
    public init(paint: Paint, width: Double, dash: [Double] = [], cap: LineCap = .butt, join: LineJoin = .round) {
        self.paint = paint; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}

public struct FramePath: Sendable, Hashable {
    public var elements: [PathElement]
    public var fill: Paint?
    public var stroke: FrameStroke?
    public init(_ elements: [PathElement], fill: Paint? = nil, stroke: FrameStroke? = nil) {
        self.elements = elements; self.fill = fill; self.stroke = stroke
    }
}

/// A font file and face, resolved once during layout; exporters open it themselves.
public struct FontRef: Sendable, Hashable, Comparable {
    public var path: String
    public var faceIndex: Int
    public init(path: String, faceIndex: Int = 0) { self.path = path; self.faceIndex = faceIndex }
    public static func < (a: FontRef, b: FontRef) -> Bool { (a.path, a.faceIndex) < (b.path, b.faceIndex) }
    /// The file name, enough to tell fonts apart in a dump.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}

public struct PlacedGlyph: Sendable, Hashable {
    public var id: UInt32
    /// Relative to the run's origin, in points, y down.
    public var x: Double
    public var y: Double
    /// For math runs: the characters this glyph stands for ("" for continuation pieces), so a PDF maps
    /// script and size variants back to Unicode.
    public var text: String
    public init(id: UInt32, x: Double, y: Double, text: String = "") { self.id = id; self.x = x; self.y = y; self.text = text }
}

/// Shaped text: glyph ids of one font at one size, each with its position, plus the text they came
/// from (PDF text extraction, SVG accessibility, the golden dump).
public struct GlyphRun: Sendable, Hashable {
    public var font: FontRef
    public var size: Double
    public var fill: Paint
    /// The run's baseline origin.
    public var origin: ScenePoint
    public var glyphs: [PlacedGlyph]
    public var text: String
    /// Prose runs carry the words they show (a PDF maps the glyphs to them); math runs carry the TeX
    /// source, and their glyphs map to characters through the font.
    public var kind: TextKind
    public init(font: FontRef, size: Double, fill: Paint, origin: ScenePoint, glyphs: [PlacedGlyph], text: String,
                kind: TextKind = .prose) {
        self.font = font; self.size = size; self.fill = fill; self.origin = origin; self.glyphs = glyphs; self.text = text
        self.kind = kind
    }
}

public enum TextKind: Sendable, Hashable { case prose, math }

/// A raster drawn into `rect`: an opaque RGB one without smoothing (nearest neighbour: heatmap
/// cells), or a picture with straight alpha, smoothed (a style's logo).
public struct FrameImage: Sendable, Hashable {
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Row-major, top row first, 0x00RRGGBB or `ImageItem.backgroundPixel` (the background role);
    /// 0xAARRGGBB when `isPicture` (a picture has no background role).
    public var pixels: [UInt32]
    public var rect: Rect
    /// Pixels carry alpha and are drawn smoothed.
    public var isPicture = false
    public init(pixelWidth: Int, pixelHeight: Int, pixels: [UInt32], rect: Rect, isPicture: Bool = false) {
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight; self.pixels = pixels; self.rect = rect
        self.isPicture = isPicture
    }

    /// Whether some pixels are the background role (and so change with the palette).
    public var showsBackground: Bool { !isPicture && pixels.contains(ImageItem.backgroundPixel) }

    /// The pixels as 0x00RRGGBB in `palette` (the background role resolved).
    public func pixels(in palette: Palette) -> [UInt32] {
        guard showsBackground else { return pixels }
        let c = palette.resolve(.background)
        let bg = UInt32((c.red * 255).rounded()) << 16 | UInt32((c.green * 255).rounded()) << 8 | UInt32((c.blue * 255).rounded())
        return pixels.map { $0 == ImageItem.backgroundPixel ? bg : $0 }
    }
}

/// A 2-D affine map x' = a x + c y + tx, y' = b x + d y + ty (the PDF/SVG/cairo matrix order).
public struct Affine: Sendable, Hashable {
    public var a, b, c, d, tx, ty: Double
    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }
    public static let identity = Affine(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)
    public static func translation(_ x: Double, _ y: Double) -> Affine { Affine(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y) }
    /// Counter-clockwise on the page (y down), as `TextItem.rotation` means it.
    public static func rotation(degrees: Double) -> Affine {
        let r = -degrees * .pi / 180
        return Affine(a: cos(r), b: sin(r), c: -sin(r), d: cos(r), tx: 0, ty: 0)
    }
    /// self after other: apply `other` first.
    public func concatenating(_ m: Affine) -> Affine {
        Affine(a: a * m.a + c * m.b, b: b * m.a + d * m.b, c: a * m.c + c * m.d, d: b * m.c + d * m.d,
               tx: a * m.tx + c * m.ty + tx, ty: b * m.tx + d * m.ty + ty)
    }
    public var isIdentity: Bool { self == .identity }
}

/// Children drawn through `transform` (applied to them), clipped to `clip` (in the group's outer space).
public struct FrameGroup: Sendable, Hashable {
    public var transform: Affine
    public var clip: Rect?
    public var items: [FrameItem]
    /// What the children are in the document's logical structure (a tagged PDF's structure element).
    public var structure: FrameStructure?
    public init(transform: Affine = .identity, clip: Rect? = nil, items: [FrameItem], structure: FrameStructure? = nil) {
        self.transform = transform; self.clip = clip; self.items = items; self.structure = structure
    }
}

/// A structure element of a tagged PDF (ISO 32000-1 §14.8.4, standard structure types): its role
/// ("H2", "P", "LI", "Table", "TD", "Figure", "Formula" …) and, for figures and formulas, the text
/// a screen reader says instead of the drawing (/Alt, §14.9.3).
public struct FrameStructure: Sendable, Hashable {
    public var role: String
    public var alt: String?
    public init(_ role: String, alt: String? = nil) { self.role = role; self.alt = alt }
}

extension Frame {
    /// The frame with every role resolved to its colour in `palette` (literals unchanged): what a
    /// page embeds, since a page is drawn in one theme and its own paints are literals.
    public func resolvingRoles(in palette: Palette) -> Frame {
        var f = self
        f.items = resolve(items, palette)
        return f
    }
}

private func resolve(_ items: [FrameItem], _ palette: Palette) -> [FrameItem] {
    func paint(_ p: Paint) -> Paint { if case .color = p { return p } else { return .color(palette.resolve(p)) } }
    return items.map { item in
        switch item {
        case .path(var p):
            p.fill = p.fill.map(paint)
            if var s = p.stroke { s.paint = paint(s.paint); p.stroke = s }
            return .path(p)
        case .glyphs(var g):
            g.fill = paint(g.fill)
            return .glyphs(g)
        case .image(var i):
            if i.showsBackground { i.pixels = i.pixels(in: palette) }
            return .image(i)
        case .group(var g):
            g.items = resolve(g.items, palette)
            return .group(g)
        case .link, .destination:
            return item
        }
    }
}
