import Foundation
import Testing
import FigureModel
import InfoRequests
import InfoTheory
@testable import FigureCatalogue

/// References: mpmath (likelihood), scipy.stats (Beta entropies, multivariate-normal evidence),
/// and a brute-force Python KSG over the same SplitMix64 stream (scripts summarised in comments).
@Suite struct CourseFiguresContinuousTests {
    // MARK: likelihood

    @Test func likelihoodCurveMarksTheMLE() throws {
        let f = try CourseKit.build("likelihood-curve")
        // L(0.8) = 0.8⁴·0.2 = 0.08192, ℓ(0.8) = ln 0.08192 = −2.502012117691 (mpmath).
        #expect(f.panels.count == 2 && f.columns == 1 && f.sharedX)
        #expect(CourseKit.shows(f, "$\\hat p = 0.800$, $L(\\hat p)$ = 0.0819"))
        #expect(CourseKit.shows(f, "$\\hat p = 0.800$, $\\ell(\\hat p)$ = \u{2212}2.502"))
        #expect(f.panels[0].title == "Likelihood $L(p) = p^{4}(1-p)$")
        let peak = f.panels[0].marks.compactMap { if case .scatter(let s) = $0 { s.points.first } else { nil } }.first
        #expect(abs((peak?.x ?? 0) - 0.8) < 1e-15 && abs((peak?.y ?? 0) - 0.08192) < 1e-15)
        // The drawn ℓ curve at p = 0.5: 4 ln 0.5 + ln 0.5 = 5 ln 0.5.
        let line = try #require(f.panels[1].marks.compactMap { m -> Line? in if case .line(let l) = m { return l } else { return nil } }.first)
        let half = try #require(line.x.firstIndex(of: 0.5))
        #expect(abs(line.y[half] - 5 * log(0.5)) < 1e-12)
        // ℓ → −∞ at both ends (a head and a tail were seen): the curve runs past the bottom of the
        // window at both ends, so the plot area clips it at its edge rather than it stopping mid-air.
        guard case .fixed(let lo, _) = f.panels[1].y.limits else { Issue.record("ℓ panel has no fixed limits"); return }
        let first = line.y.firstIndex { $0.isFinite } ?? 0, last = line.y.lastIndex { $0.isFinite } ?? 0
        #expect(line.y[first] < lo && line.y[last] < lo, "ends \(line.y[first]), \(line.y[last]) above the bottom \(lo)")
        #expect(line.x[first] < 1e-6 && line.x[last] > 1 - 1e-6)
        #expect(f.description.contains("p̂ = 4/5 = 0.800, where L(p̂) = 0.0819 and ℓ(p̂) = \u{2212}2.502 nats"))
        #expect(f.description.hasPrefix("Likelihood L(p) = p⁴(1 − p) (top)") && f.title.hasSuffix("4 heads, 1 tail"))
    }

    @Test func likelihoodCurveErrors() {
        #expect(CourseKit.error("likelihood-curve", [("heads", .number(0)), ("tails", .number(0))]).contains("expected at least one flip"))
        #expect(CourseKit.error("likelihood-curve", [("tails", .number(-1))]).contains("parameter 'tails'"))
        #expect(CourseKit.error("likelihood-curve", [("heads", .number(2.5))]).contains("expected an integer"))
    }

    @Test func likelihoodOfAllHeadsPeaksAtOne() throws {
        let f = try CourseKit.build("likelihood-curve", [("heads", .number(3)), ("tails", .number(0))])
        #expect(CourseKit.shows(f, "$\\hat p = 1.000$, $L(\\hat p)$ = 1.0000") && CourseKit.shows(f, "$\\ell(\\hat p)$ = 0.000"))
        #expect(f.panels[0].title == "Likelihood $L(p) = p^{3}$")
    }

