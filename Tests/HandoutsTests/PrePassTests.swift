import Testing
@testable import Handouts

private func p(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

@Suite struct PrePassTests {
    @Test func mathWithMarkdownCharactersSurvivesUntouched() throws {
        let doc = try parse(template(#"Products $a*b*c$, indices $x_1 + y_2 = z_{ij}$ and norms $|x| \| y$ stay TeX; *this* is emphasis."#))
        #expect(doc.blocks == [.paragraph([
            .text("Products "), .math(InlineMath(tex: "a*b*c", position: p(7, 10))),
            .text(", indices "), .math(InlineMath(tex: "x_1 + y_2 = z_{ij}", position: p(7, 27))),
            .text(" and norms "), .math(InlineMath(tex: #"|x| \| y"#, position: p(7, 58))),
            .text(" stay TeX; "), .emph([.text("this")]), .text(" is emphasis."),
        ])])
    }

    @Test func pipesInMathDoNotSplitTableCells() throws {
        let doc = try parse(template("| a | b |\n|---|---|\n| $|x|$ | $p(y|x)$ |"))
        guard case .table(let t)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(t.rows.count == 1)
        #expect(t.rows[0] == [[.math(InlineMath(tex: "|x|", position: p(9, 3)))],
                              [.math(InlineMath(tex: "p(y|x)", position: p(9, 11)))]])
    }

    @Test func inlineMathMayWrapWithinAParagraph() throws {
        let doc = try parse(template("We have $a +\nb$ here."))
        #expect(doc.blocks == [.paragraph([.text("We have "), .math(InlineMath(tex: "a +\nb", position: p(7, 9))),
                                           .softBreak, .text("here.")])])
    }

    @Test func smartPunctuationOutsideCode() throws {
        let doc = try parse(template(#"Kullback--Leibler "divergence" -- it's `a--b`."#))
        #expect(doc.blocks == [.paragraph([.text("Kullback\u{2013}Leibler \u{201C}divergence\u{201D} \u{2013} it\u{2019}s "),
                                           .code("a--b"), .text(".")])])
    }

    @Test func literalDollarsAndCodeSpansAreNotMath() throws {
        let doc = try parse(template(#"It costs \$5, and `echo $HOME` is shell."#))
        #expect(doc.blocks == [.paragraph([.text("It costs $5, and "), .code("echo $HOME"), .text(" is shell.")])])
    }

    @Test func fencedCodeKeepsDollarsAndAts() throws {
        let doc = try parse(template("```sh\necho $x @fig-none\n```"))
        #expect(doc.blocks == [.codeBlock(info: "sh", code: "echo $x @fig-none\n")])
    }

    @Test func unbalancedDollarIsAnErrorAtTheOpeningDollar() {
        let e = templateError { _ = try parse(template("Line one.\nPrice $5 here\n\nNext paragraph $x$.")) }
        #expect(e?.line == 8 && e?.column == 7)
        #expect(e?.message.hasPrefix("unbalanced '$'") == true)
    }

    @Test func displayMathIsNumberedOnlyWhenLabelled() throws {
        let doc = try parse(template("$$ a = b $$\n\n$$\n\\sum_i x_i\n$$ {#eq-sum}\n\nSee @eq-sum."))
        #expect(doc.blocks == [
            .displayMath(DisplayMath(tex: "a = b", number: nil, label: nil, position: p(7, 1))),
            .displayMath(DisplayMath(tex: "\\sum_i x_i", number: 1, label: "eq-sum", position: p(9, 1))),
            .paragraph([.text("See "), .ref(CrossReference(label: "eq-sum", kind: .equation, text: "(1)", target: "eq-sum",
                                                           position: p(13, 5))), .text(".")]),
        ])
    }

    @Test func displayMathErrors() {
        let unclosed = templateError { _ = try parse(template("$$\nx = 1\n\nmore")) }
        #expect(unclosed?.line == 7 && unclosed?.message.contains("never closed") == true)
        let trailing = templateError { _ = try parse(template("$$ x $$ and more")) }
        #expect(trailing?.line == 7 && trailing?.column == 9)
        let midLine = templateError { _ = try parse(template("so $$x$$ inline")) }
        #expect(midLine?.line == 7 && midLine?.column == 4)
        let badLabel = templateError { _ = try parse(template("$$ x $$ {#fig-x}")) }
        #expect(badLabel?.message.contains("must start with 'eq-'") == true)
    }

    @Test func calloutsWithTitlesAndKinds() throws {
        let doc = try parse(template("::: key-idea Gibbs' inequality $D \\ge 0$\nText.\n:::\n\n::: note\nPlain.\n:::"))
        #expect(doc.blocks == [
            .callout(Callout(kind: .keyIdea, title: [.text("Gibbs\u{2019} inequality "),
                                                     .math(InlineMath(tex: "D \\ge 0", position: p(7, 32)))],
                             number: nil, blocks: [.paragraph([.text("Text.")])], id: nil, position: p(7, 1))),
            .callout(Callout(kind: .note, title: nil, number: nil, blocks: [.paragraph([.text("Plain.")])], id: nil, position: p(11, 1))),
        ])
    }

    @Test func calloutTitlesOpenWithOpeningQuotes() throws {
        let doc = try parse(template("::: misconception \"KL is a distance\"\nText.\n:::\n\n::: note *Aside* 'one'\nx\n:::"))
        guard case .callout(let a) = doc.blocks[0], case .callout(let b) = doc.blocks[1] else { Issue.record("no callouts"); return }
        #expect(a.title == [.text("\u{201C}KL is a distance\u{201D}")])
        #expect(b.title == [.emph([.text("Aside")]), .text(" \u{2018}one\u{2019}")])
    }

    @Test func unknownCalloutKindNamesTheWord() {
        let e = templateError { _ = try parse(template("::: theorem Big\nx\n:::")) }
        #expect(e?.line == 7 && e?.column == 5)
        #expect(e?.message.hasPrefix("unknown callout kind 'theorem' (known: note, tip, warning, definition, key-idea") == true)
    }

    @Test func unclosedAndNestedCallouts() {
        let unclosed = templateError { _ = try parse(template("Intro.\n\n::: note\nnever closed")) }
        #expect(unclosed?.line == 9 && unclosed?.column == 1)
        #expect(unclosed?.message.contains("never closed") == true)
        let nested = templateError { _ = try parse(template("::: note\n::: tip\n:::\n:::")) }
        #expect(nested?.line == 8 && nested?.message.contains("do not nest") == true)
        let stray = templateError { _ = try parse(template("text\n\n:::")) }
        #expect(stray?.line == 9)
    }

    @Test func headingLabelsAndTableCaptions() throws {
        let doc = try parse(template("## Terms $x$ {#sec-terms}\n\n| a |\n|---|\n| 1 |\nTable: Values of $a$. {#tbl-a}"))
        #expect(doc.blocks.count == 2)
        #expect(doc.blocks[0] == .heading(Heading(level: 1, number: "1", label: "sec-terms", id: "sec-terms",
                                                  inlines: [.text("Terms "), .math(InlineMath(tex: "x", position: p(7, 10)))],
                                                  position: p(7, 1), sourceLevel: 2)))
        guard case .table(let t) = doc.blocks[1] else { Issue.record("no table"); return }
        #expect(t.caption == [.text("Values of "), .math(InlineMath(tex: "a", position: p(12, 18))), .text(".")])
        #expect(t.label == "tbl-a" && t.number == 1 && t.rows.count == 1)
    }

    @Test func captionWithoutTableIsAnError() {
        let e = templateError { _ = try parse(template("Some text.\n\nTable: Orphan.")) }
        #expect(e?.line == 9 && e?.message.contains("right after a table") == true)
    }

    @Test func reservedTokenCharactersAreRejected() {
        let e = templateError { _ = try parse(template("ab\u{E000}1\u{E001}")) }
        #expect(e?.line == 7 && e?.column == 3)
    }

    @Test func footnotes() throws {
        let doc = try parse(template("A[^a] and B[^b], A again[^a].\n\n[^b]: Second $y$.\n[^a]: First."))
        #expect(doc.footnotes.map(\.number) == [1, 2])
        #expect(doc.footnotes[0].blocks == [.paragraph([.text("First.")])])
        #expect(doc.footnotes[1].blocks == [.paragraph([.text("Second "), .math(InlineMath(tex: "y", position: p(9, 14))), .text(".")])])
        guard case .paragraph(let inl) = doc.blocks[0] else { Issue.record("no paragraph"); return }
        let numbers = inl.compactMap { if case .footnoteRef(_, let n) = $0 { return n } else { return nil } }
        #expect(numbers == [1, 2, 1])
    }
}

/// Content is never dropped without a word: a Markdown image, which handouts do not place, is a
/// located error; the same characters in code or escaped are text.
@Suite struct MarkdownImageTests {
    @Test func imagesAreRefusedWhereTheyStand() {
        let e = templateError { _ = try parse(template("Some text.\n\nSee ![the plot](plot.png) here.\n")) }
        #expect(e?.line == 9 && e?.column == 5, "\(String(describing: e))")
        #expect(e?.message.contains("Markdown image 'plot.png' is not placed") == true, "\(e?.message ?? "")")
        #expect(e?.message.contains("```figure") == true)
    }

    @Test func codeAndEscapesAreNotImages() throws {
        let doc = try parse(template("Write `![alt](x.png)` for an image elsewhere, or \\![not](this).\n"))
        #expect(!doc.blocks.isEmpty)
    }
}
