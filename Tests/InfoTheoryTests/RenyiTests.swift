import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

// References: mpmath at 50 digits on the exact binary values of the doubles, of the normalised
// vectors r = p/Σp, s = q/Σq: H_α = ln(Σ r^α)/(1 − α), S_q = (1 − Σ r^q)/(q − 1),
// D_α = ln(Σ r^α s^{1−α})/(α − 1), with the limits α = 0, 1, ∞ from their own formulas.

private func message(_ body: () throws -> Any) -> String {
    do { _ = try body(); return "" } catch { return "\(error)" }
}

@Suite struct RenyiTests {
    let p = [0.1, 0.2, 0.7], q = [0.3, 0.3, 0.4]

    @Test func renyiEntropyMatchesMpmath() throws {
        let cases: [(Double, Double)] = [
            (0, 1.098612288668109691395245236922525704647), (0.5, 0.9401339895397859426602760486742132167103),
            (1 - 1e-9, 0.8018185527905307434913382734243142170822), (1, 0.8018185525433373456264493752996034012686),
            (1 + 1e-9, 0.8018185522961439204447885109645039988057), (2, 0.616186139423817033776260616038821763628),
            (10, 0.396305090084155958224563149930967252872), (1000, 0.3570319759146470616600388273056662850801),
            (.infinity, 0.356674943938732414598378788478360618795), (1e-10, 1.098612288635680988616493187922937199945),
            (1e300, 0.356674943938732414598378788478360618795),
        ]
        for (order, reference) in cases {
            #expect(close(try renyiEntropy(p, order: order), reference), "order \(order)")
        }
        // Order 1 is Shannon's entropy (of p/Σp; these doubles sum to 1 + 2.2e-17), order 0 the log
        // of the support size.
        #expect(try close(renyiEntropy(p, order: 1), entropy(p), rel: 1e-15))
        #expect(try renyiEntropy([0.5, 0.25, 0.25], order: 1) == entropy([0.5, 0.25, 0.25]))
        #expect(try renyiEntropy([0.5, 0, 0.5], order: 0) == log(2))
        // A near-certain outcome: Σ r² = 1 − 2e-10 keeps its digits (ln of it would lose 6).
        #expect(close(try renyiEntropy([1 - 1e-10, 1e-10], order: 2), 2.000000000000000089399135490191785803128e-10))
        // Σ r^1000 of a uniform over 10 underflows; the logarithm is taken directly.
        #expect(close(try renyiEntropy(Array(repeating: 0.1, count: 10), order: 1000), 2.302585092994045684017991454684364207601))
        // r^{α−1} of the least subnormal overflows at α = 0.01.
        #expect(close(try renyiEntropy([1, Double.leastNonzeroMagnitude], order: 0.01, normalize: true), 0.0005904399237955436596186008290833402850808))
        #expect(try renyiEntropy([1, 0], order: 2) == 0)
        #expect(close(try renyiEntropy(p, order: 2, unit: .bits), 0.616186139423817033776260616038821763628 / M_LN2))
    }

    @Test func tsallisEntropyMatchesMpmath() throws {
        #expect(close(try tsallisEntropy(p, order: 0.5), 1.200202776101742874632223301074403456225))
        #expect(close(try tsallisEntropy(p, order: 1 + 1e-9), 0.8018185519746873985301333878464145104042))
        #expect(close(try tsallisEntropy(p, order: 3), 0.3240000000000000172362124573055550196763))
        #expect(try close(tsallisEntropy(p, order: 1), entropy(p), rel: 1e-15))
        #expect(try tsallisEntropy([0.2, 0.8, 0], order: 0) == 1)
        #expect(try tsallisEntropy(p, order: .infinity) == 0)
    }

