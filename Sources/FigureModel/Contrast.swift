/// WCAG 2.x contrast (SC 1.4.3): text needs 4.5 : 1 against what is behind it.
public extension Color {
    /// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter relative luminance (WCAG 2.x definition).
    func contrastRatio(with other: Color) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour, with its alpha, painted over the opaque `backdrop` (source-over).
    func composited(over backdrop: Color) -> Color {
        Color(red: red * alpha + backdrop.red * (1 - alpha), green: green * alpha + backdrop.green * (1 - alpha),
              blue: blue * alpha + backdrop.blue * (1 - alpha))
    }

    /// This hue moved toward `ink` (the theme's foreground) just far enough for `minimum` contrast
    /// on `backdrop`, so a label keeps its series colour where that already reads (WCAG AA: 4.5).
    func readable(on backdrop: Color, toward ink: Color, minimum: Double = 4.5) -> Color {
        // A hair above the minimum, so rounding to 8-bit channels in PNG and SVG keeps it.
        let target = minimum + 0.05
        if contrastRatio(with: backdrop) >= target { return self }
        // Contrast grows monotonically along the mix when the ink contrasts more than the colour.
        var lo = 0.0, hi = 1.0
        for _ in 0..<40 {
            let mid = 0.5 * (lo + hi)
            if mixed(with: ink, mid).contrastRatio(with: backdrop) >= target { hi = mid } else { lo = mid }
        }
        return mixed(with: ink, hi)
    }
}
