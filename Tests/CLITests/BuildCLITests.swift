import Foundation
import Testing

/// `infoplot build` and `infoplot handout` as a user runs them: files in a scratch folder.
@Suite struct BuildCLITests {
    static let repoTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    /// A scratch folder with a `Templates/` holding the given files.
    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-cli-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent("Templates/" + name)) }
        return dir
    }

    static var example: String {
        (try? String(contentsOf: repoTemplates.appendingPathComponent("_example.md"), encoding: .utf8)) ?? ""
    }

    static let broken = "---\ntitle: Broken\n---\n\nFine text.\n\nSee @fig-nowhere.\n"

    @Test func buildWritesEveryFormatAndTheIndexThenSkipsUnchanged() throws {
        let dir = try Self.scratch(["_example.md": Self.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out", "--only", "_example", "-v"]
        let first = try runInfoplot(args)
        #expect(first.status == 0, "\(first.stderr)")
        let out = dir.appendingPathComponent("out")
        let fm = FileManager.default
        for file in ["handouts/_example.pdf", "handouts/_example.html", "handouts/_example/page-1.svg",
                     "handouts/_example/page-2.svg", "index.html", ".cache.json"] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(file).path), "missing \(file)")
        }
        #expect(first.stdout.contains("1 built, 0 up to date, 0 failed"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("handouts/_example.pdf"))
        #expect(index.contains("Template format example"))

        let pdfBefore = try Data(contentsOf: out.appendingPathComponent("handouts/_example.pdf"))
        let modified = try fm.attributesOfItem(atPath: out.appendingPathComponent("handouts/_example.pdf").path)[.modificationDate] as? Date
        let second = try runInfoplot(args)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 built, 1 up to date, 0 failed"))
        let modifiedAgain = try fm.attributesOfItem(atPath: out.appendingPathComponent("handouts/_example.pdf").path)[.modificationDate] as? Date
        #expect(modified == modifiedAgain, "an up-to-date handout must not be rewritten")

        // A changed template is rebuilt, and an unchanged rebuild gives the same bytes.
        try Data((Self.example + "\nOne more sentence.\n").utf8).write(to: dir.appendingPathComponent("Templates/_example.md"))
        let third = try runInfoplot(args)
        #expect(third.stdout.contains("1 built, 0 up to date"))
        try Data(Self.example.utf8).write(to: dir.appendingPathComponent("Templates/_example.md"))
        _ = try runInfoplot(args)
        #expect(try Data(contentsOf: out.appendingPathComponent("handouts/_example.pdf")) == pdfBefore)
    }

    @Test func quietWhenNotATerminalUnlessVerbose() throws {
        let dir = try Self.scratch(["_example.md": Self.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runInfoplot(["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out",
                                 "--only", "_example", "--formats", "pdf"])
        #expect(r.status == 0)
        // Only the summary line: no per-artefact progress.
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("infoplot build: 1 built, 0 up to date, 0 failed") == true)
    }

    @Test func oneBrokenTemplateFailsTheBuildButOthersStillBuild() throws {
        let dir = try Self.scratch(["_example.md": Self.example, "broken.md": Self.broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runInfoplot(["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out",
                                 "--only", "_example", "broken", "--formats", "pdf,html"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/Templates/broken.md:7:5: error:"), "\(r.stderr)")
        let handouts = dir.appendingPathComponent("out/handouts")
        #expect(FileManager.default.fileExists(atPath: handouts.appendingPathComponent("_example.pdf").path))
        // No partial or leftover files for the failed one.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: handouts.path)) ?? []
        #expect(!names.contains { $0.hasPrefix("broken") || $0.contains(".tmp-") }, "\(names)")
    }

    @Test func handoutCommandBuildsOneFileAndReportsErrorsWithPositions() throws {
        let dir = try Self.scratch(["_example.md": Self.example, "broken.md": Self.broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("one.pdf").path
        let ok = try runInfoplot(["handout", dir.path + "/Templates/_example.md", "-o", pdf])
        #expect(ok.status == 0, "\(ok.stderr)")
        let head = try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5)
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")

        let html = dir.appendingPathComponent("one.html").path
        #expect(try runInfoplot(["handout", dir.path + "/Templates/_example.md", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let bad = dir.appendingPathComponent("bad.pdf").path
        let failed = try runInfoplot(["handout", dir.path + "/Templates/broken.md", "-o", bad])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("broken.md:7:5: error: "), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bad))
    }

    @Test func unknownOptionsAreErrors() throws {
        #expect(try runInfoplot(["build", "--formats", "pdf,docx", "--out", "/tmp/never"]).status != 0)
        #expect(try runInfoplot(["build", "--solutions", "later", "--out", "/tmp/never"]).status != 0)
        #expect(try runInfoplot(["build", "--only", "no-such-template", "--out", "/tmp/never"]).status != 0)
    }
}

/// The build cache watches the font files a handout is set in, not only the template's text.
@Suite struct BuildCacheFontTests {
    @Test func aChangedFontFileRebuildsTheHandout() throws {
        let find = Process(), pipe = Pipe()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        find.arguments = ["-f", "%{file}", "TeX Gyre Pagella Math"]
        find.standardOutput = pipe
        try find.run()
        let source = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        find.waitUntilExit()
        try #require(FileManager.default.fileExists(atPath: source), "no TeX Gyre Pagella Math (fonts-texgyre-math)")
        let dir = try BuildCLITests.scratch([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let font = dir.appendingPathComponent("math.otf").path
        try FileManager.default.copyItem(atPath: source, toPath: font)
        let text = "---\ntitle: Fonts\nfonts: {math: \(font)}\n---\n\nThe entropy $H(p)$.\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("Templates/fonts.md"))
        let args = ["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out", "--only", "fonts", "--formats", "pdf"]
        #expect(try runInfoplot(args).stdout.contains("1 built"))
        #expect(try runInfoplot(args).stdout.contains("1 up to date"))
        // Same template, same font named; the file itself changed.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: font)
        let again = try runInfoplot(args)
        #expect(again.stdout.contains("1 built, 0 up to date"), "\(again.stdout) \(again.stderr)")
    }

    /// Characters the math font lacks are set in the fallback math font (STIX Math): the cache
    /// watches its file too, so an updated STIX rebuilds the handouts whose formulas use it.
    @Test func theCacheWatchesTheFallbackMathFont() throws {
        let find = Process(), pipe = Pipe()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        find.arguments = ["-f", "%{family}\n%{file}", "STIX Math"]
        find.standardOutput = pipe
        try find.run()
        let answer = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        find.waitUntilExit()
        try #require(answer.count == 2 && answer[0].contains("STIX"), "no STIX Math (fonts-stix)")
        let stix = String(answer[1])
        let dir = try BuildCLITests.scratch(["f.md": "---\ntitle: Fallback\n---\n\nThe entropy $H(p)$.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runInfoplot(["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out", "--only", "f", "--formats", "pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        let cache = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/.cache.json"))) as? [String: Any]
        let entries = try #require(cache?["entries"] as? [String: [String: Any]])
        let fonts = try #require(entries["handout:f"]?["fonts"] as? [String])
        #expect(fonts.contains { $0.hasPrefix(stix + " ") }, "\(fonts)")
    }

    /// `build --only X` writes an index whose every link resolves.
    @Test func theIndexLinksOnlyFilesThatExist() throws {
        let dir = try BuildCLITests.scratch(["a.md": "---\ntitle: A\n---\n\nText A.\n", "b.md": "---\ntitle: B\n---\n\nText B.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out"]
        #expect(try runInfoplot(base + ["--only", "a", "--formats", "pdf"]).status == 0)
        #expect(try runInfoplot(base + ["--only", "b", "--formats", "html"]).status == 0)
        let index = try String(contentsOfFile: dir.path + "/out/index.html", encoding: .utf8)
        let links = index.matches(of: /href="([^"#]+)"/).map { String($0.output.1) }
        #expect(links.contains("handouts/a.pdf") && links.contains("handouts/b.html"), "\(links)")
        for link in links {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/out/" + link), "index links \(link), which is not there")
        }
    }
}
