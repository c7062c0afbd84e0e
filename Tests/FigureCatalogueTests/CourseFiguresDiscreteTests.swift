import Foundation
import Testing
import FigureModel
import InfoRequests
import PlotGrammar
import InfoTheory
@testable import FigureCatalogue

/// References computed with mpmath at 40 digits (script in the comments: sums of p·log(p/q) etc.
/// over `mpf` decimal inputs), independent of InfoTheory.
@Suite struct CourseFiguresDiscreteTests {
    // MARK: surprisal

    @Test func surprisalMarksEventsInBits() throws {
        let f = try CourseKit.build("surprisal")
        // -log2 p for p = 1, 1/2, 1/6, 0.01, 0.001 (mpmath log(p, 2)).
        for s in ["$p = 1$\n0 bits", "$p = 1/2$\n1 bit", "$p = 1/6$\n2.585 bits", "$p = 0.01$\n6.644 bits",
                  "$p = 0.001$\n9.966 bits"] {
            #expect(CourseKit.shows(f, s), "missing \(s)")
        }
        #expect(f.description.contains("9.966 bits for a 1-in-1000 event (p = 0.001)"))
        #expect(f.panels[0].y.label == "surprisal [bits]")
    }

    @Test func surprisalInNats() throws {
        let f = try CourseKit.build("surprisal", [("unit", .string("nats"))])
        // -ln p: 0.693147…, 1.791759…, 4.605170…, 6.907755…
        for s in ["1/2$\n0.693 nats", "1/6$\n1.792 nats", "0.01$\n4.605 nats", "0.001$\n6.908 nats"] {
            #expect(CourseKit.shows(f, s), "missing \(s)")
        }
        #expect(CourseKit.error("surprisal", [("unit", .string("bytes"))]).contains("one of nats|bits|hartleys"))
    }

    // MARK: cross-entropy decomposition

    @Test func crossEntropyDecompositionOfTheAnimalModels() throws {
        let f = try CourseKit.build("cross-entropy-decomposition")
        // mpmath, bits: H(p) = 1.846439344671, H(p,qA) = 1.859111756871, KL A = 0.012672412199,
        // H(p,qB) = 1.852241493685, KL B = 0.005802149014.
        #expect(f.panels.count == 3)
        let stacked = try #require(CourseKit.bars(f.panels[1]).first)
        #expect(stacked.mode == .stacked && stacked.categories == ["Model A", "Model B"])
        #expect(abs(stacked.series[0].values[0] - 1.846439344671) < 1e-12)
        #expect(abs(stacked.series[1].values[0] - 0.012672412199) < 1e-12)
        #expect(abs(stacked.series[1].values[1] - 0.005802149014) < 1e-12)
        #expect(CourseKit.shows(f, "$H(p,q)$\n1.8591") && CourseKit.shows(f, "$H(p,q)$\n1.8522") && CourseKit.shows(f, "$H(p)$\n1.8464"))
        #expect(CourseKit.texts(f).contains("0.0127") && CourseKit.texts(f).contains("0.0058"))
        // The KL ratio 0.0126724 / 0.0058021 = 2.184.
        #expect(f.description.contains("Model B has the smallest KL divergence, 2.2 times smaller than Model A's"))
        #expect(f.description.contains("Model A H(p,q) = 1.8591, KL(p‖q) = 0.0127"))
    }

