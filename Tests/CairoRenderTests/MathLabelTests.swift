import Testing
import FigureModel
@testable import CairoRender

/// Labels with `$…$` are set by the TeX typesetter, line by line, with prose in the label font.
@Suite struct MathLabelTests {
    let m = try! LabelMeasurer()

    @Test func mathIsMeasuredByTheTypesetterNotTheFallback() throws {
        let setter = MathLabelSetter(family: Theme.light.mathFont)
        let label = try #require(setter.label("$x^2$ in bits", fontSize: 10) { m.measure($0, fontSize: 10, bold: false) })
        #expect(label.lines.count == 1)
        #expect(label.lines[0].pieces.count == 2)
        guard case .math(let box, _) = label.lines[0].pieces[0] else { Issue.record("first piece is not math"); return }
        // The superscript raises the box above a plain x.
        #expect(box.height > 0.7 * 10)
        #expect(abs(label.extent.width - (box.width + m.measure(" in bits", fontSize: 10, bold: false).width)) < 1e-9)
    }

    @Test func multiLineLabelsStackLinesAndKeepTheWidestWidth() {
        let one = m.measure("$H(X|Y)$", fontSize: 10, bold: false)
        let two = m.measure("$H(X|Y)$\n0.586 bits", fontSize: 10, bold: false)
        let prose = m.measure("0.586 bits", fontSize: 10, bold: false)
        #expect(abs(two.width - max(one.width, prose.width)) < 1e-9)
        #expect(abs(two.ascent - one.ascent) < 1e-9)
        #expect(two.descent > one.descent + 10)   // a second line at least 1.2 em below
    }

    @Test func labelsWithoutMathOrWithBadTeXUseThePangoPath() {
        let setter = MathLabelSetter(family: Theme.light.mathFont)
        #expect(setter.label("plain", fontSize: 10) { m.measure($0, fontSize: 10, bold: false) } == nil)
        #expect(setter.label("$\\frac{1}$", fontSize: 10) { m.measure($0, fontSize: 10, bold: false) } == nil)
    }
}
