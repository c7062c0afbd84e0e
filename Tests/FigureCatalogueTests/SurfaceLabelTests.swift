import Foundation
import Testing
import FigureModel
import CairoRender
import PlotGrammar

/// The surface mark's tick labels are chosen per axis from its projected length: over a sweep of
/// azimuths (and a low and a high elevation), at every size preset, no two text boxes of the laid-out
/// figure (measured by the renderer's own text measurer) intersect.
@Suite struct SurfaceLabelTests {
    static func spec(azimuth: Double, elevation: Double) throws -> PlotSpec {
        try PlotSpec(yaml: """
            title: KL surface
            x: {label: "$\\\\mu$"}
            y: {label: "$\\\\sigma$"}
            layers:
              - mark: surface
                x: {var: mu, from: -3, to: 3}
                y: {var: s, from: 0.2, to: 3, spacing: log}
                z: "gaussian_kl(mu1=mu, sigma1=s, mu2=0, sigma2=1)"
                azimuth: \(azimuth)
                elevation: \(elevation)
                name: KL [nats]
            """, file: "surface.yaml", baseDirectory: ".")
    }

    @Test(arguments: [FigureSize.handout, .slide, .column, .halfSlide])
    func tickLabelsNeverOverlap(_ size: FigureSize) throws {
        let measurer = try LabelMeasurer()
        for elevation in [15.0, 28, 60] {
            for azimuth in stride(from: -180.0, to: 180, by: 15) {
                let f = try Self.spec(azimuth: azimuth, elevation: elevation).figure(size: size)
                let scene = try layoutFigure(f, measurer: measurer)
                let boxes = scene.items.compactMap { item -> (String, Rect)? in
                    if case .text(let t) = item, !t.text.isEmpty { return (t.text, textBounds(t, measurer: measurer)) }
                    return nil
                }
                #expect(boxes.count >= 8, "azimuth \(azimuth): only \(boxes.count) labels")
                for i in boxes.indices {
                    for j in boxes.indices where j > i {
                        #expect(boxes[i].1.intersectionArea(boxes[j].1) == 0,
                                "\(size) azimuth \(azimuth) elevation \(elevation): '\(boxes[i].0)' meets '\(boxes[j].0)'")
                    }
                }
            }
        }
    }
}
