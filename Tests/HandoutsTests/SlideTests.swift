import Foundation
import Testing
@testable import Handouts

/// Decks: slides cut from the document, overlays, page size and labels, notes, overflow errors.
/// PDFs are inspected with poppler's pdfinfo and qpdf, not with our own code.
@Suite struct SlideTests {
    static let deck = """
        ---
        title: A small deck
        author: Tester
        format: slides
        data:
          d: {p: [0.5, 0.25, 0.25]}
        values:
          h: {op: entropy, p: d.p, unit: bits, digits: 2}
        ---

        # Section one

        ## Pauses

        First point.

        . . .

        Second point, entropy {{h}} bits.

        ::: notes
        Say the speaker-only sentence.
        :::

        ## Reveal

        ::: incremental
        - one
        - two
        - three
        :::

        ## Columns

        :::: columns
        ::: column
        Left.
        :::
        ::: column
        Right.
        :::
        ::::

        ---

        An untitled slide.

        """

    func slides(_ source: String) throws -> SlideDeck {
        try SlideDeck(try HandoutParser.parse(file: "deck.md", source: source, evaluator: fakeEvaluator))
    }

    @Test func slidesAndOverlayStepsComeFromHeadingsPausesAndIncrementalLists() throws {
        let deck = try slides(Self.deck)
        #expect(deck.slides.map(\.role) == [.title, .section, .content, .content, .content, .content])
        #expect(deck.slides.map(\.steps) == [1, 1, 2, 3, 1, 1])
        #expect(deck.slides[2].title.plainText == "Pauses")
        #expect(deck.slides[2].notes.count == 1)
        #expect(deck.slides[2].position.line == 13)
        #expect(deck.sections.map(\.plainText) == ["Section one"])
        guard case .columns(let columns) = deck.slides[4].items.first else { Issue.record("no columns"); return }
        #expect(columns.count == 2)
        #expect(deck.slides[5].title.isEmpty && deck.slides[5].position.line == 44)
    }

    @Test func deckPDFIs16By9WithAPagePerOverlayAndSlideNumbersAsPageLabels() throws {
        let built = try buildHandout(file: "deck.md", source: Self.deck, formats: [.pdf], notes: true)
        let pdf = try #require(built.pdf)
        let info = try BuildFixtures.tool("pdfinfo", [], pdf: pdf)
        #expect(BuildFixtures.field(info, "Pages") == "9")
        #expect(BuildFixtures.field(info, "Page size")?.hasPrefix("960 x 540 pts") == true)
        // The labels: one number per slide, repeated on its overlays (qpdf reads the number tree).
        let json = try BuildFixtures.tool("qpdf", ["--json", "--json-key=pagelabels"], pdf: pdf)
        let tree = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entries = try #require(tree?["pagelabels"] as? [[String: Any]])
        var labels: [Int] = []
        var k = 0
        for page in 0..<9 {
            if k + 1 < entries.count, (entries[k + 1]["index"] as? Int) == page { k += 1 }
            let entry = entries[k], label = entry["label"] as? [String: Any]
            #expect(label?["/S"] as? String == "/D", "page \(page) has no decimal label")
            let start = (label?["/St"] as? Int) ?? 1
            labels.append(start + page - ((entry["index"] as? Int) ?? 0))
        }
        #expect(labels == [1, 2, 3, 3, 4, 4, 4, 5, 6])
        #expect(try BuildFixtures.tool("qpdf", ["--check"], pdf: pdf).contains("No syntax or stream encoding errors"))
        // Notes stay out of the deck and go to the notes PDF, a page per slide.
        #expect(!(try BuildFixtures.tool("pdftotext", [], pdf: pdf)).contains("speaker-only"))
        let notes = try #require(built.notesPDF)
        #expect(BuildFixtures.field(try BuildFixtures.tool("pdfinfo", [], pdf: notes), "Pages") == "6")
        #expect(try BuildFixtures.tool("pdftotext", [], pdf: notes).contains("speaker-only"))
        #expect(try BuildFixtures.tool("pdftotext", [], pdf: pdf).contains("entropy 1.50 bits"))
    }

