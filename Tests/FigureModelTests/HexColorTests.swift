import Testing
import FigureModel

/// The one hex writer of colours (SVG, CSS, MathML, the frame dump, the gallery): bytes rounded,
/// components clamped, alpha only when asked for and not opaque.
struct HexColorTests {
    @Test func writesBytesClampedWithOptionalAlpha() {
        #expect(hexColor(Color(hex: 0x0072B2)) == "#0072b2")
        #expect(hexColor(Color(red: 1.2, green: -0.1, blue: 0.5)) == "#ff0080")
        #expect(hexColor(Color(hex: 0x000000, alpha: 0.5)) == "#00000080")
        #expect(hexColor(Color(hex: 0x000000, alpha: 0.5), alpha: false) == "#000000")
    }
}
