import FigureModel
import Frame
import MathTypesetting

/// A laid-out figure as a frame: its background, then every scene item in order, labels shaped into
/// glyph runs. Items sharing a clip rectangle are grouped under it, so the exporters set each clip once.
/// Paints pass through as the layout chose them (theme roles and the author's literals): the
/// exporter resolves the roles in the theme it draws in.
func figureFrame(_ scene: Scene, text: LabelText) -> Frame {
    var items: [FrameItem] = [
        .path(FramePath(rectangle(Rect(x: 0, y: 0, width: scene.width, height: scene.height)), fill: scene.background)),
    ]
    var clipped: [FrameItem] = []
    var activeClip: Rect? = nil
    func flush() {
        if let c = activeClip, !clipped.isEmpty { items.append(.group(FrameGroup(clip: c, items: clipped))) }
        clipped = []
    }
    func place(_ new: [FrameItem], clip: Rect?) {
        if clip != activeClip { flush(); activeClip = clip }
        if clip == nil { items += new } else { clipped += new }
    }
    for item in scene.items {
        switch item {
        case .path(let p):
            let stroke = p.stroke.map {
                FrameStroke(paint: $0.color, width: $0.width, dash: $0.dash, cap: $0.cap, join: $0.join)
            }
            place([.path(FramePath(p.elements, fill: p.fill, stroke: stroke))], clip: p.clip)
        case .text(let t):
            place(text.frameItems(t, fill: t.color), clip: nil)
        case .image(let img):
            place([.image(FrameImage(pixelWidth: img.pixelWidth, pixelHeight: img.pixelHeight, pixels: img.pixels, rect: img.frame))],
                  clip: img.clip)
        }
    }
    flush()
    // The accessible name and description are read aloud, not typeset: a spec's `$…$` in them is
    // spoken as its formula and a value's minus is U+2212, as the labels drawn beside them.
    return Frame(width: scene.width, height: scene.height, items: items, title: speakableLabel(scene.title),
                 description: speakableLabel(scene.description))
}

func rectangle(_ r: Rect) -> [PathElement] {
    [.move(ScenePoint(r.x, r.y)), .line(ScenePoint(r.maxX, r.y)), .line(ScenePoint(r.maxX, r.maxY)),
     .line(ScenePoint(r.x, r.maxY)), .close]
}
