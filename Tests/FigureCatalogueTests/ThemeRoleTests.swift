import Foundation
import Testing
import FigureModel
import Frame
import CairoRender
@testable import FigureCatalogue

/// Issue 9: a figure model carries no colours of a theme, so one figure is exported in any theme.
@Suite struct ThemeRoleTests {
    /// Every catalogue figure built for the light and for the dark theme is the same model but for
    /// the theme it names, and lays out to the same frame; that frame drawn in the dark palette is
    /// the dark figure's SVG byte for byte (the SVG holds every paint; PDF and PNG go through the
    /// same palette lookup, see AutoThemeSVGTests for all three formats).
    @Test func catalogueFiguresCarryRolesNotThemeColours() throws {
        for e in Catalogue.entries {
            let light = try Catalogue.figure(named: e.name, context: FigureContext(theme: .light, size: .column))
            var dark = try Catalogue.figure(named: e.name, context: FigureContext(theme: .dark, size: .column))
            let darkSVG = try renderFigure(dark, format: .svg)
            dark.theme = .light
            #expect(dark == light, "\(e.name): the figure model holds a theme colour")
            let frame = try layoutFigureFrame(light)
            #expect(roles(frame).contains(.foreground), "\(e.name)")
            #expect(frameSVG(frame, light: Palette(theme: .dark)) == darkSVG, "\(e.name)")
        }
    }
}

/// Every role a frame's paints name.
private func roles(_ frame: Frame) -> Set<ColorRole> {
    var out: Set<ColorRole> = []
    func walk(_ items: [FrameItem]) {
        for item in items {
            switch item {
            case .path(let p): [p.fill, p.stroke?.paint].compactMap { $0?.role }.forEach { out.insert($0) }
            case .glyphs(let g): if let r = g.fill.role { out.insert(r) }
            case .group(let g): walk(g.items)
            default: break
            }
        }
    }
    walk(frame.items)
    return out
}
