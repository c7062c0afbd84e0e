import Foundation
import FoundationXML
import Testing

/// Issue 9's exporters, checked on the files the command line writes: every PDF (figure, formula,
/// handout, deck) takes its dates from SOURCE_DATE_EPOCH, read back by pdfinfo; every kind of SVG
/// (figure in each theme and `auto`, formula, handout page) parses as XML, carries no script, has
/// `role="img"` named by ids that exist, and renders in rsvg-convert.
@Suite struct ExporterCLITests {
    func tool(_ name: String, _ arguments: [String]) throws -> BoundedRun {
        try runBounded(URL(fileURLWithPath: "/usr/bin/" + name), arguments, seconds: 60)
    }

    @Test func everyPDFTakesItsDateFromSourceDateEpoch() throws {
        let dir = try scratchFolder("epoch")
        defer { try? FileManager.default.removeItem(at: dir) }
        // 2023-11-14T22:13:20Z.
        let env = ["SOURCE_DATE_EPOCH": "1700000000", "TZ": "UTC"]
        let runs: [(String, [String])] = [
            ("figure.pdf", ["figure", "entropy-curve", "-o", dir.path + "/figure.pdf"]),
            ("formula.pdf", ["math", "H(p)", "--format", "pdf", "-o", dir.path + "/formula.pdf"]),
            ("handout.pdf", ["handout", repositoryRoot.appendingPathComponent("Templates/_example.md").path, "-o", dir.path + "/handout.pdf"]),
            ("deck.pdf", ["handout", repositoryRoot.appendingPathComponent("Templates/slides/surprise-and-entropy.md").path, "-o", dir.path + "/deck.pdf"]),
        ]
        for (file, arguments) in runs {
            let r = try runInfoplot(arguments, environment: env)
            #expect(r.status == 0, "\(file): \(r.stderr)")
            let info = try runBounded(URL(fileURLWithPath: "/usr/bin/pdfinfo"), ["-isodates", dir.path + "/" + file], environment: env).stdout
            func field(_ key: String) -> String? {
                info.split(separator: "\n").first { $0.hasPrefix(key + ":") }.map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
            }
            #expect(field("CreationDate") == "2023-11-14T22:13:20Z" && field("ModDate") == "2023-11-14T22:13:20Z", "\(file): \(info)")
            #expect(field("Creator") == "infoplot", "\(file): \(info)")
        }
    }

    @Test func everyKindOfSVGParsesAndRendersInRsvg() throws {
        let dir = try scratchFolder("svgs")
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for theme in ["light", "dark", "print", "auto"] {
            let path = dir.path + "/surface-\(theme).svg"
            let r = try runInfoplot(["figure", "gaussian-kl-surface", "--theme", theme, "-o", path])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(path)
        }
        // A user's plot spec follows the reader's setting too.
        let plotAuto = dir.path + "/plot-auto.svg"
        let plot = try runInfoplot(["plot", repositoryRoot.appendingPathComponent("Examples/kl-surface.yaml").path, "--theme", "auto", "-o", plotAuto])
        #expect(plot.status == 0, "\(plot.stderr)")
        files.append(plotAuto)
        #expect(try runInfoplot(["math", #"D_{\mathrm{KL}}(p\,\|\,q) = \sum_x p(x)\log\frac{p(x)}{q(x)}"#, "--display",
                                 "-o", dir.path + "/formula.svg"]).status == 0)
        files.append(dir.path + "/formula.svg")
        let pages = dir.path + "/pages"
        let handout = try runInfoplot(["handout", repositoryRoot.appendingPathComponent("Templates/_example.md").path, "--format", "svg", "-o", pages])
        #expect(handout.status == 0, "\(handout.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(!written.isEmpty)
        files += written.map { pages + "/" + $0 }
        for path in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let doc = try XMLDocument(data: data, options: [])
            let root = try #require(doc.rootElement())
            func all(_ e: XMLElement) -> [XMLElement] { [e] + (e.children ?? []).compactMap { $0 as? XMLElement }.flatMap(all) }
            func attr(_ e: XMLElement, _ n: String) -> String? { (e.attributes ?? []).first { $0.name == n }?.stringValue }
            let elements = all(root)
            #expect(!elements.contains { $0.name == "script" } && attr(root, "role") == "img", "\(path)")
            let ids = elements.compactMap { attr($0, "id") }
            #expect(Set(ids).count == ids.count, "\(path): an id twice")
            let labelled = (attr(root, "aria-labelledby") ?? "").split(separator: " ").map(String.init)
            // The title, then the description when there is one (a formula has none: no empty <desc>).
            let described = elements.contains { $0.name == "desc" }
            #expect(labelled.count == (described ? 2 : 1) && labelled.allSatisfy(Set(ids).contains), "\(path): aria-labelledby \(labelled)")
            #expect(!elements.contains { $0.name == "desc" && ($0.stringValue ?? "").isEmpty }, "\(path): an empty <desc>")
            let png = path + ".png"
            let r = try tool("rsvg-convert", [path, "-o", png])
            #expect(r.status == 0, "\(path): rsvg-convert \(r.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(bytes.count > 500 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path)")
        }
        // The auto SVG follows the reader's scheme with CSS alone.
        let auto = try String(contentsOfFile: dir.path + "/surface-auto.svg", encoding: .utf8)
        #expect(auto.contains("@media (prefers-color-scheme:dark)") && auto.contains("var(--"))
        let plotted = try String(contentsOfFile: plotAuto, encoding: .utf8)
        #expect(plotted.contains("@media (prefers-color-scheme:dark)") && plotted.contains("var(--"))
    }
}
