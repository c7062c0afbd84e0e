import Foundation
import Testing

@Suite struct MathCLITests {
    /// Formula PDFs take their dates from SOURCE_DATE_EPOCH like figures and handouts do.
    @Test func pdfDatesFollowSourceDateEpoch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-date-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.pdf").path
        let r = try runInfoplot(["math", "x^2", "--format", "pdf", "-o", path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        // 1700000000 s = 2023-11-14 22:13:20 UTC.
        #expect(bytes.contains("/CreationDate (20231114221320"))
        #expect(bytes.contains("/ModDate (20231114221320"))
    }
}