    @Test func tooMuchOnASlideIsAnErrorNamingItsLineAndTheOverflow() throws {
        let many = (1...20).map { "- point number \($0)" }.joined(separator: "\n")
        let source = "---\ntitle: T\nformat: slides\n---\n\n## Crowded\n\n\(many)\n"
        let error = templateError { _ = try buildHandout(file: "deck.md", source: source, formats: [.pdf]) }
        #expect(error?.line == 6)
        #expect(error?.message.contains("does not fit") == true)
        #expect(error?.message.contains("pt (about") == true)
        // The same slide may shrink when it asks to.
        let shrunk = source.replacingOccurrences(of: "## Crowded", with: "## Crowded {.shrink}")
        let lots = (1...13).map { "- point number \($0)" }.joined(separator: "\n")
        _ = try buildHandout(file: "deck.md", source: shrunk.replacingOccurrences(of: many, with: lots), formats: [.pdf])
    }

    @Test func aFormulaWiderThanTheSlideIsAnErrorAtTheFormula() throws {
        let wide = (1...40).map { "x_{\($0)}" }.joined(separator: "+")
        let source = "---\ntitle: T\nformat: slides\n---\n\n## Wide\n\n$$ \(wide) $$\n"
        let error = templateError { _ = try buildHandout(file: "deck.md", source: source, formats: [.pdf]) }
        #expect(error?.line == 8)
        #expect(error?.message.contains("wider than the slide") == true)
    }

    @Test func handoutsIgnoreSlideOnlyConstructs() throws {
        let source = "---\ntitle: T\n---\n\nText.\n\n. . .\n\n::: notes\nHidden.\n:::\n"
        let built = try buildHandout(file: "t.md", source: source, formats: [.pdf])
        #expect(!(try BuildFixtures.tool("pdftotext", [], pdf: try #require(built.pdf))).contains("Hidden"))
    }

    @Test func htmlDeckHasASectionPerSlideScrollSnapPrintPagesAndNoScript() throws {
        let built = try buildHandout(file: "deck.md", source: Self.deck, formats: [.html])
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.components(separatedBy: "<section class=\"slide").count - 1 == 6)
        #expect(html.contains("scroll-snap-type: y mandatory"))
        #expect(html.contains("@media print") && html.contains("break-after: page"))
        #expect(!html.contains("<script"))
        #expect(html.contains("class=\"notes\"") && html.contains(".notes { display: none; }"))
    }
}

extension SlideTests {
    /// A callout's title line reads the same on the PDF slide and in the HTML deck: "Key idea" alone
    /// without a title, "Definition. Entropy" with one (the HTML deck added ". " after every kind,
    /// so an untitled callout read "Key idea." there and "Key idea" on the PDF slide).
    @Test func calloutTitleLinesMatchBetweenPDFAndHTMLDecks() throws {
        let source = """
            ---
            title: D
            format: slides
            ---

            ## One

            ::: key-idea
            Independent surprises add.
            :::

            ## Two

            ::: definition Entropy
            Expected surprise.
            :::

            """
        let built = try buildHandout(file: "deck.md", source: source, formats: [.pdf, .html])
        let text = try BuildFixtures.tool("pdftotext", [], pdf: try #require(built.pdf))
        #expect(text.contains("Key idea\n") && !text.contains("Key idea."))
        #expect(text.contains("Definition. Entropy"))
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.contains("<p class=\"callout-title\"><span class=\"callout-kind\">Key idea</span></p>"))
        #expect(html.contains("<span class=\"callout-kind\">Definition. </span>Entropy</p>"))
        #expect(!html.contains("::after { content: \". \""))
    }
}
