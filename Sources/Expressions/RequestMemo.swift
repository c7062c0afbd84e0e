import Foundation
import InfoRequests

/// Results of the compute ops that search (`OpSpec.searches`: `kl_fit`'s reverse-KL BFGS from 2K
/// starts, `maxent`, `logistic_fit`), kept per process: a build draws one figure in
/// several themes, handouts and decks, and the reverse search was 5 % of a cold `infoplot build`.
/// Keyed by the request's exact JSON text, so a kept answer is the one a fresh call would give;
/// bounded, so sweeping such an op over a curve cannot grow it without limit.
final class RequestMemo: @unchecked Sendable {
    static let shared = RequestMemo()
    /// Entries kept before the memo starts over (a figure calls a costly op a handful of times).
    private let capacity = 256
    private let lock = NSLock()
    private var known: [String: JSONValue] = [:]

    func result(of request: JSONValue, _ compute: () throws -> JSONValue) throws -> JSONValue {
        let key = request.serialized
        lock.lock()
        if let hit = known[key] { lock.unlock(); return hit }
        lock.unlock()
        let value = try compute()
        lock.lock()
        if known.count >= capacity { known.removeAll() }
        known[key] = value
        lock.unlock()
        return value
    }
}
