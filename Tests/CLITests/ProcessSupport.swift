import Foundation

/// A finished run of a child process that may have been stopped by the time bound.
struct BoundedRun {
    let status: Int32
    let stdout: String
    let stderr: String
    /// True when the process was still running at the bound and was killed.
    let timedOut: Bool
    /// True when it ended by a signal (a trap or a crash, or our kill).
    let signalled: Bool
}

/// Runs `executable` with `arguments`, killing it (SIGKILL) if it has not ended after `seconds`:
/// a hang becomes a failed expectation instead of a test run that never ends. This bounds the
/// run; it asserts nothing about speed.
func runBounded(_ executable: URL, _ arguments: [String], input: Data? = nil, seconds: Double = 10,
                standardOutput: FileHandle? = nil, environment: [String: String] = [:]) throws -> BoundedRun {
    _ = ignoringBrokenPipes
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    if let standardOutput { process.standardOutput = standardOutput } else { process.standardOutput = out }
    process.standardError = err
    process.standardInput = inp
    try process.run()
    let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
    // Standard input is fed and both pipes drained on their own threads so no pipe can fill up
    // and block the child while we wait for another.
    let group = DispatchGroup()
    let box = OutputBox()
    DispatchQueue.global().async(group: group) {
        if let input { try? inp.fileHandleForWriting.write(contentsOf: input) }
        try? inp.fileHandleForWriting.close()
    }
    if standardOutput == nil {
        DispatchQueue.global().async(group: group) { box.setOut(out.fileHandleForReading.readDataToEndOfFile()) }
    }
    DispatchQueue.global().async(group: group) { box.setErr(err.fileHandleForReading.readDataToEndOfFile()) }
    process.waitUntilExit()
    group.wait()
    killer.cancel()
    let signalled = process.terminationReason == .uncaughtSignal
    return BoundedRun(status: process.terminationStatus, stdout: String(decoding: box.out, as: UTF8.self),
                      stderr: String(decoding: box.err, as: UTF8.self),
                      timedOut: signalled && process.terminationStatus == SIGKILL, signalled: signalled)
}

/// A child that ends (or is killed at the bound) before reading all its input made the write fail
/// with SIGPIPE, which ended the whole test run (signal 13); ignored, the write fails with EPIPE.
private let ignoringBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = Data()
    private(set) var err = Data()
    func setOut(_ d: Data) { lock.lock(); out = d; lock.unlock() }
    func setErr(_ d: Data) { lock.lock(); err = d; lock.unlock() }
}

/// A fresh scratch folder under the system's temporary directory.
func scratchFolder(_ tag: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-\(tag)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Every file below `dir`, as paths relative to it (hidden ones included).
func filesBelow(_ dir: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return [] }
    var out: [String] = []
    while let p = walker.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path + "/" + p, isDirectory: &isDir), !isDir.boolValue { out.append(p) }
    }
    return out.sorted()
}

/// The repository's root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