    @Test func likelihoodOfLongExperiments() throws {
        // mpmath: L(0.6) for 60 heads, 40 tails = 5.908465121e−30; ℓ(0.6) for 600/400 = −673.011667009.
        let f = try CourseKit.build("likelihood-curve", [("heads", .number(60)), ("tails", .number(40))])
        #expect(CourseKit.shows(f, "$L(\\hat p)$ = 5.908×10⁻³⁰"))
        let g = try CourseKit.build("likelihood-curve", [("heads", .number(600)), ("tails", .number(400))])
        #expect(g.panels[0].y.label == "$L(p)/L(\\hat p)$")
        #expect(CourseKit.shows(g, "$\\ell(\\hat p)$ = \u{2212}673.012"))
        let peak = g.panels[0].marks.compactMap { m -> Point? in if case .scatter(let s) = m { return s.points.first } else { return nil } }.first
        #expect(peak?.y == 1)
    }

    // MARK: mutual information vs correlation

    @Test func miVsCorrelationNumbers() throws {
        // Python: same SplitMix64 stream, X = −3 + 6U, Y = X² + 0.1 Z, contrast X + 1.5 Z′; numpy
        // corrcoef and a brute-force KSG (each variable divided by its population standard deviation,
        // max-norm, strict counts, k = 3; scipy digamma):
        //   quad r = 0.028583461277, MI = 2.744159076469; linear r = 0.769917274189, MI = 0.466905656176.
        // The spec's seeded draws are that stream: the scatters' points give the same statistics.
        let f = try CourseKit.build("mi-vs-correlation")
        func points(_ panel: Int) -> (x: [Double], y: [Double]) {
            let s = f.panels[panel].marks.compactMap { if case .scatter(let s) = $0 { s } else { nil } }.first
            return (s?.points.map(\.x) ?? [], s?.points.map(\.y) ?? [])
        }
        let quad = points(0), lin = points(1)
        #expect(quad.x.count == 500 && abs(quad.x[0] - 1.44938927263094) < 1e-13)
        #expect(abs(try pearsonCorrelation(quad.x, quad.y) - 0.028583461276512942) < 1e-12)
        #expect(abs(try ksgMutualInformation(quad.x, quad.y, k: 3) - 2.7441590764690442) < 1e-9)
        #expect(abs(try pearsonCorrelation(lin.x, lin.y) - 0.7699172741885929) < 1e-12)
        #expect(abs(try ksgMutualInformation(lin.x, lin.y, k: 3) - 0.4669056561763094) < 1e-9)
        #expect(CourseKit.shows(f, "$r$ = 0.029\n$\\hat I(X;Y)$ = 2.744 nats") && CourseKit.shows(f, "$r$ = 0.770\n$\\hat I(X;Y)$ = 0.467 nats"))
        #expect(f.description.contains("r = 0.029, yet the KSG estimate (k = 3) of the mutual information is 2.744 nats"))
    }

    @Test func miVsCorrelationOtherSeedAndNoContrast() throws {
        // Same script with n = 200, noise = 0.5, seed = 7: r = 0.143837515088, MI = 1.426046539962.
        let f = try CourseKit.build("mi-vs-correlation", [("n", .number(200)), ("noise", .number(0.5)), ("seed", .number(7)),
                                                   ("contrast", .bool(false))])
        #expect(f.panels.count == 1)
        #expect(CourseKit.shows(f, "$r$ = 0.144\n$\\hat I(X;Y)$ = 1.426 nats"))
        let same = try CourseKit.build("mi-vs-correlation", [("n", .number(200)), ("noise", .number(0.5)), ("seed", .number(7)),
                                                      ("contrast", .bool(false))])
        #expect(same == f)
    }

    /// The figure's size names lay it out: stacked on a portrait half-slide, side by side when wide,
    /// the contrast panel left out at column width (the size note says so).
    @Test func miVsCorrelationFollowsTheSize() throws {
        let half = try CourseKit.build("mi-vs-correlation", size: .halfSlide), slide = try CourseKit.build("mi-vs-correlation", size: .slide)
        let column = try CourseKit.build("mi-vs-correlation", size: .column)
        #expect(half.panels.count == 2 && half.columns == 1)
        #expect(slide.panels.count == 2 && slide.columns == 2)
        #expect(column.panels.count == 1 && column.columns == 1 && column.description.hasSuffix("Other sizes show every panel."))
    }

    @Test func miVsCorrelationErrors() {
        #expect(CourseKit.error("mi-vs-correlation", [("n", .number(3))]).contains("3 samples; expected 10 to 20000"))
        #expect(CourseKit.error("mi-vs-correlation", [("noise", .number(-1))]).contains("parameter 'noise'"))
    }

