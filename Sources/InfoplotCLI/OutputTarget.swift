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

/// Writes to `path` atomically, or to standard output for `-`.
func writeOutput(_ data: Data, to path: String) throws {
    if path == standardOutputPath { try writeStandardOutput(data) } else { try writeAtomically(data, to: path) }
}