    /// The penalties (0.0127 and 0.0058 bits on H(p) = 1.8464) are readable in the decomposition:
    /// its axis starts below H(p) with a break mark and the larger penalty fills at least a sixth
    /// of the axis, while H(p) keeps a visible part of every bar (the identity stays in view).
    @Test func crossEntropyDecompositionZoomsOntoThePenalty() throws {
        for size in [FigureSize.handout, .halfSlide, .slide, .column] {
            let f = try CourseKit.build("cross-entropy-decomposition", size: size)
            let middle = try #require(f.panels.first { $0.title?.hasPrefix("$H(p,q) = H(p)") == true })
            guard case .fixed(let lo, let hi) = middle.y.limits else { Issue.record("no fixed limits"); continue }
            #expect(middle.y.broken, "\(size)")
            #expect(lo > 0 && lo < 1.846439344671, "\(size): axis starts at \(lo)")
            #expect(0.012672412199 / (hi - lo) > 1.0 / 6, "\(size): the penalty fills \(0.012672412199 / (hi - lo)) of the axis")
            #expect((1.846439344671 - lo) / (hi - lo) > 0.2, "\(size)")
            #expect(f.description.contains("axis starts at 1.82 bits (marked by a break)"), "\(f.description)")
        }
        // Penalties comparable to H(p) need no zoom.
        let big = try CourseKit.build("cross-entropy-decomposition", [("models", .array([.object([("name", .string("Far")),
            ("q", CourseKit.numbers([0.05, 0.05, 0.1, 0.8]))])]))])
        #expect(big.panels[1].y.broken == false)
        if case .fixed(let lo, _) = big.panels[1].y.limits { #expect(lo == 0) } else { Issue.record("no fixed limits") }
    }

    /// Stacked at half-slide the panels are wide and short: the legend goes beside the plot.
    @Test func crossEntropyDecompositionLegendClearsTheBarsAtHalfSlide() throws {
        let f = try CourseKit.build("cross-entropy-decomposition", size: .halfSlide)
        #expect(f.panels[0].legend == .outsideRight)
    }

    /// Figures that drop panels at column size say which they keep, in their description and in
    /// the catalogue (`infoplot figures`).
    @Test func droppedPanelsAreStated() throws {
        for name in ["cross-entropy-decomposition", "kl-asymmetry", "ensemble-uncertainty", "mi-vs-correlation"] {
            let entry = try Catalogue.entry(named: name)
            let note = try #require(entry.sizeNote, "\(name) has no size note")
            let full = try CourseKit.build(name), narrow = try CourseKit.build(name, size: .column)
            #expect(narrow.panels.count < full.panels.count, "\(name)")
            #expect(narrow.description.contains(note) && !full.description.contains(note), "\(name)")
        }
        for e in Catalogue.entries where e.sizeNote == nil {
            let full = try Catalogue.figure(named: e.name), narrow = try Catalogue.figure(named: e.name, context: FigureContext(size: .column))
            #expect(narrow.panels.count == full.panels.count, "\(e.name) drops panels at column size without saying so")
        }
    }

    /// A unit agrees in number with its value wherever figures print one.
    @Test func unitsAgreeInNumber() throws {
        let venn = try CourseKit.build("entropy-venn", [("pxy", .array([CourseKit.numbers([0.5, 0]), CourseKit.numbers([0, 0.5])]))])
        #expect(CourseKit.shows(venn, "= 1 bit") && CourseKit.shows(venn, "0 bits"))
        let all = CourseKit.texts(venn).joined(separator: "\n") + venn.description
        #expect(!all.contains("1 bits"), "\(all)")
        #expect(quantityWithUnit("1", .bits) == "1 bit" && quantityWithUnit("\u{2212}1", .nats) == "\u{2212}1 nat" && quantityWithUnit("1.000", .bits) == "1.000 bits")
        for e in Catalogue.entries {
            let f = try Catalogue.figure(named: e.name)
            let text = (f.panels.flatMap { p in [p.title ?? ""] } + [f.description]).joined(separator: " ")
            for bad in [" 1 bits", " 1 nats", " 1 hartleys"] { #expect(!text.contains(bad), "\(e.name): \(bad)") }
        }
    }

    @Test func crossEntropyDecompositionErrors() {
        let bad = CourseKit.error("cross-entropy-decomposition", [("models", .array([.object([("name", .string("C")),
                                                                                      ("q", CourseKit.numbers([0.5, 0.5]))])]))])
        #expect(bad.contains("parameter 'models'") && bad.contains("model 'C'") && bad.contains("same length"))
        let sum = CourseKit.error("cross-entropy-decomposition", [("p", CourseKit.numbers([0.5, 0.3, 0.1, 0.05]))])
        #expect(sum.contains("parameter 'p'") && sum.contains("sum to 0.95"))
        let labels = CourseKit.error("cross-entropy-decomposition", [("labels", .array([.string("a")]))])
        #expect(labels.contains("1 labels for 4 outcomes"))
        let noName = CourseKit.error("cross-entropy-decomposition", [("models", .array([.object([("q", CourseKit.numbers([0.25, 0.25, 0.25, 0.25]))])]))])
        #expect(noName.contains("expected a string 'name'"))
    }

    @Test func infiniteCrossEntropyIsShownAsInfinity() throws {
        let models: JSONValue = .array([.object([("name", .string("Dry")), ("q", CourseKit.numbers([0.6, 0.4, 0]))])])
        let f = try CourseKit.build("cross-entropy-decomposition", [("labels", .array([.string("a"), .string("b"), .string("c")])),
                                                             ("p", CourseKit.numbers([0.5, 0.3, 0.2])), ("models", models)])
        #expect(CourseKit.shows(f, "$H(p,q)$\n∞"))
        #expect(f.description.contains("KL(p‖q) = ∞"))
    }

    // MARK: KL asymmetry

    @Test func klAsymmetryTermsAndSums() throws {
        let f = try CourseKit.build("kl-asymmetry")
        // mpmath, bits: terms p log2(p/q) = [-0.322942, 0.475489, 0.2, 0], q log2(q/p) = [0.565148, -0.158496, -0.1, 0];
        // KL(p‖q) = 0.352546781393, KL(q‖p) = 0.306652195368.
        let terms = try #require(CourseKit.bars(f.panels[1]).first)
        let forward = [-0.32294196882304166, 0.47548875021634684, 0.2, 0.0, 0.3525467813933052]
        let reverse = [0.5651484454403228, -0.15849625007211562, -0.1, 0.0, 0.3066521953682072]
        #expect(terms.categories == ["Dog", "Cat", "Bird", "Fish", "sum"])
        for i in 0..<5 {
            #expect(abs(terms.series[0].values[i] - forward[i]) < 1e-12)
            #expect(abs(terms.series[1].values[i] - reverse[i]) < 1e-12)
        }
        #expect(CourseKit.shows(f, "(sum 0.353)") && CourseKit.shows(f, "(sum 0.307)"))
        #expect(f.description.contains("KL(p‖q) = 0.353 bits but KL(q‖p) = 0.307 bits"))
        #expect(f.description.contains("\u{2212}0.3229, 0.4755, 0.2000, 0.0000"))
    }

    @Test func klAsymmetryWithAMissingOutcome() throws {
        // The dry forecast q = (0.6, 0.4, 0) never predicts rain: KL(p‖q) = ∞, while
        // KL(q‖p) = 0.6 log2(0.6/0.5) + 0.4 log2(0.4/0.3) = 0.323835643212 bits (mpmath).
        let f = try CourseKit.build("kl-asymmetry", [("p", CourseKit.numbers([0.5, 0.3, 0.2])), ("q", CourseKit.numbers([0.6, 0.4, 0])),
                                              ("labels", .array([.string("Sunny"), .string("Cloudy"), .string("Rainy")]))])
        #expect(CourseKit.shows(f, "(sum ∞)") && CourseKit.shows(f, "(sum 0.324)"))
        #expect(CourseKit.texts(f).filter { $0 == "∞" }.count == 2)   // the Rainy term and the sum
        #expect(f.description.contains("KL(p‖q) = ∞ bits but KL(q‖p) = 0.324 bits"))
    }

    @Test func narrowSizesKeepTheEssentialPanels() throws {
        // Portrait half-slide: all panels in one column; small column size: only the essential ones.
        let portrait = try CourseKit.build("cross-entropy-decomposition", size: .halfSlide)
        #expect(portrait.panels.count == 3 && portrait.columns == 1)
        #expect(try CourseKit.build("kl-asymmetry", size: .halfSlide).columns == 1)
        let column = try CourseKit.build("cross-entropy-decomposition", size: .column)
        #expect(column.panels.count == 2 && column.columns == 2 && column.panels[1].title?.hasPrefix("KL penalty") == true)
        #expect(try CourseKit.build("ensemble-uncertainty", size: .column).panels.map(\.title) == ["Entropy of the mean"])
        #expect(try CourseKit.build("kl-asymmetry", size: .column).panels.count == 1)
    }

    @Test func klAsymmetryErrors() {
        #expect(CourseKit.error("kl-asymmetry", [("q", CourseKit.numbers([0.5, 0.5]))]).contains("q has 2 entries but p has 4"))
        #expect(CourseKit.error("kl-asymmetry", [("p", CourseKit.numbers([0.5, 0.6, -0.1, 0]))]).contains("negative"))
        #expect(CourseKit.error("kl-asymmetry", [("p", .string("x"))]).contains("expected a list of numbers"))
    }

    // MARK: distribution compare

    @Test func distributionCompareWeather() throws {
        let f = try CourseKit.build("distribution-compare")
        // mpmath, bits: H(p) = 1.485475297227, H(p,q) = 1.515335999293, KL = 0.029860702065.
        let summary = "$H(p)$ = 1.4855 bits\n$H(p,q)$ = 1.5153 bits\n$D_{\\mathrm{KL}}(p\\|q)$ = 0.0299 bits"
        #expect(CourseKit.texts(f).contains(summary))
        let b = try #require(CourseKit.bars(f.panels[0]).first)
        #expect(b.categories == ["Sunny", "Cloudy", "Rainy"] && b.series.map(\.values) == [[0.5, 0.3, 0.2], [0.4, 0.35, 0.25]])
        #expect(b.series.map(\.label) == ["truth $p$", "forecast $q$"])
        #expect(f.description.contains("KL divergence KL(p‖q) = 0.0299 bits"))
    }

    @Test func distributionCompareNamesAndUnits() throws {
        let f = try CourseKit.build("distribution-compare", [("p_name", .string("Truth")), ("q_name", .string("Forecast")),
                                                      ("unit", .string("nats"))])
        // nats: H(p) = 1.029653, H(p,q) = 1.050351, KL = 0.020698 (the bit values × ln 2).
        #expect(CourseKit.shows(f, "$H(p)$ = 1.0297 nats") && CourseKit.shows(f, "$H(p,q)$ = 1.0504 nats") && CourseKit.shows(f, "= 0.0207 nats"))
        #expect(f.title == "Truth vs Forecast")
        #expect(CourseKit.error("distribution-compare", [("q", CourseKit.numbers([0.4, 0.35]))]).contains("parameter 'q'"))
    }

    // MARK: maxent

    @Test func maxentLambdasAndDistributions() throws {
        let f = try CourseKit.build("maxent")
        // λ from mpmath findroot of Σ v e^{λv}/Σ e^{λv} = mean on {0,…,5}:
        // mean 1: −0.629571057, mean 2: −0.174628931, mean 2.5: 0, mean 3.5: 0.371048938.
        let b = try #require(CourseKit.bars(f.panels[0]).first)
        #expect(b.series.map(\.label) == [
            "$\\mathbb{E}[X] = 1$, $\\lambda = \u{2212}0.630$", "$\\mathbb{E}[X] = 2$, $\\lambda = \u{2212}0.175$",
            "$\\mathbb{E}[X] = 2.5$, $\\lambda = 0.000$", "$\\mathbb{E}[X] = 3.5$, $\\lambda = 0.371$"])
        let p2 = [0.24678237923367718, 0.20724008691110066, 0.1740337124404366, 0.14614804267474105, 0.12273053351641958,
                  0.10306524522362494]
        for (a, r) in zip(b.series[1].values, p2) { #expect(abs(a - r) < 1e-12) }
        #expect(b.series[2].values.allSatisfy { abs($0 - 1.0 / 6) < 1e-15 })
        // Entropies in nats: 1.367465009, 1.748506249, 1.791759469 (= ln 6), 1.613581098.
        #expect(f.description.contains("H = 1.7485 nats") && f.description.contains("H = 1.7918 nats")
                && f.description.contains("H = 1.3675 nats") && f.description.contains("H = 1.6136 nats"))
        #expect(f.description.contains("p = (0.2468, 0.2072, 0.1740, 0.1461, 0.1227, 0.1031)"))
        #expect(f.description.contains("The mean 2.5, the plain average"))
    }

