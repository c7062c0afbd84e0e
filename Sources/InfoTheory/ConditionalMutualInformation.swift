import Foundation

/// Conditional mutual information I(X;Y|Z) = Σ p(x,y,z) ln[p(x,y,z) p(z) / (p(x,z) p(y,z))] of a
/// joint table nested as `pxyz[x][y][z]`.
///
/// It is KL(p(x,y,z) ‖ p(x,z)·p(y,z)/p(z)) (the second distribution sums to 1), so it goes through
/// `klSum` with the product passed as two factors: every term non-negative, tiny values keep their
/// relative precision, and p(x,z)·p(y|z) never underflows to a spurious ∞.
/// Work and memory are linear in the number of cells.
public func conditionalMutualInformation(_ pxyz: [[[Double]]], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let (nx, ny, nz) = try requireBox(pxyz, "pxyz")
    let flat = try validatedProbabilities(pxyz.joined().joined().map { $0 }, name: "pxyz", normalize: normalize)
    func cell(_ x: Int, _ y: Int, _ z: Int) -> Double { flat[(x * ny + y) * nz + z] }
    let pz = (0..<nz).map { z in accurateSum((0..<nx).lazy.flatMap { x in (0..<ny).lazy.map { y in cell(x, y, z) } }) }
    let pxz = (0..<nx).map { x in (0..<nz).map { z in accurateSum((0..<ny).lazy.map { y in cell(x, y, z) }) } }
    let pyz = (0..<ny).map { y in (0..<nz).map { z in accurateSum((0..<nx).lazy.map { x in cell(x, y, z) }) } }
    var first: [Double] = [], second: [Double] = []
    first.reserveCapacity(flat.count); second.reserveCapacity(flat.count)
    for x in 0..<nx {
        for y in 0..<ny {
            for z in 0..<nz {
                first.append(pxz[x][z])
                second.append(pz[z] > 0 ? pyz[y][z] / pz[z] : 0)   // p(y|z)
            }
        }
    }
    return unit.fromNats(klSum(flat, first, qFactor: second))
}

/// A non-empty box of numbers [a][b][c] with every row of equal length; entries checked finite and
/// non-negative with their full index in messages. Returns the three sizes.
func requireBox(_ t: [[[Double]]], _ name: String) throws -> (Int, Int, Int) {
    guard let plane = t.first, let row = plane.first, !row.isEmpty else {
        throw InfoTheoryError("\(name): empty table; expected a nested array [x][y][z] with at least one entry")
    }
    for (i, p) in t.enumerated() {
        if p.count != plane.count {
            throw InfoTheoryError("\(name)[\(i)] has \(p.count) rows but \(name)[0] has \(plane.count); the table must be a box [x][y][z]")
        }
        for (j, r) in p.enumerated() {
            if r.count != row.count {
                throw InfoTheoryError("\(name)[\(i)][\(j)] has \(r.count) entries but \(name)[0][0] has \(row.count); the table must be a box [x][y][z]")
            }
            for (k, v) in r.enumerated() where !(v.isFinite && v >= 0) {
                throw InfoTheoryError("\(name)[\(i)][\(j)][\(k)] = \(formatForMessage(v)); expected a finite probability >= 0")
            }
        }
    }
    return (t.count, plane.count, row.count)
}
