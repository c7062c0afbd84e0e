import ArgumentParser
import Foundation
import CairoRender

/// `-o -`: the file is standard output (for pipes and web servers).
let standardOutputPath = "-"

/// Extensions that name one of infoplot's output formats. A `-o` file with one of them must agree
/// with `--format`: HTML written under x.pdf looks like success and breaks later. Other extensions
/// (x.page) are the user's choice and take the format from `--format`.
let formatExtensions: Set<String> = ["pdf", "svg", "png", "html"]

/// The -o extension when it names a format, lowercased ("X.PDF" → "pdf"), else nil.
func formatExtension(of path: String) -> String? {
    guard path != standardOutputPath else { return nil }
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    return formatExtensions.contains(ext) ? ext : nil
}

/// Refuses `--format F -o x.G` for two different formats F and G.
func requireAgreement(format: String, output: String?) throws {
    guard let output, let ext = formatExtension(of: output), ext != format else { return }
    throw ValidationError("--format \(format) and -o \(output) disagree: the file would hold \(format.uppercased()) under a .\(ext) name; "
                          + "name the file .\(format) or drop --format")
}

/// Writes everything to standard output, or fails with a message: a full disk or a closed pipe
/// must not look like success (FileHandle.write would trap instead).
func writeStandardOutput(_ data: Data) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < raw.count {
            let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ValidationError("cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}

/// Writes to `path` atomically, or to standard output for `-`.
func writeOutput(_ data: Data, to path: String) throws {
    if path == standardOutputPath { try writeStandardOutput(data) } else { try writeAtomically(data, to: path) }
}