    // MARK: Lindley

    @Test func lindleyInformationOfSixtyHeads() throws {
        let f = try CourseKit.build("lindley")
        // scipy.stats.beta: H(Beta(1,1)) = 0, H(Beta(61,41)) = −1.611778494672 nats; posterior mean 61/102 = 0.598.
        #expect(CourseKit.shows(f, "$H(\\mathrm{prior})$ = 0.000 nats\n$H(\\mathrm{posterior})$ = \u{2212}1.612 nats\nentropy drop = 1.612 nats"))
        #expect(CourseKit.shows(f, "prior Beta(1, 1)") && CourseKit.shows(f, "posterior Beta(61, 41)"))
        #expect(f.description.contains("posterior mean 0.598") && f.description.contains("is 1.612 nats"))
        // The posterior density at θ = 0.6 (index 600 of 1001): scipy beta(61, 41).pdf(0.6) = 8.203133644607
        let area: [Double] = f.panels[0].marks.compactMap { m -> [Double]? in
            if case .area(let a) = m, a.upper.count == 1001 { return a.upper } else { return nil }
        }.last ?? []
        #expect(abs(area[600] - 8.203133644606709) < 1e-9)
    }

    @Test func lindleyWithAnInformativePriorInBits() throws {
        let f = try CourseKit.build("lindley", [("alpha", .number(2)), ("beta", .number(3)), ("heads", .number(4)), ("tails", .number(1)),
                                         ("unit", .string("bits"))])
        // scipy: H(Beta(2,3)) = −0.234906649788, H(Beta(6,4)) = −0.507496902992 nats; /ln 2 → −0.339, −0.732, gain 0.393 bits.
        #expect(CourseKit.shows(f, "= \u{2212}0.339 bits") && CourseKit.shows(f, "= \u{2212}0.732 bits") && CourseKit.shows(f, "entropy drop = 0.393 bits"))
    }

    @Test func lindleyErrors() {
        #expect(CourseKit.error("lindley", [("alpha", .number(0))]).contains("parameter 'alpha' of figure 'lindley'"))
        #expect(CourseKit.error("lindley", [("tails", .number(-3))]).contains("parameter 'tails'"))
    }

    // MARK: ELBO

    @Test func elboOptimumIsTheExactPosterior() throws {
        let f = try CourseKit.build("elbo")
        // numpy: posterior m = 2.101990049751, s = 0.352672807929; scipy multivariate_normal log evidence
        // of N(0·1, I + 25·11ᵀ) at the data = −10.876344799269.
        let star = f.panels[0].marks.compactMap { if case .scatter(let s) = $0 { s } else { nil } }.first
        let p = try #require(star?.points.first)
        #expect(abs(p.x - 2.101990049751244) < 1e-12 && abs(p.y - 0.35267280792929917) < 1e-12)
        #expect(star?.label == "optimum $m = 2.102$, $s = 0.353$\nELBO = $\\log p(x)$ = \u{2212}10.876")
        #expect(f.description.contains("log p(x) = \u{2212}10.876 nats"))
        // Contours at log p(x) − {8, 4, 2, 1, 0.5}; the grid's maximum is below log p(x).
        let contour = f.panels[0].marks.compactMap { if case .contour(let c) = $0 { c } else { nil } }.first
        if case .values(let v) = contour?.levels {
            let expected = [8.0, 4, 2, 1, 0.5].map { -10.876344799268916 - $0 }
            #expect(zip(v, expected).allSatisfy { abs($0 - $1) < 1e-9 })
        } else { Issue.record("contour levels missing") }
        let top = try #require(contour?.grid.finiteRange?.upperBound)
        #expect(top <= -10.876344799268916 + 1e-9 && top > -10.876344799268916 - 0.01)
    }

    @Test func elboErrors() {
        #expect(CourseKit.error("elbo", [("noise_sigma", .number(0))]).contains("parameter 'noise_sigma' of figure 'elbo'"))
        #expect(CourseKit.error("elbo", [("data", CourseKit.numbers([]))]).contains("0 observations"))
        #expect(CourseKit.error("elbo", [("prior_sigma", .number(-2))]).contains("expected a standard deviation > 0"))
    }
}
