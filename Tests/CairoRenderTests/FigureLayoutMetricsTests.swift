import Foundation
import Testing
import FigureModel
@testable import CairoRender

/// Layout checks with the real shaper's metrics: on every demo, theme-independent, at every size preset,
/// all text lies on the canvas and no two labels overlap.
@Suite struct FigureLayoutMetricsTests {
    @Test(arguments: [FigureSize.slide, .halfSlide, .handout, .column, .inches(6.4, 4)])
    func textFitsAndKeepsApart(size: FigureSize) throws {
        let measurer = try LabelMeasurer()
        let figures: [(String, Figure)] = [
            ("entropy", try FigureDemos.entropy(size: size)), ("kl-fits", FigureDemos.klFits(size: size)),
            ("venn", FigureDemos.venn(size: size)), ("surface", try FigureDemos.klSurface(size: size, n: 80)),
            ("bars", FigureDemos.bars(size: size)),
        ]
        for (name, figure) in figures {
            let scene = try layoutFigure(figure, measurer: measurer)
            let boxes: [(String, Rect)] = scene.items.compactMap {
                if case .text(let t) = $0 { return (t.text, textBounds(t, measurer: measurer)) } else { return nil }
            }
            for (text, r) in boxes {
                #expect(r.x >= -0.01 && r.y >= -0.01 && r.maxX <= scene.width + 0.01 && r.maxY <= scene.height + 0.01,
                        "\(name) at \(size): '\(text)' leaves the canvas: \(r) in \(scene.width)x\(scene.height)")
            }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    // Touching by less than a tenth of a point is not a visible overlap.
                    let a = boxes[i].1.insetBy(0.1), b = boxes[j].1.insetBy(0.1)
                    #expect(!a.intersects(b), "\(name) at \(size): '\(boxes[i].0)' overlaps '\(boxes[j].0)'")
                }
            }
        }
    }
}