    @Test func maxentErrors() {
        let e = CourseKit.error("maxent", [("means", CourseKit.numbers([1, 6]))])
        #expect(e.contains("parameter 'means' of figure 'maxent'") && e.contains("mean = 6 is infeasible"))
        #expect(CourseKit.error("maxent", [("values", CourseKit.numbers([2, 2]))]).contains("at least two distinct values"))
        #expect(CourseKit.error("maxent", [("means", CourseKit.numbers([]))]).contains("expected 1 to 6 target means"))
        #expect(CourseKit.error("maxent", [("mean", .number(2))]).contains("figure 'maxent' has no parameter 'mean'; did you mean 'means'? its parameters: means, values"))
    }

    // MARK: ensemble uncertainty

    @Test func ensembleDecompositionOfTheClimateEnsembles() throws {
        let f = try CourseKit.build("ensemble-uncertainty")
        // mpmath, nats: agree total 1.564014140245, aleatoric 1.561323504733, epistemic 0.002690635512 (0.172 %);
        // disagree total 1.791019681324, aleatoric 1.637241468529, epistemic 0.153778212795 (8.586 %).
        #expect(f.panels.count == 3 && f.panels[0].title == "Models agree" && f.panels[1].title == "Models disagree")
        let b = try #require(CourseKit.bars(f.panels[2]).first)
        #expect(abs(b.series[0].values[0] - 1.561323504733388) < 1e-12 && abs(b.series[1].values[0] - 0.0026906355119262287) < 1e-12)
        #expect(abs(b.series[0].values[1] - 1.637241468529174) < 1e-12 && abs(b.series[1].values[1] - 0.15377821279460258) < 1e-12)
        #expect(CourseKit.shows(f, "1.5640\n0.2 % epist.") && CourseKit.shows(f, "1.7910\n8.6 % epist."))
        #expect(f.description.contains("Models disagree (5 models): total H = 1.7910, aleatoric 1.6372, epistemic 0.1538 nats (8.6 % of the total)"))
        // The mean forecast drawn in the disagree panel: column means of the five members.
        let mean: [Double]? = f.panels[1].marks.compactMap { m -> [Double]? in
            if case .line(let l) = m, l.label == "ensemble mean" { return l.y } else { return nil }
        }.first
        let expected = [0.038, 0.08, 0.176, 0.25, 0.23, 0.158, 0.068]
        #expect(zip(try #require(mean), expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func ensembleErrors() {
        let ragged: JSONValue = .array([.object([("name", .string("E")), ("models", .array([CourseKit.numbers([0.5, 0.5]), CourseKit.numbers([1])]))])])
        let e = CourseKit.error("ensemble-uncertainty", [("ensembles", ragged)])
        #expect(e.contains("parameter 'ensembles'") && e.contains("ensemble 'E'") && e.contains("same classes"))
        let two: JSONValue = .array([.object([("name", .string("E")), ("models", .array([CourseKit.numbers([0.5, 0.5])]))])])
        #expect(CourseKit.error("ensemble-uncertainty", [("ensembles", two)]).contains("7 labels for 2 outcomes"))
    }
}
