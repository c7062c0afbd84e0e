import Foundation
import Testing

/// What is written, and what happens when writing fails: every output is whole or absent.
@Suite struct OutputSafetyTests {
    func executable() throws -> URL {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        return exe
    }

    /// cairo 1.16 wrote links' structure references to objects it never emitted; `qpdf --check`
    /// (exit 0: no errors, no warnings) now passes for handouts with internal and external links.
    @Test func handoutPDFsWithLinksPassQpdfCheck() throws {
        let exe = try executable()
        let dir = try scratchFolder("qpdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let linked = dir.appendingPathComponent("links.md")
        try Data("---\ntitle: Links\n---\n# One {#sec-one}\n\nSee <https://example.org> and @sec-one.\n".utf8).write(to: linked)
        for source in [linked.path, repositoryRoot.appendingPathComponent("Templates/02-cross-entropy-and-kl.md").path] {
            let pdf = dir.path + "/out.pdf"
            let r = try runBounded(exe, ["handout", source, "-o", pdf], seconds: 120)
            #expect(r.status == 0, "\(r.stderr)")
            let check = try runBounded(URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", pdf])
            #expect(check.status == 0, "\(source): \(check.stdout)\(check.stderr)")
            let info = try runBounded(URL(fileURLWithPath: "/usr/bin/pdfinfo"), ["-struct", pdf])
            #expect(info.stdout.hasPrefix("Document\n") && info.stdout.contains("Link"), "\(info.stdout.prefix(200))")
        }
    }

    @Test func outputOntoASymbolicLinkWritesThroughIt() throws {
        let exe = try executable()
        let dir = try scratchFolder("symlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.svg").path
        let link = dir.appendingPathComponent("link.svg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.svg")
        let r = try runBounded(exe, ["math", "x^2", "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.svg")
        let svg = try String(contentsOfFile: target, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(filesBelow(dir) == ["link.svg", "real.svg"])
    }

    /// `> /dev/full`: a Swift trap (FileHandle.write) or exit 0 with the output lost, before.
    @Test func aFullStandardOutputIsAnErrorWithNonZeroExit() throws {
        let exe = try executable()
        let runs: [([String], Data?)] = [
            (["math", "x^2"], nil),
            (["compute", "entropy", "--p", "0.5,0.5"], nil),
            (["compute", "--jsonl"], Data("{\"op\": \"entropy\", \"p\": [0.5, 0.5]}\n".utf8)),
            (["figures"], nil),
        ]
        for (args, input) in runs {
            guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
            let r = try runBounded(exe, args, input: input, standardOutput: full)
            #expect(!r.signalled && r.status == 1, "\(args): status \(r.status) \(r.stderr.prefix(300))")
            #expect(r.stderr.contains("cannot write to standard output: No space left on device"), "\(args): \(r.stderr.prefix(300))")
        }
    }

    /// A disk that fills mid-build, simulated with a file-size limit (`ulimit -f`; writes then fail
    /// with EFBIG as they fail with ENOSPC on a full disk, and no root or mount is needed).
    @Test func aFailedWriteNamesTheFileAndTheHandoutAndLeavesNoTemporaryFile() throws {
        let exe = try executable()
        let dir = try scratchFolder("full")
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("T")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates/_example.md"),
                                         to: templates.appendingPathComponent("_example.md"))
        let out = dir.path + "/out"
        // 40 KiB: the cache and index fit, the handout's PDF does not. SIGXFSZ is ignored so the
        // write fails with an error instead of killing the process (ignored signals survive exec).
        let script = "trap '' XFSZ; ulimit -f 80; exec \"$0\" build --templates \"$1\" --out \"$2\" --only _example --formats pdf"
        let r = try runBounded(URL(fileURLWithPath: "/bin/sh"), ["-c", script, exe.path, templates.path, out], seconds: 120)
        #expect(!r.signalled && r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot write '\(out)/handouts/_example.pdf': File too large"), "\(r.stderr)")
        #expect(r.stdout.contains("0 built, 0 up to date, 1 failed (_example)"), "\(r.stdout)")
        let left = filesBelow(URL(fileURLWithPath: out))
        #expect(!left.contains { $0.contains(".tmp-") }, "\(left)")
        #expect(!left.contains("handouts/_example.pdf"))
    }

    /// SIGKILL at pseudo-random moments of a build that rewrites existing good outputs: every file
    /// in place is then the complete previous one (output is deterministic, so byte-identical), and
    /// the next build clears what the killed one left.
    @Test func killingABuildAtRandomPointsNeverLeavesABrokenFile() throws {
        let exe = try executable()
        let dir = try scratchFolder("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("T")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates/_example.md"),
                                         to: templates.appendingPathComponent("_example.md"))
        let out = URL(fileURLWithPath: dir.path + "/out")
        let args = ["build", "--templates", templates.path, "--out", out.path, "--only", "_example"]
        let started = Date()
        let first = try runBounded(exe, args, seconds: 120)
        #expect(first.status == 0, "\(first.stderr)")
        let full = Date().timeIntervalSince(started)
        let outputs = filesBelow(out).filter { $0.hasPrefix("handouts/") }
        #expect(outputs.count >= 3)
        var good: [String: Data] = [:]
        for f in outputs { good[f] = try Data(contentsOf: out.appendingPathComponent(f)) }

        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<6 {
            // Forget the cache so the build rewrites every output; then kill it part-way.
            try? FileManager.default.removeItem(at: out.appendingPathComponent(".cache.json"))
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let fraction = Double(seed >> 11) / Double(1 << 53)
            _ = try runBounded(exe, args, seconds: max(0.05, fraction * full))
            for f in outputs {
                let path = out.appendingPathComponent(f)
                guard FileManager.default.fileExists(atPath: path.path) else { continue }
                #expect(try Data(contentsOf: path) == good[f], "\(f) differs after a kill at \(fraction) of the build")
            }
        }
        let last = try runBounded(exe, args, seconds: 120)
        #expect(last.status == 0, "\(last.stderr)")
        let after = filesBelow(out)
        #expect(!after.contains { $0.contains(".tmp-") }, "\(after)")
        for f in outputs { #expect(try Data(contentsOf: out.appendingPathComponent(f)) == good[f]) }
    }

    @Test func controlCharactersInArgumentsAreRefusedAndShownAsCodePoints() throws {
        let exe = try executable()
        let dir = try scratchFolder("control")
        defer { try? FileManager.default.removeItem(at: dir) }
        let label = try runBounded(exe, ["figure", "distribution-compare", "--set", "p_name=\u{01}\u{02}\u{1B}[31m", "-o", dir.path + "/f.svg"])
        #expect(label.status == 1 && label.stderr.contains("parameter 'p_name'") && label.stderr.contains("U+0001"), "\(label.stderr)")
        let echoed = try runBounded(exe, ["figure", "entropy-curve", "--set", "unit=bi\u{1B}ts", "-o", dir.path + "/f.svg"])
        #expect(echoed.status != 0 && echoed.stderr.contains("bi<U+001B>ts") && !echoed.stderr.contains("\u{1B}"), "\(echoed.stderr)")
        #expect(filesBelow(dir).isEmpty)
    }
}
