import Foundation
import Testing
import FigureModel
import InfoRequests
import InfoTheory
@testable import FigureCatalogue

/// kl-fits is a plot spec (Catalogue/kl-fits.yaml): these check the figure it draws against the
/// fits computed here directly from InfoTheory and against independent quadrature.
@Suite struct KLFitsTests {
    /// The default target's fits, computed without the figure.
    struct Fits { let forward: GaussianFit; let reverse: [GaussianFit] }
    func defaultFits() throws -> Fits {
        let mixture = try GaussianMixture([MixtureComponent(weight: 0.5, mu: -2, sigma: 0.6), MixtureComponent(weight: 0.5, mu: 2, sigma: 0.6)])
        return Fits(forward: forwardKLFit(mixture), reverse: reverseKLOptima(mixture))
    }

    func normal(_ x: Double, _ m: Double, _ s: Double) -> Double { exp(-0.5 * (x - m) * (x - m) / (s * s)) / (s * (2 * Double.pi).squareRoot()) }
    func target(_ x: Double) -> Double { 0.5 * normal(x, -2, 0.6) + 0.5 * normal(x, 2, 0.6) }
    /// ∫ a ln(a/b) by the midpoint rule on [−20, 20] with 400 000 cells.
    func kl(_ a: (Double) -> Double, _ b: (Double) -> Double) -> Double {
        let n = 400_000, lo = -20.0, dx = 40.0 / Double(n)
        var s = 0.0
        for i in 0..<n {
            let x = lo + (Double(i) + 0.5) * dx
            let pa = a(x)
            if pa > 0 { s += pa * log(pa / b(x)) * dx }
        }
        return s
    }

    @Test func forwardFitMatchesMoments() throws {
        let fits = try defaultFits()
        // Mean 0; variance 0.6² + 2² = 4.36 (law of total variance).
        #expect(abs(fits.forward.mu) < 1e-12)
        #expect(abs(fits.forward.sigma * fits.forward.sigma - 4.36) < 1e-9)
        let ref = kl(target, { normal($0, 0, 4.36.squareRoot()) })
        let f = try figure("kl-fits")
        #expect(contains(f, "forward fit $\\mathcal{N}(0, 2.09^2)$"))
        #expect(contains(f, "$D_{\\mathrm{KL}}(p\\,\\|\\,q)$ = \(printed(ref)) nats"))
    }

    @Test func bothReverseOptimaAreShown() throws {
        let fits = try defaultFits()
        // The two modes, then the broad local optimum covering both (μ 0, σ 1.790, KL 1.138; see
        // InfoTheoryTests' reverseFindsBothModes for its mpmath reference).
        #expect(fits.reverse.count == 3)
        #expect(abs(fits.reverse[2].mu) < 1e-6 && abs(fits.reverse[2].sigma - 1.7903) < 1e-3)
        // q sitting on one mode reaches ln 2 minus a sliver; the optimum can only be lower.
        let onMode = kl({ normal($0, 2, 0.6) }, target)
        for r in fits.reverse.prefix(2) {
            #expect(abs(abs(r.mu) - 2) < 0.05 && abs(r.sigma - 0.6) < 0.05)
            #expect(r.kl <= onMode + 1e-9 && r.kl > log(2) - 0.01)
        }
        let f = try figure("kl-fits")
        let lines = f.panels[0].marks.compactMap { if case .line(let l) = $0 { l } else { nil } }
        #expect(lines.count == 4)
        #expect(lines.contains { $0.label?.hasPrefix("reverse fit") == true && $0.style == .dashed })
        #expect(lines.contains { $0.label?.hasPrefix("other reverse optimum") == true && $0.style == .dotted })
        #expect(contains(f, "= \(printed(fits.reverse[0].kl)) nats"))
        // The other optima (the mirror mode and the broad one) are told apart in the legend: each
        // its own dash, which the alt text names.
        let others = lines.filter { $0.label?.hasPrefix("other reverse optimum") == true }
        #expect(others.map(\.style) == [.dotted, .dashDot])
        #expect(f.description.contains("(dotted)") && f.description.contains("(dash-dot)"))
        #expect(f.description.contains("N(0, 1.79²)"))
    }

    @Test func whichSelectsTheFits() throws {
        let fwd = try figure("kl-fits", [("which", .string("forward"))])
        #expect(contains(fwd, "forward fit") && !contains(fwd, "reverse"))
        let rev = try figure("kl-fits", [("which", .string("reverse"))])
        #expect(!contains(rev, "forward fit") && contains(rev, "reverse fit"))
        let single = try figure("kl-fits", [("target", .array([.object([("weight", .number(1)), ("mu", .number(1)), ("sigma", .number(2))])]))])
        // One Gaussian target: both fits are the target itself, at zero divergence (printed to the
        // legend's three decimals).
        #expect(contains(single, "$\\mathcal{N}(1, 2^2)$: $D_{\\mathrm{KL}}(p\\,\\|\\,q)$ = 0.000 nats"))
        #expect(!contains(single, "other reverse optimum"))
    }

    @Test func badTargetsNameTheParameter() {
        let neg = errorMessage { try figure("kl-fits", [("target", .array([.object([("weight", .number(1)), ("mu", .number(0)), ("sigma", .number(-1))])]))]) }
        #expect(neg?.contains("'target'") == true)
        let sum = errorMessage { try figure("kl-fits", [("target", .array([.object([("weight", .number(0.3)), ("mu", .number(0)), ("sigma", .number(1))])]))]) }
        #expect(sum?.contains("'target'") == true)
        let which = errorMessage { try figure("kl-fits", [("which", .string("sideways"))]) }
        #expect(which?.contains("both|forward|reverse") == true)
    }
}
