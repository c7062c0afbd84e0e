import ArgumentParser
import CairoRender
import Foundation
import Handouts
import func FigureModel.fixedDecimal

/// `infoplot handout FILE`: one template to one PDF, SVG page set or HTML page.
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Build one handout template to PDF, SVG pages or HTML.")

    @Argument(help: "The template (Markdown with YAML front matter).")
    var file: String

    @Option(name: .shortAndLong, help: """
        Output path (for svg: a folder that gets page-N.svg; '-' for standard output, pdf or html). \
        Default: NAME.FORMAT here. An extension that names a format must agree with --format.
        """)
    var output: String?

    @Option(help: "pdf, svg or html (default: from the -o extension, else pdf).",
            completion: .list(HandoutFormat.allCases.map(\.rawValue)))
    var format: String?

    @Option(help: "Where solutions go: inline, end or omit.")
    var solutions = "inline"

    @Flag(help: "For a deck: also write the speaker notes (slide thumbnail and notes per page) to NAME-notes.pdf next to the output.")
    var notes = false
    @Option(name: .customLong("figures"), help: figuresFolderHelp)
    var figuresFolder: String?

    @Option(help: ArgumentHelp("A house style (fonts, colours, logo, header and footer) unless the template's front matter names one; see `infoplot style --print default`.",
                               valueName: "file"))
    var style: String?

    @Flag(name: .shortAndLong, help: "Print the page count, the loosest line's word spacing and the emptiest page.")
    var verbose = false

    func run() throws {
        guard let mode = SolutionsMode(rawValue: solutions) else {
            throw ValidationError("unknown --solutions '\(solutions)'; expected inline, end or omit")
        }
        let chosen = try outputFormat()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read '\(file)'")
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let library = try loadFigureLibrary(figuresFolder)
        let houseStyle = try style.map(loadStyleOrFail) ?? .default
        let built: BuiltHandout
        do {
            // A template in a folder named slides/ is a deck, as in `infoplot build`.
            let inSlides = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent == "slides"
            built = try buildHandout(file: file, source: try templateSource(data, file: file), formats: [chosen], solutions: mode,
                                     notes: notes, defaultFormat: inSlides ? .slides : .handout, figures: library,
                                     style: houseStyle)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        for w in built.warnings { FileHandle.standardError.write(Data("\(file): warning: \(w)\n".utf8)) }
        if notes, built.format != .slides {
            throw ValidationError("--notes: '\(file)' is a handout; speaker notes come from decks (format: slides)")
        }
        if let n = built.notesPDF {
            let target = output.map { URL(fileURLWithPath: $0).deletingPathExtension().path } ?? name
            try writeAtomically(n, to: target + "-notes.pdf")
        }
        if built.format == .slides, chosen == .svg {
            throw ValidationError("--format svg: decks are written as pdf or html")
        }
        if verbose, let s = built.statistics {
            try writeStandardOutputLine("\(file): \(built.pageCount) pages; \(s.summary)")
            for l in s.looseLines {
                try writeStandardOutputLine("  loose line \(fixedDecimal(l.factor, decimals: 2))× on p. \(l.page + 1): \(l.text)")
            }
        }
        switch chosen {
        case .pdf: try writeOutput(built.pdf ?? Data(), to: output ?? "\(name).pdf")
        case .html: try writeOutput(built.html ?? Data(), to: output ?? "\(name).html")
        case .svg:
            let dir = output ?? name
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw ValidationError("-o \(dir): cannot create the folder for the SVG pages: \(error.localizedDescription)")
            }
            for (k, page) in (built.svgPages ?? []).enumerated() { try writeAtomically(page, to: "\(dir)/page-\(k + 1).svg") }
        }
    }

    func outputFormat() throws -> HandoutFormat {
        let f = try namedFormat()
        if f == .svg, output == standardOutputPath {
            throw ValidationError("-o -: svg writes one file per page into a folder; standard output takes --format pdf or html")
        }
        return f
    }

    private func namedFormat() throws -> HandoutFormat {
        if let format {
            guard let f = HandoutFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown --format '\(format)'; expected pdf, svg or html")
            }
            try requireAgreement(format: f.rawValue, output: output)
            return f
        }
        if let output {
            if output == standardOutputPath { return .pdf }
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            if let f = HandoutFormat(rawValue: ext) { return f }
            // Writing a PDF under a name like x.gif would look like success and surprise later.
            if !ext.isEmpty {
                throw ValidationError("-o \(output): cannot tell the format from the extension '\(ext)'; expected .pdf or .html, or pass --format")
            }
        }
        return .pdf
    }
}
