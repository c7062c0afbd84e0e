import ArgumentParser
import CairoRender
import FigureCatalogue
import Foundation
import Handouts
import InfoRequests
import MathTypesetting

/// `infoplot build`: every template in, every handout (PDF, SVG pages, HTML), the figure gallery,
/// the math test sheet and an index page out; only what changed since the last build.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every handout template, the figure gallery and the index page.")

    @Option(help: "Folder of handout templates (NAME.md).")
    var templates = "Templates"

    @Option(help: "Output folder.")
    var out = "output"

    @Option(name: .customLong("figures"), help: ArgumentHelp(
        "Folder of your own plot specs, usable from figure blocks under their file names (default: Figures/ beside --templates when it exists).",
        valueName: "dir"))
    var figuresFolder: String?

    @Option(parsing: .upToNextOption, help: "Build only these templates (names without .md).")
    var only: [String] = []

    @Option(help: "Comma-separated handout formats: pdf, svg, html.")
    var formats = "pdf,svg,html"

    @Option(help: "Where solutions go: inline (after each exercise), end (a final section) or omit.")
    var solutions = "inline"

    @Flag(help: "Also write each deck's speaker notes (slide thumbnail and notes) to slides/NAME-notes.pdf.")
    var notes = false

    @Flag(name: .shortAndLong, help: "Print a line per artefact even when standard output is not a terminal.")
    var verbose = false

    @Flag(help: "Build, then rebuild what changed whenever a template, CSV, spec or style file changes (one line per rebuild); Ctrl-C stops.")
    var watch = false

    func run() throws {
        if watch { return try watchAndRebuild() }
        if try !buildPass() { throw ExitCode.failure }
    }

    /// One build of everything chosen; false when something failed (its errors are printed).
    /// `stamp` starts the summary line with the time of day (watch mode prints one per rebuild).
    func buildPass(stamp: Bool = false) throws -> Bool {
        let started = Date()
        let chosen = try HandoutFormat.parseList(formats)
        guard let mode = SolutionsMode(rawValue: solutions) else {
            throw ValidationError("unknown --solutions '\(solutions)'; expected inline, end or omit")
        }
        let names = try templateNames()
        let progress = Progress(show: verbose || isatty(STDOUT_FILENO) != 0)
        let fm = FileManager.default
        let handoutDir = out + "/handouts"
        let slideDir = out + "/slides"
        // Foundation's own error here is an NSError dump; name the usual cause instead.
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--out \(out): is a file; expected a folder to write handouts/, figures/ and index.html into")
        }
        for dir in [handoutDir, slideDir] {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw ValidationError("--out \(out): cannot create the folder '\(dir)': \(error.localizedDescription)")
            }
        }
        removeStaleTemporaries(in: out)
        let cachePath = out + "/.cache.json"
        let cache = BuildCache.load(from: cachePath)
        let parent = (templates as NSString).deletingLastPathComponent
        let library = try loadFigureLibrary(figuresFolder, besides: parent.isEmpty ? "." : parent)
        // The user's specs are inputs of every handout that may name them: a changed spec rebuilds.
        var identityHash = ContentHash()
        identityHash.add(binaryIdentity())
        for name in library.specs.keys.sorted() { identityHash.add(name); identityHash.add(library.specs[name]!.source) }
        let identity = identityHash.hex

        // Handouts, one job per template over both cores.
        let jobs = names
        let results = Slots<HandoutJobResult>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            results.set(k, buildOne(jobs[k], formats: chosen, solutions: mode, identity: identity, library: library, cache: cache,
                                    handoutDir: handoutDir, slideDir: slideDir, progress: progress))
        }
        var newCache = cache
        if only.isEmpty {
            // Templates that were deleted leave the index too.
            for key in cache.entries.keys where key.hasPrefix("handout:") && !names.contains(String(key.dropFirst(8))) {
                newCache.entries[key] = nil
            }
        }
        var built = 0, fresh = 0, failures: [String] = [], failedNames: [String] = []
        for (name, result) in zip(jobs, results.all()) {
            switch result {
            case .built(let entry): built += 1; newCache.entries["handout:" + name] = entry
            case .upToDate: fresh += 1
            case .failed(let message):
                failures.append(message); failedNames.append(name); newCache.entries["handout:" + name] = nil
            case nil: failures.append("\(name): not built"); failedNames.append(name)
            }
        }

        // The gallery and the test sheet depend only on infoplot itself.
        var extras: [String] = []
        var hash = ContentHash()
        hash.add(identity)
        let extrasHash = hash.hex
        if only.isEmpty {
            let t0 = Date()
            let galleryIndex = out + "/figures/index.html"
            if cache.entries["gallery"]?.hash == extrasHash, fm.fileExists(atPath: galleryIndex) {
                extras.append("gallery up to date")
            } else {
                do {
                    let items = try writeGallery(to: out + "/figures")
                    newCache.entries["gallery"] = .init(hash: extrasHash, title: "Figure gallery", pages: items.count)
                    progress.line("figures/ (\(items.count) figures × themes)", since: t0)
                    extras.append("gallery built")
                } catch {
                    failures.append("figure gallery: \(error)"); failedNames.append("figure gallery")
                }
            }
            let t1 = Date()
            let sheet = out + "/math-test-sheet.pdf"
            if cache.entries["math-test-sheet"]?.hash == extrasHash, fm.fileExists(atPath: sheet) {
                extras.append("math test sheet up to date")
            } else {
                do {
                    if let warning = try writeMathTestSheet(to: sheet, family: MathFont.handoutFamily) {
                        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
                    }
                    newCache.entries["math-test-sheet"] = .init(hash: extrasHash, title: "Math test sheet", pages: 1)
                    progress.line("math-test-sheet.pdf", since: t1)
                } catch {
                    failures.append("math test sheet: \(error)"); failedNames.append("math test sheet")
                }
            }
        }
        // A full disk fails these too; each failure is reported with the file it could not write,
        // after (not instead of) the handouts that failed before it.
        do { try writeAtomically(try newCache.encoded(), to: cachePath) } catch { failures.append("\(error)") }
        do { try writeAtomically(Data(indexPage(newCache).utf8), to: out + "/index.html") } catch {
            failures.append("\(error)"); failedNames.append("index page")
        }

        for f in failures { FileHandle.standardError.write(Data((f + "\n").utf8)) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let summary = "infoplot build: \(built) built, \(fresh) up to date, \(failedNames.count) failed"
            + (failedNames.isEmpty ? "" : " (\(failedNames.joined(separator: ", ")))")
            + (extras.isEmpty ? "" : "; " + extras.joined(separator: ", ")) + " (\(seconds) s) → \(out)/index.html"
        // The summary always prints; per-artefact lines only on a terminal or with -v.
        try writeStandardOutputLine(stamp ? timeOfDay(started) + " " + summary : summary)
        return failures.isEmpty
    }

    /// Template names (file names without `.md`; decks in `slides/` as `slides/NAME`) in name
    /// order, filtered by `--only`.
    func templateNames() throws -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: templates) else {
            throw ValidationError("cannot read the templates folder '\(templates)'")
        }
        let decks = (try? FileManager.default.contentsOfDirectory(atPath: templates + "/slides")) ?? []
        let all = (files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            + decks.filter { $0.hasSuffix(".md") }.map { "slides/" + String($0.dropLast(3)) }).sorted()
        // An empty folder is almost always the wrong --templates; building only the gallery would hide that.
        guard !all.isEmpty else {
            throw ValidationError("the templates folder '\(templates)' holds no templates (NAME.md); nothing to build")
        }
        guard !only.isEmpty else { return all }
        for name in only where !all.contains(name) {
            let guess = likelyMeant(name, all).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("--only \(name): no template '\(templates)/\(name).md'\(guess) (have: \(closestFirst(to: name, all).joined(separator: ", ")))")
        }
        return all.filter(only.contains)
    }

    func buildOne(_ name: String, formats: [HandoutFormat], solutions: SolutionsMode, identity: String, library: FigureLibrary,
                  cache: BuildCache,
                  handoutDir: String, slideDir: String, progress: Progress) -> HandoutJobResult {
        let path = templates + "/" + name + ".md"
        guard let data = FileManager.default.contents(atPath: path) else { return .failed("\(path): error: cannot read the file") }
        let source: String
        do { source = try templateSource(data, file: path) } catch { return .failed("\(error)") }
        let defaultFormat: DocumentFormat = name.hasPrefix("slides/") ? .slides : .handout
        if HandoutParser.format(file: path, source: source, defaultFormat: defaultFormat) == .slides {
            return buildDeck(name, path: path, source: source, formats: formats, identity: identity, library: library, cache: cache,
                             slideDir: slideDir, progress: progress)
        }
        var hash = ContentHash()
        hash.add(identity)
        hash.add(source)
        hash.add(formats.map(\.rawValue).joined(separator: ","))
        hash.add(solutions.rawValue)
        let outputs = expectedOutputs(name, formats: formats, handoutDir: handoutDir)
        if let entry = cache.entries["handout:" + name], entry.hash == hash.hex,
           let fonts = entry.fonts, fonts.allSatisfy({ $0 == fileFingerprint(String($0.split(separator: " ").dropLast(2).joined(separator: " "))) }),
           outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            return .upToDate
        }
        do {
            let built = try buildHandout(file: path, source: source, formats: formats, solutions: solutions, figures: library)
            for w in built.warnings { FileHandle.standardError.write(Data("\(path): warning: \(w)\n".utf8)) }
            try writeHandout(built, name: name, handoutDir: handoutDir)
            for f in formats {
                let what = f == .svg ? "handouts/\(name)/page-1…\(built.pageCount).svg" : "handouts/\(name).\(f.rawValue)"
                let pages = f == .html ? "" : " (\(built.pageCount) pages" + (built.statistics.map { "; " + $0.summary } ?? "") + ")"
                progress.line(what + pages, seconds: built.seconds[f] ?? 0)
            }
            return .built(.init(hash: hash.hex, title: built.title, pages: built.pageCount, fonts: built.fontFiles.map(fileFingerprint)))
        } catch {
            return .failed("\(error)")
        }
    }

    /// A deck: PDF (a page per overlay) and HTML into slides/, and with --notes the notes PDF.
    /// SVG pages are a handout format; decks skip them.
    func buildDeck(_ name: String, path: String, source: String, formats: [HandoutFormat], identity: String,
                   library: FigureLibrary, cache: BuildCache,
                   slideDir: String, progress: Progress) -> HandoutJobResult {
        let base = URL(fileURLWithPath: name).lastPathComponent
        let deckFormats = formats.filter { $0 != .svg }
        var hash = ContentHash()
        hash.add(identity)
        hash.add(source)
        hash.add(deckFormats.map(\.rawValue).joined(separator: ","))
        hash.add(notes ? "notes" : "")
        let outputs = deckFormats.map { "\(slideDir)/\(base).\($0.rawValue)" } + (notes ? ["\(slideDir)/\(base)-notes.pdf"] : [])
        if let entry = cache.entries["handout:" + name], entry.hash == hash.hex,
           outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            return .upToDate
        }
        do {
            let built = try buildHandout(file: path, source: source, formats: deckFormats, notes: notes, defaultFormat: .slides,
                                         figures: library)
            for w in built.warnings { FileHandle.standardError.write(Data("\(path): warning: \(w)\n".utf8)) }
            if let pdf = built.pdf { try writeAtomically(pdf, to: "\(slideDir)/\(base).pdf") }
            if let html = built.html { try writeAtomically(html, to: "\(slideDir)/\(base).html") }
            if let n = built.notesPDF { try writeAtomically(n, to: "\(slideDir)/\(base)-notes.pdf") }
            for f in deckFormats {
                progress.line("slides/\(base).\(f.rawValue)" + (f == .pdf ? " (\(built.pageCount) pages)" : ""), seconds: built.seconds[f] ?? 0)
            }
            return .built(.init(hash: hash.hex, title: built.title, pages: built.pageCount, format: "slides"))
        } catch {
            return .failed("\(error)")
        }
    }

    func expectedOutputs(_ name: String, formats: [HandoutFormat], handoutDir: String) -> [String] {
        formats.map { f in f == .svg ? "\(handoutDir)/\(name)/page-1.svg" : "\(handoutDir)/\(name).\(f.rawValue)" }
    }

    /// The index links only files that are there: `--only X` or `--formats pdf` after another
    /// build leaves handouts in other formats (or none), and the gallery may never have been built.
    func indexPage(_ cache: BuildCache) -> String {
        let exists = { (relative: String) in FileManager.default.fileExists(atPath: out + "/" + relative) }
        var rows = ""
        for key in cache.entries.keys.sorted() where key.hasPrefix("handout:") {
            guard let e = cache.entries[key] else { continue }
            let name = String(key.dropFirst("handout:".count))
            if e.format == "slides" {
                let base = URL(fileURLWithPath: name).lastPathComponent
                let deck = [("slides/\(base).pdf", "slides (PDF)"), ("slides/\(base).html", "slides (web)"), ("slides/\(base)-notes.pdf", "speaker notes")]
                    .filter { exists($0.0) }.map { "<a href=\"\($0.0)\">\($0.1)</a>" }
                guard !deck.isEmpty else { continue }
                rows += "<li><strong>\(escapeXML(e.title))</strong> <span class=\"meta\">(deck, \(e.pages) pages)</span><br/>\(deck.joined(separator: " · "))</li>\n"
                continue
            }
            let links = [("handouts/\(name).html", "web page"), ("handouts/\(name).pdf", "PDF"), ("handouts/\(name)/page-1.svg", "SVG pages")]
                .filter { exists($0.0) }.map { "<a href=\"\($0.0)\">\($0.1)</a>" }
            guard !links.isEmpty else { continue }
            rows += "<li><strong>\(escapeXML(e.title))</strong> <span class=\"meta\">(\(e.pages) pages)</span><br/>\(links.joined(separator: " · "))</li>\n"
        }
        var figures = ""
        for entry in Catalogue.entries {
            let file = "figures/\(entry.name).svg"
            let name = exists(file) ? "<a href=\"\(file)\">\(escapeXML(entry.name))</a>" : escapeXML(entry.name)
            figures += "<li>\(name): \(escapeXML(entry.summary))</li>\n"
        }
        let gallery = exists("figures/index.html") ? "<a href=\"figures/index.html\">The figure gallery</a>" : "The figure gallery (not built yet: run `infoplot build` without --only)"
        let sheet = exists("math-test-sheet.pdf") ? "the <a href=\"math-test-sheet.pdf\">math test sheet</a>" : "the math test sheet"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Information Theory for Data Science: handouts and figures</title>
            <style>
            :root { color-scheme: light dark; --bg: #fdfdfb; --text: #1a1a1a; --muted: #666; --link: #1f4e79; }
            @media (prefers-color-scheme: dark) { :root { --bg: #16181c; --text: #e6e6e6; --muted: #9a9a9a; --link: #8fb8e8; } }
            html { background: var(--bg); color: var(--text); }
            body { max-width: 42em; margin: 0 auto; padding: 2em 1.25em; font-family: "TeX Gyre Pagella", Palatino, Georgia, serif; font-size: 1.125rem; line-height: 1.5; }
            a { color: var(--link); } .meta { color: var(--muted); } li { margin: 0.5em 0; }
            </style>
            </head>
            <body>
            <h1>Handouts and figures</h1>
            <h2>Handouts</h2>
            <ul>
            \(rows)</ul>
            <h2>Figures</h2>
            <p>\(gallery) (SVG, PDF and PNG, light and dark) and \(sheet).</p>
            <ul>
            \(figures)</ul>
            </body>
            </html>

            """
    }
}

/// Removes temporary files (`.NAME.tmp-PID-N`, see `writeAtomically`) left by a build that was
/// killed before it could rename them, when the process that made them no longer runs.
func removeStaleTemporaries(in folder: String) {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
    while let relative = walker.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
              let pid = Int32(name[marker.upperBound...].prefix { $0.isNumber }) else { continue }
        if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + "/" + relative) }
    }
}

enum HandoutJobResult: Sendable {
    case built(BuildCache.Entry)
    case upToDate
    case failed(String)
}


/// Writes a built handout's files next to each other: each file via a temporary name and a
/// rename, and stale SVG pages from a longer earlier version removed.
func writeHandout(_ built: BuiltHandout, name: String, handoutDir: String) throws {
    if let pdf = built.pdf { try writeAtomically(pdf, to: "\(handoutDir)/\(name).pdf") }
    if let pages = built.svgPages {
        let dir = "\(handoutDir)/\(name)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (k, page) in pages.enumerated() { try writeAtomically(page, to: "\(dir)/page-\(k + 1).svg") }
        var k = pages.count + 1
        while FileManager.default.fileExists(atPath: "\(dir)/page-\(k).svg") {
            try FileManager.default.removeItem(atPath: "\(dir)/page-\(k).svg")
            k += 1
        }
    }
    if let html = built.html { try writeAtomically(html, to: "\(handoutDir)/\(name).html") }
}


/// Progress lines, one per artefact, written whole under a lock so parallel jobs never interleave.
final class Progress: @unchecked Sendable {
    let show: Bool
    private let lock = NSLock()
    init(show: Bool) { self.show = show }
    func line(_ what: String, since start: Date) { line(what, seconds: Date().timeIntervalSince(start)) }
    func line(_ what: String, seconds: Double) {
        guard show else { return }
        let text = String(format: "  %6.2f s  ", seconds) + what + "\n"
        lock.lock(); defer { lock.unlock() }
        // A failed progress line is not worth stopping a build for; the summary's write reports it.
        try? writeStandardOutput(Data(text.utf8))
    }
}

/// Result slots filled by concurrent jobs, each slot by exactly one job.
final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: T) { lock.lock(); values[k] = v; lock.unlock() }
    func all() -> [T?] { lock.lock(); defer { lock.unlock() }; return values }
}
