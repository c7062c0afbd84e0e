/// Adaptive sampling of y = f(x) on [a, b] (in `t` = x or log x, evenly at first).
///
/// Start from 65 even samples, then bisect, pass after pass, every interval whose midpoint lies
/// farther from the chord than `tolerance` (a fraction of the curve's finite y range: 1/2000 is
/// 0.1 pt on a 200 pt tall plot, issue 8 §1) or where the curve turns defined/undefined, until
/// no interval needs it or `budget` evaluations are spent. Bisection near a pole or a log
/// singularity keeps going because the chord error there stays large. `window`, the height of a
/// fixed y range, caps that span: a curve running far below its window (a log-likelihood toward
/// −∞) is still smooth to 0.1 pt inside it.
public func adaptiveSamples(from a: Double, to b: Double, logarithmic: Bool = false, budget: Int = 2000,
                            tolerance: Double = 1.0 / 2000, window: Double? = nil,
                            _ f: (Double) -> Double) -> [(x: Double, y: Double)] {
    let toX: (Double) -> Double = logarithmic ? { Foundation_exp($0) } : { $0 }
    let t0 = logarithmic ? Foundation_log(a) : a, t1 = logarithmic ? Foundation_log(b) : b
    let initial = 65
    var ts = (0..<initial).map { t0 + (t1 - t0) * Double($0) / Double(initial - 1) }
    var ys = ts.map { f(toX($0)) }
    var evaluations = initial
    var refine = Array(repeating: true, count: ts.count - 1)
    let minWidth = abs(t1 - t0) * 1e-9
    while evaluations < budget, refine.contains(true) {
        let finite = ys.filter(\.isFinite)
        let span = max(min((finite.max() ?? 1) - (finite.min() ?? 0), window ?? .infinity), 1e-300)
        var nts: [Double] = [ts[0]], nys: [Double] = [ys[0]], nrefine: [Bool] = []
        for i in 0..<(ts.count - 1) {
            if refine[i], evaluations < budget, ts[i + 1] - ts[i] > minWidth {
                let tm = 0.5 * (ts[i] + ts[i + 1])
                let ym = f(toX(tm))
                evaluations += 1
                let (y0, y1) = (ys[i], ys[i + 1])
                let defined = [y0.isFinite, ym.isFinite, y1.isFinite]
                var needs = false
                if defined.allSatisfy({ $0 }) {
                    needs = abs(ym - 0.5 * (y0 + y1)) > tolerance * span
                } else {
                    needs = defined.contains(true)
                }
                nts += [tm, ts[i + 1]]; nys += [ym, ys[i + 1]]; nrefine += [needs, needs]
            } else {
                nts.append(ts[i + 1]); nys.append(ys[i + 1]); nrefine.append(false)
            }
        }
        ts = nts; ys = nys; refine = nrefine
    }
    return zip(ts, ys).map { (toX($0), $1) }
}
