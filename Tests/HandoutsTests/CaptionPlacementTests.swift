import Foundation
import Testing
@testable import Handouts

/// LaTeX's \@makecaption: a one-line caption is centred, a longer one is a left-aligned paragraph.
/// Read back from the PDF with poppler's `pdftotext -bbox`, not from our own layout.
struct CaptionPlacementTests {
    /// xMin of the first word `word` on the page, in points.
    private func xMin(of word: String, in bbox: String) -> Double? {
        for line in bbox.split(separator: "\n") where line.contains(">\(word)</word>") {
            guard let r = line.range(of: "xMin=\"") else { continue }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        return nil
    }

    @Test func oneLineCaptionsAreCentredLongOnesStartAtTheMargin() throws {
        let long = Array(repeating: "Longwinded words that keep the caption going across the measure", count: 4).joined(separator: " ")
        let body = """
            Leftmost paragraph text.

            | a | b |
            |---|---|
            | 1 | 2 |

            Table: Shortcap.

            | c | d |
            |---|---|
            | 3 | 4 |

            Table: Widecap \(long).
            """
        let built = try buildHandout(file: "t.md", source: template(body), formats: [.pdf])
        let bbox = try BuildFixtures.tool("pdftotext", ["-bbox"], pdf: try #require(built.pdf))
        let margin = try #require(xMin(of: "Leftmost", in: bbox))
        let short = try #require(xMin(of: "Shortcap.", in: bbox))
        let wide = try #require(xMin(of: "Widecap", in: bbox))
        let pageWidth = 595.28
        // "Table 1. Shortcap." is ~90 pt wide: centred, it starts far right of the margin.
        #expect(short > margin + 150)
        #expect(short < pageWidth / 2)
        // The multi-line caption starts at the margin (after "Table 2.").
        #expect(wide < margin + 60)
    }
}
