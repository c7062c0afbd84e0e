import Foundation

/// Line patterns over filled areas, so series stay apart on a grey-scale printout where two fills
/// of similar grey cannot be told apart (the print theme's `hatchCycle`).
public enum Hatch: String, Sendable, Hashable, CaseIterable {
    case none, diagonal, backDiagonal, horizontal, crossed, vertical

    /// Unit normals of the line families: lines are {p : n·p = k·spacing}.
    var normals: [(Double, Double)] {
        let d = 1 / 2.0.squareRoot()
        switch self {
        case .none: return []
        case .diagonal: return [(d, d)]
        case .backDiagonal: return [(d, -d)]
        case .horizontal: return [(0, 1)]
        case .vertical: return [(1, 0)]
        case .crossed: return [(d, d), (d, -d)]
        }
    }

    /// The hatch lines inside `r`, `spacing` apart, as move/line pairs clipped exactly to `r`
    /// (Liang–Barsky clipping of each line to the rectangle).
    public func segments(in r: Rect, spacing: Double) -> [PathElement] {
        guard spacing > 0, r.width > 0, r.height > 0 else { return [] }
        var out: [PathElement] = []
        let corners = [ScenePoint(r.x, r.y), ScenePoint(r.maxX, r.y), ScenePoint(r.x, r.maxY), ScenePoint(r.maxX, r.maxY)]
        for (nx, ny) in normals {
            let ds = corners.map { nx * $0.x + ny * $0.y }
            let lo = Int(ceil((ds.min() ?? 0) / spacing)), hi = Int(floor((ds.max() ?? 0) / spacing))
            guard lo <= hi else { continue }
            // Direction along the line, perpendicular to the normal.
            let (tx, ty) = (-ny, nx)
            for k in lo...hi {
                let d = Double(k) * spacing
                // A point on the line, then clip p0 + t·(tx, ty) to the rectangle.
                let p0 = ScenePoint(nx * d, ny * d)
                var t0 = -Double.infinity, t1 = Double.infinity
                var empty = false
                for (p, q) in [(-tx, p0.x - r.x), (tx, r.maxX - p0.x), (-ty, p0.y - r.y), (ty, r.maxY - p0.y)] {
                    if abs(p) < 1e-12 { if q < 0 { empty = true }; continue }
                    let t = q / p
                    if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                }
                guard !empty, t1 - t0 > 1e-9 else { continue }
                out += [.move(ScenePoint(p0.x + t0 * tx, p0.y + t0 * ty)), .line(ScenePoint(p0.x + t1 * tx, p0.y + t1 * ty))]
            }
        }
        return out
    }
}
