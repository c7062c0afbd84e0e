import Foundation
import Testing

/// `infoplot build --watch` as a user runs it: start it, save a template, see one line for the
/// rebuild, press Ctrl-C (SIGINT), and find no partial or temporary file. Waits are bounded loops
/// on what the watcher printed, never assertions about time.
@Suite struct BuildWatchCLITests {
    @Test func aSavedTemplateIsRebuiltAndCtrlCLeavesNoPartialFile() throws {
        guard let exe = infoplotExecutable() else { Issue.record("infoplot not built"); return }
        let dir = try BuildCLITests.scratch(["_example.md": BuildCLITests.example])
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = exe
        process.arguments = ["build", "--watch", "--templates", dir.path + "/Templates", "--out", dir.path + "/out",
                             "--only", "_example", "--formats", "html"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let printed = OutputLines()
        out.fileHandleForReading.readabilityHandler = { printed.add($0.availableData) }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        /// Polls what the watcher printed until `count` summary lines are there. Bounded, but
        /// generously (5 min): with every core busy a first build has taken over a minute.
        func waitForSummaries(_ count: Int) -> Bool {
            for _ in 0..<3000 where process.isRunning {
                if printed.lines.filter({ $0.contains("infoplot build:") }).count >= count { return true }
                usleep(100_000)
            }
            return false
        }
        #expect(waitForSummaries(1), "\(printed.lines)")
        // Saved in place (truncate, then write), as many editors do: the watcher must wait for the
        // file to hold still rather than build the empty or half-written template.
        let saved = try FileHandle(forWritingTo: dir.appendingPathComponent("Templates/_example.md"))
        try saved.truncate(atOffset: 0)
        let text = Data((BuildCLITests.example + "\nOne more sentence.\n").utf8)
        try saved.write(contentsOf: text.prefix(text.count / 2))
        try saved.write(contentsOf: text.dropFirst(text.count / 2))
        try saved.close()
        #expect(waitForSummaries(2), "\(printed.lines)")
        let summaries = printed.lines.filter { $0.contains("infoplot build:") }
        // One line per rebuild, starting with its time of day, the rebuild done by the cache.
        #expect(summaries.count == 2)
        #expect(summaries.last?.contains("1 built, 0 up to date, 0 failed") == true, "\(summaries)")
        #expect(summaries.allSatisfy { $0.range(of: #"^\d\d:\d\d:\d\d infoplot build:"#, options: .regularExpression) != nil })

        kill(process.processIdentifier, SIGINT)
        for _ in 0..<3000 where process.isRunning { usleep(100_000) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let html = try String(contentsOf: dir.appendingPathComponent("out/handouts/_example.html"), encoding: .utf8)
        #expect(html.contains("One more sentence."))
        let names = filesBelow(dir.appendingPathComponent("out"))
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
    }
}

/// Lines a child process printed, collected from the pipe's handler thread.
final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func add(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
