import Foundation
import Testing

/// The commands generated from the op table for the generalised entropies and dependence measures.
@Suite struct MeasureCLITests {
    @Test func generatedCommandsAnswer() throws {
        let renyi = try runInfoplot(["compute", "renyi-entropy", "--p", "0.1,0.2,0.7", "--order", "inf"])
        #expect(renyi.status == 0 && renyi.stdout == "0.3566749439 nats\n", "\(renyi.stdout)\(renyi.stderr)")
        let cmi = try runInfoplot(["compute", "conditional-mutual-information", "--pxyz", "[[[0.1,0.05],[0.05,0.2]],[[0.15,0.05],[0.1,0.3]]]"])
        #expect(cmi.status == 0 && cmi.stdout == "0.002590661301 nats\n", "\(cmi.stdout)\(cmi.stderr)")
        let v = try runInfoplot(["compute", "cramers-v", "--table", "10,20,30;6,9,17"])
        #expect(v.status == 0 && v.stdout.contains("p_value: 0.8730282834") && v.stdout.contains("v: 0.0543313757"), "\(v.stdout)\(v.stderr)")
        let nmi = try runInfoplot(["compute", "normalized-mutual-information", "--labels-true", "[0,0,1,1]", "--labels-pred", "[\"a\",\"a\",\"b\",\"b\"]"])
        #expect(nmi.status == 0 && nmi.stdout == "1\n", "\(nmi.stdout)\(nmi.stderr)")
        let t = try runInfoplot(["compute", "differential-entropy", "--dist", "student_t", "--df", "3", "--unit", "bits"])
        #expect(t.status == 0 && t.stdout == "2.558587298 bits\n", "\(t.stdout)\(t.stderr)")
    }

    @Test func badArgumentsAreNamed() throws {
        let order = try runInfoplot(["compute", "renyi-divergence", "--p", "0.5,0.5", "--q", "0.5,0.5", "--order", "-1"])
        #expect(order.status != 0 && order.stderr.contains("order = -1"), "\(order.stderr)")
        let dist = try runInfoplot(["compute", "differential-entropy", "--dist", "gamma", "--shape", "2", "--df", "3"])
        #expect(dist.status != 0 && dist.stderr.contains("'df' does not apply to dist \"gamma\""), "\(dist.stderr)")
        let box = try runInfoplot(["compute", "conditional-mutual-information", "--pxyz", "[[[0.5]],[[0.5, 0]]]"])
        #expect(box.status != 0 && box.stderr.contains("pxyz[1][0] has 2 entries"), "\(box.stderr)")
    }
}
