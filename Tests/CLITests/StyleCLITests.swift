import Foundation
import Testing

/// `infoplot style` and `--style` as a user runs them.
@Suite struct StyleCLITests {
    @Test func printDefaultWritesAStyleThatBuildsLikeNoStyle() throws {
        let printed = try runInfoplot(["style", "--print", "default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("# infoplot house style"))
        #expect(printed.stdout.contains("  text: TeX Gyre Pagella"))
        #expect(printed.stdout.contains("    key-idea:      \"#007580\""))
        let dir = try BuildCLITests.scratch(["_example.md": BuildCLITests.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = dir.appendingPathComponent("house.yaml")
        try Data(printed.stdout.utf8).write(to: style)
        // The printed file reads back to itself.
        let again = try runInfoplot(["style", "--print", style.path])
        #expect(again.status == 0 && again.stdout == printed.stdout)
        // And the default style gives the very PDF no style gives.
        let plain = try runInfoplot(["handout", dir.path + "/Templates/_example.md", "-o", dir.path + "/plain.pdf"])
        let styled = try runInfoplot(["handout", dir.path + "/Templates/_example.md", "--style", style.path, "-o", dir.path + "/styled.pdf"])
        #expect(plain.status == 0 && styled.status == 0, "\(styled.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("plain.pdf")) == Data(contentsOf: dir.appendingPathComponent("styled.pdf")))
    }

    @Test func aBadStyleIsALocatedErrorAndANonZeroExit() throws {
        let dir = try BuildCLITests.scratch(["_example.md": BuildCLITests.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = dir.appendingPathComponent("house.yaml")
        try Data("colors:\n  acent: \"#8C1515\"\n".utf8).write(to: style)
        let build = try runInfoplot(["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out", "--style", style.path])
        #expect(build.status != 0)
        #expect(build.stderr.contains("house.yaml:2:3: error: unknown key 'acent' in colors (did you mean accent?)"), "\(build.stderr)")
        let check = try runInfoplot(["style", "--print", style.path])
        #expect(check.status != 0 && check.stderr.contains("house.yaml:2:3: error:"))
        let unknown = try runInfoplot(["style", "--print", "defualt"])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean 'default'?"))
    }

    /// The build cache key holds the style file's content: an edited style rebuilds, an untouched one does not.
    @Test func anEditedStyleRebuildsTheHandouts() throws {
        let dir = try BuildCLITests.scratch(["_example.md": BuildCLITests.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = dir.appendingPathComponent("house.yaml")
        try Data("colors: {accent: \"#8C1515\"}\n".utf8).write(to: style)
        let args = ["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out", "--only", "_example",
                    "--formats", "pdf", "--style", style.path]
        #expect(try runInfoplot(args).stdout.contains("1 built, 0 up to date"))
        #expect(try runInfoplot(args).stdout.contains("0 built, 1 up to date"))
        try Data("colors: {accent: \"#175E54\"}\n".utf8).write(to: style)
        #expect(try runInfoplot(args).stdout.contains("1 built, 0 up to date"))
        // Building without the style is a different build too.
        #expect(try runInfoplot(Array(args.dropLast(2))).stdout.contains("1 built, 0 up to date"))
    }
}
