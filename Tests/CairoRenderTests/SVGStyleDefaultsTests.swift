import Testing
@testable import CairoRender

@Suite struct SVGStyleDefaultsTests {
    private func run(_ s: String) -> String { String(decoding: dropDefaultStyles(Array(s.utf8)), as: UTF8.self) }

    @Test func initialValuesGoAndColoursBecomeHex() {
        let input = #"<path style="fill:none;stroke-width:1.538132;stroke-linecap:butt;stroke-linejoin:round;stroke:rgb(0%,44.705882%,69.803922%);stroke-opacity:1;stroke-miterlimit:10;" d="M 0 0"/>"#
        #expect(run(input) == #"<path style="fill:none;stroke-width:1.538;stroke-linejoin:round;stroke:#0072b2;" d="M 0 0"/>"#)
    }

    @Test func miterLimitStaysForMitredJoins() {
        let input = #"<path style="stroke-width:2;stroke:rgb(0%,0%,0%);stroke-miterlimit:10;" d="M 0 0"/>"#
        #expect(run(input).contains("stroke-miterlimit:10"))
        #expect(run(input).contains("stroke:#000000"))
    }

    @Test func glyphOutlinesLoseOnlyTheirRedundantStroke() {
        let input = #"<symbol id="a"><path style="stroke:none;" d="M 1 1"/></symbol><path style="stroke:none;" d="M 2 2"/>"#
        #expect(run(input) == #"<symbol id="a"><path d="M 1 1"/></symbol><path style="stroke:none;" d="M 2 2"/>"#)
    }

    @Test func otherStylesAreUntouched() {
        #expect(run(#"<image style="image-rendering:pixelated"/>"#) == #"<image style="image-rendering:pixelated"/>"#)
    }
}
