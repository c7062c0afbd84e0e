/// Letters and digits mapped to the Unicode Mathematical Alphanumeric Symbols block (U+1D400…),
/// as OpenType math fonts expect: TeX's \fam switching becomes a code point choice.
public enum MathAlphabet: Sendable, Equatable {
    /// Default math letters: italic Latin and lowercase Greek, upright digits and capital Greek.
    case math
    case roman, bold, italic, boldItalic, blackboard, calligraphic
    case sansSerif, sansSerifBold, sansSerifItalic, monospace, fraktur, boldFraktur, boldScript

    public func map(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        let upper = (0x41...0x5A).contains(v), lower = (0x61...0x7A).contains(v), digit = (0x30...0x39).contains(v)
        let greekLower = (0x3B1...0x3C9).contains(v), greekUpper = (0x391...0x3A9).contains(v)
        func at(_ base: UInt32, _ offset: UInt32) -> Unicode.Scalar { Unicode.Scalar(base + offset) ?? s }
        switch self {
        case .roman:
            return s
        case .math, .italic:
            if upper { return at(0x1D434, v - 0x41) }
            if lower { return v == 0x68 ? "\u{210E}" : at(0x1D44E, v - 0x61) }   // h is ℎ (Planck constant)
            if greekLower { return at(0x1D6FC, v - 0x3B1) }
            if greekUpper && self == .italic { return at(0x1D6E2, v - 0x391) }
            if let alt = Self.italicGreekSymbols[v] { return Unicode.Scalar(alt) ?? s }
            return s
        case .bold:
            if upper { return at(0x1D400, v - 0x41) }
            if lower { return at(0x1D41A, v - 0x61) }
            if digit { return at(0x1D7CE, v - 0x30) }
            if greekUpper { return at(0x1D6A8, v - 0x391) }
            if greekLower { return at(0x1D6C2, v - 0x3B1) }
            return s
        case .boldItalic:
            if upper { return at(0x1D468, v - 0x41) }
            if lower { return at(0x1D482, v - 0x61) }
            if digit { return at(0x1D7CE, v - 0x30) }
            if greekUpper { return at(0x1D71C, v - 0x391) }
            if greekLower { return at(0x1D736, v - 0x3B1) }
            return s
        case .blackboard:
            if let hole = Self.blackboardHoles[v] { return Unicode.Scalar(hole) ?? s }
            if upper { return at(0x1D538, v - 0x41) }
            if lower { return at(0x1D552, v - 0x61) }
            if digit { return at(0x1D7D8, v - 0x30) }
            return s
        case .calligraphic:
            if let hole = Self.scriptHoles[v] { return Unicode.Scalar(hole) ?? s }
            if upper { return at(0x1D49C, v - 0x41) }
            if lower { return at(0x1D4B6, v - 0x61) }
            return s
        // Unicode 15, Mathematical Alphanumeric Symbols (U+1D400–1D7FF): block starts per style.
        case .sansSerif:
            if upper { return at(0x1D5A0, v - 0x41) }
            if lower { return at(0x1D5BA, v - 0x61) }
            if digit { return at(0x1D7E2, v - 0x30) }
            return s
        case .sansSerifBold:
            if upper { return at(0x1D5D4, v - 0x41) }
            if lower { return at(0x1D5EE, v - 0x61) }
            if digit { return at(0x1D7EC, v - 0x30) }
            if greekUpper { return at(0x1D756, v - 0x391) }
            if greekLower { return at(0x1D770, v - 0x3B1) }
            return s
        case .sansSerifItalic:
            if upper { return at(0x1D608, v - 0x41) }
            if lower { return at(0x1D622, v - 0x61) }
            return s
        case .monospace:
            if upper { return at(0x1D670, v - 0x41) }
            if lower { return at(0x1D68A, v - 0x61) }
            if digit { return at(0x1D7F6, v - 0x30) }
            return s
        case .fraktur:
            if let hole = Self.frakturHoles[v] { return Unicode.Scalar(hole) ?? s }
            if upper { return at(0x1D504, v - 0x41) }
            if lower { return at(0x1D51E, v - 0x61) }
            return s
        case .boldFraktur:
            if upper { return at(0x1D56C, v - 0x41) }
            if lower { return at(0x1D586, v - 0x61) }
            return s
        case .boldScript:
            if upper { return at(0x1D4D0, v - 0x41) }
            if lower { return at(0x1D4EA, v - 0x61) }
            return s
        }
    }

    /// Letters whose styled forms predate the block and live in Letterlike Symbols.
    private static let blackboardHoles: [UInt32: UInt32] = [0x43: 0x2102, 0x48: 0x210D, 0x4E: 0x2115, 0x50: 0x2119,
                                                             0x51: 0x211A, 0x52: 0x211D, 0x5A: 0x2124]
    private static let scriptHoles: [UInt32: UInt32] = [0x42: 0x212C, 0x45: 0x2130, 0x46: 0x2131, 0x48: 0x210B,
                                                         0x49: 0x2110, 0x4C: 0x2112, 0x4D: 0x2133, 0x52: 0x211B,
                                                         0x65: 0x212F, 0x67: 0x210A, 0x6F: 0x2134]
    private static let frakturHoles: [UInt32: UInt32] = [0x43: 0x212D, 0x48: 0x210C, 0x49: 0x2111, 0x52: 0x211C, 0x5A: 0x2128]
    /// ϵ ϑ ϕ ϖ ϱ ς and ∂ in italic (∂ as unicode-math's default math-style=TeX, whose option
    /// partial=italic sets \partial as U+1D715, as plain TeX's cmmi \partial is italic).
    private static let italicGreekSymbols: [UInt32: UInt32] = [0x3F5: 0x1D716, 0x3D1: 0x1D717, 0x3D5: 0x1D719,
                                                                0x3F1: 0x1D71A, 0x3D6: 0x1D71B, 0x3C2: 0x1D70D,
                                                                0x2202: 0x1D715, 0x3F0: 0x1D718]
}
