import Foundation
import Testing
@testable import Handouts

/// libhyphen with Debian's en-US patterns, and what the paragraph breaker does with them.
@Suite struct HyphenationTests {
    private func hyphenated(_ word: String, _ h: Hyphenator) -> String {
        var out = ""
        let points = Set(h.points(in: word))
        for (k, c) in word.enumerated() {
            if points.contains(k) { out += "-" }
            out.append(c)
        }
        return out
    }

    @Test func englishWordListBreaksWhereTheTeXPatternsSay() throws {
        let h = try Hyphenator(language: "en-US")
        // The points Liang's patterns give (TeX's own hyphenation of these words, with
        // \lefthyphenmin 2 and \righthyphenmin 3).
        let expected = [
            "hyphenation": "hy-phen-ation", "distribution": "dis-tri-bu-tion", "information": "in-for-ma-tion",
            "probability": "prob-a-bil-ity", "entropy": "en-tropy", "divergence": "di-ver-gence",
            "likelihood": "like-li-hood", "table": "ta-ble", "Gaussian": "Gauss-ian",
        ]
        for (word, want) in expected { #expect(hyphenated(word, h) == want, "\(word)") }
    }

    @Test func hyphenMinimaAndNonWordsAreRespected() throws {
        let h = try Hyphenator(language: "en-US")
        for word in ["information", "probability", "uncertainty", "representation", "mathematical"] {
            for p in h.points(in: word) {
                #expect(p >= Hyphenator.leftMin && word.count - p >= Hyphenator.rightMin, "\(word) at \(p)")
            }
        }
        #expect(h.points(in: "log2p") == [])
        #expect(h.points(in: "abc") == [])
    }

    @Test func languageTagsFindTheirPatternsOrSayWhatIsInstalled() throws {
        #expect(Hyphenator.patternFile(for: "en-US") != nil)
        #expect(Hyphenator.patternFile(for: "en") != nil)
        #expect(Hyphenator.patternFile(for: "xx-YY") == nil)
        #expect(Hyphenator.installedLanguages().contains("en-US"))
        #expect(throws: HyphenationError.self) { _ = try Hyphenator(language: "xx") }
    }

    @Test func unknownLangInFrontMatterIsATemplateError() throws {
        let source = "---\ntitle: T\nlang: xx-YY\n---\nText.\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 3)
        #expect(e?.message.contains("no hyphenation patterns installed for lang 'xx-YY'") == true)
        #expect(e?.message.contains("en-US") == true)
        #expect(try parse("---\ntitle: T\nlang: en-US\n---\nText.\n").meta.language == "en-US")
    }

    /// A measurer that may break "hyphenation" as hy-phen-ation, at 5 pt a character.
    struct HyphenatingMono: LayoutMeasurer {
        func textWidth(_ text: String, style: TextStyle, size: Double) -> Double { Double(text.count) * 5 * size / 10 }
        func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics { BoxMetrics(width: 20, ascent: 8, descent: 3) }
        func figureHeight(_ figure: Figure, width: Double) throws -> Double { width * 0.6 }
        func hyphenationPoints(_ word: String) -> [Int] { word == "hyphenation" ? [2, 6] : [] }
    }

    @Test func aBrokenWordShowsItsHyphenAndTheRestRejoins() throws {
        let setter = ParagraphSetter(measurer: HyphenatingMono(), size: 10, leading: 14)
        // "aaaa bbbb hyphen" is 80 pt at natural width; the measure of 85 pt leaves "ation"
        // nowhere but the next line without stretching the first one far.
        let lines = try setter.set([.text("aaaa bbbb hyphenation ccc dd")], width: 85)
        let words = lines.map { $0.fragments.compactMap { f -> String? in if case .word(let w, _, _) = f.content { return w } else { return nil } } }
        // The inserted hyphen is a soft hyphen (drawn as the hyphen; tagged PDF reads the word whole).
        #expect(words.first?.last == "hyphen\u{00AD}")
        #expect(words.dropFirst().first?.first == "ation")
        // Unbroken pieces of a word are one fragment.
        let whole = try setter.set([.text("hyphenation")], width: 500)
        #expect(whole.first?.fragments.count == 1)
    }

    @Test func explicitHyphensBreakWithoutAddingOne() throws {
        let setter = ParagraphSetter(measurer: MonoMeasurer(), size: 10, leading: 14)
        // "aaaa bbbb cross-" is 80 pt, the whole 115 pt, the measure 85 pt.
        let lines = try setter.set([.text("aaaa bbbb cross-entropy")], width: 85)
        let words = lines.flatMap { $0.fragments.compactMap { f -> String? in if case .word(let w, _, _) = f.content { return w } else { return nil } } }
        #expect(words.contains("cross-"))
        #expect(!words.contains("cross--"))
    }

    /// Issue 10's target: no line of any handout in Templates/ with word spaces above 1.8× their
    /// natural width (07 had a 4.04× line before formulas broke after a solidus).
    @Test(arguments: BuildFixtures.handoutNames)
    func handoutLinesAreNoLooserThanTheTarget(_ name: String) throws {
        let built = try BuildFixtures.build(name, [.pdf])
        let stats = try #require(built.statistics)
        #expect(stats.looseLines.isEmpty, "\(stats.looseLines)")
        #expect(stats.maxSpaceFactor <= LayoutStatistics.looseLimit)
    }
}
