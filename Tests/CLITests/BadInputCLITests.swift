import Foundation
import Testing

/// Bad input through the binary: a clear message and a non-zero status, never a trap.
@Suite struct BadInputCLITests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A Swift trap exits by signal (status ≥ 128 through the shell, or an "uncaught signal" from
    /// Process) and prints "Fatal error"; a handled error exits 1 or 64 with "Error:".
    func expectCleanFailure(_ r: RunResult, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0 && r.status < 128, "status \(r.status)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(r.stderr)", sourceLocation: sourceLocation)
        for w in words { #expect(r.stderr.contains(w), "missing '\(w)' in: \(r.stderr)", sourceLocation: sourceLocation) }
    }

    @Test func elboFigureWithOverflowingDataIsAnError() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tiny = try runInfoplot(["figure", "elbo", "--set", "noise_sigma=1e-300", "-o", dir + "/e.svg"])
        expectCleanFailure(tiny, mentioning: ["elbo", "overflow"])
        let huge = try runInfoplot(["figure", "elbo", "--set", "data=1e300,-1e300", "-o", dir + "/e.svg"])
        expectCleanFailure(huge, mentioning: ["elbo", "overflow"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/e.svg"))
    }
}
