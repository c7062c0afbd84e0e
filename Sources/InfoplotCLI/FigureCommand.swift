import ArgumentParser
import Foundation
import CairoRender
import FigureCatalogue
import FigureModel
import InfoRequests
import PlotGrammar

/// `infoplot figure NAME …`: renders catalogue figures to files. Everything is validated and every
/// figure built before the first file is written; each file is written atomically by the renderer
/// (temporary file, then rename), so a failure never leaves a partial file.
struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Render catalogue figures to PDF, SVG or PNG.",
        discussion: """
            Examples:
              infoplot figure entropy-curve --format png --theme dark
              infoplot figure entropy-venn --set pxy='0.3,0.2;0.1,0.4' --set proportional=true -o venn.pdf
              infoplot figure kl-fits --set target='[{"weight":0.3,"mu":-1,"sigma":0.5},{"weight":0.7,"mu":2,"sigma":1}]'
              infoplot figure --all --out output/figures
            Lists are comma-separated; table rows are separated by ';'; structured values are JSON.
            With several figures, --set applies to those that have the parameter.
            `infoplot figures` lists the figures and their parameters.
            """)

    @Argument(help: "Catalogue figure names (see `infoplot figures`).",
              completion: .custom { _, _, prefix in
                  ((try? FigureLibrary.load(folder: nil))?.names ?? Catalogue.names).filter { $0.hasPrefix(prefix) } })
    var names: [String] = []

    @Flag(name: .long, help: "Render every catalogue figure.")
    var all = false

    @Flag(name: .long, help: "Write the gallery: every figure in every --format, light and dark themes, and index.html, into --out.")
    var gallery = false

    @Flag(name: .long, help: "Render one figure at a time instead of in parallel (same files).")
    var serial = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a figure parameter (repeatable).", valueName: "key=value"),
            completion: .custom { words, _, prefix in completeSetting(words: words, prefix: prefix) })
    var settings: [String] = []

    @Option(help: "Comma-separated output formats: pdf, svg, png (default: all three; with -o, from its extension).",
            completion: .list(OutputFormat.allCases.map(\.rawValue)))
    var format: String?

    @Option(help: "light, dark, print, auto (SVG follows the reader's light/dark setting; PDF and PNG are light) or a theme file (.yaml).",
            completion: .list(themeNames))
    var theme: String = "light"

    @Option(parsing: .unconditional, help: "Size preset (slide, half-slide, handout, column) or WxH in inches.",
            completion: .list(sizePresetNames))
    var size: String = "handout"

    @Option(parsing: .unconditional, help: "PNG resolution in dots per inch.")
    var dpi: Double = 200

    @Option(parsing: .unconditional, help: "PNG pixel multiplier (2 for retina slides).")
    var scale: Double = 1

    @Option(name: .customLong("figures"), help: figuresFolderHelp)
    var figuresFolder: String?

    @Option(name: .customLong("print-theme"), help: ArgumentHelp(
        "Print a built-in theme file (light, dark or print) to start your own from, and exit.", valueName: "name"),
            completion: .list(["light", "dark", "print"]))
    var printTheme: String?

    @Flag(name: .customLong("print-spec"), help: "Print the figure as a plot spec (--set values become its parameters' defaults) to edit and draw with `infoplot plot FILE`, and exit.")
    var printSpec = false

    @Option(name: .customLong("out"), help: ArgumentHelp("Output directory.", valueName: "dir"))
    var outDir: String = "output/figures"

    @Option(name: .short, help: ArgumentHelp("""
        Write one figure to FILE, or to standard output with '-o -' (one format, default svg). \
        The format comes from FILE's extension; with --format, the extension must be one of those formats, \
        and several formats are each written beside FILE with their own extension (-o x.png --format png,svg \
        writes x.png and x.svg).
        """, valueName: "file"))
    var output: String?

    /// A fully checked request: figures to build and where each format goes.
    struct Plan {
        var library: FigureLibrary
        var jobs: [(name: String, parameters: [(String, JSONValue)])]
        var formats: [OutputFormat]
        var context: FigureContext
        var options: RenderOptions
        /// `--theme auto`: SVGs carry the light and the dark theme and follow the reader's setting.
        var auto = false
    }

    func plan(galleryNames: [String]? = nil) throws -> Plan {
        let library = try loadFigureLibrary(figuresFolder)
        var figureNames = galleryNames ?? names
        if all {
            guard names.isEmpty else { throw FigureCommandError("give figure names or --all, not both") }
            figureNames = library.names
        }
        guard !figureNames.isEmpty else {
            throw FigureCommandError("no figure named; give one or more of: \(library.names.joined(separator: ", ")) (or --all)")
        }
        var entries: [CatalogueEntry] = []
        for n in figureNames {
            do { entries.append(try library.entry(named: n)) } catch { throw FigureCommandError("\(error)") }
        }

        let themeValue: Theme
        let auto = theme.lowercased() == "auto"
        do { themeValue = auto ? .light : try ThemeFile.load(theme) } catch {
            throw FigureCommandError("--theme: \(error) (or auto)")
        }
        let sizeValue: FigureSize
        do { sizeValue = try FigureSize.parse(size) } catch {
            throw FigureCommandError("--size: \(error)" + (likelyMeant(size, sizePresetNames).map { "; did you mean '\($0)'?" } ?? ""))
        }
        guard dpi.isFinite, (10...2400).contains(dpi) else { throw FigureCommandError("--dpi: \(dpi) is out of range; expected 10 to 2400") }
        guard scale.isFinite, (0.1...8).contains(scale) else { throw FigureCommandError("--scale: \(scale) is out of range; expected 0.1 to 8") }

        var formats: [OutputFormat] = []
        if let format {
            for part in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                do {
                    let f = try OutputFormat.parse(part)
                    if !formats.contains(f) { formats.append(f) }
                } catch { throw FigureCommandError("--format: \(error)") }
            }
            guard !formats.isEmpty else { throw FigureCommandError("--format: no format given; expected pdf, svg and/or png") }
        }
        if let output {
            guard entries.count == 1 else {
                throw FigureCommandError("-o writes one file but \(entries.count) figures were named; use --out DIR for several")
            }
            if output == standardOutputPath {
                if formats.isEmpty { formats = [.svg] }
                guard formats.count == 1 else {
                    throw FigureCommandError("-o - writes one format to standard output, but --format names \(formats.count); give one of pdf, svg, png")
                }
            } else if let ext = formatExtension(of: output) {
                guard let f = OutputFormat(rawValue: ext) else {
                    throw FigureCommandError("-o \(output): figures are pdf, svg or png, not \(ext)")
                }
                if formats.isEmpty { formats = [f] }
                guard formats.contains(f) else {
                    throw FigureCommandError("--format \(format ?? "") and -o \(output) disagree: .\(ext) is not among the formats; "
                                             + "name the file after one of them or drop --format")
                }
            } else if formats.isEmpty {
                let ext = URL(fileURLWithPath: output).pathExtension
                throw FigureCommandError("-o \(output): cannot tell the format from the extension '\(ext)'; expected .pdf, .svg or .png, or pass --format")
            }
        } else if formats.isEmpty {
            formats = OutputFormat.allCases
        }

        // --set key=value: parsed per figure by that figure's parameter kind.
        var perFigure: [[(String, JSONValue)]] = Array(repeating: [], count: entries.count)
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                throw FigureCommandError("--set \(setting): expected key=value, e.g. --set unit=nats")
            }
            let key = String(setting[..<eq]).trimmingCharacters(in: .whitespaces)
            let text = String(setting[setting.index(after: eq)...])
            var used = false
            for (i, e) in entries.enumerated() {
                guard let spec = e.parameters.first(where: { $0.name == key }) else { continue }
                used = true
                do { perFigure[i].append((key, try spec.parse(text: text, figure: e.name))) } catch {
                    throw FigureCommandError("\(error)")
                }
            }
            if !used {
                let all = entries.flatMap { $0.parameters.map(\.name) }
                let guess = likelyMeant(key, all).map { " (did you mean '\($0)'?)" } ?? ""
                let valid = entries.map { e in "\(e.name): \(closestFirst(to: key, e.parameters.map(\.name)).joined(separator: ", "))" }
                throw FigureCommandError("--set \(key): no named figure has a parameter '\(key)'\(guess); parameters are \(valid.joined(separator: "; "))")
            }
        }
        return Plan(library: library, jobs: zip(entries, perFigure).map { ($0.name, $1) }, formats: formats,
                    context: FigureContext(theme: themeValue, size: sizeValue),
                    options: RenderOptions(dpi: dpi, scale: scale), auto: auto)
    }

    func run() throws {
        if let printTheme {
            guard names.isEmpty, !all, !gallery else { throw FigureCommandError("--print-theme prints a theme file; it takes no figure names") }
            guard let text = Theme.builtInSources[printTheme.lowercased()] else {
                throw FigureCommandError("--print-theme: unknown theme '\(printTheme)'"
                                         + (likelyMeant(printTheme, ["light", "dark", "print"]).map { "; did you mean '\($0)'?" } ?? "")
                                         + " (built in: light, dark, print)")
            }
            try writeStandardOutput(Data(text.utf8))
            return
        }
        if printSpec { return try printFigureSpec() }
        if gallery {
            guard names.isEmpty, !all, settings.isEmpty, output == nil else {
                throw FigureCommandError("--gallery renders every figure with its defaults; it takes no names, --all, --set or -o")
            }
            let plan = try plan(galleryNames: Catalogue.names)
            do { try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true) } catch {
                throw FigureCommandError("cannot create the output directory '\(outDir)': \(error.localizedDescription)")
            }
            let items = try writeGallery(to: outDir, formats: plan.formats, size: plan.context.size, options: plan.options,
                                         parallel: !serial)
            for item in items { for f in plan.formats { if let file = item.files[f] { try writeStandardOutputLine("\(outDir)/\(file)") } } }
            try writeStandardOutputLine("\(outDir)/index.html")
            return
        }
        let plan = try plan()
        if output == nil {
            do { try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true) } catch {
                throw FigureCommandError("cannot create the output directory '\(outDir)': \(error.localizedDescription)")
            }
        }
        // Every figure is built and rendered, one job per figure over every core, before anything is
        // written: a bad parameter value or a failed drawing leaves no file from this run, and the
        // first failure in the order named is the one reported.
        let jobs = plan.jobs
        let results = concurrentMap(jobs.count, parallel: !serial) { k -> Result<[OutputFormat: Data], FigureCommandError> in
            let job = jobs[k]
            let figure: Figure
            do { figure = try plan.library.figure(named: job.name, parameters: job.parameters, context: plan.context) } catch {
                return .failure(FigureCommandError("\(error)"))
            }
            do {
                var rendered = try renderFigure(figure, formats: plan.formats.filter { !plan.auto || $0 != .svg }, options: plan.options)
                if plan.auto && plan.formats.contains(.svg) {
                    // One layout, both themes: the frame's roles become CSS custom properties.
                    rendered[.svg] = try renderAutoSVG(figure, dark: .dark, options: plan.options)
                }
                return .success(rendered)
            } catch {
                return .failure(FigureCommandError("rendering \(job.name) failed: \(error)"))
            }
        }
        var outputs: [(String, Data)] = []
        for (job, result) in zip(jobs, results) {
            let rendered = try result.get()
            for f in plan.formats {
                if let data = rendered[f] { outputs.append((outputPath(name: job.name, format: f, of: plan.formats), data)) }
            }
        }
        for (path, data) in outputs {
            do { try writeOutput(data, to: path) } catch { throw FigureCommandError("\(error)") }
            if path != standardOutputPath { try writeStandardOutputLine(path) }
        }
    }
}

