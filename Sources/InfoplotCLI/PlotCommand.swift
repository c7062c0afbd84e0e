import ArgumentParser
import Foundation
import CairoRender
import FigureModel
import PlotGrammar

/// `infoplot plot SPEC …`: draws a user's YAML plot spec (issue 8). Everything is compiled and
/// rendered before the first file is written; files are written atomically.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a plot spec (YAML) to PDF, SVG or PNG.",
        discussion: """
            Examples:
              infoplot plot Examples/renyi-entropy.yaml --format png
              infoplot plot loss.yaml --set smoothing=0.9 -o loss.pdf
              echo '{layers: [{mark: line, x: {var: p, from: 0, to: 1}, y: "binary_entropy(p)"}]}' | infoplot plot - -o h.svg
            See the README's "Your own plots" for the format.
            """)

    @Argument(help: "The spec file, or - to read standard input.")
    var spec: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a declared parameter (repeatable).", valueName: "key=value"))
    var settings: [String] = []

    @Option(help: "Comma-separated output formats: pdf, svg, png.")
    var format: String = "pdf,svg,png"

    @Option(help: "light, dark, print, auto (SVG follows the reader's light/dark setting; PDF and PNG are light; a spec's own theme file stays the light side) or a theme file (.yaml; see `infoplot figure --print-theme light`); default: the spec's theme, else light.",
            completion: .list(themeNames))
    var theme: String?

    /// `--theme auto`: laid out once in the light theme; the SVG carries the dark theme's values too.
    /// A spec whose `theme:` is a theme file of its own keeps that theme as the light side (its
    /// colours, fonts and sizes; the dark values are the dark theme's), rather than losing it to the
    /// built-in light one: auto replaces a spec's built-in theme (light, dark, print), not the
    /// author's colours.
    var auto: Bool { theme?.lowercased() == "auto" }

    @Option(parsing: .unconditional, help: "Size preset or WxH (inches, or with cm/pt); default: the spec's size, else handout.")
    var size: String?

    @Option(parsing: .unconditional, help: "PNG resolution in dots per inch.")
    var dpi: Double = 200

    @Option(name: .customLong("out"), help: ArgumentHelp("Output directory.", valueName: "dir"))
    var outDir: String = "output/plots"

    @Option(name: .short, help: ArgumentHelp("Write a single file; the format comes from its extension.", valueName: "file"))
    var output: String?

    func run() throws {
        let data: Data
        let file: String
        let base: String
        if spec == "-" {
            var input = Data()
            while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                input.append(chunk)
                guard input.count < 16 << 20 else { throw FigureCommandError("<stdin>: spec larger than 16 MiB") }
            }
            data = input
            (file, base) = ("<stdin>", FileManager.default.currentDirectoryPath)
        } else {
            guard let d = FileManager.default.contents(atPath: spec) else {
                throw FigureCommandError("\(spec): cannot read the spec file")
            }
            data = d
            (file, base) = (spec, (spec as NSString).deletingLastPathComponent.isEmpty ? "." : (spec as NSString).deletingLastPathComponent)
        }
        let figure: Figure
        do {
            let text = try specSource(data, file: file)
            let plot = try PlotSpec(yaml: text, file: file, baseDirectory: base)
            let pairs = try settings.map { s -> (String, String) in
                guard let eq = s.firstIndex(of: "="), eq != s.startIndex else { throw FigureCommandError("--set \(s): expected key=value") }
                return (String(s[..<eq]).trimmingCharacters(in: .whitespaces), String(s[s.index(after: eq)...]))
            }
            let themeValue: Theme? = try theme.map { t in
                if auto { return nil }
                do { return try ThemeFile.load(t) } catch { throw FigureCommandError("--theme: \(error) (or auto)") }
            } ?? nil
            let sizeValue: FigureSize? = try size.map { s in
                do { return try FigureSize.parse(s) } catch { throw FigureCommandError("--size: \(error)") }
            }
            let values = try plot.parseSettings(pairs)
            var built = try plot.figure(settings: values, theme: themeValue, size: sizeValue)
            if auto, [Theme.dark, .print].contains(built.theme) {
                built = try plot.figure(settings: values, theme: .light, size: sizeValue)
            }
            figure = built
        } catch let e as FigureCommandError { throw e } catch {
            throw FigureCommandError("\(error)")
        }
        guard dpi.isFinite, (10...2400).contains(dpi) else { throw FigureCommandError("--dpi: \(dpi) is out of range; expected 10 to 2400") }
        var formats: [OutputFormat] = []
        if let output {
            let ext = URL(fileURLWithPath: output).pathExtension
            do { formats = [try OutputFormat.parse(ext)] } catch {
                throw FigureCommandError("-o \(output): cannot tell the format from the extension '\(ext)'; expected .pdf, .svg or .png")
            }
        } else {
            for part in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                do { let f = try OutputFormat.parse(part); if !formats.contains(f) { formats.append(f) } } catch {
                    throw FigureCommandError("--format: \(error)")
                }
            }
            guard !formats.isEmpty else { throw FigureCommandError("--format: no format given; expected pdf, svg and/or png") }
            do { try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true) } catch {
                throw FigureCommandError("cannot create the output directory '\(outDir)': \(error.localizedDescription)")
            }
        }
        let rendered: [OutputFormat: Data]
        do {
            let options = RenderOptions(dpi: dpi)
            var r = try renderFigure(figure, formats: formats.filter { !auto || $0 != .svg }, options: options)
            if auto && formats.contains(.svg) { r[.svg] = try renderAutoSVG(figure, dark: .dark, options: options) }
            rendered = r
        } catch {
            throw FigureCommandError("rendering \(file) failed: \(error)")
        }
        let stem = spec == "-" ? "plot" : ((spec as NSString).lastPathComponent as NSString).deletingPathExtension
        for f in formats {
            guard let data = rendered[f] else { continue }
            let path = output ?? "\(outDir)/\(stem).\(f.fileExtension)"
            do { try writeAtomically(data, to: path) } catch { throw FigureCommandError("\(error)") }
            try writeStandardOutputLine(path)
        }
    }
}
