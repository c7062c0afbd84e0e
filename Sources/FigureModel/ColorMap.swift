import Foundation

/// A perceptually uniform sequential colour map.
public enum ColorMap: String, Sendable, Hashable, CaseIterable {
    case viridis, cividis, magma

    /// Colour at t in 0...1 (clamped; NaN gives the low end).
    public func color(at t: Double) -> Color {
        let u = t.isNaN ? 0 : min(max(t, 0), 1)
        switch self {
        case .viridis:
            // 256-entry table: index as matplotlib does (floor of t*256, clamped), no interpolation.
            let i = min(Int(u * 256), 255)
            let c = viridisTable[i]
            return Color(red: c.0, green: c.1, blue: c.2)
        case .magma: return Self.interpolate(Self.magmaAnchors, u)
        case .cividis: return Self.interpolate(Self.cividisAnchors, u)
        }
    }

    /// 256 colours as packed 0xRRGGBB, for building images quickly.
    public var table: [UInt32] {
        (0..<256).map { i in
            let c = color(at: (Double(i) + 0.5) / 256)
            return UInt32((c.red * 255).rounded()) << 16 | UInt32((c.green * 255).rounded()) << 8
                | UInt32((c.blue * 255).rounded())
        }
    }

    private static func interpolate(_ anchors: [(Double, Double, Double)], _ u: Double) -> Color {
        let pos = u * Double(anchors.count - 1)
        let i = min(Int(pos), anchors.count - 2)
        let f = pos - Double(i)
        let a = anchors[i], b = anchors[i + 1]
        return Color(red: a.0 + (b.0 - a.0) * f, green: a.1 + (b.1 - a.1) * f, blue: a.2 + (b.2 - a.2) * f)
    }

    // magma (CC0, van der Walt & Smith): every 16th entry of the 256-entry table plus the last, i.e.
    // anchors at 0, 16/255 … 240/255, 1 — not evenly spaced, so handled by `magmaAnchors` below.
    private static let magmaSamples: [(Int, (Double, Double, Double))] = [
        (0, (0.001462, 0.000466, 0.013866)), (16, (0.039608, 0.031090, 0.133515)),
        (32, (0.113094, 0.065492, 0.276784)), (48, (0.211718, 0.061992, 0.418647)),
        (64, (0.316654, 0.071690, 0.485380)), (80, (0.414709, 0.110431, 0.504662)),
        (96, (0.512831, 0.148179, 0.507648)), (112, (0.613617, 0.181811, 0.498536)),
        (128, (0.716387, 0.214982, 0.475290)), (144, (0.816914, 0.255895, 0.436461)),
        (160, (0.904281, 0.319610, 0.388137)), (176, (0.960949, 0.418323, 0.359630)),
        (192, (0.986700, 0.535582, 0.382210)), (208, (0.996096, 0.653659, 0.446213)),
        (224, (0.996898, 0.769591, 0.534892)), (240, (0.992440, 0.884330, 0.640099)),
        (255, (0.987053, 0.991438, 0.749504)),
    ]
    /// Resampled to 52 evenly spaced anchors (piecewise-linear through the samples above).
    private static let magmaAnchors: [(Double, Double, Double)] = (0..<52).map { k in
        let idx = Double(k) * 255 / 51
        var j = 0
        while j < magmaSamples.count - 2 && Double(magmaSamples[j + 1].0) < idx { j += 1 }
        let (i0, a) = magmaSamples[j], (i1, b) = magmaSamples[j + 1]
        let f = (idx - Double(i0)) / Double(i1 - i0)
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    // cividis (Nuñez, Anderton & Renslow 2018): ten evenly spaced anchors, #00224e … #fee838.
    private static let cividisAnchors: [(Double, Double, Double)] = cividisHex.map(unpack)
    private static let cividisHex: [UInt32] =
        [0x00224E, 0x123570, 0x3B496C, 0x575D6D, 0x707173, 0x8A8678, 0xA59C74, 0xC3B369, 0xE1CC55, 0xFEE838]
    private static func unpack(_ v: UInt32) -> (Double, Double, Double) {
        let r = Double((v >> 16) & 0xFF) / 255
        let g = Double((v >> 8) & 0xFF) / 255
        let b = Double(v & 0xFF) / 255
        return (r, g, b)
    }
}
