import Foundation
import InfoRequests
import Testing
@testable import Handouts

@Suite struct ValuesTests {
    @Test func digitsFormatting() {
        #expect(formatNumber(0.029_945, digits: 3) == "0.030")
        #expect(formatNumber(1.485_475, digits: 3) == "1.485")
        #expect(formatNumber(2, digits: 0) == "2")
        #expect(formatNumber(-0.000_01, digits: 3) == "0.000")  // no "-0.000"
        #expect(formatNumber(-1.25, digits: 1) == "-1.2" || formatNumber(-1.25, digits: 1) == "-1.3")
        #expect(formatNumber(.infinity, digits: 4) == "∞")
        #expect(display(of: .string("inf"), digits: 4) == .text("∞"))
        #expect(display(of: .array([.number(0.5), .number(1.0 / 3)]), digits: 2) == .list([.text("0.50"), .text("0.33")]))
    }

    @Test func valuesAreComputedThroughTheEvaluatorWithTheirDigits() throws {
        let table = try HandoutParser.values(file: "t.md", source: try fixture("sample.md"), evaluator: fakeEvaluator)
        // KL(p‖q) in bits for p=(.5,.3,.2), q=(.4,.35,.25), summed by hand from the closed form.
        let kl = (0.5 * log(0.5 / 0.4) + 0.3 * log(0.3 / 0.35) + 0.2 * log(0.2 / 0.25)) / log(2.0)
        #expect(abs(kl - 0.0299) < 1e-4)
        #expect(table["kl_weather"]?.raw == .number(kl))
        #expect(table["kl_weather"]?.display == .text(String(format: "%.3f", kl)))
        #expect(table["mle"]?.display.child("p_hat") == .text("0.800"))
        // data keep their values, and print as written
        #expect(table["weather"]?.raw["p"] == .array([.number(0.5), .number(0.3), .number(0.2)]))
        #expect(table.names == ["weather", "umbrella", "kl_weather", "h_weather", "terms", "mle", "weather_rows"])
    }

    @Test func rowsZipColumnsEachWithItsOwnDigits() throws {
        let table = try HandoutParser.values(file: "t.md", source: try fixture("sample.md"), evaluator: fakeEvaluator)
        guard case .list(let rows)? = table["weather_rows"]?.display else {
            Issue.record("weather_rows is not a list")
            return
        }
        #expect(rows.count == 3)
        let cloudy = 0.3 * log(0.3 / 0.35) / log(2.0)
        #expect(rows[1] == .object([DisplayField(name: "label", value: .text("Cloudy")),
                                    DisplayField(name: "p", value: .text("0.3")),
                                    DisplayField(name: "q", value: .text("0.35")),
                                    DisplayField(name: "term", value: .text(String(format: "%.4f", cloudy)))]))
        #expect(table["weather_rows"]?.raw.isArrayOfObjects == true)
    }

    @Test func unknownValueInARequestNamesTheKeyPosition() {
        let source = "---\ntitle: T\ndata: {weather: {p: [0.5, 0.5]}}\nvalues:\n  h: {op: entropy, p: wether.p}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 5 && e?.column == 23)
        #expect(e?.message == "unknown value 'wether' in 'wether.p' (known: weather)")
    }

    @Test func unknownFieldOfKnownData() {
        let source = "---\ntitle: T\ndata: {weather: {p: [0.5, 0.5]}}\nvalues:\n  h: {op: entropy, p: weather.r}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.message == "'weather' has no field 'r' (fields: p)")
    }

    @Test func evaluatorErrorsCarryTheValueName() {
        let source = "---\ntitle: T\nvalues:\n  bad: {op: nonsense}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 4 && e?.column == 3)
        #expect(e?.message.hasPrefix("value 'bad': unknown op") == true)
    }

    @Test func rowsOfUnequalLengthAreAnError() {
        let source = "---\ntitle: T\ndata: {a: [1, 2], b: [1, 2, 3]}\nvalues:\n  r:\n    rows: {x: a, y: b}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 6)
        #expect(e?.message.contains("'y' has 3 entries but 'x' has 2") == true)
    }

    @Test func laterValuesUseEarlierOnes() throws {
        let source = "---\ntitle: T\ndata: {w: {p: [0.5, 0.5]}}\nvalues:\n  m: {op: bernoulli_mle, heads: 3, tails: 1}\n  "
            + "k: {op: kl, p: w.p, q: [m.p_hat, 0.25], digits: 2}\n---\n{{k}}\n"
        let doc = try parse(source)
        let expected = (0.5 * log(0.5 / 0.75) + 0.5 * log(0.5 / 0.25))
        #expect(doc.blocks == [.paragraph([.text(String(format: "%.2f", expected))])])
    }
}

extension JSONValue {
    var isArrayOfObjects: Bool {
        guard case .array(let items) = self else { return false }
        return items.allSatisfy { if case .object = $0 { return true } else { return false } }
    }
}
