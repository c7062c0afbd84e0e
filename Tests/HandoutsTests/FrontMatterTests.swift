import Testing
@testable import Handouts

@Suite struct FrontMatterTests {
    @Test func metadataIsDecoded() throws {
        let doc = try parse(try fixture("sample.md"))
        #expect(doc.meta.title == [.text("Cross-entropy and KL divergence")])
        #expect(doc.meta.subtitle == [.text("How far is a forecast from the truth?")])
        #expect(doc.meta.course == "Information Theory for Data Science")
        #expect(doc.meta.lecture == 2)
        #expect(doc.meta.date == "2026-11-23")  // printed as given, not as a parsed timestamp
        #expect(doc.meta.paper == .a4)
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let doc = try parse("---\r\ntitle: T\r\n---\r\nHello $x$\r\n\r\n## H {#sec-h}\r\n")
        #expect(doc.blocks == [
            .paragraph([.text("Hello "), .math(InlineMath(tex: "x", position: SourcePosition(line: 4, column: 7)))]),
            .heading(Heading(level: 1, number: "1", label: "sec-h", id: "sec-h", inlines: [.text("H")],
                             position: SourcePosition(line: 6, column: 1), sourceLevel: 2)),
        ])
    }

    @Test func badYAMLNamesTheTemplateLineAndColumn() {
        // Line 3 of the file; the second ':' (column 10) is where libyaml gives up.
        let source = "---\ntitle: T\ncourse: a: b\n---\nBody\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 3)
        #expect(e?.column == 10)
        #expect(e?.message.hasPrefix("bad YAML:") == true)
        #expect(e?.description.hasPrefix("Templates/t.md:3:10: error: bad YAML") == true)
    }

    @Test func badYAMLInsideDataIsOffsetByTheOpeningLine() {
        let source = "---\ntitle: T\ndata:\n  weather: {p: [0.5, 0.5}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 4)
        #expect(e?.message.hasPrefix("bad YAML") == true)
    }

    @Test func missingFrontMatterAndMissingTitleAreErrors() {
        #expect(templateError { _ = try parse("# Just markdown\n") }?.line == 1)
        #expect(templateError { _ = try parse("---\ntitle: T\n") }?.message.contains("never closed") == true)
        let noTitle = templateError { _ = try parse("---\ncourse: C\n---\n") }
        #expect(noTitle?.message.contains("title") == true)
    }

    @Test func unknownKeysAndBadSettingsPointAtTheirLine() {
        let typo = templateError { _ = try parse("---\ntitle: T\ntitel: U\n---\n") }
        #expect(typo?.line == 3 && typo?.column == 1)
        #expect(typo?.message.contains("unknown front matter key 'titel'") == true)
        let paper = templateError { _ = try parse("---\ntitle: T\npaper: a5\n---\n") }
        #expect(paper?.line == 3 && paper?.column == 8)
        #expect(paper?.message == "unknown paper 'a5' (known: a4, letter)")
        let lecture = templateError { _ = try parse("---\ntitle: T\nlecture: two\n---\n") }
        #expect(lecture?.line == 3)
    }
}
