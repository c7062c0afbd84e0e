import Foundation
import CairoRender

/// Standard output that reports failure. `print` buffers and drops errors at exit (so
/// `> /dev/full` "succeeded" with the output lost) and `FileHandle.write(_:)` traps on them;
/// every result goes through here instead: written at once with write(2), and a failed write is
/// an error the command exits non-zero with.
struct StandardOutputError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "cannot write to standard output: \(reason)" }
}

func writeStandardOutput(_ data: Data) throws {
    let failure = writeAll(data, to: STDOUT_FILENO)
    if failure != 0 { throw StandardOutputError(reason: String(cString: strerror(failure))) }
}

/// One line of text (a newline is added).
func writeStandardOutputLine(_ text: String) throws {
    try writeStandardOutput(Data((text + "\n").utf8))
}

/// Lines of standard input as bytes, read with read(2) as they arrive (a request is answered
/// before the next one is typed), without the trailing "\n".
struct StandardInputLines {
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Where to resume looking for "\n", so a long line arriving in many chunks is scanned once.
    private var scanned = 0

    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 { buffer.removeFirst(start); scanned -= start; start = 0 }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StandardOutputError(reason: "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEnd = true } else { buffer += chunk[0..<n] }
        }
    }
}
