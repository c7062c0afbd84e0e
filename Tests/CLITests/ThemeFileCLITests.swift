import Foundation
import Testing

/// `--print-theme NAME` prints a built-in theme file; that file as `--theme` draws the same bytes.
@Suite struct ThemeFileCLITests {
    @Test func printedThemeRoundTripsByteForByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-theme-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let printed = try runInfoplot(["figure", "--print-theme", "dark"])
        #expect(printed.status == 0 && printed.stdout.hasPrefix("# infoplot theme \"dark\""))
        let file = dir.appendingPathComponent("mine.yaml")
        try printed.stdout.write(to: file, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("a.svg").path, b = dir.appendingPathComponent("b.svg").path
        #expect(try runInfoplot(["figure", "kl-asymmetry", "--theme", "dark", "-o", a]).status == 0)
        let r = try runInfoplot(["figure", "kl-asymmetry", "--theme", file.path, "-o", b])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))

        try "foreground: \"#12\"\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try runInfoplot(["figure", "kl-asymmetry", "--theme", file.path, "-o", b + ".svg"])
        #expect(bad.status != 0 && bad.stderr.contains("mine.yaml:1:13: error: foreground must be a colour"), "\(bad.stderr)")
        let unknown = try runInfoplot(["figure", "--print-theme", "drak"])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean 'dark'?"))
    }
}
