import InfoRequests
import Testing
@testable import Handouts

@Suite struct ReferencesTests {
    private func headings(_ doc: Document) -> [String] {
        doc.blocks.compactMap { if case .heading(let h) = $0 { return "\(h.level) \(h.number ?? "-") \(h.id)" } else { return nil } }
    }

    @Test func sectionsAreNumberedFromTheShallowestLevel() throws {
        let doc = try parse(template("## A\n### A1\n### A2 {#sec-a2}\n## B\n#### B-deep\n### B1\n\nSee @sec-a2."))
        #expect(headings(doc) == ["1 1 sec-1", "2 1.1 sec-1-1", "2 1.2 sec-a2", "1 2 sec-2", "3 2.0.1 sec-2-0-1", "2 2.1 sec-2-1"])
        #expect(doc.blocks.last == .paragraph([.text("See "), .ref(CrossReference(
            label: "sec-a2", kind: .section, text: "Section 1.2", target: "sec-a2",
            position: SourcePosition(line: 14, column: 5))), .text(".")]))
    }

    @Test func sampleReferencesResolve() throws {
        let doc = try parse(try fixture("sample.md"))
        var refs: [String: String] = [:]
        func collect(_ inl: [Inline]) {
            for i in inl { if case .ref(let r) = i { refs[r.label] = r.text + " → #" + r.target } }
        }
        for b in doc.blocks { if case .paragraph(let inl) = b { collect(inl) } }
        #expect(refs == ["eq-kl": "(1) → #eq-kl", "fig-kl": "Figure 1 → #fig-kl", "tbl-terms": "Table 1 → #tbl-terms",
                         "sec-terms": "Section 1.1 → #sec-terms", "sec-ce": "Section 1 → #sec-ce"])
    }

    @Test func figuresAndTablesCountInDocumentOrder() throws {
        let body = """
            ```figure
            name: surprisal
            caption: One.
            ```

            ```figure
            name: entropy-curve
            caption: Two.
            label: fig-two
            ```

            | a |
            |---|
            | 1 |

            | b |
            |---|
            | 2 |

            Table: Captioned. {#tbl-b}

            @fig-two and @tbl-b.
            """
        let doc = try parse(template(body))
        let figs = doc.blocks.compactMap { if case .figure(let f) = $0 { return "\(f.number) \(f.id)" } else { return nil } }
        #expect(figs == ["1 fig-1", "2 fig-two"])
        let tables = doc.blocks.compactMap { if case .table(let t) = $0 { return "\(t.number ?? 0) \(t.id ?? "-")" } else { return nil } }
        #expect(tables == ["0 -", "1 tbl-b"])
        #expect(doc.blocks.last == .paragraph([
            .ref(CrossReference(label: "fig-two", kind: .figure, text: "Figure 2", target: "fig-two", position: SourcePosition(line: 28, column: 1))),
            .text(" and "),
            .ref(CrossReference(label: "tbl-b", kind: .table, text: "Table 1", target: "tbl-b", position: SourcePosition(line: 28, column: 14))),
            .text("."),
        ]))
    }

    @Test func unknownReferenceIsAnError() {
        let e = templateError { _ = try parse(template("## A {#sec-a}\n\nAs in @sec-b, and e-mail a@sec-x is no reference.")) }
        #expect(e?.description == "Templates/t.md:9:7: error: unknown reference '@sec-b' (known: sec-a)")
    }

    @Test func duplicateLabelsAreAnError() {
        let e = templateError { _ = try parse(template("## A {#sec-a}\n## B {#sec-a}")) }
        #expect(e?.line == 8 && e?.message == "label 'sec-a' is already used at line 7")
    }

    private let exercises = """
        ::: exercise First
        Do $x$.
        :::

        ::: solution
        Done.
        :::

        ::: exercise Second
        Again.
        :::
        """

    @Test func solutionsInline() throws {
        let doc = try parse(template(exercises), solutions: .inline)
        let kinds = doc.blocks.compactMap { if case .callout(let c) = $0 { return "\(c.kind.rawValue) \(c.number ?? 0)" } else { return nil } }
        #expect(kinds == ["exercise 1", "solution 1", "exercise 2"])
    }

    @Test func solutionsAtTheEnd() throws {
        let doc = try parse(template(exercises), solutions: .end)
        #expect(doc.blocks.count == 4)
        guard case .heading(let h) = doc.blocks[2], case .callout(let s) = doc.blocks[3] else { Issue.record("shape"); return }
        #expect(h.inlines == [.text("Solutions")] && h.number == nil && h.id == "solutions")
        #expect(s.kind == .solution && s.number == 1 && s.id == "solution-1")
    }

    @Test func solutionsOmitted() throws {
        let doc = try parse(template(exercises), solutions: .omit)
        #expect(doc.blocks.count == 2)
        #expect(!doc.blocks.contains { if case .callout(let c) = $0 { return c.kind == .solution } else { return false } })
    }

    @Test func aSolutionNeedsItsExercise() {
        let e = templateError { _ = try parse(template("Text.\n\n::: solution\nx\n:::")) }
        #expect(e?.line == 9 && e?.message.contains("right after the exercise") == true)
    }
}
