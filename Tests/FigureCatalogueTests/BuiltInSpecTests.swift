import Foundation
import Testing
import FigureModel
import CairoRender
import InfoRequests
import PlotGrammar
@testable import FigureCatalogue

/// The catalogue figures that are plot specs: the embedded text is that of Catalogue/*.yaml, and
/// `--print-spec` output round-trips: printing, re-parsing and printing again gives the same
/// bytes, and the figure drawn from the printed spec is the built-in one (model and SVG).
@Suite struct BuiltInSpecTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specNames = Catalogue.entries.filter { $0.spec != nil }.map(\.name)

    @Test func embeddedTextIsTheFiles() throws {
        let folder = Self.root.appendingPathComponent("Catalogue")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == BuiltInSpecs.sources.keys.sorted(),
                "Catalogue/ and the embedded specs differ; run `make catalogue`")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInSpecs.sources[String(file.dropLast(5))] == text, "\(file) changed; run `make catalogue`")
        }
        // Every spec file is a catalogue figure.
        #expect(Set(Self.specNames) == Set(BuiltInSpecs.sources.keys))
    }

    static let variants: [String: [(String, JSONValue)]] = [
        "entropy-venn": [("pxy", .array([.array([.number(0.3), .number(0.2)]), .array([.number(0.1), .number(0.4)])])),
                         ("proportional", .bool(true)), ("x_name", .string("Rain: \"yes\"")), ("y_name", .string("Umbrella"))],
        "surprisal": [("unit", .string("hartleys"))],
        "entropy-curve": [("unit", .string("nats")), ("marks", .array([0, 0.1, 0.5, 0.75, 0.99].map(JSONValue.number)))],
        "lindley": [("alpha", .number(0.5)), ("beta", .number(0.5)), ("heads", .number(3)), ("tails", .number(9)), ("unit", .string("bits"))],
        "likelihood-curve": [("heads", .number(600)), ("tails", .number(400))],
        "mi-vs-correlation": [("n", .number(200)), ("noise", .number(0.5)), ("seed", .number(7)), ("contrast", .bool(false))],
        "distribution-compare": [("labels", .array([])), ("p", .array([.number(0.5), .number(0.5)])), ("q", .array([.number(1), .number(0)])),
                                 ("p_name", .string("Truth")), ("unit", .string("nats"))],
        "kl-asymmetry": [("p", .array([.number(0.5), .number(0.3), .number(0.2)])), ("q", .array([.number(0.6), .number(0.4), .number(0)])),
                         ("labels", .array([])), ("unit", .string("hartleys"))],
        "cross-entropy-decomposition": [("models", .array([.object([("name", .string("Far")), ("q", .array([.number(0.05), .number(0.05),
                                         .number(0.1), .number(0.8)]))]), .object([("name", .string("Near")), ("q", .array([.number(0.4),
                                         .number(0.3), .number(0.2), .number(0.1)]))])])), ("unit", .string("nats"))],
        "maxent": [("values", .array((1...8).map { .number(Double($0)) })), ("means", .array([.number(2), .number(7.5)]))],
        "gaussian-kl-surface": [("mu0", .number(1)), ("sigma0", .number(2)), ("view", .string("surface")), ("reverse", .bool(true)),
                                ("resolution", .number(30)), ("azimuth", .number(-45.5))],
        "kl-fits": [("target", .array([[0.3, -1, 0.5], [0.7, 2, 1]].map { c in
                        .object([("weight", .number(c[0])), ("mu", .number(c[1])), ("sigma", .number(c[2]))]) })),
                    ("which", .string("reverse"))],
        "ensemble-uncertainty": [("ensembles", .array([.object([("name", .string("Long ensemble name")), ("models", .array([
                                     .array([.number(0.5), .number(0.5)]), .array([.number(0.9), .number(0.1)])]))]),
                                 .object([("name", .string("B")), ("models", .array([.array([.number(0.2), .number(0.8)])]))])])),
                                 ("labels", .array([])), ("x_label", .string("class")), ("unit", .string("bits"))],
        "elbo": [("data", .array([.number(3)])), ("prior_sigma", .number(1)), ("prior_mu", .number(-0.5))],
    ]

    @Test(arguments: specNames)
    func printedSpecRoundTrips(_ name: String) throws {
        let entry = try Catalogue.entry(named: name)
        let spec = try #require(entry.spec)
        for settings in [[], Self.variants[name] ?? []] {
            let printed = spec.printed(settings: Dictionary(uniqueKeysWithValues: settings))
            let reparsed = try PlotSpec(yaml: printed, file: "\(name)-printed.yaml", baseDirectory: ".")
            #expect(reparsed.printed() == printed, "\(name): printing the printed spec changes it")
            for context in [FigureContext(), FigureContext(theme: .dark, size: .slide)] {
                let builtIn = try Catalogue.figure(named: name, parameters: settings, context: context)
                let fromPrinted = try reparsed.figure(theme: context.theme, size: context.size)
                #expect(fromPrinted == builtIn, "\(name): the printed spec draws another figure")
                #expect(try renderFigure(fromPrinted, format: .svg) == renderFigure(builtIn, format: .svg))
            }
        }
    }
}
