import Foundation
import Testing

/// Where output goes: -o and --format agree, several formats beside each other, `-o -` to stdout.
@Suite struct OutputTargetTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
    func files(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test func severalFormatsWithOneFileAreWrittenBesideIt() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runInfoplot(["figure", "surprisal", "--format", "png,svg", "--dpi", "50", "-o", dir + "/x.png"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir) == ["x.png", "x.svg"])
        #expect(r.stdout.split(separator: "\n") == [Substring(dir + "/x.png"), Substring(dir + "/x.svg")])
        let help = try runInfoplot(["figure", "--help"])
        #expect(help.stdout.contains("beside"), "--help should say what -o does with several formats")
    }

    @Test func formatAndExtensionMustAgree() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let figure = try runInfoplot(["figure", "surprisal", "--format", "svg", "-o", dir + "/x.png"])
        #expect(figure.status != 0 && figure.stderr.contains("disagree"), "\(figure.stderr)")
        let math = try runInfoplot(["math", "x", "--format", "pdf", "-o", dir + "/x.svg"])
        #expect(math.status != 0 && math.stderr.contains("disagree"), "\(math.stderr)")
        let template = BuildCLITests.repoTemplates.appendingPathComponent("_example.md").path
        let handout = try runInfoplot(["handout", template, "--format", "html", "-o", dir + "/x.pdf"])
        #expect(handout.status != 0 && handout.stderr.contains("disagree"), "\(handout.stderr)")
        #expect(files(dir).isEmpty, "\(files(dir))")
        // Agreement in upper case, and a free extension with an explicit format, are fine.
        #expect(try runInfoplot(["math", "x", "--format", "pdf", "-o", dir + "/x.PDF"]).status == 0)
        #expect(try runInfoplot(["math", "x", "--format", "svg", "-o", dir + "/x.formula"]).status == 0)
    }

    @Test func dashWritesToStandardOutput() throws {
        let svg = try runInfoplot(["figure", "surprisal", "-o", "-"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg") && svg.stdout.hasSuffix("</svg>\n") || svg.stdout.hasSuffix("</svg>"))
        let pdf = try runInfoplot(["figure", "surprisal", "--format", "pdf", "-o", "-"])
        #expect(pdf.stdout.hasPrefix("%PDF-"))
        let two = try runInfoplot(["figure", "surprisal", "--format", "pdf,svg", "-o", "-"])
        #expect(two.status != 0 && two.stderr.contains("one format"), "\(two.stderr)")
        let math = try runInfoplot(["math", "x^2", "--format", "pdf", "-o", "-"])
        #expect(math.status == 0 && math.stdout.hasPrefix("%PDF-"), "\(math.stderr)")
        let template = BuildCLITests.repoTemplates.appendingPathComponent("_example.md").path
        let html = try runInfoplot(["handout", template, "--format", "html", "-o", "-"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"), "\(html.stderr)")
        let pages = try runInfoplot(["handout", template, "--format", "svg", "-o", "-"])
        #expect(pages.status != 0 && pages.stderr.contains("standard output"))
    }

    @Test func aFullStandardOutputIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        let exe = try #require(infoplotExecutable()).path
        p.arguments = ["-c", "'\(exe)' figure surprisal -o - > /dev/full"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus != 0 && p.terminationStatus < 128, "status \(p.terminationStatus)")
        #expect(message.contains("standard output"), "\(message)")
    }
}
