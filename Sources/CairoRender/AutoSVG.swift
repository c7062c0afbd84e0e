import Foundation
import FigureModel
import Frame

/// A figure as one SVG that follows the reader's colour scheme (`--theme auto`): laid out once (in
/// the light theme, whose dashes, markers and grid the dark theme shares), its roles written as CSS
/// custom properties with the light theme's values and the dark theme's in a
/// `@media (prefers-color-scheme: dark)` block (see `frameSVG`).
public func renderAutoSVG(_ figure: Figure, dark: Theme = .dark, options: RenderOptions = RenderOptions(),
                          shared: SharedGlyphs? = nil) throws -> Data {
    autoSVG(try layoutFigureFrame(figure, options: options), light: figure.theme, dark: dark, shared: shared)
}

/// An already laid-out figure frame (a build's cached frame) as one SVG in both themes.
/// With `shared`, glyph outlines go to that page-wide table (see `SharedGlyphs`).
public func autoSVG(_ frame: Frame, light: Theme = .light, dark: Theme = .dark, shared: SharedGlyphs? = nil) -> Data {
    frameSVG(frame, light: Palette(theme: light), dark: Palette(theme: dark), shared: shared)
}
