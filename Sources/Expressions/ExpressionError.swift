/// A problem in an expression: `column` is 1-based within the expression text, so a caller that
/// knows where the text sits in its file (a YAML scalar's mark) reports file:line:(column + offset).
public struct ExpressionError: Error, CustomStringConvertible, Sendable, Equatable {
    public var column: Int
    public var message: String
    public init(column: Int, _ message: String) { self.column = column; self.message = message }
    public var description: String { "column \(column): \(message)" }
}

/// The known names closest to `name` by edit distance, for "did you mean" hints.
public func closestNames(to name: String, in known: [String], limit: Int = 3) -> [String] {
    let scored = known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    let cutoff = max(2, name.count / 3)
    return scored.filter { $0.1 <= cutoff }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        .prefix(limit).map(\.0)
}

/// " (did you mean a, b?)" or "".
public func suggestion(for name: String, in known: [String]) -> String {
    let close = closestNames(to: name, in: known)
    return close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
}

/// Levenshtein distance (insertions, deletions, substitutions each cost 1).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