    @Test func renyiDivergenceMatchesMpmath() throws {
        let cases: [(Double, Double)] = [
            (0, 0), (0.5, 0.1082697773732886315229651585649088231461),
            (1 - 1e-9, 0.2007768009001105598385671369018815109641), (1, 0.2007768010663519772195712863142631871374),
            (1 + 1e-9, 0.2007768012325934129798780366473961974982), (2, 0.3305020696347090257010974066303872896976),
            (10, 0.5199906081737406312785646264932959892481), (.infinity, 0.5596157879354225950739971920318249722174),
            (1e-10, 2.273769038572021338605716125179792291487e-11), (1e300, 0.5596157879354225950739971920318249722174),
        ]
        for (order, reference) in cases {
            #expect(close(try renyiDivergence(p, q, order: order), reference), "order \(order)")
        }
        #expect(try renyiDivergence(p, q, order: 1) == klDivergence(p, q))
        // Nearly equal distributions: the value is 1e-12 and keeps 12 digits.
        let a = [0.5, 0.5], b = [0.5 + 1e-6, 0.5 - 1e-6]
        #expect(close(try renyiDivergence(a, b, order: 0.5), 1.000000000003500066778872552996997097834e-12))
        #expect(close(try renyiDivergence(a, b, order: 2), 4.00000000001600026711550621225510392921e-12))
        #expect(close(try renyiDivergence(a, b, order: 1 + 1e-9), 2.000000002008000299047828571972944896139e-12))
        // Supports: α < 1 is finite while the supports overlap, α ≥ 1 is not once q misses part of p.
        let p0 = [0.5, 0.5, 0], q0 = [0, 0.5, 0.5]
        #expect(close(try renyiDivergence(p0, q0, order: 0.5), 1.386294361119890618834464242916353136151))
        #expect(close(try renyiDivergence(p0, q0, order: 0), 0.6931471805599453094172321214581765680755))
        #expect(try renyiDivergence(p0, q0, order: 2) == .infinity)
        #expect(try renyiDivergence(p0, q0, order: .infinity) == .infinity)
        #expect(try renyiDivergence([1, 0], [0, 1], order: 0.5) == .infinity)
        #expect(try renyiDivergence([1, 0], [0, 1], order: 0) == .infinity)
        // A ratio of 1e300 (Σ r³ s⁻² overflows) and an overlap of 1e-15.
        #expect(close(try renyiDivergence([1, 0], [1e-300, 1], order: 3, normalize: true), 690.7755278982137051803383445701005029086))
        #expect(close(try renyiDivergence([1, 1e-30], [1e-30, 1], order: 0.5, normalize: true), 67.69125842870147981836885879003059121343))
    }

    @Test func badOrdersAreNamed() {
        #expect(message { try renyiEntropy([0.5, 0.5], order: -1) }.contains("order = -1; expected an order >= 0"))
        #expect(message { try renyiEntropy([0.5, 0.5], order: .nan) }.contains("order = NaN"))
        #expect(message { try tsallisEntropy([0.5, 0.5], order: -.infinity) }.contains("order = -inf"))
        #expect(message { try renyiDivergence([0.5, 0.5], [1], order: 2) }.contains("same length"))
    }

    /// H_α → Shannon as α → 1, at the rate the derivative −½Var_r(ln r) gives, from both sides.
    @Test func renyiTendsToShannon() async {
        await propertyCheck(input: Gen.double(in: 0.01...1).array(of: 5), Gen.double(in: -1...1)) { raw, side in
            checking {
                let r = normalized(raw)
                let shannon = try entropy(r)
                let mean = accurateSum(r.map { $0 * log($0) })
                let variance = accurateSum(r.map { $0 * (log($0) - mean) * (log($0) - mean) })
                let step = side * 1e-9
                let h = try renyiEntropy(r, order: 1 + step)
                #expect(close(h, shannon - 0.5 * step * variance, rel: 1e-13, abs: 1e-17))
                #expect(close(try renyiEntropy(r, order: 1 + step * 1e-6), shannon, rel: 1e-13))
                #expect(close(try tsallisEntropy(r, order: 1 + step * 1e-6), shannon, rel: 1e-13))
            }
        }
    }

    /// H_α is non-increasing and D_α non-decreasing in α; both lie between their α = 0 and α = ∞ values.
    @Test func renyiIsMonotoneInTheOrder() async {
        await propertyCheck(input: Gen.double(in: 0.001...1).array(of: 4), Gen.double(in: 0.001...1).array(of: 4),
                            Gen.double(in: 0...8).array(of: 2)) { rawP, rawQ, orders in
            checking {
                let p = normalized(rawP), q = normalized(rawQ)
                let a = orders.min() ?? 0, b = orders.max() ?? 0
                let ha = try renyiEntropy(p, order: a), hb = try renyiEntropy(p, order: b)
                #expect(hb <= ha * (1 + 1e-13) + 1e-15)
                #expect(try renyiEntropy(p, order: .infinity) <= hb * (1 + 1e-13) + 1e-15)
                #expect(ha <= log(4) * (1 + 1e-15))
                let da = try renyiDivergence(p, q, order: a), db = try renyiDivergence(p, q, order: b)
                #expect(da <= db * (1 + 1e-12) + 1e-15)
                #expect(db <= (try renyiDivergence(p, q, order: .infinity)) * (1 + 1e-12) + 1e-15)
            }
        }
    }
}
