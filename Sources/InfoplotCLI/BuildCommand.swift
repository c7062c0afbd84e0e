import ArgumentParser
import CairoRender
import FigureCatalogue
import Foundation
import Handouts
import InfoRequests
import MathTypesetting
import func FigureModel.fixedDecimal

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

    @Option(help: ArgumentHelp("A house style (fonts, colours, logo, header and footer) for every template whose front matter names none; see `infoplot style --print default`.",
                               valueName: "file"))
    var style: String?

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
        // A malformed SOURCE_DATE_EPOCH fails every PDF alike: said once, before anything is built.
        if chosen.contains(.pdf) { try checkSourceDateEpoch() }
        guard let mode = SolutionsMode(rawValue: solutions) else {
            throw ValidationError("unknown --solutions '\(solutions)'; expected inline, end or omit")
        }
        let names = try templateNames()
        let houseStyle = try style.map(loadStyleOrFail) ?? .default
        let navigation = handoutNavigation()
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
        // The build's style is an input of every template that names none of its own.
        let buildStyleKey = styleCacheKey(style)
        let identity = identityHash.hex

        // Handouts, one job per template over both cores.
        let jobs = names
        let results = concurrentMap(jobs.count) { k in
            buildOne(jobs[k], formats: chosen, solutions: mode, identity: identity, library: library, cache: cache,
                     style: (houseStyle, buildStyleKey),
                     handoutDir: handoutDir, slideDir: slideDir, navigation: navigation[jobs[k]], progress: progress)
        }
        var newCache = cache
        if only.isEmpty {
            // Templates that were deleted leave the index too.
            for key in cache.entries.keys where key.hasPrefix("handout:") && !names.contains(String(key.dropFirst(8))) {
                newCache.entries[key] = nil
            }
        }
        var built = 0, fresh = 0, failures: [String] = [], failedNames: [String] = []
        for (name, result) in zip(jobs, results) {
            switch result {
            case .built(let entry): built += 1; newCache.entries["handout:" + name] = entry
            case .upToDate: fresh += 1
            case .failed(let message):
                failures.append(message); failedNames.append(name); newCache.entries["handout:" + name] = nil
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
        do { try writeAtomically(Data(indexPage(newCache, style: houseStyle).utf8), to: out + "/index.html") } catch {
            failures.append("\(error)"); failedNames.append("index page")
        }

        for f in failures { FileHandle.standardError.write(Data((f + "\n").utf8)) }
        let seconds = fixedDecimal(Date().timeIntervalSince(started), decimals: 1)
        let summary = "infoplot build: \(built) built, \(fresh) up to date, \(failedNames.count) failed"
            + (failedNames.isEmpty ? "" : " (\(failedNames.joined(separator: ", ")))")
            + (extras.isEmpty ? "" : "; " + extras.joined(separator: ", ")) + " (\(seconds) s) → \(out)/index.html"
        // The summary always prints; per-artefact lines only on a terminal or with -v.
        try writeStandardOutputLine(stamp ? timeOfDay(started) + " " + summary : summary)
        return failures.isEmpty
    }

    /// Every template name (file names without `.md`; decks in `slides/` as `slides/NAME`) in name order.
    func allTemplateNames() throws -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: templates) else {
            throw ValidationError("cannot read the templates folder '\(templates)'")
        }
        let decks = (try? FileManager.default.contentsOfDirectory(atPath: templates + "/slides")) ?? []
        return (files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            + decks.filter { $0.hasSuffix(".md") }.map { "slides/" + String($0.dropLast(3)) }).sorted()
    }

    /// Template names filtered by `--only`.
    func templateNames() throws -> [String] {
        let all = try allTemplateNames()
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

    /// Each handout's links to the index and to the handouts before and after it in name order
    /// (decks and templates whose front matter is broken are not handout pages). Made from every
    /// template, so a page built with `--only` links the same neighbours as in a full build.
    func handoutNavigation() -> [String: HandoutNavigation] {
        let names = (try? allTemplateNames()) ?? []
        var handouts: [(name: String, title: String)] = []
        for name in names where !name.hasPrefix("slides/") {
            let path = templates + "/" + name + ".md"
            guard let data = FileManager.default.contents(atPath: path), let source = try? templateSource(data, file: path),
                  HandoutParser.format(file: path, source: source) == .handout,
                  let title = HandoutParser.title(file: path, source: source) else { continue }
            handouts.append((name, title))
        }
        let index = HandoutNavigation.Link(title: "All handouts", href: "../index.html")
        var out: [String: HandoutNavigation] = [:]
        for (k, h) in handouts.enumerated() {
            func link(_ i: Int) -> HandoutNavigation.Link? {
                handouts.indices.contains(i) ? .init(title: handouts[i].title, href: handouts[i].name + ".html") : nil
            }
            out[h.name] = HandoutNavigation(index: index, previous: link(k - 1), next: link(k + 1))
        }
        return out
    }

    func buildOne(_ name: String, formats: [HandoutFormat], solutions: SolutionsMode, identity: String, library: FigureLibrary,
                  cache: BuildCache, style: (value: HouseStyle, key: String),
                  handoutDir: String, slideDir: String, navigation: HandoutNavigation?, progress: Progress) -> HandoutJobResult {
        let path = templates + "/" + name + ".md"
        guard let data = FileManager.default.contents(atPath: path) else { return .failed("\(path): error: cannot read the file") }
        let source: String
        do { source = try templateSource(data, file: path) } catch { return .failed("\(error)") }
        // The template's own `style:` file, else the build's: its content is part of the cache key.
        let styleKey = HandoutParser.stylePath(file: path, source: source).map { "own " + styleCacheKey($0) } ?? style.key
        let defaultFormat: DocumentFormat = name.hasPrefix("slides/") ? .slides : .handout
        if HandoutParser.format(file: path, source: source, defaultFormat: defaultFormat) == .slides {
            return buildDeck(name, path: path, source: source, formats: formats, identity: identity, library: library, cache: cache,
                             style: (style.value, styleKey), slideDir: slideDir, progress: progress)
        }
        var hash = ContentHash()
        hash.add(identity)
        hash.add(source)
        hash.add(styleKey)
        hash.add(formats.map(\.rawValue).joined(separator: ","))
        hash.add(solutions.rawValue)
        // The page links its neighbours by title: a neighbour renamed or retitled changes it.
        for link in [navigation?.index, navigation?.previous, navigation?.next] { hash.add((link?.title ?? "") + "\u{0}" + (link?.href ?? "")) }
        let outputs = expectedOutputs(name, formats: formats, handoutDir: handoutDir)
        if let entry = cache.entries["handout:" + name], entry.hash == hash.hex,
           let fonts = entry.fonts, fonts.allSatisfy({ $0 == fileFingerprint(String($0.split(separator: " ").dropLast(2).joined(separator: " "))) }),
           outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            return .upToDate
        }
        do {
            let built = try buildHandout(file: path, source: source, formats: formats, solutions: solutions, figures: library,
                                         navigation: navigation, style: style.value)
            for w in built.warnings { FileHandle.standardError.write(Data("\(path): warning: \(w)\n".utf8)) }
            try writeHandout(built, name: name, handoutDir: handoutDir)
            for f in formats {
                let what = f == .svg ? "handouts/\(name)/page-1…\(built.pageCount).svg" : "handouts/\(name).\(f.rawValue)"
                let pages = f == .html ? "" : " (\(built.pageCount) pages" + (built.statistics.map { "; " + $0.summary } ?? "") + ")"
                progress.line(what + pages, seconds: built.seconds[f] ?? 0)
            }
            return .built(.init(hash: hash.hex, title: built.title, pages: built.pageCount, fonts: built.fontFiles.map(fileFingerprint),
                                description: built.description))
        } catch {
            return .failed("\(error)")
        }
    }

    /// A deck: PDF (a page per overlay) and HTML into slides/, and with --notes the notes PDF.
    /// SVG pages are a handout format; decks skip them.
    func buildDeck(_ name: String, path: String, source: String, formats: [HandoutFormat], identity: String,
                   library: FigureLibrary, cache: BuildCache, style: (value: HouseStyle, key: String),
                   slideDir: String, progress: Progress) -> HandoutJobResult {
        let base = URL(fileURLWithPath: name).lastPathComponent
        let deckFormats = formats.filter { $0 != .svg }
        var hash = ContentHash()
        hash.add(identity)
        hash.add(source)
        hash.add(style.key)
        hash.add(deckFormats.map(\.rawValue).joined(separator: ","))
        hash.add(notes ? "notes" : "")
        let outputs = deckFormats.map { "\(slideDir)/\(base).\($0.rawValue)" } + (notes ? ["\(slideDir)/\(base)-notes.pdf"] : [])
        if let entry = cache.entries["handout:" + name], entry.hash == hash.hex,
           outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            return .upToDate
        }
        do {
            let built = try buildHandout(file: path, source: source, formats: deckFormats, notes: notes, defaultFormat: .slides,
                                         figures: library, style: style.value)
            for w in built.warnings { FileHandle.standardError.write(Data("\(path): warning: \(w)\n".utf8)) }
            if let pdf = built.pdf { try writeAtomically(pdf, to: "\(slideDir)/\(base).pdf") }
            if let html = built.html { try writeAtomically(html, to: "\(slideDir)/\(base).html") }
            if let n = built.notesPDF { try writeAtomically(n, to: "\(slideDir)/\(base)-notes.pdf") }
            for f in deckFormats {
                progress.line("slides/\(base).\(f.rawValue)" + (f == .pdf ? " (\(built.pageCount) pages)" : ""), seconds: built.seconds[f] ?? 0)
            }
            return .built(.init(hash: hash.hex, title: built.title, pages: built.pageCount, format: "slides", description: built.description))
        } catch {
            return .failed("\(error)")
        }
    }

    func expectedOutputs(_ name: String, formats: [HandoutFormat], handoutDir: String) -> [String] {
        formats.map { f in f == .svg ? "\(handoutDir)/\(name)/page-1.svg" : "\(handoutDir)/\(name).\(f.rawValue)" }
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
        let time = fixedDecimal(seconds, decimals: 2)
        let text = "  " + String(repeating: " ", count: max(0, 6 - time.count)) + time + " s  " + what + "\n"
        lock.lock(); defer { lock.unlock() }
        // A failed progress line is not worth stopping a build for; the summary's write reports it.
        try? writeStandardOutput(Data(text.utf8))
    }
}
