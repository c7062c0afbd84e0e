import Foundation
import Testing
@testable import PlotGrammar

/// Every spec error names line:column and suggests the closest known name.
@Suite struct SpecErrorTests {
    @Test(arguments: [
        ("layers: [{mark: lin, x: [1], y: [1]}]", 1, 17, "did you mean line"),
        ("titel: x\nlayers: []", 1, 1, "did you mean title"),
        ("layers:\n  - {mark: line, x: [1, 2], y: \"x + yy\"}", 2, 37, "unknown name 'yy'"),
        ("layers:\n  - {mark: line, x: {var: p, from: 0, to: 1}, y: \"lg(p)\"}", 2, 51, "did you mean log"),
        ("layers:\n  - {mark: line, colr: red, x: [1], y: [1]}", 2, 18, "did you mean color"),
        ("layers:\n  - {mark: line, color: rde, x: [1], y: [1]}", 2, 25, "did you mean red"),
        ("layers:\n  - {mark: bar, data: prob, x: a, y: b}", 2, 23, "unknown table 'prob'"),
        ("x: {scale: logg}\nlayers: [{mark: line, x: [1], y: [1]}]", 1, 12, "did you mean log"),
        ("layers: [{mark: line, x: {var: p, from: 1, to: 0}, y: p}]", 1, 26, "from < to"),
        ("layers: [{mark: line: x}]", 1, 21, "bad YAML"),
        ("layers:\n  - {mark: line, x: [1, 2], y: \"(x + 1\"}", 2, 39, "to close '('"),
    ])
    func located(_ c: (String, Int, Int, String)) {
        let e = specError(c.0)
        #expect(e?.position.line == c.1 && e?.position.column == c.2, "\(c.0): \(String(describing: e))")
        #expect(e?.message.contains(c.3) == true, "\(c.0): \(String(describing: e))")
        #expect(e?.description.hasPrefix("t.yaml:\(c.1):") == true)
    }
}

/// CSV through SwiftCSV: quoted fields, missing values, non-numeric cells.
@Suite struct CSVTests {
    func withCSV(_ text: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plotcsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try body(dir.path)
    }

    @Test func quotedFieldsAndMissingValues() throws {
        try withCSV("epoch,loss,note\n1,0.9,\"start, warm\"\n2,,\"gap\"\n3,0.5,end\n") { dir in
            let f = try compile("data: {d: {csv: d.csv}}\nlayers: [{mark: line, data: d, x: epoch, y: loss}]", base: dir)
            guard case .line(let l) = f.panels[0].marks[0] else { return }
            #expect(l.x == [1, 2, 3])
            #expect(l.y[0] == 0.9 && l.y[1].isNaN && l.y[2] == 0.5)
        }
    }

    @Test func nonNumericCellNamesRowAndColumn() throws {
        try withCSV("epoch,loss\n1,0.9\n2,oops\n") { dir in
            let e = specError("data: {d: {csv: d.csv}}\nlayers: [{mark: line, data: d, x: epoch, y: loss}]", base: dir)
            #expect(e?.message.contains("row 2 (line 3), column 'loss': 'oops' is not a number") == true, "\(String(describing: e))")
            #expect(e?.position.line == 1)
        }
    }

    @Test func expressionOverColumns() throws {
        try withCSV("a,b\n1,2\n3,4\n") { dir in
            let f = try compile("data: {d: {csv: d.csv}}\nlayers: [{mark: scatter, data: d, x: a, y: \"a * b\"}]", base: dir)
            guard case .scatter(let s) = f.panels[0].marks[0] else { return }
            #expect(s.points.map(\.y) == [2, 12])
        }
    }

    @Test func missingFileIsAnError() {
        let e = specError("data: {d: {csv: nope.csv}}\nlayers: [{mark: line, data: d, x: a, y: b}]")
        #expect(e?.message.contains("cannot read CSV 'nope.csv'") == true)
    }
}
