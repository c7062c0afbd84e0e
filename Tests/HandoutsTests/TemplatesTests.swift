import Foundation
import Testing
@testable import Handouts

/// Every template in the repository's Templates/ must parse (with the stand-in evaluator, so
/// only the template's own structure is checked here) and produce well-formed HTML.
@Suite struct TemplatesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var templates: [URL] {
        let dir = repoRoot.appendingPathComponent("Templates")
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func builtInSampleParsesCompletely() throws {
        let doc = try parse(try fixture("sample.md"))
        let kinds = doc.blocks.map { block -> String in
            switch block {
            case .heading: return "h"
            case .paragraph: return "p"
            case .displayMath: return "eq"
            case .figure: return "fig"
            case .table: return "tbl"
            case .callout(let c): return c.kind.rawValue
            default: return "?"
            }
        }
        #expect(kinds == ["h", "p", "eq", "h", "tbl", "p", "fig", "definition", "exercise", "solution"])
        #expect(doc.footnotes.count == 1)
        _ = try HTMLWriter.write(doc)
    }

    @Test(arguments: templates)
    func repositoryTemplateParses(_ url: URL) throws {
        let source = try String(contentsOf: url, encoding: .utf8)
        let name = "Templates/" + url.lastPathComponent
        // Structure only: requests answer with a plausible shape from the stand-in evaluator
        // when it knows the op, and with 0.5 otherwise.
        let evaluator: RequestEvaluator = { request in
            (try? fakeEvaluator(request)) ?? .number(0.5)
        }
        for mode in SolutionsMode.allCases {
            let doc = try HandoutParser.parse(file: name, source: source, evaluator: evaluator, solutions: mode)
            #expect(!doc.meta.title.isEmpty)
            _ = try HTMLWriter.write(doc)
        }
    }
}

@Suite struct ConcurrencyTests {
    /// The CLI builds handouts on both cores: parsing must give the same document on every thread.
    @Test func parsingInParallelIsDeterministic() async throws {
        let source = try fixture("sample.md")
        let reference = try parse(source)
        let results = try await withThrowingTaskGroup(of: Document.self) { group in
            for _ in 0..<8 { group.addTask { try parse(source) } }
            var docs: [Document] = []
            for try await d in group { docs.append(d) }
            return docs
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }
}
