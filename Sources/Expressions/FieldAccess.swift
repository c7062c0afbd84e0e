import InfoRequests

/// `.name` on an object is its member; on a list of objects, the list of each one's member, so
/// a mixture's `target.mu` is its means and `fit.optima.sigma` every optimum's width (an empty
/// list gives an empty list).
func fieldValue(_ v: JSONValue, _ name: String, column: Int) throws -> JSONValue {
    if case .array(let items) = v, items.allSatisfy({ if case .object = $0 { true } else { false } }) {
        return .array(try items.map { try fieldValue($0, name, column: column) })
    }
    guard case .object(let members) = v else {
        throw ExpressionError(column: column, "'.\(name)' needs an object or a list of objects, got \(kindName(v))")
    }
    guard let m = members.first(where: { $0.0 == name }) else {
        let known = members.map(\.0)
        throw ExpressionError(column: column, "no field '\(name)'\(suggestion(for: name, in: known)); fields: \(known.joined(separator: ", "))")
    }
    return m.1
}
