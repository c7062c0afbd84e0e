import Foundation
import Testing

/// Handout and slide PDFs are tagged (issue 13, "Tagged PDF"): a structure tree of standard types
/// in reading order, figures and formulas with /Alt, the catalog's /Lang and DisplayDocTitle, and
/// still a clean `qpdf --check`. Checked with poppler's `pdfinfo -struct` / `-struct-text`.
///
/// poppler 22 stops collecting an element's text at the end of the first nested marked-content
/// sequence without an MCID (MarkedContentOutputDev pops its MCID stack on every EMC). cairo wraps
/// a glyph in such a /Span /ActualText only when its text differs from the font's own mapping, so
/// prose passes one cluster per glyph (FrameCairo) and `-struct-text` shows whole paragraphs; a
/// ligature glyph goes out as the presentation form the font maps it to (ﬁ), which cairo maps
/// without a span, and the finished PDF's ToUnicode maps that form back to "fi". Every word space of
/// set text is a space glyph (ISO 32000-1 §14.8.2.5), also at a line's end, so the words of a
/// paragraph come out separated; a formula's own spacing is glue, so its text has no spaces.
@Suite struct TaggedPDFTests {
    func pdf(_ arguments: [String], in dir: URL) throws -> (path: String, bytes: String) {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        let path = dir.path + "/out.pdf"
        let r = try runBounded(exe, arguments + ["-o", path], seconds: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let check = try runBounded(URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        return (path, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
    }

    func tool(_ name: String, _ arguments: [String]) throws -> String {
        try runBounded(URL(fileURLWithPath: "/usr/bin/" + name), arguments).stdout
    }

    @Test func aHandoutHasItsStructureAltTextAndLanguage() throws {
        let dir = try scratchFolder("tagged")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, bytes) = try pdf(["handout", repositoryRoot.appendingPathComponent("Templates/01-surprise-and-entropy.md").path], in: dir)
        #expect(try tool("pdfinfo", [path]).contains("Tagged:          yes"))
        let tree = try tool("pdfinfo", ["-struct", path])
        // The title block: course line, title (the heading alone), subtitle and byline, then the text.
        #expect(tree.hasPrefix("Document\n  P (block)\n  H1 (block)\n  P (block)\n  P (block)\n  P (block)\n  H2 (block)\n"),
                "\(tree.prefix(200))")
        for fragment in ["\n  H2 (block)\n", "\n  P (block)\n",
                         "\n  L (block)\n    LI (block)\n      Lbl (block)\n      LBody (block)\n        P (block)\n",
                         "\n  Table (block)\n    Caption\n    TR\n      TH\n", "\n      TD\n",
                         "\n  Figure\n  Caption\n", "\n  Formula\n", "\n    Link (inline)\n"] {
            #expect(tree.contains(fragment), "no \(fragment.debugDescription) in the structure tree")
        }
        // Every figure and formula carries its alt text: the TeX of equation (1), the generated
        // description of figure 1.
        let illustrations = tree.split(separator: "\n").filter { ["Figure", "Formula"].contains($0.trimmingCharacters(in: .whitespaces)) }
        let alts = bytes.components(separatedBy: "\n   /Alt ").count - 1
        #expect(illustrations.count >= 5 && alts == illustrations.count, "\(illustrations.count) figures and formulas, \(alts) /Alt")
        #expect(bytes.contains(#"/S /Formula\#n   /Alt (I\(x\) = -\\log p\(x\) = \\log \\frac{1}{p\(x\)})"#))
        #expect(bytes.contains("/S /Figure\n   /Alt <FEFF0053007500720070007200690073006100"))   // "Surprisa(l)…"
        let text = try tool("pdfinfo", ["-struct-text", path])
        for element in ["  H1 (block)\n    \"Surprise and entropy\"\n",
                        "  P (block)\n    \"How much does an outcome tell us, and how much do we expect to learn?\"\n",
                        "    LI (block)\n      Lbl (block)\n        \"1.\"\n      LBody (block)\n        P (block)\n          \"it depends only on 𝑝(𝑥) and grows as 𝑝(𝑥) shrinks;\"\n",
                        "  P (block)\n    \"The only continuous functions that turn products into sums are logarithms, so (up to the choice of base) there is exactly one answer.\"\n"] {
            #expect(text.contains(element), "no \(element.debugDescription) in: \(text.prefix(800))")
        }
        #expect(text.contains("  Formula\n    \"𝐼(𝑥)=−log𝑝(𝑥)=log1𝑝(𝑥)(1)\"\n"), "\(text.prefix(600))")
        #expect(bytes.contains("/ViewerPreferences << /DisplayDocTitle true >>\n   /Lang (en-US)\n>>"))
    }

    /// A hyphen the line breaker inserts is a soft hyphen (ISO 32000-1 §14.8.2.2.3), so the tagged
    /// text reads the word whole ("nothing", not "noth-ing"), and a ligature neither cuts the
    /// tagged text nor reads as its presentation form (ﬁ). Each word of the page text that was
    /// split at a line end, or that holds ff, fi or fl, is checked in the structure text after
    /// the 24 characters before it on its line (poppler prints no text for a paragraph that holds
    /// a link, so a word whose context is not there at all is skipped).
    @Test(arguments: ["01-surprise-and-entropy", "04-likelihood"])
    func brokenWordsAndLigaturesReadWhole(_ name: String) throws {
        let dir = try scratchFolder("tagged-words")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try pdf(["handout", repositoryRoot.appendingPathComponent("Templates/\(name).md").path], in: dir)
        let structure = try tool("pdfinfo", ["-struct-text", path])
        let lines = try tool("pdftotext", ["-enc", "UTF-8", path, "-"]).components(separatedBy: "\n")
        var checked = (broken: 0, ligatures: 0)
        /// The word at `range` of `line`, read as `word`, is whole after its context.
        func expectWhole(_ line: String, _ range: Range<String.Index>, _ word: String) -> Bool {
            let context = String(line[..<range.lowerBound].suffix(24))
            guard context.count == 24, structure.contains(context) else { return false }
            #expect(structure.contains(context + word), "\(name): '\(context)\(word)' is not whole in the tagged text")
            return true
        }
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasSuffix("\u{00AD}") {
            let head = line.dropLast().split(separator: " ").last.map(String.init) ?? ""
            let tail = next.prefix { $0.isLetter }
            if let r = line.range(of: head, options: .backwards), expectWhole(line, r, head + tail) { checked.broken += 1 }
        }
        for line in lines {
            for word in Set(line.split { !$0.isLetter }.map(String.init)) where ["ff", "fi", "fl"].contains(where: word.contains) {
                if let r = line.range(of: word), expectWhole(line, r, word) { checked.ligatures += 1 }
            }
        }
        #expect(checked.broken >= 3 && checked.ligatures >= 3, "\(name): only \(checked) words checked")
        for form in ["\u{FB00}", "\u{FB01}", "\u{FB02}", "\u{FB03}", "\u{FB04}"] {
            #expect(!structure.contains(form) && !lines.joined().contains(form), "\(name): \(form) in the text")
        }
        #expect(!structure.contains("noth-ing"))
    }

    @Test func aDeckIsTaggedWithSlideTitlesAsHeadings() throws {
        let dir = try scratchFolder("tagged-deck")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, bytes) = try pdf(["handout", repositoryRoot.appendingPathComponent("Templates/slides/surprise-and-entropy.md").path], in: dir)
        let tree = try tool("pdfinfo", ["-struct", path])
        #expect(tree.hasPrefix("Document\n  H1 (block)\n"), "\(tree.prefix(200))")
        #expect(tree.contains("\n  H2 (block)\n") && tree.contains("\n  Formula\n") && tree.contains("\n  L (block)\n"))
        #expect(bytes.contains("/DisplayDocTitle true") && bytes.contains("/Lang (en-US)") && bytes.contains("/PageLabels"))
    }
}
