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
