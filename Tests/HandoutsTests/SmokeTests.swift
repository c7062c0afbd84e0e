import Testing
@testable import Handouts

@Suite struct SmokeTests {
    @Test func sampleParses() throws {
        let doc = try parse(try fixture("sample.md"))
        print(doc)
    }
}
