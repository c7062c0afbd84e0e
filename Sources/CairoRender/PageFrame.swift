import FigureModel
import Frame

/// A handout page as a frame: white paper, then every page item in order, text shaped into glyph
/// runs, figures laid out (at the size they occupy) and placed by a translation.
func pageFrame(_ page: PageDrawing, title: String, text: PageTextEngine,
               figures: FigureFrames = FigureFrames()) throws -> Frame {
    func color(_ c: Color) -> Paint { .color(c) }
    var items: [FrameItem] = [.path(FramePath(rectangle(Rect(x: 0, y: 0, width: page.width, height: page.height)),
                                              fill: .color(.white)))]
    func convert(_ list: [PageItem], structure: Bool = true) throws -> [FrameItem] {
    var items: [FrameItem] = []
    for item in list {
        switch item {
        case .text(let run):
            items += try text.frameItems(run)
        case .math(let box, let x, let baseline, let c):
            items += mathFrameItems(box, x: x, baseline: baseline, fill: color(c), source: "")
        case .figure(let figure, let r):
            // A page is drawn in one theme: the figure's roles are resolved in the figure's theme here.
            let frame = try figures.frame(figure).resolvingRoles(in: Palette(theme: figure.theme))
            guard frame.width > 0, frame.height > 0 else { continue }
            // The painter lays figures out at their placed size, so this scale is 1 but for rounding.
            let t = Affine(a: r.width / frame.width, b: 0, c: 0, d: r.height / frame.height, tx: r.x, ty: r.y)
            items.append(.group(FrameGroup(transform: t, items: frame.items)))
        case .rect(let r, let fill, let stroke, let width):
            items.append(.path(FramePath(rectangle(r), fill: fill.map(color),
                                         stroke: stroke.map { FrameStroke(paint: color($0), width: width, join: .miter) })))
        case .image(let png, let r):
            items.append(.image(FrameImage(pixelWidth: png.width, pixelHeight: png.height, pixels: png.pixels, rect: r,
                                           isPicture: true)))
        case .line(let x0, let y0, let x1, let y1, let width, let c):
            items.append(.path(FramePath([.move(ScenePoint(x0, y0)), .line(ScenePoint(x1, y1))],
                                         stroke: FrameStroke(paint: color(c), width: width))))
        case .link(let r, let target):
            items.append(.link(r, target))
        case .destination(let name, let x, let y):
            items.append(.destination(name, ScenePoint(x, y)))
        case .group(let inner, let x, let y, let scale, let clip):
            // A picture of another page: links and destinations stay with the page itself. The clip
            // is given in the group's scaled space; the frame's clip is in the outer one.
            let kept = inner.filter { if case .link = $0 { return false }; if case .destination = $0 { return false }; return true }
            let outer = Rect(x: x + clip.x * scale, y: y + clip.y * scale, width: clip.width * scale, height: clip.height * scale)
            items.append(.group(FrameGroup(transform: Affine(a: scale, b: 0, c: 0, d: scale, tx: x, ty: y), clip: outer,
                                           items: try convert(kept, structure: false))))
        case .tagged(let s, let inner):
            // A picture of another page shows its drawing, not a second copy of its structure.
            items.append(.group(FrameGroup(items: try convert(inner, structure: structure), structure: structure ? s : nil)))
        }
    }
    return items
    }
    items += try convert(page.items)
    return Frame(width: page.width, height: page.height, items: items, title: title)
}
