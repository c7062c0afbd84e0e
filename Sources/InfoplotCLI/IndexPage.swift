import CairoRender
import FigureCatalogue
import Foundation
import Handouts
import func FigureModel.escapeXML

extension BuildCommand {
    /// `OUT/index.html`: every handout, deck and catalogue figure with its title and a one-line
    /// description, in the handout pages' own stylesheet (light and dark). It links only files
    /// that are there: `--only X` or `--formats pdf` after another build leaves handouts in other
    /// formats (or none), and the gallery may never have been built.
    func indexPage(_ cache: BuildCache, style: HouseStyle = .default) -> String {
        let exists = { (relative: String) in FileManager.default.fileExists(atPath: out + "/" + relative) }
        func links(_ candidates: [(String, String)]) -> [(href: String, label: String)] {
            candidates.filter { exists($0.0) }.map { (href: $0.0, label: $0.1) }
        }
        /// One entry: the title linking the first format, the other formats after it, the description below.
        func item(_ title: String, _ formats: [(href: String, label: String)], meta: String?, description: String?) -> String {
            guard let first = formats.first else { return "" }
            var s = "<li><a class=\"entry\" href=\"\(escapeXML(first.href))\">\(escapeXML(title))</a> <span class=\"meta\">("
            s += ((meta.map { [$0] } ?? []) + formats.map { "<a href=\"\(escapeXML($0.href))\">\(escapeXML($0.label))</a>" }).joined(separator: " · ")
            s += ")</span>"
            if let d = description, !d.isEmpty { s += "<br/><span class=\"description\">\(escapeXML(d))</span>" }
            return s + "</li>\n"
        }
        // An HTML-only build paginates nothing: no count then.
        func count(_ n: Int, _ noun: String) -> String? { n > 0 ? "\(n) \(noun)\(n == 1 ? "" : "s")" : nil }
        var handouts = "", decks = ""
        for key in cache.entries.keys.sorted() where key.hasPrefix("handout:") {
            guard let e = cache.entries[key] else { continue }
            let name = String(key.dropFirst("handout:".count))
            if e.format == "slides" {
                let base = URL(fileURLWithPath: name).lastPathComponent
                let found = links([("slides/\(base).html", "web"), ("slides/\(base).pdf", "PDF"), ("slides/\(base)-notes.pdf", "speaker notes")])
                decks += item(e.title, found, meta: count(e.pages, "slide"), description: e.description)
            } else {
                let found = links([("handouts/\(name).html", "web page"), ("handouts/\(name).pdf", "PDF"), ("handouts/\(name)/page-1.svg", "SVG pages")])
                handouts += item(e.title, found, meta: count(e.pages, "page"), description: e.description)
            }
        }
        var figures = ""
        for entry in Catalogue.entries {
            let file = "figures/\(entry.name).svg"
            let name = exists(file) ? "<a href=\"\(file)\"><code>\(escapeXML(entry.name))</code></a>" : "<code>\(escapeXML(entry.name))</code>"
            figures += "<li>\(name)<br/><span class=\"description\">\(escapeXML(entry.summary))</span></li>\n"
        }
        let gallery = exists("figures/index.html") ? "<a href=\"figures/index.html\">The figure gallery</a>" : "The figure gallery (not built yet: run <code>infoplot build</code> without <code>--only</code>)"
        let sheet = exists("math-test-sheet.pdf") ? "the <a href=\"math-test-sheet.pdf\">math test sheet</a>" : "the math test sheet"
        func section(_ id: String, _ heading: String, _ items: String, intro: String = "") -> String {
            guard !items.isEmpty || !intro.isEmpty else { return "" }
            return "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(heading)</h2>\n\(intro)<ul class=\"catalogue\">\n\(items)</ul>\n</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="color-scheme" content="light dark"/>
            <meta name="generator" content="infoplot"/>
            <title>Information Theory for Data Science: handouts and figures</title>
            <style>
            \(webPageStylesheet(style))ul.catalogue { padding-left: 0; list-style: none; }
            ul.catalogue li { margin: 0.9em 0; }
            .meta { color: var(--muted); font-size: 0.9em; }
            a.entry { font-weight: 600; }
            </style>
            </head>
            <body>
            <header class="title-block">
            <h1>Handouts and figures</h1>
            <p class="subtitle">Information theory for data science: lecture handouts, slides and the figure catalogue</p>
            </header>
            <main>
            \(section("handouts", "Handouts", handouts))\(section("slides", "Slides", decks))\(section("figures", "Figures", figures, intro: "<p>\(gallery) (SVG, PDF and PNG, light and dark) and \(sheet).</p>\n"))</main>
            </body>
            </html>

            """
    }
}
