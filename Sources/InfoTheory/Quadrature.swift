import Foundation

/// Globally adaptive Gauss–Kronrod (7/15 point) quadrature, as in QUADPACK's QAG (Piessens et al.
/// 1983): every interval gets a 15-point Kronrod estimate and the 7-point Gauss rule embedded in it;
/// their difference is the error estimate, and the interval with the largest error is bisected
/// until the summed error meets the tolerance. `breakpoints` (sorted, at least two) split the
/// range up front where the integrand changes character (e.g. at mixture component means).
///
/// Stopping also when the error estimate reaches the rounding floor 50ε∫|f| (QUADPACK's roundoff
/// test): an integral near 0 of an integrand of size 1 cannot be resolved below it, and asking
/// for more made every evaluation run to `maxIntervals`. The worst interval comes from a binary
/// heap, so n bisections cost O(n log n) (a scan per bisection made the 4000-interval runs
/// quadratic).
public func adaptiveIntegral(_ f: (Double) -> Double, breakpoints: [Double],
                             relativeTolerance: Double = 1e-13, absoluteTolerance: Double = 1e-300,
                             maxIntervals: Int = 4000) -> (value: Double, errorEstimate: Double) {
    struct Piece { var a: Double; var b: Double; var value: Double; var error: Double; var absolute: Double }
    func rule(_ a: Double, _ b: Double) -> Piece {
        let c = 0.5 * (a + b), h = 0.5 * (b - a)
        let fc = f(c)
        var kronrod = kronrodWeights[7] * fc
        var gauss = gaussWeights[3] * fc
        var absolute = kronrodWeights[7] * abs(fc)
        for i in 0..<7 {
            let dx = h * kronrodNodes[i]
            let f1 = f(c - dx), f2 = f(c + dx)
            let s = f1 + f2
            kronrod += kronrodWeights[i] * s
            absolute += kronrodWeights[i] * (abs(f1) + abs(f2))
            if i % 2 == 1 { gauss += gaussWeights[i / 2] * s }
        }
        return Piece(a: a, b: b, value: kronrod * h, error: abs((kronrod - gauss) * h), absolute: absolute * abs(h))
    }
    // Max-heap on error.
    var heap: [Piece] = []
    func push(_ p: Piece) {
        heap.append(p)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !(heap[parent].error < heap[i].error) { break }
            heap.swapAt(parent, i); i = parent
        }
    }
    func popWorst() -> Piece {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[m].error < heap[l].error { m = l }
                if r < heap.count && heap[m].error < heap[r].error { m = r }
                if m == i { break }
                heap.swapAt(m, i); i = m
            }
        }
        return top
    }
    var total = 0.0, error = 0.0, absolute = 0.0   // running sums, recomputed exactly at the end
    for (a, b) in zip(breakpoints, breakpoints.dropFirst()) where b > a {
        let p = rule(a, b)
        total += p.value; error += p.error; absolute += p.absolute
        push(p)
    }
    var count = heap.count
    while count < maxIntervals, !heap.isEmpty {
        let floor = 50 * Double.ulpOfOne * absolute
        if error <= max(absoluteTolerance, relativeTolerance * abs(total), floor) || !error.isFinite { break }
        let p = popWorst()
        let mid = 0.5 * (p.a + p.b)
        if !(mid > p.a && mid < p.b) { push(p); break }   // interval no longer splittable in doubles
        let left = rule(p.a, mid), right = rule(mid, p.b)
        total += left.value + right.value - p.value
        error += left.error + right.error - p.error
        absolute += left.absolute + right.absolute - p.absolute
        push(left); push(right)
        count += 1
    }
    return (accurateSum(heap.map(\.value)), accurateSum(heap.map(\.error)))
}

// Kronrod nodes on [0, 1) (odd indices are the 7-point Gauss nodes) and weights; the last weight is
// the centre's. Standard values (QUADPACK qk15), checked to integrate x^22 exactly on [−1, 1].
private let kronrodNodes: [Double] = [
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245,
]
private let kronrodWeights: [Double] = [
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
]
private let gaussWeights: [Double] = [
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
]
