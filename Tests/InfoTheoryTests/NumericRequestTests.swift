import Foundation
import Testing
import PropertyBased
@testable import InfoRequests

/// A `NumericRequest` answers exactly what `evaluateRequest` answers for the same request (nil
/// where that throws), and is made only for requests the op's numeric form covers.
@Suite struct NumericRequestTests {
    /// `evaluateRequest`'s number for `members` with the variables at `values`; nil where it throws.
    func whole(_ members: [(String, JSONValue)], _ variables: [String], _ values: [Double]) -> Double? {
        let filled = members.map { key, v in
            (key, variables.firstIndex(of: key).map { JSONValue.number(values[$0]) } ?? v)
        }
        guard case .number(let x)? = try? evaluateRequest(.object(filled)) else { return nil }
        return x
    }

    func fast(_ members: [(String, JSONValue)], _ variables: [String]) throws -> NumericRequest {
        guard case .string(let op)? = members.first?.1 else { throw CancellationError() }
        let spec = try #require(opSpec(named: op))
        return try #require(NumericRequest(spec: spec, members: members, variables: variables), "\(members) has no numeric form")
    }

    func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): x.bitPattern == y.bitPattern
        default: false
        }
    }

    func call(_ r: NumericRequest, _ values: [Double]) -> Double? {
        var a = r.arguments
        for (i, x) in zip(r.positions, values) { a[i] = x }
        return r.value(a)
    }

    static let requests: [(members: [(String, JSONValue)], variables: [String])] = [
        ([("op", .string("gaussian_kl")), ("mu1", .number(0)), ("sigma1", .number(0)), ("mu2", .number(0.25)), ("sigma2", .number(2))], ["mu1", "sigma1"]),
        ([("op", .string("gaussian_kl")), ("mu2", .number(0)), ("sigma2", .number(0)), ("mu1", .number(1)), ("sigma1", .number(3)), ("unit", .string("bits"))], ["sigma2", "mu2"]),
        ([("op", .string("gaussian_kl")), ("mu1", .number(0)), ("sigma1", .number(0)), ("mu2", .number(0)), ("sigma2", .number(1)), ("base", .number(3))], ["mu1", "sigma1"]),
        ([("op", .string("binary_entropy")), ("p", .number(0)), ("unit", .string("hartleys"))], ["p"]),
        ([("op", .string("surprisal")), ("p", .number(0)), ("base", .number(1 + 1e-15))], ["p"]),   // overflows in this base
        ([("op", .string("surprisal")), ("p", .number(0))], ["p"]),
        ([("op", .string("gaussian_entropy")), ("sigma", .number(0)), ("unit", .string("hartleys"))], ["sigma"]),
    ]

    static let points: [Double] = [-2.5, -1, -0.0, 0, .leastNonzeroMagnitude, 1e-300, 0.3, 0.5, 1, 2.1, 1e300, .infinity, -.infinity, .nan]

    @Test(arguments: requests.indices)
    func answersAsTheWholeRequestDoes(_ i: Int) throws {
        let (members, variables) = Self.requests[i]
        let r = try fast(members, variables)
        for x in Self.points { for y in variables.count == 2 ? Self.points : [0] {
            let values = Array([x, y].prefix(variables.count))
            let want = whole(members, variables, values), got = call(r, values)
            #expect(same(got, want), "\(members) at \(values): \(String(describing: got)) vs \(String(describing: want))")
        } }
    }

    @Test func randomGaussianKLAgree() async throws {
        let members: [(String, JSONValue)] = [("op", .string("gaussian_kl")), ("mu1", .number(0)), ("sigma1", .number(0)), ("mu2", .number(0)), ("sigma2", .number(0))]
        let r = try fast(members, ["mu1", "sigma1", "mu2", "sigma2"])
        await propertyCheck(input: Gen.double(in: -50...50).array(of: 4)) { v in
            let values = [v[0], abs(v[1]), v[2], v[3]]   // sigma2 of either sign: refused below 0 by both
            #expect(same(call(r, values), whole(members, ["mu1", "sigma1", "mu2", "sigma2"], values)), "\(values)")
        }
    }

    @Test func onlyWhatTheNumericFormCovers() throws {
        func made(_ members: [(String, JSONValue)], _ variables: [String]) -> Bool {
            guard case .string(let op) = members[0].1, let spec = opSpec(named: op) else { return false }
            return NumericRequest(spec: spec, members: members, variables: variables) != nil
        }
        #expect(!made([("op", .string("gaussian_kl")), ("mu1", .number(0)), ("sigma1", .number(1))], ["mu1"]))   // mu2, sigma2 missing
        #expect(!made([("op", .string("gaussian_kl")), ("mu1", .number(0)), ("sigma1", .number(1)), ("mu2", .number(0)), ("sigma2", .number(1)), ("cov1", .array([]))], ["mu1"]))
        #expect(!made([("op", .string("surprisal")), ("p", .number(0)), ("digits", .number(3))], ["p"]))          // presentation keys: the whole request
        #expect(!made([("op", .string("surprisal")), ("p", .number(0)), ("unit", .string("nope"))], ["p"]))      // refused: evaluated (and reported) whole
        #expect(!made([("op", .string("surprisal")), ("p", .number(0)), ("unit", .string("bits")), ("base", .number(2))], ["p"]))
        #expect(!made([("op", .string("surprisal")), ("p", .string("half"))], []))
        #expect(!made([("op", .string("entropy")), ("p", .array([.number(0.5), .number(0.5)]))], []))            // no numeric form
        #expect(!made([("op", .string("surprisal")), ("p", .number(0))], ["unit"]))
        #expect(made([("op", .string("surprisal")), ("p", .string("inf"))], []))
    }
}
