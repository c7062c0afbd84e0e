import Foundation
import Testing
import FigureModel
import CairoRender
import InfoRequests
@testable import FigureCatalogue

@Suite struct CatalogueTests {
    @Test func designCardFiguresAreListed() {
        for n in ["entropy-curve", "kl-fits", "entropy-venn", "gaussian-kl-surface"] { #expect(Catalogue.names.contains(n)) }
        #expect(Set(Catalogue.names).count == Catalogue.names.count)
    }

    /// The summaries are one list on the index page and in `infoplot figures`: set alike, a phrase
    /// without a closing period, formulas in Unicode (−log p, σ², ‖) rather than ASCII stand-ins.
    @Test func summariesAreSetAlike() {
        for e in Catalogue.entries {
            #expect(!e.summary.hasSuffix("."), "\(e.name): \(e.summary)")
            for ascii in ["-log", "^2", "||", "sigma", "(mu"] { #expect(!e.summary.contains(ascii), "\(e.name): \(e.summary)") }
        }
    }

    @Test func unknownFigureListsTheKnownOnes() {
        let msg = errorMessage { try Catalogue.figure(named: "entropy-curv") }
        #expect(msg?.contains("unknown figure 'entropy-curv'") == true && msg?.contains("entropy-curve") == true
                && msg?.contains("gaussian-kl-surface") == true)
    }

    @Test func unknownParameterListsTheValidOnes() {
        let msg = errorMessage { try Catalogue.figure(named: "entropy-venn", parameters: [("pyx", .null)]) }
        #expect(msg?.contains("no parameter 'pyx'; did you mean 'pxy'?") == true, "\(msg ?? "")")
        for name in ["pxy", "proportional", "x_name", "y_name"] { #expect(msg?.contains(name) == true) }
    }

    /// Figures have no `normalize` option, so their errors must not tell the user to pass one.
    @Test func probabilityErrorsNameOnlyOptionsFiguresHave() throws {
        for e in Catalogue.entries where !e.parameters.contains(where: { $0.name == "normalize" }) {
            for p in e.parameters {
                let bad: JSONValue
                switch p.kind {
                case .numbers: bad = .array([.number(0.3), .number(0.3)])
                case .table: bad = .array([.array([.number(0.3), .number(0.3)]), .array([.number(0.1), .number(0.1)])])
                case .models: bad = .array([.object([("name", .string("A")), ("q", .array([.number(0.3), .number(0.3)]))])])
                default: continue
                }
                guard let msg = errorMessage({ try Catalogue.figure(named: e.name, parameters: [(p.name, bad)]) }) else { continue }
                #expect(!msg.contains("normalize"), "\(e.name) \(p.name): \(msg)")
            }
        }
    }

    @Test func suggestionsAreClosestFirst() {
        #expect(editDistance("entropi", "entropy") == 1 && editDistance("figrue", "figure") == 1 && editDistance("", "ab") == 2)
        #expect(closestFirst(to: "kl-fit", ["entropy-curve", "kl-asymmetry", "kl-fits"]).first == "kl-fits")
        #expect(likelyMeant("venn", Catalogue.names) == "entropy-venn")
        #expect(likelyMeant("zzzzzz", Catalogue.names) == nil)
    }

    @Test func everyFigureHasTitleDescriptionAndBuildsInEveryTheme() throws {
        for e in Catalogue.entries {
            for theme in [Theme.light, .dark, .print] {
                let f = try Catalogue.figure(named: e.name, context: FigureContext(theme: theme, size: .column))
                #expect(!f.title.isEmpty && f.description.count > 60, "\(e.name)")
                #expect(f.theme == theme && f.size == .column)
            }
            for p in e.parameters { #expect(!p.help.isEmpty) }
        }
    }

    @Test func setTextIsParsedByKind() throws {
        let venn = try Catalogue.entry(named: "entropy-venn")
        let pxy = try #require(venn.parameters.first { $0.name == "pxy" })
        #expect(try pxy.parse(text: "0.56,0.14;0.04,0.26", figure: "entropy-venn") == pxy.defaultValue)
        #expect(pxy.defaultText == "0.56,0.14;0.04,0.26")
        let msg = errorMessage { try pxy.parse(text: "0.5,x;0.5,0", figure: "entropy-venn") }
        #expect(msg?.contains("pxy") == true && msg?.contains("numbers") == true)
        let target = try #require(try Catalogue.entry(named: "kl-fits").parameters.first { $0.name == "target" })
        #expect(try target.parse(text: target.defaultValue.serialized, figure: "kl-fits") == target.defaultValue)
    }

    @Test func galleryWritesEveryFigureInBothThemes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-gallery-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let items = try writeGallery(to: dir, formats: [.svg, .png], options: RenderOptions(dpi: 40))
        #expect(items.count == 2 * Catalogue.entries.count)
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        for e in Catalogue.entries {
            for file in ["\(e.name).svg", "\(e.name)-dark.svg", "\(e.name).png", "\(e.name)-dark.png"] {
                #expect(FileManager.default.fileExists(atPath: "\(dir)/\(file)"), "\(file)")
            }
            #expect(html.contains("<img src=\"\(e.name).svg\"") && html.contains("<img src=\"\(e.name)-dark.svg\""))
        }
        #expect(!html.contains("<script") && html.contains("alt=\""))
        // Rendering in parallel gives the same bytes as rendering serially.
        let serialDir = dir + "/serial"
        try writeGallery(to: serialDir, formats: [.svg], themes: [.dark], parallel: false)
        for e in Catalogue.entries {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(e.name)-dark.svg"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(serialDir)/\(e.name)-dark.svg"))
            #expect(a == b, "\(e.name)")
        }
    }

    @Test func htmlEscapesText() {
        #expect(escapeXML("a<b & \"c\" 'd'") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;")
    }
}
