import Foundation

/// A file that could not be written, named as the user gave it (never the temporary name).
public struct OutputWriteError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Every output goes through here: the bytes are written to a temporary file in the destination's
/// folder and renamed over it (rename(2) is atomic within a file system), so a reader, a killed
/// build or a full disk never leaves a partial file where a good one stood, and a failed write
/// removes its temporary file. A destination that is a symbolic link is written through: the
/// link's target is replaced and the link kept. The folder must exist (a mistyped `-o` folder
/// is an error, not a new tree of folders).
public func writeAtomically(_ data: Data, to path: String) throws {
    let target = try resolvingSymbolicLinks(path)
    let url = URL(fileURLWithPath: target)
    let directory = url.deletingLastPathComponent().path
    let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(temporaryCounter.next())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
    var failure = writeAll(data, to: fd)
    // close(2) can report a delayed write error (NFS, quota): it counts as a failed write too.
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, target) != 0 { failure = errno }
    if failure != 0 {
        unlink(temporary)
        throw OutputWriteError(path: path, reason: String(cString: strerror(failure)))
    }
}

/// Follows symbolic links at `path` (relative targets are relative to the link's folder), so the
/// rename replaces the file the link points at; a loop is an error, like the system's ELOOP.
func resolvingSymbolicLinks(_ path: String) throws -> String {
    var current = path
    // POSIX's SYMLOOP_MAX is at least 8; Linux follows 40 links before ELOOP.
    for _ in 0..<40 {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
        current = destination.hasPrefix("/") ? destination
            : (URL(fileURLWithPath: current).deletingLastPathComponent().path as NSString).appendingPathComponent(destination)
    }
    throw OutputWriteError(path: path, reason: String(cString: strerror(ELOOP)))
}


/// Distinguishes temporary names of files written by different threads of one process.
private let temporaryCounter = AtomicCounter()

final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Writes all of `data` to `fd` with write(2), resuming after partial writes and EINTR; returns
/// 0 or the errno of the failed write (a full disk, a closed pipe), never trapping as
/// FileHandle.write does.
public func writeAll(_ data: Data, to fd: Int32) -> Int32 {
    var failure: Int32 = 0
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            offset += n
        }
    }
    return failure
}
