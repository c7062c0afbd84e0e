import Testing
@testable import Handouts

@Suite struct MustacheTests {
    @Test func loopsOverRowsBuildTableRows() throws {
        let doc = try parse(try fixture("sample.md"))
        guard let table = doc.blocks.compactMap({ if case .table(let t) = $0 { return t } else { return nil } }).first else {
            Issue.record("no table")
            return
        }
        #expect(table.rows.map { $0[0] } == [[.text("Sunny")], [.text("Cloudy")], [.text("Rainy")]])
        #expect(table.rows.map { $0[2] } == [[.text("0.4")], [.text("0.35")], [.text("0.25")]])
        #expect(table.alignments == [.left, .right, .right, .right])
        #expect(table.header[1] == [.math(InlineMath(tex: "p", position: SourcePosition(line: 31, column: 13)))])
    }

    @Test func theContractsOneLineLoopForm() throws {
        let source = "---\ntitle: T\ndata: {w: {labels: [A, B], p: [0.25, 0.75]}}\nvalues:\n  rows:\n    rows: {label: w.labels, p: w.p}\n---\n"
            + "| x | p |\n|---|---|\n{{#rows}}| {{label}} | {{p}} |\n{{/rows}}\nAfter."
        let doc = try parse(source)
        guard case .table(let t)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(t.rows == [[[.text("A")], [.text("0.25")]], [[.text("B")], [.text("0.75")]]])
        #expect(doc.blocks.last == .paragraph([.text("After.")]))
    }

    /// cmark percent-encodes a link destination, token and all: the value is filled in after
    /// decoding it, and percent-encoded itself where cmark would have ("A B" → "A%20B").
    @Test func valuesInLinkDestinationsAndTitles() throws {
        let source = "---\ntitle: T\ndata: {w: {labels: [A B, C], p: [0.25, 0.75]}}\n---\n"
            + "[p = {{w.p.0}}](https://example.org/q?p={{w.p.0}}&l={{w.labels.0}} \"for {{w.labels.1}}\") and <https://example.org/{{w.p.1}}>"
        let doc = try parse(source)
        guard case .paragraph(let inlines)? = doc.blocks.first else { Issue.record("no paragraph"); return }
        let links = inlines.compactMap { inline -> (String, String, [Inline])? in
            if case .link(let url, let title, let content) = inline { return (url, title, content) } else { return nil }
        }
        #expect(links.map(\.0) == ["https://example.org/q?p=0.25&l=A%20B", "https://example.org/0.75"])
        #expect(links.map(\.1) == ["for C", ""])
        #expect(links.map(\.2) == [[.text("p = 0.25")], [.text("https://example.org/0.75")]])
    }

    @Test func unknownNameIsAnErrorWithPosition() {
        let e = templateError { _ = try parse(template("Intro line\nThe KL is {{kl_wether}} bits.")) }
        #expect(e?.description == "Templates/t.md:8:11: error: unknown value 'kl_wether' (known: weather, kl_weather)")
    }

    @Test func unknownNameInsideALoopIsAnErrorToo() {
        let body = "{{#weather}}\n{{nope}}\n{{/weather}}"
        let e = templateError { _ = try parse(template(body)) }
        #expect(e?.line == 8 && e?.column == 1)
        #expect(e?.message.hasPrefix("unknown value 'nope'") == true)
    }

    /// "{{x}} bits" reads "1 bit" when x prints as 1: a unit agrees in number with its value.
    @Test func unitsAfterAValueAgreeInNumber() throws {
        let source = "---\ntitle: T\ndata: {w: {p: [1, 0.5, 10]}}\n---\n{{w.p.0}} bits, {{w.p.1}} bits, {{w.p.2}} nats, {{w.p.0}} bitstream."
        let doc = try parse(source)
        #expect(doc.blocks == [.paragraph([.text("1 bit, 0.5 bits, 10 nats, 1 bitstream.")])])
    }

    @Test func fieldsAndIndices() throws {
        let doc = try parse(template("First {{weather.labels.0}} at {{weather.p.0}}; all: {{weather.q}}."))
        #expect(doc.blocks == [.paragraph([.text("First Sunny at 0.5; all: 0.4, 0.35, 0.25.")])])
        let e = templateError { _ = try parse(template("{{weather.labels.7}}")) }
        #expect(e?.message == "'weather.labels' has no field '7' (fields: 0…2)")
    }

    @Test func aRecordCannotBePrintedWhole() {
        let e = templateError { _ = try parse(template("{{weather}}")) }
        #expect(e?.message.contains("is a record") == true)
    }

    @Test func sectionsMustClose() {
        let open = templateError { _ = try parse(template("a\n{{#weather}}\nx")) }
        #expect(open?.line == 8 && open?.message.contains("never closed") == true)
        let stray = templateError { _ = try parse(template("{{/weather}}")) }
        #expect(stray?.line == 7)
        let tag = templateError { _ = try parse(template("oops {{kl_weather")) }
        #expect(tag?.line == 7 && tag?.column == 6)
    }

