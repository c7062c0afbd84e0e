import Foundation
import FigureModel
import CairoRender

/// One file the gallery wrote, with what the index page needs to show it.
public struct GalleryItem: Sendable {
    public let name: String
    public let theme: String
    public let title: String
    public let description: String
    /// File names (relative to the gallery directory) by format.
    public let files: [OutputFormat: String]
}

/// Writes every catalogue figure in every format and theme into `dir` (created if missing):
/// `NAME.EXT` for the light theme, `NAME-THEME.EXT` for the others, plus `index.html` showing the
/// SVGs with their titles and descriptions. Returns the items in catalogue order, theme by theme.
///
/// Figures are rendered in parallel (`DispatchQueue.concurrentPerform`, one job per figure and
/// theme): every job lays out with its own label measurer (the fonts and HarfBuzz shapers it uses are
/// shared, immutable and locked) and draws on its own cairo surfaces, so no cairo object is shared.
/// Pass `parallel: false` to render serially.
@discardableResult
public func writeGallery(to dir: String, formats: [OutputFormat] = OutputFormat.allCases,
                         themes: [Theme] = [.light, .dark], size: FigureSize = .handout,
                         options: RenderOptions = RenderOptions(), parallel: Bool = true) throws -> [GalleryItem] {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let jobs = themes.flatMap { theme in Catalogue.entries.map { (entry: $0, theme: theme) } }
    let results = concurrentMap(jobs.count, parallel: parallel) { k -> Result<GalleryItem, Error> in
        let (entry, theme) = jobs[k]
        do {
            let figure = try Catalogue.figure(named: entry.name, context: FigureContext(theme: theme, size: size))
            let data = try renderFigure(figure, formats: formats, options: options)
            let stem = theme.name == "light" ? entry.name : "\(entry.name)-\(theme.name)"
            var files: [OutputFormat: String] = [:]
            for f in formats {
                let file = "\(stem).\(f.fileExtension)"
                guard let bytes = data[f] else { continue }
                try writeAtomically(bytes, to: "\(dir)/\(file)")
                files[f] = file
            }
            return .success(GalleryItem(name: entry.name, theme: theme.name, title: figure.title,
                                        description: figure.description, files: files))
        } catch {
            return .failure(CatalogueError("gallery: \(entry.name) (\(theme.name)): \(error)"))
        }
    }
    // The first failure in catalogue order.
    let items = try results.map { try $0.get() }
    try writeAtomically(Data(galleryHTML(items, themes: themes).utf8), to: "\(dir)/index.html")
    return items
}

/// A self-contained page (inline CSS, no scripts): one section per theme, each figure as an `<img>`
/// of its SVG (PNG if no SVG was written) with the description as alt text and caption.
func galleryHTML(_ items: [GalleryItem], themes: [Theme]) -> String {
    var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>infoplot figure gallery</title>
        <style>
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; line-height: 1.45; }
        header, section { padding: 1.5rem 2rem; }
        h1 { margin: 0 0 0.3rem 0; }
        figure { margin: 0 0 2.5rem 0; max-width: 60rem; }
        figure img { width: 100%; height: auto; display: block; }
        figcaption { font-size: 0.92rem; margin-top: 0.5rem; }
        figcaption code { font-size: 0.85rem; }
        .files a { margin-right: 0.8rem; }

        """
    for t in themes {
        h += "section.theme-\(t.name) { background: \(cssColor(t.background)); color: \(cssColor(t.foreground)); }\n"
        h += "section.theme-\(t.name) a { color: \(cssColor(t.cycle[0])); }\n"
    }
    h += "</style>\n</head>\n<body>\n<header>\n<h1>infoplot figure gallery</h1>\n"
    h += "<p>Every catalogue figure with its default parameters, in \(themes.map(\.name).joined(separator: " and ")) themes. "
    h += "Regenerate with <code>make</code>; render one with <code>infoplot figure NAME</code>.</p>\n</header>\n"
    for t in themes {
        h += "<section class=\"theme-\(t.name)\">\n<h2>\(escapeXML(t.name.prefix(1).uppercased() + t.name.dropFirst())) theme</h2>\n"
        for item in items where item.theme == t.name {
            let img = item.files[.svg] ?? item.files[.png]
            h += "<figure id=\"\(escapeXML(item.name))-\(t.name)\">\n"
            if let img {
                h += "<img src=\"\(escapeXML(img))\" alt=\"\(escapeXML(item.description))\" loading=\"lazy\">\n"
            }
            // A dash, not a colon, after the name: titles have colons of their own ("Prior vs posterior: …").
            h += "<figcaption><strong><code>\(escapeXML(item.name))</code> — \(escapeXML(item.title)).</strong> "
            h += escapeXML(item.description)
            let links = OutputFormat.allCases.compactMap { f in item.files[f].map { "<a href=\"\(escapeXML($0))\">\(f.rawValue.uppercased())</a>" } }
            h += "<br><span class=\"files\">\(links.joined(separator: " "))</span></figcaption>\n</figure>\n"
        }
        h += "</section>\n"
    }
    h += "</body>\n</html>\n"
    return h
}

func cssColor(_ c: Color) -> String { hexColor(c, alpha: false) }
