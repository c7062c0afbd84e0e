/// Marching squares (Lorensen & Cline's cube cases in 2-D). Crossing points are interpolated
/// linearly along cell edges; the ambiguous saddle cells (corners alternate above/below) are
/// resolved by the average of the four corners, the cell-centre estimate of a bilinear interpolant.
/// Segments are joined through shared edges into polylines; a closed loop repeats its first point
/// at the end.
public func contourLines(_ grid: Grid2D, level: Double) -> [[Point]] {
    let nx = grid.xs.count, ny = grid.ys.count
    let v = grid.values
    let nh = (nx - 1) * ny              // horizontal edges (i, j)-(i+1, j)
    let edgeCount = nh + nx * (ny - 1)  // then vertical edges (i, j)-(i, j+1)
    @inline(__always) func hid(_ i: Int, _ j: Int) -> Int { j * (nx - 1) + i }
    @inline(__always) func vid(_ i: Int, _ j: Int) -> Int { nh + j * nx + i }

    var neighbours = [Int32](repeating: -1, count: 2 * edgeCount)
    func link(_ a: Int, _ b: Int) {
        if neighbours[2 * a] < 0 { neighbours[2 * a] = Int32(b) } else { neighbours[2 * a + 1] = Int32(b) }
        if neighbours[2 * b] < 0 { neighbours[2 * b] = Int32(a) } else { neighbours[2 * b + 1] = Int32(a) }
    }
    for j in 0..<(ny - 1) {
        for i in 0..<(nx - 1) {
            let a = v[j * nx + i], b = v[j * nx + i + 1], c = v[(j + 1) * nx + i + 1], d = v[(j + 1) * nx + i]
            if !(a.isFinite && b.isFinite && c.isFinite && d.isFinite) { continue }
            let code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
            if code == 0 || code == 15 { continue }
            let bottom = hid(i, j), top = hid(i, j + 1), left = vid(i, j), right = vid(i + 1, j)
            switch code {
            case 1, 14: link(left, bottom)
            case 2, 13: link(bottom, right)
            case 3, 12: link(left, right)
            case 4, 11: link(right, top)
            case 6, 9: link(bottom, top)
            case 7, 8: link(left, top)
            case 5, 10:
                // Saddle. Code 5: corners a and c above. If the centre is above too, the above-level
                // region connects a to c through the middle, so the lines cut off b and d.
                let centreAbove = (a + b + c + d) / 4 >= level
                if centreAbove == (code == 5) { link(left, top); link(bottom, right) }
                else { link(left, bottom); link(right, top) }
            default: break
            }
        }
    }
    func crossing(_ e: Int) -> Point {
        if e < nh {
            let j = e / (nx - 1), i = e % (nx - 1)
            let a = v[j * nx + i], b = v[j * nx + i + 1]
            let t = (level - a) / (b - a)
            return Point(grid.xs[i] + t * (grid.xs[i + 1] - grid.xs[i]), grid.ys[j])
        }
        let k = e - nh, j = k / nx, i = k % nx
        let a = v[j * nx + i], b = v[(j + 1) * nx + i]
        let t = (level - a) / (b - a)
        return Point(grid.xs[i], grid.ys[j] + t * (grid.ys[j + 1] - grid.ys[j]))
    }
    var seen = [Bool](repeating: false, count: edgeCount)
    var lines: [[Point]] = []
    // Open chains start at edges with one neighbour (the grid boundary); loops afterwards.
    for pass in 0..<2 {
        for s in 0..<edgeCount where !seen[s] && neighbours[2 * s] >= 0 {
            let degree = neighbours[2 * s + 1] >= 0 ? 2 : 1
            if pass == 0 && degree != 1 { continue }
            var chain: [Point] = []
            var prev = -1, cur = s
            while cur >= 0 && !seen[cur] {
                seen[cur] = true
                chain.append(crossing(cur))
                let n0 = Int(neighbours[2 * cur]), n1 = Int(neighbours[2 * cur + 1])
                let next = n0 != prev ? n0 : n1
                prev = cur
                cur = (next == prev) ? -1 : next
            }
            if cur == s, let first = chain.first { chain.append(first) }
            if chain.count >= 2 { lines.append(chain) }
        }
    }
    return lines
}

/// Ramer–Douglas–Peucker (1972/1973): drops points closer than `tolerance` to the chord of the
/// kept neighbours. Used on page-space polylines with a tolerance below what any output can show.
public func simplifyPolyline(_ pts: [ScenePoint], tolerance: Double) -> [ScenePoint] {
    if pts.count < 3 { return pts }
    var keep = [Bool](repeating: false, count: pts.count)
    keep[0] = true; keep[pts.count - 1] = true
    var stack: [(Int, Int)] = [(0, pts.count - 1)]
    let tol2 = tolerance * tolerance
    while let (a, b) = stack.popLast() {
        if b <= a + 1 { continue }
        let p = pts[a], q = pts[b]
        let dx = q.x - p.x, dy = q.y - p.y
        let len2 = dx * dx + dy * dy
        var worst = -1.0, index = -1
        for k in (a + 1)..<b {
            let r = pts[k]
            var d2: Double
            if len2 == 0 {
                d2 = (r.x - p.x) * (r.x - p.x) + (r.y - p.y) * (r.y - p.y)
            } else {
                let cross = dx * (r.y - p.y) - dy * (r.x - p.x)
                d2 = cross * cross / len2
                // Beyond the segment's ends the distance is to the nearer end (keeps spikes).
                let t = (dx * (r.x - p.x) + dy * (r.y - p.y)) / len2
                if t < 0 { d2 = (r.x - p.x) * (r.x - p.x) + (r.y - p.y) * (r.y - p.y) }
                else if t > 1 { d2 = (r.x - q.x) * (r.x - q.x) + (r.y - q.y) * (r.y - q.y) }
            }
            if d2 > worst { worst = d2; index = k }
        }
        if worst > tol2 {
            keep[index] = true
            stack.append((a, index)); stack.append((index, b))
        }
    }
    var out: [ScenePoint] = []
    out.reserveCapacity(pts.count / 4)
    for (k, p) in pts.enumerated() where keep[k] { out.append(p) }
    return out
}
