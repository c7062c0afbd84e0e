import Foundation
import InfoRequests

extension DataTable {
    /// A compute request's result as a table (`data: {fit: {compute: {op: maxent, …}}}`):
    /// - a list of numbers is the column `value`, beside `index` (0, 1, …);
    /// - a list of objects is one row per object, a column per key of the first;
    /// - an object's lists of one common length are columns and its other members fields of the
    ///   table (`fit.lambda` in an expression); an object of plain values is a one-row table.
    init(result: JSONValue, op: String) throws {
        func failure(_ why: String) -> PlotParameterError { PlotParameterError("the result of '\(op)' \(why)") }
        switch result {
        case .array(let items) where items.allSatisfy({ if case .number = $0 { true } else { false } }):
            self.init(columnNames: ["index", "value"],
                      columns: ["index": .array(items.indices.map { .number(Double($0)) }), "value": result],
                      rowCount: items.count)
        case .array(let items):
            guard case .object(let first)? = items.first else { throw failure("is a list of neither numbers nor objects") }
            let names = first.map(\.0)
            var columns: [String: JSONValue] = [:]
            for name in names {
                columns[name] = .array(try items.enumerated().map { r, item in
                    guard case .object = item, let v = item[name] else { throw failure("has no '\(name)' in row \(r + 1)") }
                    return v
                })
            }
            self.init(columnNames: names, columns: columns, rowCount: items.count)
        case .object(let members):
            let lengths = members.compactMap { if case .array(let a) = $0.1 { a.count } else { nil } }
            guard let length = lengths.max() else {
                // Plain values only: one row.
                self.init(columnNames: members.map(\.0), columns: Dictionary(members.map { ($0.0, .array([$0.1])) }) { a, _ in a },
                          rowCount: 1)
                return
            }
            var table = DataTable(columnNames: [], columns: [:], rowCount: length)
            for (name, value) in members {
                if case .array(let a) = value, a.count == length {
                    table.columnNames.append(name)
                    table.columns[name] = value
                } else {
                    table.fields.append((name, value))
                }
            }
            self = table
        default:
            throw failure("is a single value (\(result.serialized.prefix(40))), not a list or object; use it in let: instead")
        }
    }
}
