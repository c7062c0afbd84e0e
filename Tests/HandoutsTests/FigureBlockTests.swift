import InfoRequests
import Testing
@testable import Handouts

@Suite struct FigureBlockTests {
    @Test func parametersResolveDataReferences() throws {
        let source = "---\ntitle: T\ndata: {umbrella: [[0.56, 0.14], [0.04, 0.26]]}\n---\n```figure\nname: entropy-venn\npxy: umbrella\n"
            + "x_name: Rain\nproportional: true\ncaption: The *umbrella* table.\nlabel: fig-venn\nsize: 4x3\n```\n"
        let doc = try parse(source)
        guard case .figure(let f)? = doc.blocks.first else { Issue.record("no figure"); return }
        #expect(f.name == "entropy-venn")
        #expect(f.parameters == .object([
            ("pxy", .array([.array([.number(0.56), .number(0.14)]), .array([.number(0.04), .number(0.26)])])),
            ("x_name", .string("Rain")), ("proportional", .bool(true)),
        ]))
        #expect(f.caption == [.text("The "), .emph([.text("umbrella")]), .text(" table.")])
        #expect(f.label == "fig-venn" && f.size == "4x3" && f.number == 1)
        #expect(f.position == SourcePosition(line: 5, column: 1))
    }

    /// Templates see every parameter the catalogue declares, not a copy of the format contract's list.
    @Test func everyCatalogueParameterIsAccepted() throws {
        let source = "---\ntitle: T\n---\n```figure\nname: gaussian-kl-surface\nresolution: 50\nazimuth: -100\nview: surface\n```\n"
        let doc = try parse(source)
        guard case .figure(let f)? = doc.blocks.first else { Issue.record("no figure"); return }
        #expect(f.parameters == .object([("resolution", .number(50)), ("azimuth", .number(-100)), ("view", .string("surface"))]))
    }

    @Test func unknownFigureName() {
        let e = templateError { _ = try parse(template("```figure\nname: kl-fitz\n```")) }
        #expect(e?.line == 8 && e?.column == 7)
        #expect(e?.message.hasPrefix("unknown figure 'kl-fitz'; did you mean 'kl-fits'? (known: kl-fits, ") == true, "\(e?.message ?? "")")
    }

    @Test func unknownFigureParameter() {
        let e = templateError { _ = try parse(template("```figure\nname: kl-fits\ntargte: []\n```")) }
        #expect(e?.line == 9 && e?.column == 1)
        #expect(e?.message == "figure 'kl-fits' has no parameter 'targte'; did you mean 'target'? (parameters: target, which)")
    }

    @Test func unknownFigureParameterReference() {
        let bare = templateError { _ = try parse(template("```figure\nname: kl-asymmetry\np: wether\n```")) }
        #expect(bare?.line == 9 && bare?.column == 4)
        #expect(bare?.message == "figure parameter 'p' needs data, and 'wether' is not a data or value name (known: weather, kl_weather)")
        let dotted = templateError { _ = try parse(template("```figure\nname: kl-asymmetry\np: weather.pp\n```")) }
        #expect(dotted?.message == "'weather' has no field 'pp' (fields: labels, p, q)")
    }

    @Test func badYAMLInAFigureBlockIsOffset() {
        let e = templateError { _ = try parse(template("text\n\n```figure\nname: kl-fits\ntarget: [1, 2\n```")) }
        #expect(e?.line ?? 0 >= 11)
        #expect(e?.message.hasPrefix("bad YAML") == true)
    }

    @Test func unclosedFigureBlock() {
        let e = templateError { _ = try parse(template("```figure\nname: kl-fits\n")) }
        #expect(e?.line == 7 && e?.message.contains("never closed") == true)
    }
}
