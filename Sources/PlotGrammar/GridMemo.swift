import Expressions
import FigureModel
import Foundation
import InfoRequests

/// Grids already sampled in this process, by what determines their values. A handout's web page
/// draws a figure twice (page-wide and for a phone's column, each a fresh compile of its spec at
/// that size), and a build draws it again for slides; a 200 × 200 heatmap of a compute op is
/// the largest single cost of such a figure, and its values do not depend on the size.
///
/// The key is everything the values depend on: the expression's text, the two sweeps (names,
/// ends, counts) and the value of every other name it reads, numbers by their bits (so 0 and −0,
/// which `JSONValue ==` equates, stay apart). That is complete because an expression is a pure
/// function of the names it reads: the language's functions and compute ops read only their
/// arguments (seeded sampling takes its seed as one). A host function (`tick_step`, supplied by
/// the compiler) could read more, so an expression calling one is never kept.
final class GridMemo: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    static let shared = GridMemo()
    private let lock = NSLock()
    private var entries: [(key: String, grid: Grid2D)] = []
    /// Grids kept, newest first: a handout's figures rarely hold more than a few grids, and one
    /// of 1000 × 1000 (the largest `resolution` allows) is 8 MB.
    static let capacity = 8

    /// The key of `expression` over sweeps `x` and `y` in `scope`; nil when it must not be kept.
    static func key(_ expression: Expr, text: String, x: (name: String, lo: Double, hi: Double, n: Int),
                    y: (name: String, lo: Double, hi: Double, n: Int), scope: Scope) -> String? {
        guard !expression.functionNames.contains(where: { scope.functions[$0] != nil }) else { return nil }
        var key = "\(text)\u{0}\(x.name)\u{0}\(bits(x.lo)) \(bits(x.hi)) \(x.n)\u{0}\(y.name)\u{0}\(bits(y.lo)) \(bits(y.hi)) \(y.n)"
        for name in expression.freeNames where name != x.name && name != y.name {
            guard let v = scope[name] else { return nil }
            key += "\u{0}\(name)=" + canonical(v)
        }
        return key
    }

    func grid(_ key: String?, _ make: () throws -> Grid2D) rethrows -> Grid2D {
        guard let key else { return try make() }
        lock.lock()
        if let i = entries.firstIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: i)
            entries.insert(hit, at: 0)
            lock.unlock()
            return hit.grid
        }
        lock.unlock()
        // Sampled outside the lock: another thread may sample the same grid meanwhile; both are equal.
        let grid = try make()
        lock.lock(); defer { lock.unlock() }
        if !entries.contains(where: { $0.key == key }) {
            entries.insert((key, grid), at: 0)
            if entries.count > Self.capacity { entries.removeLast() }
        }
        return grid
    }

    private static func bits(_ x: Double) -> String { String(x.bitPattern, radix: 16) }

    /// A value written so that two values give the same text only if every number has the same bits.
    static func canonical(_ v: JSONValue) -> String {
        switch v {
        case .null: "z"
        case .bool(let b): b ? "t" : "f"
        case .number(let x): "n" + bits(x)
        case .string(let s): "s\(s.utf8.count):" + s
        case .array(let items): "[" + items.map(canonical).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { "\($0.0.utf8.count):\($0.0)=" + canonical($0.1) }.joined(separator: ",") + "}"
        }
    }
}
