import Foundation
import Testing
@testable import Handouts

/// Every `values:` entry of a template carries the number its author expects in a trailing
/// `# comment`, worked out independently of infoplot. The real evaluator must print exactly those
/// numbers (same order, same digits), so a wrong number in the prose cannot go unnoticed.
struct BuildTemplateNumbersTests {
    static let templatesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    static var templateFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: templatesDir.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Decimal numbers and ∞ in a text, minus signs normalised.
    static func numbers(in text: String) -> [String] {
        let normalised = text.replacingOccurrences(of: "\u{2212}", with: "-")
        var out: [String] = []
        var current = ""
        func flush() {
            if current.contains("."), current.last != "." { out.append(current) }
            current = ""
        }
        for c in normalised {
            if c.isNumber || c == "." || (c == "-" && current.isEmpty) {
                current.append(c)
            } else {
                flush()
                if c == "∞" { out.append("∞") }
            }
        }
        flush()
        return out
    }

    static func flatten(_ d: DisplayValue) -> String {
        switch d {
        case .text(let s): return s
        case .list(let items): return items.map(flatten).joined(separator: ", ")
        case .object(let fields): return fields.map { "\($0.name): \(flatten($0.value))" }.joined(separator: ", ")
        }
    }

    @Test(arguments: templateFiles)
    func expectedCommentsMatchComputedValues(_ name: String) throws {
        let source = try String(contentsOf: Self.templatesDir.appendingPathComponent(name), encoding: .utf8)
        let table = try HandoutParser.values(file: name, source: source)
        var inValues = false
        var checked = 0
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("values:") { inValues = true; continue }
            if line == "---" && inValues { break }
            guard inValues, line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":"),
                  let hash = line.range(of: "}  # ") else { continue }
            let key = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            let expected = Self.numbers(in: String(line[hash.upperBound...]))
            guard !expected.isEmpty, let value = table[key] else { continue }
            let got = Self.numbers(in: Self.flatten(value.display))
            #expect(got == expected, "\(name): value '\(key)' prints \(got), the template expects \(expected)")
            checked += 1
        }
        #expect(checked > 0, "\(name): no value line with an expected-number comment")
    }
}
