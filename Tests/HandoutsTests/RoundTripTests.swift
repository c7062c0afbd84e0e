import Foundation
import Testing
@testable import Handouts

/// A small deterministic generator (SplitMix64), so the round trip runs the same cases everywhere.
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
}

@Suite struct RoundTripTests {
    /// TeX made of exactly the characters Markdown would act on: emphasis, tables, links, HTML,
    /// headings, escapes. Whatever the mix, the formula must come back byte for byte.
    @Test func randomTeXSurvivesCmarkUntouched() throws {
        var rng = SplitMix(state: 2026)
        let atoms = ["*", "_", "|", "[", "]", "(", ")", "<", ">", "#", "!", "~", "^", "{", "}", "+", "-", "=", "&", ",",
                     ".", ":", ";", "'", "\"", "`", "x", "y", "2", " ", "\\alpha", "\\|", "\\{", "\\_", "**", "__", "~~",
                     "[^1]", "<b>", "&amp;", "@fig-x", "\\\\", "\\frac{a}{b}"]
        for _ in 0..<300 {
            var tex = ""
            for _ in 0..<(1 + Int(rng.next() % 12)) {
                let atom = rng.pick(atoms)
                // "{{" would be a Mustache tag, which the format reserves.
                if tex.hasSuffix("{") && atom.hasPrefix("{") { continue }
                tex += atom
            }
            tex = tex.trimmingCharacters(in: .whitespaces)
            if tex.isEmpty || tex.hasSuffix("\\") { continue }
            let doc = try parse(template("A $\(tex)$ b *c* | d"))
            let maths = doc.blocks.flatMap { block -> [String] in
                guard case .paragraph(let inl) = block else { return [] }
                return inl.compactMap { if case .math(let m) = $0 { return m.tex } else { return nil } }
            }
            #expect(maths == [tex], "TeX \(tex) did not survive")
        }
    }
}
