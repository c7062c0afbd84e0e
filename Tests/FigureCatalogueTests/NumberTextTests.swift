import Testing
import InfoTheory
@testable import FigureCatalogue

/// The catalogue's number printers never print "NaN" (CEO brief: NaN never printed or turned to a
/// number): an undefined value reads "undefined", without a unit.
@Suite struct NumberTextTests {
    @Test func nanIsNeverPrintedAsNaNOrANumber() {
        for decimals in [0, 2, 3, 4] {
            for trim in [true, false] {
                #expect(fixedText(.nan, decimals, trim: trim) == "undefined")
                #expect(fixedText(-.nan, decimals, trim: trim) == "undefined")
            }
            #expect(CourseFigures.fixed(.nan, decimals) == "undefined")
        }
        for unit in [InfoUnit.bits, .nats, .hartleys] {
            #expect(quantityText(.nan, unit: unit) == "undefined")
            #expect(withUnit(fixedText(.nan), unit) == "undefined")
        }
    }

    @Test func finiteValuesAreUnchanged() {
        #expect(fixedText(0.4690) == "0.469" && fixedText(-2.09, 2) == "\u{2212}2.09" && fixedText(0.51, trim: false) == "0.510")
        #expect(quantityText(1, unit: .bits) == "1 bit" && quantityText(0.5, unit: .nats) == "0.5 nats")
        #expect(fixedText(.infinity) == "∞" && CourseFigures.fixed(2, 3) == "2.000")
    }
}
