import Foundation
import Testing
@testable import MathTypesetting

/// infoplot's boxes against LuaLaTeX's (unicode-math, the same OpenType math fonts, 10pt), measured by
/// Scripts/lualatex-math-fixtures.py into Fixtures/lualatex-metrics.tsv.
@Suite struct LuaLaTeXFixtureTests {
    struct Row { let font: String; let display: Bool; let width, height, depth: Double; let tex: String }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lualatex-metrics.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, let w = Double(f[2]), let h = Double(f[3]), let d = Double(f[4]) else { return nil }
            return Row(font: f[0], display: f[1] == "1", width: w, height: h, depth: d, tex: f[5])
        }
    }()

    /// Every formula must be within 0.5 % of TeX's width (the issue's target is a median of 0.2 % and no
    /// formula above 2 %); the former deviations had causes, each fixed where it lived: \xrightarrow's box
    /// is \ext@arrow's \hbox to the label width, text-style \binom takes LuaTeX's 2.40 em delimiter size,
    /// cases has amsmath's \arraystretch 1.2, \substack stays in \scriptstyle, array rules take no width,
    /// a wide brace variant overhangs its body, operator names are words of the companion text roman,
    /// italic correction follows a character before another character (βγ, x\bigr), and \partial is italic.
    func measure(_ row: Row, _ font: MathFont) throws -> (w: Double, h: Double, d: Double) {
        let b = try typeset(row.tex, display: row.display, font: font, size: 10)
        return (b.width, b.height, b.depth)
    }

    @Test func fixtureFileIsComplete() {
        #expect(Self.rows.count >= 270)
        #expect(Set(Self.rows.map(\.font)).count == 3)
    }

    @Test(arguments: ["Latin Modern Math", "TeX Gyre Pagella Math", "DejaVu Math TeX Gyre"])
    func widthsMatchLuaLaTeX(family: String) throws {
        let font = try MathFont.load(family: family)
        var ratios: [(Double, String)] = []
        for row in Self.rows where row.font == family && row.width > 0 {
            let m = try measure(row, font)
            ratios.append((m.w / row.width - 1, row.tex))
        }
        let sorted = ratios.map { abs($0.0) }.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        let report = ratios.sorted { abs($0.0) > abs($1.0) }.prefix(25)
            .map { String(format: "%+.2f%% ", $0.0 * 100) + $0.1 }.joined(separator: "\n")
        print("[\(family)] median |w/TeX − 1| = \(String(format: "%.3f", median * 100))%\n\(report)")
        #expect(median <= 0.002, "\(family): median \(median)")
        for (r, tex) in ratios {
            #expect(abs(r) <= 0.005, "\(family): \(tex) is \(String(format: "%+.2f", r * 100)) % off TeX's width")
        }
    }
}
