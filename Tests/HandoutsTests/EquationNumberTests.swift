import CairoRender
import Foundation
import Testing
@testable import Handouts

/// Equation numbers as TeX's \eqno sets them: on the display's baseline, whatever the formula's depth
/// (issue 14: an \underbrace equation pulled its number below the baseline).
@Suite struct EquationNumberTests {
    @Test func numberSitsOnTheFormulasBaseline() throws {
        let source = "---\ntitle: T\n---\n\n$$ \\underbrace{H(p, q)}_{\\text{total cost}} = \\underbrace{H(p)}_{\\text{unavoidable}}. $$ {#eq-a}\n\n$$ x = 1 $$ {#eq-b}\n"
        let doc = try parse(source)
        let measurer = try HandoutMeasurer(fonts: doc.meta.fonts)
        let (drawing, _) = try paginateHandout(doc, measurer: measurer)
        // Tagged PDF wraps each element's items in a structure group; the geometry is inside.
        func leaves(_ items: [PageItem]) -> [PageItem] {
            items.flatMap { item -> [PageItem] in
                if case .tagged(_, let inner) = item { return leaves(inner) }
                return [item]
            }
        }
        let items = leaves(try #require(drawing.pages.first).items)
        let displays = items.compactMap { if case .math(_, _, let y, _) = $0 { return y } else { return nil } }
        let numbers = items.compactMap { if case .text(let t) = $0, t.text.hasPrefix("("), t.text.hasSuffix(")") { return t } else { return nil } }
        #expect(numbers.map(\.text) == ["(1)", "(2)"])
        #expect(displays.count == 2)
        for (n, baseline) in zip(numbers, displays) {
            #expect(abs(n.baseline - baseline) < 1e-9, "\(n.text) at \(n.baseline), formula baseline \(baseline)")
        }
    }
}
