/// An sRGB colour with straight (non-premultiplied) alpha, components in 0...1.
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// `Color(hex: 0x0072B2)`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// Relative luminance (WCAG / Rec. 709 weights on linearised sRGB): picks black or white text on a fill.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// Linear mix in sRGB; t = 0 gives self.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
    public static func grey(_ level: Double) -> Color { Color(red: level, green: level, blue: level) }
}

/// Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under the common
/// colour-vision deficiencies.
public enum OkabeIto {
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let black = Color(hex: 0x000000)
}

import Foundation

/// `#rrggbb` (components clamped to 0...1, rounded to bytes), with `aa` appended when `alpha` and the
/// colour is not opaque: the one place colours are written as hex (SVG paints and custom
/// properties, CSS, MathML `mathcolor`, the frame dump, the gallery page).
public func hexColor(_ c: Color, alpha: Bool = true) -> String {
    func byte(_ v: Double) -> String {
        let b = Int((max(0, min(1, v)) * 255).rounded())
        return (b < 16 ? "0" : "") + String(b, radix: 16)
    }
    return "#" + byte(c.red) + byte(c.green) + byte(c.blue) + (alpha && c.alpha < 1 ? byte(c.alpha) : "")
}
