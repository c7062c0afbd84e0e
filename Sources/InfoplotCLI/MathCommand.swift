import ArgumentParser
import Foundation
import MathTypesetting
import CairoRender
import FigureModel

/// What `infoplot math` can write: an image in one of the output formats every drawing shares, or MathML.
enum CLIMathFormat: Equatable {
    case image(OutputFormat), mathml
    /// `svg`, `pdf`, `png` or `mathml`.
    init?(rawValue: String) {
        if rawValue == "mathml" { self = .mathml } else if let f = OutputFormat(rawValue: rawValue) { self = .image(f) } else { return nil }
    }
    var rawValue: String {
        switch self { case .image(let f): f.rawValue; case .mathml: "mathml" }
    }
}

/// `infoplot math 'TeX'`: one formula, tightly cropped, for slides.
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Typeset one TeX formula to a tightly cropped SVG, PDF or PNG.")

    // All unrecognised words: a formula may begin with '-' ("-\\log p") and must not be taken for an option.
    @Argument(parsing: .allUnrecognized,
              help: "The formula in TeX math syntax, e.g. 'D_{\\mathrm{KL}}(p\\,\\|\\,q)'; '-' reads it from standard input. A formula may begin with '-'.")
    var formula: [String] = []

    /// A formula beginning with '-' moved here by `protectingFormula`, so it is not read as options.
    @Option(name: .customLong("formula-text"), help: .hidden)
    var formulaText: String?

    @Option(name: .customLong("macro"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A macro NAME=BODY, e.g. 'R=\\mathbb{R}' or 'norm=\\left\\|#1\\right\\|' (repeatable).", valueName: "NAME=BODY"))
    var macros: [String] = []

    @Flag(help: "SVG for inline use: width, height and vertical-align in ex, so the baseline sits on the text's.")
    var inline = false

    @Flag(help: "Write the formula's metrics (width, height, depth in pt; vertical-align in ex) as JSON to standard output.")
    var json = false

    @Flag(help: "Display style (large operators, limits above and below).")
    var display = false

    @Option(help: "Math font family (with an OpenType MATH table), or a path to a font file.")
    var font = MathFont.defaultFamily

    @Option(parsing: .unconditional, help: "Font size in points.")
    var size = 12.0

    @Option(help: "Colour as RRGGBB or RRGGBBAA hex, with or without '#'.")
    var color = "000000"

    @Option(help: "Output format: svg, pdf, png or mathml (default: from the -o extension, else svg).",
            completion: .list(["svg", "pdf", "png", "mathml"]))
    var format: String?

    @Option(name: .shortAndLong, help: "Output file, or '-' for standard output (the default). An extension that names a format must agree with --format.")
    var output: String?

    /// Options that take a value, and all option spellings (for `protectingFormula`).
    static let valueOptions: Set<String> = ["--font", "--size", "--color", "--format", "--output", "-o", "--macro", "--formula-text"]
    static let flagOptions: Set<String> = ["--display", "--inline", "--json", "--help", "-h"]

    /// ArgumentParser would split "-\log p" into short options; under `math`, an argument that starts
    /// with '-' and is no option (nor an option's value) is passed as --formula-text=… instead.
    static func protectingFormula(_ arguments: [String]) -> [String] {
        guard arguments.first == "math" else { return arguments }
        var out = ["math"]
        var expectValue = false
        var afterDashes = false
        for a in arguments.dropFirst() {
            defer { if !afterDashes { expectValue = valueOptions.contains(a) } }
            if afterDashes || expectValue || a == "-" || a == "--" || !a.hasPrefix("-") {
                if a == "--" { afterDashes = true }
                out.append(a)
                continue
            }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if valueOptions.contains(name) || flagOptions.contains(name) { out.append(a) } else { out.append("--formula-text=" + a) }
        }
        return out
    }

    /// The formula: the one argument, or standard input for '-'.
    func readFormula() throws -> String {
        if let formulaText {
            guard formula.isEmpty else { throw ValidationError("expected one formula, got \(formula.count + 1) arguments") }
            return formulaText
        }
        guard formula.count <= 1 else {
            throw ValidationError("expected one formula, got \(formula.count) arguments (\(formula.map { "'\($0)'" }.joined(separator: " "))); quote the formula, or check the option names")
        }
        guard let first = formula.first else { throw ValidationError("missing the formula; expected TeX math such as 'H(p)', or '-' to read standard input") }
        if first == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("standard input is not UTF-8 text") }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return first
    }

    func parsedMacros() throws -> [String: MathMacro] {
        var out: [String: MathMacro] = [:]
        for m in macros {
            guard let (name, macro) = MathMacro.parseDefinition(m) else {
                throw ValidationError("--macro '\(m)': expected NAME=BODY with a letters-only name, e.g. 'R=\\mathbb{R}'")
            }
            out[name] = macro
        }
        return out
    }

    func run() throws {
        guard size > 0, size <= 10_000 else { throw ValidationError("--size must be a number of points in (0, 10000], got \(size)") }
        let tex = try readFormula()
        guard !tex.allSatisfy(\.isWhitespace) else { throw ValidationError("the formula is empty; expected TeX math such as 'H(p)'") }
        let rgba = try parseColor(color)
        let macroTable = try parsedMacros()
        let chosen = try outputFormat()
        // A value with a slash is a font file (e.g. a Latin Modern Math that fontconfig does not know).
        guard MathFont.isUsable(font) else { throw ValidationError("--font: " + MathFont.notUsableProblem(font)) }
        let mathFont = font.contains("/") ? try MathFont.load(path: font) : try MathFont.load(family: font)
        let box: MathBox
        do {
            if chosen == .mathml {
                let xml = mathML(try MathParser.parse(tex, macros: macroTable), source: tex, display: display)
                try emit(Data((xml + "\n").utf8), format: chosen)
                return
            }
            box = try typeset(tex, display: display, font: mathFont, size: size, macros: macroTable)
        } catch let error as MathError {
            // The caret line under the source is the useful part; the usage text would bury it.
            FileHandle.standardError.write(Data("error: cannot typeset the formula: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        guard case .image(let imageFormat) = chosen else { return }
        let padding = 1.0
        // SVG: ids hashed from the content (several formulas on one page never collide), the TeX as <title>.
        var data = try renderMathDocument(box, format: imageFormat, color: rgba, padding: padding, title: tex)
        let metrics = MathPageMetrics(box, size: size, padding: padding)
        if imageFormat == .svg && inline { data = metrics.inlineSVG(data) }
        if json {
            try writeStandardOutputLine(metrics.json)
            if output != nil { try emit(data, format: chosen) }
            return
        }
        try emit(data, format: chosen)
    }

    func emit(_ data: Data, format: CLIMathFormat) throws {
        if let output {
            try writeOutput(data, to: output)
        } else if format == .image(.svg) || format == .mathml {
            try writeStandardOutput(data)
        } else {
            // Binary output on a terminal by accident is unreadable; asking for it with -o - is fine.
            throw ValidationError("\(format.rawValue) output needs -o PATH, or -o - for standard output (SVG and MathML go there by default)")
        }
    }

    /// --format wins; otherwise the extension of -o; otherwise SVG.
    func outputFormat() throws -> CLIMathFormat {
        if let format {
            guard let f = CLIMathFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown --format '\(format)'; expected svg, pdf, png or mathml")
            }
            try requireAgreement(format: f.rawValue, output: output)
            return f
        }
        if let output, output != standardOutputPath {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            if let f = CLIMathFormat(rawValue: ext == "mml" ? "mathml" : ext) { return f }
            if !ext.isEmpty {
                throw ValidationError("-o \(output): cannot tell the format from the extension '\(ext)'; expected .svg, .pdf, .png or .mathml, or pass --format")
            }
        }
        return .image(.svg)
    }

    func parseColor(_ text: String) throws -> Color {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6 || hex.count == 8, let value = UInt64(hex, radix: 16) else {
            throw ValidationError("--color must be RRGGBB or RRGGBBAA hex, got '\(text)'")
        }
        let v = hex.count == 6 ? (value << 8) | 0xFF : value
        return Color(hex: UInt32(v >> 8), alpha: Double(v & 0xFF) / 255)
    }
}
