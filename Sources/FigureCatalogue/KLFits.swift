import Foundation
import FigureModel
import InfoTheory
import InfoRequests

/// `kl-fits`: one Gaussian fitted to a mixture by forward KL (mass-covering, moment matching) and by
/// reverse KL (mode-seeking, possibly several local optima; Bishop, PRML §10.1.2, fig. 10.3).
enum KLFits {
    static let defaultTarget: JSONValue = .array([
        .object([("weight", .number(0.5)), ("mu", .number(-2)), ("sigma", .number(0.6))]),
        .object([("weight", .number(0.5)), ("mu", .number(2)), ("sigma", .number(0.6))]),
    ])

    static let entry = CatalogueEntry(
        name: "kl-fits",
        summary: "Forward vs reverse KL fits of one Gaussian to a Gaussian mixture, with the KL each reaches.",
        parameters: [
            ParameterSpec("target", .mixture, default: defaultTarget,
                          help: "target mixture: JSON list of {weight, mu, sigma}; weights sum to 1"),
            ParameterSpec("which", .choice, default: .string("both"), help: "which fits to draw",
                          choices: ["both", "forward", "reverse"]),
        ],
        build: build)

    /// Everything the figure shows, computed once (tests read it too).
    struct Fits {
        let mixture: GaussianMixture
        let forward: GaussianFit
        /// Reverse-KL local optima, best first.
        let reverse: [GaussianFit]
    }

    static func fits(_ args: FigureArguments) throws -> Fits {
        let components = try args.mixture("target")
        guard components.count <= 12 else {
            throw CatalogueError("parameter 'target' of figure 'kl-fits': at most 12 components (got \(components.count))")
        }
        let mixture = try rethrowing("kl-fits", "target") { try GaussianMixture(components) }
        return computed.fits(of: mixture)
    }

    /// Each target's fits, computed once per process: a build draws the figure in the gallery's
    /// themes, in handouts and decks, and the reverse-KL search was 5 % of a cold `infoplot build`.
    /// Keyed by the components' exact bits, so a cached answer is the one a fresh search would give.
    private static let computed = FitsMemo()

    private final class FitsMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [[UInt64]: Fits] = [:]

        func fits(of mixture: GaussianMixture) -> Fits {
            let key = mixture.components.flatMap { [$0.weight.bitPattern, $0.mu.bitPattern, $0.sigma.bitPattern] }
            lock.lock()
            if let hit = known[key] { lock.unlock(); return hit }
            lock.unlock()
            let f = Fits(mixture: mixture, forward: forwardKLFit(mixture), reverse: reverseKLOptima(mixture))
            lock.lock(); known[key] = f; lock.unlock()
            return f
        }
    }

    static func normalLabel(_ f: GaussianFit) -> String {
        "$\\mathcal{N}(\(fixedText(f.mu, 2)), \(fixedText(f.sigma, 2))^2)$"
    }

    static func build(_ args: FigureArguments, _ context: FigureContext) throws -> Figure {
        let f = try fits(args)
        let which = args.string("which")
        let showForward = which != "reverse", showReverse = which != "forward"
        let comps = f.mixture.components
        var lo = comps.map { $0.mu - 3.5 * $0.sigma }.min() ?? -4
        var hi = comps.map { $0.mu + 3.5 * $0.sigma }.max() ?? 4
        if showForward { lo = min(lo, f.forward.mu - 3 * f.forward.sigma); hi = max(hi, f.forward.mu + 3 * f.forward.sigma) }
        let xs = linspace(lo, hi, 1200)
        let p = xs.map { exp(f.mixture.logDensity($0)) }
        func normal(_ g: GaussianFit) -> [Double] { xs.map { exp(gaussianLogDensity($0, mu: g.mu, sigma: g.sigma)) } }

        let targetColor: Paint = .muted
        let fwdColor: Paint = .series(0), revColor: Paint = .series(1)
        var marks: [Mark] = [
            .area(Area(x: xs, upper: p, label: "target $p$", color: targetColor, opacity: 0.28, outline: true)),
        ]
        var peak = p.max() ?? 1
        if showForward {
            marks.append(.line(Line(x: xs, y: normal(f.forward),
                                    label: "forward fit \(normalLabel(f.forward)): $D_{\\mathrm{KL}}(p\\,\\|\\,q)$ = \(withUnit(fixedText(f.forward.kl, trim: false), .nats))",
                                    color: fwdColor, style: .solid)))
        }
        if showReverse, let best = f.reverse.first {
            let y = normal(best)
            peak = max(peak, y.max() ?? 0)
            marks.append(.line(Line(x: xs, y: y,
                                    label: "reverse fit \(normalLabel(best)): $D_{\\mathrm{KL}}(q\\,\\|\\,p)$ = \(withUnit(fixedText(best.kl, trim: false), .nats))",
                                    color: revColor, style: .dashed)))
            for other in f.reverse.dropFirst() {
                let y2 = normal(other)
                peak = max(peak, y2.max() ?? 0)
                marks.append(.line(Line(x: xs, y: y2,
                                        label: "other reverse optimum \(normalLabel(other)): \(withUnit(fixedText(other.kl, trim: false), .nats))",
                                        color: revColor.opacity(0.55), style: .dotted)))
            }
        }
        // The legend sits above the tallest curve, with head-room measured at the final size.
        var panel = Panel(x: Axis(label: "$x$", limits: .fixed(lo, hi)),
                          y: Axis(label: "density", limits: .fixed(0, peak * 1.04)),
                          marks: marks, legend: .upperCenter)
        panel.legendHeadroom = true

        let mixText = comps.map { "\(fixedText($0.weight, 3))·N(\(fixedText($0.mu, 3)), \(fixedText($0.sigma, 3))²)" }
            .joined(separator: " + ")
        var d = "Target density p = \(mixText) (shaded)"
        if showForward {
            d += "; the Gaussian minimising the forward divergence KL(p‖q) matches its mean and variance, "
                + "N(\(fixedText(f.forward.mu, 3)), \(fixedText(f.forward.sigma, 3))²) with variance \(fixedText(f.forward.sigma * f.forward.sigma, 3)), "
                + "reaching \(withUnit(fixedText(f.forward.kl, trim: false), .nats)) and covering all the mass"
        }
        if showReverse, let best = f.reverse.first {
            d += "; the Gaussian minimising the reverse divergence KL(q‖p) is N(\(fixedText(best.mu, 3)), \(fixedText(best.sigma, 3))²), "
                + "reaching \(withUnit(fixedText(best.kl, trim: false), .nats)) and seeking a single mode"
            for other in f.reverse.dropFirst() {
                d += "; another local optimum of the reverse divergence is N(\(fixedText(other.mu, 3)), \(fixedText(other.sigma, 3))²) at \(withUnit(fixedText(other.kl, trim: false), .nats)) (dotted)"
            }
        }
        d += "."
        let title: String = switch which {
        case "forward": "Forward KL fit of a Gaussian to a mixture"
        case "reverse": "Reverse KL fit of a Gaussian to a mixture"
        default: "Forward vs reverse KL fits of a Gaussian to a mixture"
        }
        return Figure(title: title, description: d, panels: [panel]).styled(context)
    }
}
