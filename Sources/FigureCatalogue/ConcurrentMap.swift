import Foundation

/// `body(0) … body(count − 1)` on every core (`DispatchQueue.concurrentPerform`), results in index
/// order whichever job ends first, so output never depends on scheduling. Each job must be
/// independent: figures and handouts lay out with their own measurers and draw on their own
/// cairo surfaces; fonts, shapers and memo tables they share are immutable or locked.
/// `parallel: false` runs them one after another (same results).
public func concurrentMap<T: Sendable>(_ count: Int, parallel: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    if parallel {
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
    } else {
        for k in 0..<count { slots.set(k, body(k)) }
    }
    return slots.all()
}

/// Fixed slots written from concurrent jobs, each by exactly one job.
private final class Slots<T: Sendable>: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: T) { lock.lock(); values[k] = v; lock.unlock() }
    /// Every slot is set once concurrentPerform returns.
    func all() -> [T] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
}
