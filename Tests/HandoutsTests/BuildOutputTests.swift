import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Handouts

/// Builds real templates end to end and inspects the files with independent tools (poppler's
/// pdfinfo, pdffonts, pdftotext; Foundation's XML parser), not with our own code.
enum BuildFixtures {
    static let templatesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    /// Every handout template in Templates/ (decks live in Templates/slides), without ".md".
    static var handoutNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: templatesDir.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func build(_ name: String, _ formats: [HandoutFormat], solutions: SolutionsMode = .inline) throws -> BuiltHandout {
        let source = try String(contentsOf: templatesDir.appendingPathComponent(name + ".md"), encoding: .utf8)
        return try buildHandout(file: "Templates/\(name).md", source: source, formats: formats, solutions: solutions)
    }

    /// Runs a poppler tool on `data` written to a temporary file; returns its standard output.
    static func tool(_ name: String, _ arguments: [String], pdf data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-build-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("doc.pdf")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
        process.arguments = arguments + [file.path] + (name == "pdftotext" ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: out, as: UTF8.self)
    }

    static func field(_ info: String, _ key: String) -> String? {
        for line in info.split(separator: "\n") where line.hasPrefix(key + ":") {
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The `emb` column of `pdffonts`: one entry per font, true when embedded.
    static func embedded(_ listing: String) -> [Bool] {
        listing.split(separator: "\n").dropFirst(2).map { line in
            // Columns after the name: type (one or two words), encoding, emb, sub, uni, object, id.
            let cols = line.split(separator: " ")
            return cols.count >= 6 && cols[cols.count - 5] == "yes"
        }
    }
}

struct BuildOutputTests {
    @Test func examplePDFHasPagesMetadataEmbeddedFontsAndResolvedText() throws {
        let built = try BuildFixtures.build("_example", [.pdf])
        let pdf = try #require(built.pdf)
        let info = try BuildFixtures.tool("pdfinfo", [], pdf: pdf)
        let pages = Int(BuildFixtures.field(info, "Pages") ?? "") ?? 0
        #expect(pages > 1)
        #expect(pages == built.pageCount)
        #expect(BuildFixtures.field(info, "Title") == "Template format example")
        #expect(BuildFixtures.field(info, "Author") == "infoplot course team")
        #expect(BuildFixtures.field(info, "Page size")?.contains("A4") == true)

        let fonts = BuildFixtures.embedded(try BuildFixtures.tool("pdffonts", [], pdf: pdf))
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0 })

        let text = try BuildFixtures.tool("pdftotext", [], pdf: pdf)
        // H(0.5, 0.3, 0.2) = 1.485 bits; KL(p‖q) = 0.5 log2(0.5/0.4) + 0.3 log2(0.3/0.35) + 0.2 log2(0.2/0.25) = 0.0299 → 0.030.
        for needle in ["1.485", "0.030", "0.1610", "0.800", "Figure 1", "(1)", "Table 1", "Section 1", "Exercise 1"] {
            #expect(text.contains(needle), "PDF text lacks '\(needle)'")
        }
        for leftover in ["@fig-", "@eq-", "@tbl-", "@sec-", "{{", "}}", "\\frac", ":::"] {
            #expect(!text.contains(leftover), "PDF text still holds '\(leftover)'")
        }
        // The one dollar in the text is the escaped literal `\$`.
        #expect(text.filter { $0 == "$" }.count == 1)
    }

    @Test func examplePDFHasOutlineAndDestinations() throws {
        let pdf = try #require(try BuildFixtures.build("_example", [.pdf]).pdf)
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Type /Outlines"))
        for title in ["(1 Display equations and cross-references)", "(2 A table filled by a loop)", "(3 A figure)", "(4 Callouts)"] {
            #expect(raw.contains("/Title " + title), "no bookmark \(title)")
        }
        // Named destinations for the cross-reference targets, and links that use them.
        #expect(raw.contains("/Dests"))
        for id in ["eq-kl", "tbl-terms", "fig-forecast", "sec-equations"] {
            #expect(raw.contains("(\(id))"), "no destination \(id)")
        }
        #expect(raw.contains("/Subtype /Link"))
    }

    @Test func realHandoutPrintsComputedWeatherNumbers() throws {
        let built = try BuildFixtures.build("02-cross-entropy-and-kl", [.pdf])
        let pdf = try #require(built.pdf)
        #expect(built.pageCount > 3)
        let text = try BuildFixtures.tool("pdftotext", [], pdf: pdf)
        // Weather KL 0.0299 bits, its reverse 0.0295, H(p) = 1.4855, H(p, q) = 1.5153 (see the template's comments).
        for needle in ["0.0299", "0.0295", "1.4855", "1.5153", "Figure 1", "(1)", "Table 1"] {
            #expect(text.contains(needle), "PDF text lacks '\(needle)'")
        }
        #expect(!text.contains("$"))
        #expect(!text.contains("{{"))
        #expect(!text.contains("@fig-"))
        #expect(BuildFixtures.embedded(try BuildFixtures.tool("pdffonts", [], pdf: pdf)).allSatisfy { $0 })
    }

    @Test func rebuildsAreByteIdentical() throws {
        let a = try BuildFixtures.build("_example", [.pdf, .svg, .html])
        let b = try BuildFixtures.build("_example", [.pdf, .svg, .html])
        #expect(a.pdf == b.pdf)
        #expect(a.svgPages == b.svgPages)
        #expect(a.html == b.html)
        #expect(a.svgPages?.count == a.pageCount)
    }

