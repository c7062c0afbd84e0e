import Foundation

/// A static 2-d tree over points (x, y) for k-nearest-neighbour queries in the max-norm
/// (Bentley 1975; Friedman, Bentley & Finkel 1977): built by median splits in O(n log n), each
/// query visits O(log n) nodes on average whatever the scales of x and y. The KSG estimator needed
/// it: a scan sorted by x alone went O(n²) once x was much narrower than y.
struct MaxNormTree {
    let xs: [Double], ys: [Double]
    /// Point indices in tree order: node (lo..<hi) has its splitting point at mid = (lo + hi)/2,
    /// the left subtree in lo..<mid and the right in mid+1..<hi; depth parity picks the axis.
    private(set) var order: [Int]

    init(x: [Double], y: [Double]) {
        xs = x; ys = y
        order = Array(x.indices)
        build(0, order.count, axis: 0)
    }

    private mutating func build(_ lo: Int, _ hi: Int, axis: Int) {
        // Iterative over the left/right halves via recursion depth ≤ log₂ n + 1.
        guard hi - lo > 1 else { return }
        let mid = (lo + hi) / 2
        let key = axis == 0 ? xs : ys
        order[lo..<hi].sort { key[$0] < key[$1] || (key[$0] == key[$1] && $0 < $1) }
        build(lo, mid, axis: 1 - axis)
        build(mid + 1, hi, axis: 1 - axis)
    }

    /// The max-norm distance from point `i` to its k-th nearest other point.
    func kthNeighbourDistance(of i: Int, k: Int) -> Double {
        var best: [Double] = []   // k smallest distances so far, ascending
        best.reserveCapacity(k + 1)
        let px = xs[i], py = ys[i]
        func visit(_ lo: Int, _ hi: Int, axis: Int) {
            guard lo < hi else { return }
            let mid = (lo + hi) / 2
            let j = order[mid]
            if j != i {
                let d = max(abs(xs[j] - px), abs(ys[j] - py))
                if best.count < k || d < best[best.count - 1] {
                    let pos = best.firstIndex { $0 > d } ?? best.count
                    best.insert(d, at: pos)
                    if best.count > k { best.removeLast() }
                }
            }
            let delta = axis == 0 ? px - xs[j] : py - ys[j]
            let (near, far) = delta < 0 ? ((lo, mid), (mid + 1, hi)) : ((mid + 1, hi), (lo, mid))
            visit(near.0, near.1, axis: 1 - axis)
            if best.count < k || abs(delta) <= best[best.count - 1] { visit(far.0, far.1, axis: 1 - axis) }
        }
        visit(0, order.count, axis: 0)
        return best.count == k ? best[k - 1] : .infinity
    }
}

/// The 1-d counterpart of `MaxNormTree.kthNeighbourDistance`: the distance from `sorted[i]` to its
/// k-th nearest other entry of an ascending array. The k nearest neighbours of a point on a line are
/// a window around it, found by merging outwards in O(k) (distances formed as `countStrictlyWithin`
/// forms them, so the k-th neighbour itself is never counted as strictly closer).
func kthNeighbourDistance(sorted: [Double], position i: Int, k: Int) -> Double {
    var left = i - 1, right = i + 1, d = Double.infinity
    for _ in 0..<k {
        let dl = left >= 0 ? sorted[i] - sorted[left] : .infinity
        let dr = right < sorted.count ? sorted[right] - sorted[i] : .infinity
        if dl <= dr { d = dl; left -= 1 } else { d = dr; right += 1 }
    }
    return d
}
