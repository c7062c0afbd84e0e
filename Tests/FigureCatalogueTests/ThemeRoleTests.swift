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

    /// The marked optimum of the two heatmap figures is the second series colour in every theme
    /// (gaussian-kl-surface named literal vermillion: orange on the print theme's grey figures).
    @Test func heatmapOptimaAreTheSecondSeries() throws {
        for name in ["gaussian-kl-surface", "elbo"] {
            for reverse in name == "elbo" ? [false] : [false, true] {
                let f = try Catalogue.figure(named: name, parameters: name == "elbo" ? [] : [("reverse", .bool(reverse))],
                                             context: FigureContext(theme: .print, size: .handout))
                let stars = f.panels.flatMap(\.marks).compactMap { if case .scatter(let s) = $0, s.marker == .star { s } else { nil } }
                #expect(!stars.isEmpty && stars.allSatisfy { $0.color == .role(.series(1), alpha: 1) }, "\(name) reverse \(reverse)")
            }
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
