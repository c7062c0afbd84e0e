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

/// `plot --theme auto` on a spec with a theme file of its own: the file's colours are the light
/// side (they were silently replaced by the built-in light theme), the dark side is the dark
/// theme's; a spec's built-in theme (here dark) is what auto replaces.
@Suite struct AutoThemeFileCLITests {
    @Test func aSpecsOwnThemeFileIsTheLightSideOfAuto() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-auto-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "cycle: [\"#FF00FF\"]\nforeground: \"#202080\"\n".write(to: dir.appendingPathComponent("uni.yaml"), atomically: true, encoding: .utf8)
        let layers = "layers:\n  - {mark: line, x: [0, 1], y: [0, 1]}\n"
        try ("theme: uni.yaml\n" + layers).write(to: dir.appendingPathComponent("own.yaml"), atomically: true, encoding: .utf8)
        try ("theme: dark\n" + layers).write(to: dir.appendingPathComponent("builtin.yaml"), atomically: true, encoding: .utf8)
        func style(_ spec: String) throws -> (light: String, dark: String) {
            let out = dir.appendingPathComponent(spec + ".svg").path
            let r = try runInfoplot(["plot", dir.appendingPathComponent(spec + ".yaml").path, "--theme", "auto", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let svg = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
            let css = svg.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first ?? ""
            let parts = css.components(separatedBy: "@media (prefers-color-scheme:dark)")
            #expect(parts.count == 2, "\(css)")
            return (parts[0], parts.last ?? "")
        }
        let own = try style("own")
        #expect(own.light.contains("--s0:#ff00ff") && own.light.contains("--fg:#202080"), "\(own.light)")
        #expect(own.dark.contains("--s0:#56b4e9") && own.dark.contains("--fg:#e8e8e8"), "\(own.dark)")
        let builtin = try style("builtin")
        #expect(builtin.light.contains("--bg:#ffffff") && builtin.dark.contains("--bg:#1e2127"), "\(builtin)")
    }
}
