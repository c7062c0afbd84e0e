import Foundation

/// A perceptually uniform sequential colour map.
public enum ColorMap: String, Sendable, Hashable, CaseIterable {
    case viridis, cividis, magma

    /// Colour at t in 0...1 (clamped; NaN gives the low end).
    public func color(at t: Double) -> Color {
        let u = t.isNaN ? 0 : min(max(t, 0), 1)
        // 256-entry tables, indexed as matplotlib does (floor of t*256, clamped), no interpolation.
        let i = min(Int(u * 256), 255)
        let c = switch self {
        case .viridis: viridisTable[i]
        case .magma: magmaTable[i]
        case .cividis: cividisTable[i]
        }
        return Color(red: c.0, green: c.1, blue: c.2)
    }

    /// 256 colours as packed 0xRRGGBB, for building images quickly.
    public var table: [UInt32] {
        (0..<256).map { i in
            let c = color(at: (Double(i) + 0.5) / 256)
            return UInt32((c.red * 255).rounded()) << 16 | UInt32((c.green * 255).rounded()) << 8
                | UInt32((c.blue * 255).rounded())
        }
    }
}
