import ArgumentParser
import Foundation
import MathTypesetting
import CairoRender

/// `infoplot math 'TeX'`: one formula, tightly cropped, for slides.
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Typeset one TeX formula to a tightly cropped SVG, PDF or PNG.")

    @Argument(help: "The formula in TeX math syntax, e.g. 'D_{\\mathrm{KL}}(p\\,\\|\\,q)'.")
    var tex: String

    @Flag(help: "Display style (large operators, limits above and below).")
    var display = false

    @Option(help: "Math font family (with an OpenType MATH table), or a path to a font file.")
    var font = MathFont.defaultFamily

    @Option(parsing: .unconditional, help: "Font size in points.")
    var size = 12.0

    @Option(help: "Colour as RRGGBB or RRGGBBAA hex, with or without '#'.")
    var color = "000000"

    @Option(help: "Output format: svg, pdf or png.")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file (default: SVG to standard output).")
    var output: String?

    func run() throws {
        guard size > 0, size <= 10_000 else { throw ValidationError("--size must be a number of points in (0, 10000], got \(size)") }
        guard !tex.allSatisfy(\.isWhitespace) else { throw ValidationError("the formula is empty; expected TeX math such as 'H(p)'") }
        let rgba = try parseColor(color)
        let chosen = try outputFormat()
        // A value with a slash is a font file (e.g. a Latin Modern Math that fontconfig does not know).
        let mathFont = font.contains("/") ? try MathFont.load(path: font) : try MathFont.load(family: font)
        if let warning = mathFont.warning { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let box: MathBox
        do {
            box = try typeset(tex, display: display, font: mathFont, size: size)
        } catch let error as MathError {
            // The caret line under the source is the useful part; the usage text would bury it.
            FileHandle.standardError.write(Data("error: cannot typeset the formula: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let data = try renderMathDocument(box, format: chosen, color: rgba, title: tex)
        if let output {
            try writeAtomically(data, to: output)
        } else if chosen == .svg {
            try writeStandardOutput(data)
        } else {
            throw ValidationError("\(chosen.rawValue) output needs -o PATH (only SVG goes to standard output)")
        }
    }

    /// --format wins; otherwise the extension of -o; otherwise SVG.
    func outputFormat() throws -> MathOutputFormat {
        if let format {
            guard let f = MathOutputFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown --format '\(format)'; expected svg, pdf or png")
            }
            return f
        }
        if let output {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            if let f = MathOutputFormat(rawValue: ext) { return f }
            if !ext.isEmpty {
                throw ValidationError("-o \(output): cannot tell the format from the extension '\(ext)'; expected .svg, .pdf or .png, or pass --format")
            }
        }
        return .svg
    }

    func parseColor(_ text: String) throws -> MathColor {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6 || hex.count == 8, let value = UInt64(hex, radix: 16) else {
            throw ValidationError("--color must be RRGGBB or RRGGBBAA hex, got '\(text)'")
        }
        let v = hex.count == 6 ? (value << 8) | 0xFF : value
        return (Double((v >> 24) & 0xFF) / 255, Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255)
    }
}