    @Test func svgPagesAreXMLWithViewBoxAndTitle() throws {
        let built = try BuildFixtures.build("_example", [.svg])
        let pages = try #require(built.svgPages)
        #expect(pages.count > 1)
        for (k, page) in pages.enumerated() {
            let doc = try XMLDocument(data: page)
            let root = try #require(doc.rootElement())
            #expect(root.name == "svg")
            #expect(String(decoding: page, as: UTF8.self).contains("viewBox=\"0 0 595.276 841.89\""))
            let title = root.elements(forName: "title").first?.stringValue
            #expect(title == "Template format example, page \(k + 1) of \(pages.count)")
        }
    }

    @Test func realHandoutHTMLIsWellFormedWithFiguresAndMath() throws {
        let built = try BuildFixtures.build("03-joint-conditional-mutual-information", [.html])
        let html = try #require(built.html)
        let doc = try XMLDocument(data: html)
        func count(_ xpath: String) throws -> Int { try doc.nodes(forXPath: xpath).count }
        #expect(try count("//*[local-name()='figure']") >= 1)
        #expect(try count("//*[local-name()='figure']//*[local-name()='svg']") >= 1)
        #expect(try count("//*[local-name()='figcaption']") >= 1)
        // Every formula is an SVG with its TeX as the accessible name.
        #expect(try count("//*[local-name()='span'][contains(@class,'math')]/*[local-name()='svg']") > 10)
        #expect(try count("//*[local-name()='code'][contains(@class,'math')]") == 0)
        let text = String(decoding: html, as: UTF8.self)
        #expect(!text.contains("<script"))
        #expect(!text.contains("http://") || !text.contains("src=\"http"))
        #expect(text.contains("0.2956"))  // I(X;Y) of the umbrella table in bits
        // All figures and formulas inlined in one page: every id once, every reference resolves
        // (formula glyphs point into the page's one shared table).
        let ids = text.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "an id is defined twice")
        let known = Set(ids)
        let refs = text.matches(of: /href="#([^"]+)"/).map { String($0.1) } + text.matches(of: /url\(#([^)]+)\)/).map { String($0.1) }
        let dangling = refs.filter { !known.contains($0) }
        #expect(dangling.isEmpty, "dangling: \(Set(dangling).sorted().prefix(5))")
        // Figures and formulas share one outline table: a glyph's id (font hash, glyph) appears once.
        #expect(ids.filter { $0.hasPrefix("g") && $0.contains("-") }.count > 10)
        // Every accessible name points at ids that exist.
        let labelled = text.matches(of: /aria-labelledby="([^"]+)"/).flatMap { $0.1.split(separator: " ").map(String.init) }
        #expect(!labelled.isEmpty && labelled.allSatisfy(known.contains))
        // Each figure drawing (wide and phone) is one drawing whose roles follow the reader's
        // colour scheme: a dark block per figure SVG, no second copy of the figure.
        let figureSVGs = try count("//*[local-name()='figure']//*[local-name()='svg'][@role='img']")
        #expect(figureSVGs >= 1)
        #expect(text.components(separatedBy: "@media (prefers-color-scheme:dark){.").count - 1 == figureSVGs)
    }

    @Test func solutionsCanBeMovedOrOmitted() throws {
        let omit = try #require(try BuildFixtures.build("_example", [.pdf], solutions: .omit).pdf)
        let end = try #require(try BuildFixtures.build("_example", [.pdf], solutions: .end).pdf)
        let omitText = try BuildFixtures.tool("pdftotext", [], pdf: omit)
        let endText = try BuildFixtures.tool("pdftotext", [], pdf: end)
        #expect(!omitText.contains("Solution to Exercise 1"))
        #expect(endText.contains("Solution to Exercise 1"))
        #expect(endText.contains("Solutions"))
    }

    @Test func templateErrorsNameFileLineAndColumn() throws {
        let source = "---\ntitle: Broken\n---\n\nSee @fig-missing here.\n"
        do {
            _ = try buildHandout(file: "Templates/broken.md", source: source, formats: [.pdf])
            Issue.record("an unknown reference must be an error")
        } catch let e as TemplateError {
            #expect(e.file == "Templates/broken.md")
            #expect(e.line == 5)
            #expect(e.column == 5)
            #expect(e.description.hasPrefix("Templates/broken.md:5:5: error:"))
        }
    }

    @Test func badTeXIsAPositionedErrorInPagedOutput() throws {
        let source = "---\ntitle: Broken\n---\n\nText $\\frac{1}{$ more.\n"
        do {
            _ = try buildHandout(file: "t.md", source: source, formats: [.pdf])
            Issue.record("bad TeX must be an error")
        } catch let e as TemplateError {
            #expect(e.line == 5)
            #expect(e.column == 6)
        }
    }
}

/// Issue 9: each figure is laid out once per build and every output draws that frame.
struct FigureOncePerBuildTests {
    /// Two figures, three outputs: one layout each for the pages (PDF and SVG share the page frames),
    /// and the HTML inlines the pages' frames in both themes (roles, no dark layout).
    @Test func pdfSVGAndHTMLShareEachFigureFrame() throws {
        let built = try BuildFixtures.build("01-surprise-and-entropy", [.pdf, .svg, .html])
        let pagesOnly = try BuildFixtures.build("01-surprise-and-entropy", [.pdf, .svg])
        #expect(pagesOnly.figureLayouts == 2)
        // The web page adds only the phone drawings (their own layout at the phone size, once more
        // when their text had to grow); the dark theme is the same frame's roles.
        let phones = String(decoding: try #require(built.html), as: UTF8.self).matches(of: /class="figure-narrow"/).count
        let extra = built.figureLayouts - pagesOnly.figureLayouts
        #expect(extra >= phones && extra <= 2 * phones, "\(extra) layouts for \(phones) phone drawings")
    }
}
