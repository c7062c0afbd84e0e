import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The web pages of a whole build as a browser gets them: every HTML file under the output
/// folder (handouts, decks, the index, the figure gallery) with all figures and formulas inlined.
@Suite struct WebPagesCLITests {
    @Test func everyIdReferenceResolvesOnEveryPage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runInfoplot(["build", "--templates", BuildCLITests.repoTemplates.path, "--out", dir.path, "--formats", "html"])
        #expect(r.status == 0, "\(r.stderr)")
        let walker = FileManager.default.enumerator(atPath: dir.path)
        var pages: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".html") { pages.append(relative) }
        }
        #expect(pages.contains("index.html") && pages.contains("figures/index.html"))
        #expect(pages.filter { $0.hasPrefix("handouts/") }.count >= 5 && pages.contains { $0.hasPrefix("slides/") })
        for relative in pages.sorted() {
            let html = try String(contentsOf: dir.appendingPathComponent(relative), encoding: .utf8)
            // Well-formed (so any XML tool reads it), and no reference to an id that is not there.
            do { _ = try XMLDocument(xmlString: html, options: []) } catch { Issue.record("\(relative) is not well-formed: \(error)") }
            let problems = idReferenceProblems(html)
            #expect(problems.isEmpty, "\(relative): \(problems.prefix(5))")
        }
        // The index lists every handout and deck with its one-line description, and the figures.
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a class=\"entry\" href=\"handouts/02-cross-entropy-and-kl.html\">Cross-entropy and KL divergence</a>"))
        #expect(index.contains("<a class=\"entry\" href=\"slides/mutual-information.html\">Mutual information</a>"))
        #expect(index.matches(of: /<span class="description">/).count >= 9 + 10)
        // Handout pages link their neighbours in name order and the index.
        let second = try String(contentsOf: dir.appendingPathComponent("handouts/02-cross-entropy-and-kl.html"), encoding: .utf8)
        #expect(second.contains("<a class=\"prev\" rel=\"prev\" href=\"01-surprise-and-entropy.html\">← Surprise and entropy</a>"))
        #expect(second.contains("<a class=\"index\" href=\"../index.html\">"))
        #expect(second.contains("<nav class=\"toc\""))
    }
}

/// Ids defined twice and references to ids that do not exist, in one HTML page.
func idReferenceProblems(_ html: String) -> [String] {
    let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
    var problems = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().map { "id '\($0)' defined twice" }
    let known = Set(ids)
    var refs = html.matches(of: /href="#([^"]+)"/).map { String($0.1) } + html.matches(of: /url\(#([^)]+)\)/).map { String($0.1) }
    for list in html.matches(of: /aria-(?:labelledby|describedby)="([^"]*)"/) {
        refs += list.1.split(separator: " ").map(String.init)
    }
    problems += Set(refs.filter { !known.contains($0) }).sorted().map { "'#\($0)' points nowhere" }
    return problems
}
