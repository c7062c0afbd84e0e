import Foundation
import FigureModel
import Frame

/// One frame for two themes: the same figure laid out in a light and a dark theme gives two frames
/// that differ only in colour (themes change colours, never geometry). Walking them side by side,
/// every paint that differs becomes a role — a theme role when the pair is that role's light and dark
/// colour (foreground, grid, series 2, …), else a numbered one — and the two palettes say what each
/// role is in each theme. The SVG writer turns the roles into CSS custom properties.
public struct ThemedFrame: Sendable {
    public var frame: Frame
    public var light: Palette
    public var dark: Palette
}

public func pairThemes(light: Frame, dark: Frame, lightTheme: Theme, darkTheme: Theme) throws -> ThemedFrame {
    var pairing = Pairing(lightRoles: Palette(theme: lightTheme), darkRoles: Palette(theme: darkTheme))
    guard light.width == dark.width, light.height == dark.height,
          let items = pairing.items(light.items, dark.items) else {
        throw RenderError("--theme auto: the light and dark layouts of '\(light.title)' differ beyond colour")
    }
    var frame = light
    frame.items = items
    return ThemedFrame(frame: frame, light: pairing.lightPalette, dark: pairing.darkPalette)
}

private struct Pairing {
    let lightRoles: Palette
    let darkRoles: Palette
    var lightPalette = Palette()
    var darkPalette = Palette()
    var others: [[Color]: Int] = [:]

    mutating func paint(_ a: Paint, _ b: Paint) -> Paint {
        guard case .color(let l) = a, case .color(let d) = b, l != d else { return a }
        // A theme role whose colours match both (up to an opacity applied to both alike).
        let roles = lightRoles.colors.keys.sorted()
        for r in roles {
            guard let rl = lightRoles.colors[r], let rd = darkRoles.colors[r], rl.alpha > 0, rd.alpha > 0,
                  rl.withAlpha(1) == l.withAlpha(1), rd.withAlpha(1) == d.withAlpha(1) else { continue }
            let k = l.alpha / rl.alpha
            if abs(k - d.alpha / rd.alpha) < 1e-9 {
                lightPalette.colors[r] = rl; darkPalette.colors[r] = rd
                return .role(r, alpha: k)
            }
        }
        let key = [l, d]
        let n: Int
        if let known = others[key] { n = known } else { n = others.count; others[key] = n }
        lightPalette.colors[.other(n)] = l; darkPalette.colors[.other(n)] = d
        return .role(.other(n), alpha: 1)
    }

    mutating func items(_ a: [FrameItem], _ b: [FrameItem]) -> [FrameItem]? {
        guard a.count == b.count else { return nil }
        var out: [FrameItem] = []
        out.reserveCapacity(a.count)
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.path(var p), .path(let q)):
                guard p.elements == q.elements, (p.fill == nil) == (q.fill == nil), (p.stroke == nil) == (q.stroke == nil)
                else { return nil }
                if let f = p.fill, let g = q.fill { p.fill = paint(f, g) }
                if var s = p.stroke, let t = q.stroke {
                    guard s.width == t.width, s.dash == t.dash else { return nil }
                    s.paint = paint(s.paint, t.paint)
                    p.stroke = s
                }
                out.append(.path(p))
            case (.glyphs(var g), .glyphs(let h)):
                guard g.glyphs == h.glyphs, g.origin == h.origin, g.font == h.font, g.size == h.size else { return nil }
                g.fill = paint(g.fill, h.fill)
                out.append(.glyphs(g))
            case (.image(let i), .image(let j)):
                // A raster keeps its light pixels (colour maps are the same in both themes; only
                // cells without data show the background).
                guard i.rect == j.rect else { return nil }
                out.append(.image(i))
            case (.group(var g), .group(let h)):
                guard g.transform == h.transform, g.clip == h.clip, let inner = items(g.items, h.items) else { return nil }
                g.items = inner
                out.append(.group(g))
            case (.link, .link), (.destination, .destination):
                guard x == y else { return nil }
                out.append(x)
            default:
                return nil
            }
        }
        return out
    }
}

/// A figure drawn in both themes as one SVG that follows the reader's colour scheme.
/// With `shared`, glyph outlines go to that page-wide table (see `SharedGlyphs`).
public func renderAutoSVG(light: Figure, dark: Figure, options: RenderOptions = RenderOptions(),
                          shared: SharedGlyphs? = nil) throws -> Data {
    let lightText = PangoText(theme: light.theme), darkText = PangoText(theme: dark.theme)
    let l = figureFrame(try layoutFigure(light, measurer: lightText), text: lightText)
    let d = figureFrame(try layoutFigure(dark, measurer: darkText), text: darkText)
    return try renderAutoSVG(light: l, dark: d, lightTheme: light.theme, darkTheme: dark.theme, shared: shared)
}

/// Two frames of one figure already laid out (a build's cached figure frames) as one SVG that
/// follows the reader's colour scheme.
public func renderAutoSVG(light: Frame, dark: Frame, lightTheme: Theme, darkTheme: Theme,
                          shared: SharedGlyphs? = nil) throws -> Data {
    let paired = try pairThemes(light: light, dark: dark, lightTheme: lightTheme, darkTheme: darkTheme)
    return frameSVG(paired.frame, light: paired.light, dark: paired.dark, shared: shared)
}
