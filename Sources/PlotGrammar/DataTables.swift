import Foundation
import InfoRequests
import SwiftCSV

/// A named table of columns; numeric columns hold numbers (NaN for a missing cell), text columns strings.
public struct DataTable: Sendable {
    public var columnNames: [String]
    public var columns: [String: JSONValue]
    public var rowCount: Int
    /// Members of a compute result that are not columns (`fit.lambda`), reachable in expressions.
    public var fields: [(String, JSONValue)] = []
    var asValue: JSONValue { .object(columnNames.map { ($0, columns[$0]!) } + fields) }
}

/// Reads a CSV file with SwiftCSV: the header row names the columns. A column whose first
/// non-empty cell is a number is numeric and every later cell must be a number or empty (a gap);
/// otherwise the column is text. Errors name the file, row (file line) and column.
func readCSV(path: String, displayPath: String) throws -> DataTable {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
        throw PlotParameterError("cannot read CSV '\(displayPath)': \(error.localizedDescription)")
    }
    let csv: CSV<Enumerated>
    do { csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false) } catch {
        throw PlotParameterError("\(displayPath): not a readable CSV file: \(error)")
    }
    let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !header.isEmpty, header.allSatisfy({ !$0.isEmpty }) else {
        throw PlotParameterError("\(displayPath):1: the header row must name every column")
    }
    if let dup = header.first(where: { h in header.filter { $0 == h }.count > 1 }) {
        throw PlotParameterError("\(displayPath):1: column '\(dup)' is named twice")
    }
    let rows = csv.rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
    var columns: [String: JSONValue] = [:]
    for (c, name) in header.enumerated() {
        let cells = rows.map { c < $0.count ? $0[c].trimmingCharacters(in: .whitespaces) : "" }
        let numeric = cells.first(where: { !$0.isEmpty }).map { Double($0) != nil } ?? true
        if numeric {
            columns[name] = .array(try cells.enumerated().map { r, cell in
                if cell.isEmpty || cell == "NA" || cell == "nan" { return .number(.nan) }
                guard let x = Double(cell) else {
                    throw PlotParameterError("\(displayPath): row \(r + 1) (line \(r + 2)), column '\(name)': '\(cell)' is not a number (the column's first value is)")
                }
                return .number(x)
            })
        } else {
            columns[name] = .array(cells.map { .string($0) })
        }
    }
    return DataTable(columnNames: header, columns: columns, rowCount: rows.count)
}