extension FigureCommand {
    /// `--print-spec`: the one named figure's spec, canonical YAML, `--set` values as defaults.
    func printFigureSpec() throws {
        guard names.count == 1, !all, !gallery, output == nil, format == nil else {
            throw FigureCommandError("--print-spec prints one figure's spec to standard output; name one figure and no --all, --gallery, -o or --format")
        }
        let library = try loadFigureLibrary(figuresFolder)
        let entry: CatalogueEntry
        do { entry = try library.entry(named: names[0]) } catch { throw FigureCommandError("\(error)") }
        guard let spec = entry.spec else {
            let specs = library.entries.filter { $0.spec != nil }.map(\.name)
            throw FigureCommandError("figure '\(entry.name)' has no plot spec; "
                                     + "figures that are specs: \(specs.joined(separator: ", "))")
        }
        var values: [String: JSONValue] = [:]
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                throw FigureCommandError("--set \(setting): expected key=value, e.g. --set unit=nats")
            }
            let key = String(setting[..<eq]).trimmingCharacters(in: .whitespaces)
            guard let p = entry.parameters.first(where: { $0.name == key }) else {
                throw FigureCommandError("--set \(key): figure '\(entry.name)' has no parameter '\(key)'"
                                         + (likelyMeant(key, entry.parameters.map(\.name)).map { " (did you mean '\($0)'?)" } ?? "")
                                         + "; its parameters: \(entry.parameters.map(\.name).joined(separator: ", "))")
            }
            do { values[key] = try p.parse(text: String(setting[setting.index(after: eq)...]), figure: entry.name) } catch {
                throw FigureCommandError("\(error)")
            }
        }
        let header = "# `infoplot figure \(entry.name)` as a plot spec: edit it, then draw it with `infoplot plot FILE`.\n"
        try writeStandardOutput(Data((header + spec.printed(settings: values)).utf8))
    }

    /// Where one rendered format goes: -o's file (for several formats, each beside it with its own
    /// extension), standard output for `-o -`, else NAME.FORMAT in --out.
    func outputPath(name: String, format f: OutputFormat, of formats: [OutputFormat]) -> String {
        guard let output else { return "\(outDir)/\(name).\(f.fileExtension)" }
        if output == standardOutputPath || formats.count == 1 { return output }
        let stem = formatExtension(of: output) != nil ? (output as NSString).deletingPathExtension : output
        return stem + "." + f.fileExtension
    }
}

let themeNames = ["light", "dark", "print", "auto"]
let sizePresetNames = ["slide", "half-slide", "handout", "column"]

/// Completes `--set` with `name=` for the parameters of the figures already on the command line
/// (of every figure when none is), and after `name=` with the choices of a choice parameter.
func completeSetting(words: [String], prefix: String) -> [String] {
    let named = Catalogue.entries.filter { words.contains($0.name) }
    let specs = (named.isEmpty ? Catalogue.entries : named).flatMap(\.parameters)
    if let eq = prefix.firstIndex(of: "=") {
        let key = String(prefix[..<eq])
        let choices = specs.filter { $0.name == key }.flatMap(\.choices)
        return Array(Set(choices.map { key + "=" + $0 })).sorted().filter { $0.hasPrefix(prefix) }
    }
    return Array(Set(specs.map { $0.name + "=" })).sorted().filter { $0.hasPrefix(prefix) }
}

struct FigureCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
