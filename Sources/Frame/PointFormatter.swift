/// Writes coordinates at a hundredth of a point (1/7200 in, below any output's resolution) with
/// integer arithmetic: no trailing zeros, no leading zero before the point, never "-0". This is the
/// one formatter of page coordinates in every text output (SVG path data, the frame dump), and it is
/// much faster than `String(format:)` because it never goes through a C locale-aware printf.
public enum PointFormatter {
    /// Appends `v` rounded to `1/scale` (scale a power of ten: 100 for points, 1 for font units).
    @inline(__always)
    public static func append(_ v: Double, scale: Int = 100, to out: inout [UInt8]) {
        guard v.isFinite else { out.append(UInt8(ascii: "0")); return }
        var n = Int((v * Double(scale)).rounded())
        if n == 0 { out.append(UInt8(ascii: "0")); return }
        if n < 0 { out.append(UInt8(ascii: "-")); n = -n }
        let whole = n / scale
        var frac = n % scale
        if whole > 0 { appendInt(whole, to: &out) }
        if frac > 0 {
            out.append(UInt8(ascii: "."))
            var digits = scale / 10
            // Leading zeros of the fraction, then its significant digits without trailing zeros.
            while digits > 0 {
                let d = frac / digits
                out.append(UInt8(ascii: "0") + UInt8(d))
                frac -= d * digits
                if frac == 0 { break }
                digits /= 10
            }
        }
    }

    @inline(__always)
    public static func appendInt(_ v: Int, to out: inout [UInt8]) {
        var n = v
        if n < 0 { out.append(UInt8(ascii: "-")); n = -n }
        if n < 10 { out.append(UInt8(ascii: "0") + UInt8(n)); return }
        var buf: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &buf) { p in
            while n > 0 { p[count] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(p[i]) }
        }
    }

    public static func string(_ v: Double, scale: Int = 100) -> String {
        var b: [UInt8] = []
        append(v, scale: scale, to: &b)
        return String(decoding: b, as: UTF8.self)
    }
}