    @Test func valuesAreNotHTMLEscaped() throws {
        let source = "---\ntitle: T\ndata: {s: \"a < b & c\"}\n---\n{{s}} and {{#s}}[{{s}}]{{/s}}\n"
        let doc = try parse(source)
        #expect(doc.blocks == [.paragraph([.text("a < b & c and [a < b & c]")])])
    }

    @Test func standaloneCommentLinesVanish() throws {
        let doc = try parse(template("{{! a note for authors }}\nText"))
        #expect(doc.blocks == [.paragraph([.text("Text")])])
    }

    @Test func positionsAfterASubstitutionMapBackToTheTemplate() {
        // {{kl_weather}} (14 chars) prints as 0.030 (5 chars); the '$' after it is at template column 22.
        let e = templateError { _ = try parse(template("{{kl_weather}} costs $5")) }
        #expect(e?.line == 7 && e?.column == 22)
    }
}

/// The front end parses first and resolves after: values are put into cmark's tree, never into
/// the Markdown, and every position (inside loops and callouts too) is the template's own.
@Suite struct ParseThenResolveTests {
    private func p(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    @Test func aValueWithMarkdownCharactersStaysText() throws {
        let source = "---\ntitle: T\ndata: {s: \"*a* | b_c_ `d` # e\"}\n---\n{{s}}\n\n| x | y |\n|---|---|\n| {{s}} | 2 |\n"
        let doc = try parse(source)
        #expect(doc.blocks.first == .paragraph([.text("*a* | b_c_ `d` # e")]))
        guard case .table(let t)? = doc.blocks.last else { Issue.record("no table"); return }
        #expect(t.rows == [[[.text("*a* | b_c_ `d` # e")], [.text("2")]]])
    }

    @Test func errorsInsideALoopNameTheTemplateColumn() {
        // Old front end: loop lines were re-rendered by Mustache and columns restarted at 1.
        let source = "---\ntitle: T\ndata: {w: {labels: [A, B]}}\n---\nIntro.\n\n{{#w.labels}}\n- {{.}} is in @tbl-none.\n{{/w.labels}}\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 8 && e?.column == 15, "\(String(describing: e))")
        #expect(e?.message.contains("tbl-none") == true)
    }

    @Test func inlineLoopsKeepColumnsAfterThem() {
        let source = "---\ntitle: T\ndata: {w: {labels: [Alpha, Beta]}}\n---\n{{#w.labels}}[{{.}}] {{/w.labels}}costs $5\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 5 && e?.column == 41, "\(String(describing: e))")
        #expect(e?.message.hasPrefix("unbalanced '$'") == true)
    }

    @Test func errorsInsideACalloutNameTheirLine() {
        let e = templateError { _ = try parse(template("::: note Title $x$\nFirst line.\nSee @fig-none here.\n:::")) }
        #expect(e?.line == 9 && e?.column == 5, "\(String(describing: e))")
        let title = templateError { _ = try parse(template("::: tip A $\\frac{1}{2}$ and @eq-none\nx\n:::")) }
        #expect(title?.line == 7 && title?.column == 29, "\(String(describing: title))")
    }

    @Test func aLoopRepeatsTableRowsAndListItems() throws {
        let source = "---\ntitle: T\ndata: {w: {labels: [A, B], p: [0.25, 0.75]}}\nvalues:\n  rows:\n    rows: {label: w.labels, p: w.p}\n---\n"
            + "| x | p |\n|---|---|\n{{#rows}}\n| {{label}} | $p = {{p}}$ |\n{{/rows}}\n\n{{#rows}}\n- {{label}}\n{{/rows}}\n"
        let doc = try parse(source)
        guard case .table(let t)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(t.rows == [[[.text("A")], [.math(InlineMath(tex: "p = 0.25", position: p(11, 15)))]],
                           [[.text("B")], [.math(InlineMath(tex: "p = 0.75", position: p(11, 15)))]]])
        guard case .list(let l)? = doc.blocks.last else { Issue.record("no list"); return }
        #expect(l.items == [[.paragraph([.text("A")])], [.paragraph([.text("B")])]])
    }

    @Test func fencedBlockReadersAreOneRegistry() {
        #expect(MarkdownConverter.fencedBlocks.keys.contains("figure"))
        let e = templateError { _ = try parse(template("```figure\nname: kl-fits\n")) }
        #expect(e?.message == "figure block is never closed (expected a closing ```)")
    }
}

@Suite struct CalloutTitleTests {
    /// A title is inline text: "1. Setup" is not an ordered list, "# x" not a heading.
    @Test func titlesThatLookLikeBlocksStayText() throws {
        let doc = try parse(template("::: exercise 1. Setup\nText.\n:::\n\n::: note # of bits\nMore.\n:::"))
        guard case .callout(let a)? = doc.blocks.first, case .callout(let b)? = doc.blocks.last else {
            Issue.record("no callouts"); return
        }
        #expect(a.title == [.text("1. Setup")])
        #expect(b.title == [.text("# of bits")])
    }
}
