import Foundation

/// Tick positions with the step they were chosen on (for formatting).
public struct TickSet: Sendable, Hashable {
    public var values: [Double]
    public var step: Double
    /// The nice number q from Q that the step is q·10^z of (formatting of 2.5 needs one extra digit).
    public var nice: Double
    public init(values: [Double], step: Double, nice: Double) {
        self.values = values; self.step = step; self.nice = nice
    }

    /// The tick labels. Extended Wilkinson may start off the step's own grid (1.5, 2.5, 3.5 by 1,
    /// from lmin = start·q·10^z with the step j·q·10^z), so the decimals come from the finest power
    /// of ten below the step that every value sits on: at the step's 0 decimals those read
    /// "2, 2, 4" (a phone ELBO's mean axis).
    public var labels: [String] {
        var unit = step
        func onGrid(_ v: Double) -> Bool { abs((v / unit).rounded() * unit - v) <= 1e-9 * max(abs(v), unit) }
        while unit > step * 1e-6, !values.allSatisfy(onGrid) { unit /= 10 }
        return values.map { formatTick($0, step: unit) }
    }
}

/// Extended Wilkinson tick selection: Talbot, Lin & Hanrahan (2010), "An Extension of Wilkinson's
/// Algorithm for Positioning Tick Labels on Axes", IEEE TVCG 16(6). Maximises
/// w·(simplicity, coverage, density, legibility) over label sequences lmin + i·j·q·10^z with nice
/// numbers Q = [1, 5, 2, 2.5, 4, 3], pruning with each term's upper bound (their Algorithm 1).
/// Legibility counts decimals (the format part of the paper's legibility term): a step whose
/// mantissa j·q is not a whole number (2.5 → 0.0025) needs one more decimal in every label than
/// the step's power of ten, and scores 0 instead of 1. Steps of 3 are not chosen (see the search).
/// Font size, orientation and overlap are handled afterwards with measured labels, by asking for
/// fewer ticks.
public enum ExtendedWilkinson {
    public static let niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    /// The paper's weights, except legibility: at its 0.05 a half-digit step (0.0025) still wins
    /// on density by up to 0.15, so the one term that now varies weighs 0.25.
    public static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.25)

    /// Ticks for the data range [dmin, dmax] aiming at `target` labels. When `loose` is false the
    /// returned values are clipped to the range (the axis keeps its limits).
    public static func ticks(_ dmin: Double, _ dmax: Double, target: Int, loose: Bool = false) -> TickSet {
        let t = scored(dmin, dmax, target: target, loose: loose)
        // The score counts labels up to lmax even when clipping then drops the last one, so an axis
        // asked for three or more labels can end with two (0, 0.05 on [0, 0.098]). Ask for a denser
        // sequence until enough labels fall inside the range.
        let wanted = min(max(target, 2), 3)
        guard !loose, t.values.count < wanted, dmax > dmin else { return t }
        for extra in 1...4 {
            let u = scored(dmin, dmax, target: target + extra, loose: false)
            if u.values.count >= wanted { return u }
        }
        return t
    }

    private static func scored(_ dmin: Double, _ dmax: Double, target: Int, loose: Bool) -> TickSet {
        let m = max(target, 2)
        guard dmin.isFinite, dmax.isFinite, (dmax - dmin).isFinite, dmin <= dmax else { return TickSet(values: [], step: 1, nice: 1) }
        if dmax - dmin < 1e-12 * max(abs(dmin), abs(dmax), 1e-300) {
            // Degenerate range: one tick at the value.
            let s = pow(10, floor(log10(max(abs(dmin), 1e-300))))
            return TickSet(values: [dmin], step: s, nice: 1)
        }
        // Squared coverage terms underflow or overflow for ranges far from 1: solve such ranges
        // in rescaled units and scale the answer back.
        let range = dmax - dmin
        if range < 1e-100 || range > 1e100 {
            let shift = floor(log10(range))
            let s = pow(10, -shift)
            let t = scored(dmin * s, dmax * s, target: target, loose: loose)
            return TickSet(values: t.values.map { $0 / s }, step: t.step / s, nice: t.nice)
        }
        let Q = niceNumbers, w = weights
        let n = Double(Q.count)
        let eps = 1e-10 * (dmax - dmin)
        var best = -Double.infinity
        var bestSet = (lmin: dmin, lmax: dmax, step: (dmax - dmin), q: 1.0, start: 0.0, j: 1.0, z: 0.0)
        var found = false

        func simplicity(_ qi: Int, _ j: Double, _ lmin: Double, _ lmax: Double, _ lstep: Double) -> Double {
            let rem = lmin.truncatingRemainder(dividingBy: lstep)
            let hasZero = (abs(rem) < eps || abs(lstep - abs(rem)) < eps) && lmin <= 0 && lmax >= 0
            return 1 - Double(qi) / (n - 1) - j + (hasZero ? 1 : 0)
        }
        func coverage(_ lmin: Double, _ lmax: Double) -> Double {
            let r = 0.1 * (dmax - dmin)
            return 1 - 0.5 * ((dmax - lmax) * (dmax - lmax) + (dmin - lmin) * (dmin - lmin)) / (r * r)
        }
        func coverageMax(_ span: Double) -> Double {
            let range = dmax - dmin
            if span > range {
                let half = (span - range) / 2
                let r = 0.1 * range
                return 1 - half * half / (r * r)
            }
            return 1
        }
        func density(_ k: Double, _ lmin: Double, _ lmax: Double) -> Double {
            let r = (k - 1) / (lmax - lmin)
            let rt = (Double(m) - 1) / (max(lmax, dmax) - min(dmin, lmin))
            return 2 - max(r / rt, rt / r)
        }
        func legibility(_ q: Double, _ j: Double) -> Double { (q * j).rounded() == q * j ? 1 : 0 }
        func densityMax(_ k: Double) -> Double { k >= Double(m) ? 2 - (k - 1) / (Double(m) - 1) : 1 }

        var j = 1.0
        outer: while j < 50 {
            for (qi, q) in Q.enumerated() {
                let sm = 1 - Double(qi) / (n - 1) - j + 1
                if w.simplicity * sm + w.coverage + w.density + w.legibility < best { break outer }
                // No step whose mantissa j·q is a multiple of 3: 0, 0.3, 0.6, 0.9 leaves out the 1
                // a binary entropy peaks at, and 0, 3, …, 18 bits reads worse than 0, 5, …, 20
                // (matplotlib's and D3's nice steps, 1, 2, 2.5 and 5, have no 3 either). The 3 stays
                // in Q, so every other number keeps the paper's simplicity.
                if (j * q).truncatingRemainder(dividingBy: 3) == 0 { continue }
                var k = 2.0
                while k < 100 {
                    let dm = densityMax(k)
                    if w.simplicity * sm + w.coverage + w.density * dm + w.legibility < best { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(step * (k - 1))
                        if w.simplicity * sm + w.coverage * cm + w.density * dm + w.legibility < best { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j), lmax = lmin + step * (k - 1)
                                let s = simplicity(qi, j, lmin, lmax, step)
                                let c = coverage(lmin, lmax)
                                let g = density(k, lmin, lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility * legibility(q, j)
                                if score > best && score.isFinite {
                                    best = score
                                    bestSet = (lmin, lmax, step, q, start, j, z)
                                    found = true
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        let span = ((bestSet.lmax - bestSet.lmin) / bestSet.step).rounded()
        guard span.isFinite, span >= 0 else { return TickSet(values: [], step: 1, nice: 1) }
        let count = Int(min(span, 1000)) + 1
        var values: [Double] = []
        for i in 0..<count {
            // Multiply integers first and divide by the power of ten last, so 3 × 0.2 is stored as
            // the double nearest 0.6, not 0.6000000000000001.
            let n = (bestSet.start + Double(i) * bestSet.j) * bestSet.q
            var v = found ? (bestSet.z < 0 ? n / pow(10, -bestSet.z) : n * pow(10, bestSet.z))
                          : bestSet.lmin + Double(i) * bestSet.step
            if abs(v) < bestSet.step * 1e-9 { v = 0 }
            if loose || (v >= dmin - eps && v <= dmax + eps) { values.append(v) }
        }
        return TickSet(values: values, step: bestSet.step, nice: bestSet.q)
    }

    /// Log-scale ticks at decades 10^k inside [lo, hi] (lo > 0), every `stride` decades so that at most
    /// about `target` labels appear; `minor` holds 2…9 × 10^k when decades are one apart.
    public static func logTicks(_ lo: Double, _ hi: Double, target: Int) -> (major: [Double], minor: [Double]) {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return ([], []) }
        let a = Int(floor(log10(lo) + 1e-9)), b = Int(ceil(log10(hi) - 1e-9))
        let decades = b - a
        let stride = max(1, Int(ceil(Double(decades) / Double(max(target - 1, 1)))))
        var major: [Double] = []
        var minor: [Double] = []
        for e in a...b {
            let v = pow(10, Double(e))
            if e % stride == 0 && v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) { major.append(v) }
            if stride == 1 {
                for m in 2...9 {
                    let u = Double(m) * v
                    if u >= lo && u <= hi { minor.append(u) }
                }
            }
        }
        if major.count < 2 {
            // Less than a decade: fall back to linear nice ticks inside the range.
            let t = ticks(lo, hi, target: target)
            return (t.values.filter { $0 > 0 }, [])
        }
        return (major, minor)
    }
}
