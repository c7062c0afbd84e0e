import Foundation
import Testing
import InfoRequests
@testable import Expressions

/// Compute results as objects (issue 8 §2): field access over lists of objects, the list
/// functions that take whole values, and the mixture density, each against independent values.
@Suite struct ValueFunctionTests {
    static let mixture: JSONValue = .array([[0.25, -1.0, 0.5], [0.75, 2.0, 1.5]].map { c in
        .object([("weight", .number(c[0])), ("mu", .number(c[1])), ("sigma", .number(c[2]))])
    })

    @Test func fieldOfAListOfObjectsIsTheListOfFields() throws {
        #expect(try value("m.mu", ["m": Self.mixture]) == .array([.number(-1), .number(2)]))
        #expect(try number("sum(m.weight)", ["m": Self.mixture]) == 1)
        #expect(try value("drop(m, 2).mu", ["m": Self.mixture]) == .array([]))
        let e = errorMessage { try value("m.weigth", ["m": Self.mixture]) }
        #expect(e?.contains("did you mean weight") == true, "\(e ?? "")")
        #expect(errorMessage { try value("[1, 2].mu") }?.contains("needs an object or a list of objects") == true)
    }

    @Test func listFunctionsOverWholeValues() throws {
        #expect(try value("drop([1, 2, 3], 1)") == .array([.number(2), .number(3)]))
        #expect(try value("drop([1, 2, 3], 5)") == .array([]))
        #expect(try value("reversed([0.5, 1, 8])") == .array([.number(8), .number(1), .number(0.5)]))
        #expect(try value("linspace(0, 1, 5)") == .array([0, 0.25, 0.5, 0.75, 1].map(JSONValue.number)))
        #expect(errorMessage { try value("linspace(0, 1, 1)") }?.contains("from 2 to 100000") == true)
        #expect(errorMessage { try value("drop([1], -1)") }?.contains("whole number") == true)
        #expect(errorMessage { try value("drop([1], n=1)") }?.contains("by position") == true)
    }

    @Test func mixtureDensityIsTheWeightedSumOfNormals() throws {
        func normal(_ x: Double, _ m: Double, _ s: Double) -> Double { exp(-0.5 * pow((x - m) / s, 2)) / (s * (2 * Double.pi).squareRoot()) }
        for x in [-3.0, -1, 0.4, 2, 7] {
            let expected = 0.25 * normal(x, -1, 0.5) + 0.75 * normal(x, 2, 1.5)
            #expect(relativelyClose(try number("mixture_pdf(\(x), m)", ["m": Self.mixture]), expected, 1e-12))
        }
        guard case .array(let ys) = try value("mixture_pdf([0, 1], m)", ["m": Self.mixture]) else { Issue.record("no list"); return }
        #expect(ys.count == 2)
        let bad: JSONValue = .array([.object([("weight", .number(0.3)), ("mu", .number(0)), ("sigma", .number(1))])])
        #expect(errorMessage { try value("mixture_pdf(0, m)", ["m": bad]) }?.contains("weights") == true)
    }

    @Test func aFittedObjectDrivesACurve() throws {
        // kl_fit's reverse optima as objects: the best first, each a curve's parameters.
        let names: [String: JSONValue] = ["m": .array([[0.5, -2, 0.6], [0.5, 2, 0.6]].map { c in
            .object([("weight", .number(c[0])), ("mu", .number(c[1])), ("sigma", .number(c[2]))]) })]
        let best = try number("kl_fit(target=m, direction='reverse').sigma", names)
        #expect(abs(best - 0.6) < 0.05)
        #expect(try number("len(kl_fit(target=m, direction='reverse').optima.kl)", names) == 3)
        let y = try number("normal_pdf(0, f.mu, f.sigma)", names.merging(["f": try value("kl_fit(target=m, direction='forward')", names)]) { a, _ in a })
        #expect(relativelyClose(y, 1 / (4.36.squareRoot() * (2 * Double.pi).squareRoot()), 1e-9))
    }

    @Test func searchesAreKeptForEqualRequests() throws {
        let names: [String: JSONValue] = ["m": Self.mixture]
        let a = try value("kl_fit(target=m, direction='reverse')", names)
        #expect(try value("kl_fit(target=m, direction='reverse')", names) == a)
        #expect(opSpec(named: "kl_fit")?.searches == true && opSpec(named: "gaussian_kl")?.searches == false)
    }
}

private func errorMessage(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}
