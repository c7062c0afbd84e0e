import CCairo
import FigureModel

/// Walks a scene and draws it on any Cairo context; the output format is only the surface.
struct SceneRenderer {
    let text: PangoText

    func draw(_ scene: Scene, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, scene.background.red, scene.background.green, scene.background.blue, scene.background.alpha)
        cairo_rectangle(cr, 0, 0, scene.width, scene.height)
        cairo_fill(cr)
        var activeClip: Rect? = nil
        func setClip(_ clip: Rect?) {
            if clip == activeClip { return }
            if activeClip != nil { cairo_restore(cr) }
            if let c = clip {
                cairo_save(cr)
                cairo_rectangle(cr, c.x, c.y, c.width, c.height)
                cairo_clip(cr)
            }
            activeClip = clip
        }
        for item in scene.items {
            switch item {
            case .path(let p):
                setClip(p.clip)
                drawPath(p, cr)
            case .text(let t):
                setClip(nil)
                text.draw(t, on: cr)
            case .image(let img):
                setClip(img.clip)
                drawImage(img, cr)
            }
        }
        setClip(nil)
    }

    private func drawPath(_ p: PathItem, _ cr: OpaquePointer) {
        cairo_new_path(cr)
        for el in p.elements {
            switch el {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
        if let f = p.fill {
            cairo_set_source_rgba(cr, f.red, f.green, f.blue, f.alpha)
            if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = p.stroke {
            cairo_set_source_rgba(cr, s.color.red, s.color.green, s.color.blue, s.color.alpha)
            cairo_set_line_width(cr, s.width)
            cairo_set_line_cap(cr, s.cap == .round ? CAIRO_LINE_CAP_ROUND : s.cap == .square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
            cairo_set_line_join(cr, s.join == .round ? CAIRO_LINE_JOIN_ROUND : s.join == .bevel ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
            if s.dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) } else { s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) } }
            cairo_stroke(cr)
        }
    }

    private func drawImage(_ img: ImageItem, _ cr: OpaquePointer) {
        guard img.pixelWidth > 0, img.pixelHeight > 0, img.pixels.count == img.pixelWidth * img.pixelHeight else { return }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(img.pixelWidth), Int32(img.pixelHeight)) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        img.pixels.withUnsafeBufferPointer { src in
            for r in 0..<img.pixelHeight {
                let row = UnsafeMutableRawPointer(data + r * stride).assumingMemoryBound(to: UInt32.self)
                for c in 0..<img.pixelWidth { row[c] = src[r * img.pixelWidth + c] | 0xFF00_0000 }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(cr)
        cairo_translate(cr, img.frame.x, img.frame.y)
        cairo_scale(cr, img.frame.width / Double(img.pixelWidth), img.frame.height / Double(img.pixelHeight))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(img.pixelWidth), Double(img.pixelHeight))
        cairo_fill(cr)
        cairo_restore(cr)
    }
}
