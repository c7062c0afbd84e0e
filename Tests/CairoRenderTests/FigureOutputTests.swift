import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FigureModel
import Frame
@testable import CairoRender

private func tempPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-\(getpid())-\(name)").path
}

@Suite struct FigureSVGTests {
    func parse(_ data: Data) throws -> XMLElement {
        let doc = try XMLDocument(data: data, options: [])
        return try #require(doc.rootElement())
    }

    func attr(_ e: XMLElement, _ name: String) -> String? {
        (e.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    func allElements(_ e: XMLElement) -> [XMLElement] {
        [e] + (e.children ?? []).compactMap { $0 as? XMLElement }.flatMap(allElements)
    }

    @Test func accessibleScalableAndSelfContained() throws {
        let fig = try FigureDemos.klSurface(n: 60)
        let data = try renderFigure(fig, format: .svg)
        let root = try parse(data)
        #expect(root.name == "svg")
        #expect(attr(root, "viewBox") == "0 0 460.8 288")
        #expect(attr(root, "width") == "460.8pt")
        #expect(attr(root, "role") == "img")
        let labelled = try #require(attr(root, "aria-labelledby")).split(separator: " ").map(String.init)
        let elements = allElements(root)
        let byId = Dictionary(elements.compactMap { e in attr(e, "id").map { ($0, e) } },
                              uniquingKeysWith: { a, _ in a })
        #expect(labelled.count == 2)
        #expect(byId[labelled[0]]?.name == "title" && byId[labelled[0]]?.stringValue == fig.title)
        #expect(byId[labelled[1]]?.name == "desc" && byId[labelled[1]]?.stringValue == fig.description)

        // Every id unique and carrying the same content-hash prefix.
        let ids = elements.compactMap { attr($0, "id") }
        #expect(Set(ids).count == ids.count)
        let prefix = try #require(ids.first?.split(separator: "-").first).description
        #expect(prefix.count == 9 && prefix.hasPrefix("f"))
        #expect(ids.allSatisfy { $0.hasPrefix(prefix + "-") })

        // Every reference resolves inside the document; nothing external, no scripts.
        let text = String(decoding: data, as: UTF8.self)
        for e in elements {
            for attr in e.attributes ?? [] {
                guard let v = attr.stringValue else { continue }
                if attr.name == "xlink:href" || attr.name == "href" {
                    if v.hasPrefix("#") { #expect(byId[String(v.dropFirst())] != nil, "dangling \(v)") }
                    else { #expect(v.hasPrefix("data:image/png;base64,"), "external reference \(v.prefix(40))") }
                }
                if let r = v.range(of: "url(#") {
                    let name = v[r.upperBound...].prefix { $0 != ")" }
                    #expect(byId[String(name)] != nil, "dangling url(#\(name))")
                }
            }
        }
        #expect(!text.contains("<script"))
        #expect(!text.contains("http://") || !text.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
        // The heatmap is one embedded image, not thousands of rectangles.
        let images = elements.filter { $0.name == "image" }
        #expect(images.count == 2)
        #expect(images.allSatisfy { attr($0, "style") == "image-rendering:pixelated" })
    }

    @Test func sameFigureSameBytesWhateverWasDrawnBefore() throws {
        let a = try FigureDemos.entropy()
        let first = try renderFigure(a, format: .svg)
        _ = try renderFigure(FigureDemos.venn(), format: .svg)
        _ = try renderFigure(FigureDemos.klSurface(n: 30), format: .svg)
        let again = try renderFigure(a, format: .svg)
        #expect(first == again)
        // Different figures get different prefixes, so both can be inlined in one page.
        let other = try renderFigure(FigureDemos.venn(), format: .svg)
        let idsA = Set(attr(try parse(first), "aria-labelledby") ?? "")
        let idsB = Set(attr(try parse(other), "aria-labelledby") ?? "")
        #expect(idsA != idsB)
    }

    @Test func textIsEscaped() throws {
        var fig = FigureDemos.klFits()
        fig.title = "p < q & \"r\""
        fig.description = "<script>alert(1)</script>"
        fig.panels[0].title = "a < b & c"
        let data = try renderFigure(fig, format: .svg)
        let root = try parse(data)
        let elements = allElements(root)
        #expect(elements.first { $0.name == "title" }?.stringValue == "p < q & \"r\"")
        #expect(elements.first { $0.name == "desc" }?.stringValue == "<script>alert(1)</script>")
        #expect(!String(decoding: data, as: UTF8.self).contains("<script>"))
    }

    @Test func heatmapSurfaceStaysSmall() throws {
        let data = try renderFigure(try FigureDemos.klSurface(n: 400), formats: [.svg, .pdf])
        #expect((data[.svg]?.count ?? .max) < 1_000_000)
        #expect((data[.pdf]?.count ?? .max) < 1_000_000)
    }

    @Test func pathDataIsRelativeAtAHundredthWithoutDrift() {
        let path = FramePath([.move(ScenePoint(1.234567, -0.004)), .line(ScenePoint(10, 2.5)), .line(ScenePoint(10.004, 2.504)),
                              .line(ScenePoint(10.008, 2.508)), .close], stroke: FrameStroke(paint: .color(.black), width: 1))
        let svg = String(decoding: frameSVG(Frame(width: 20, height: 20, items: [.path(path)])), as: UTF8.self)
        // Deltas are taken between rounded absolute points: 10.004 rounds to 10, 10.008 to 10.01.
        #expect(svg.contains(##"<path d="M1.23 0l8.77 2.5 0 0 .01.01Z" fill="none" stroke="#000000" stroke-linejoin="round"/>"##))
    }

    @Test func longPolylinesAreSimplified() throws {
        // 4001-point curves: the SVG keeps far fewer path vertices than data points.
        let data = try renderFigure(FigureDemos.klFits(), format: .svg)
        let text = String(decoding: data, as: UTF8.self)
        let plotPaths = text.matches(of: /<path d="([^"]*)"/).map { String($0.1) }
        let numbers = plotPaths.map { $0.matches(of: /-?[0-9]*\.?[0-9]+/).count }.reduce(0, +)
        #expect(numbers / 2 < 3 * 4001 / 2)
    }
}

@Suite struct FigurePDFTests {
    @Test func metadataFontsAndText() throws {
        let path = tempPath("entropy.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeFigure(try FigureDemos.entropy(), format: .pdf, to: path,
                        options: RenderOptions(author: "A. Teacher", creationDate: "2024-02-03T04:05:06Z"))
        let info = try runTool("/usr/bin/pdfinfo", [path])
        let fields = Dictionary(info.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let c = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<c]), line[line.index(after: c)...].trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { a, _ in a })
        #expect(fields["Title"] == "Binary entropy and surprisal")
        #expect(fields["Author"] == "A. Teacher")
        #expect(fields["Subject"]?.hasPrefix("Binary entropy H(p)") == true)
        #expect(fields["Page size"] == "460.8 x 288 pts")
        #expect(fields["Pages"] == "1")
        #expect(fields["CreationDate"]?.contains("2024") == true)
        let fonts = try runTool("/usr/bin/pdffonts", [path])
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            // name type encoding emb sub uni object ID: embedded and subset.
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(row.contains("DejaVu"))
            #expect(cols.count >= 7 && cols[cols.count - 5] == "yes" && cols[cols.count - 4] == "yes", "\(row)")
        }
        let text = try runTool("/usr/bin/pdftotext", [path, "-"])
        #expect(text.contains("Binary entropy and surprisal"))
        #expect(text.contains("0.4"))  // a tick label (steps of 0.2: the legibility term avoids 0.25)
        #expect(text.contains("surprisal [bits]"))
    }

    @Test func reRenderIsByteIdentical() throws {
        let fig = try FigureDemos.klSurface(n: 50)
        let a = try renderFigure(fig, format: .pdf)
        _ = try renderFigure(FigureDemos.bars(), format: .pdf)
        let b = try renderFigure(fig, format: .pdf)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("/CreationDate (2000") || ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil)
    }

    @Test func sourceDateEpochFormatting() throws {
        // pdfDate reads the environment; with none set it is the fixed default.
        if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
            #expect(try pdfDate() == "2000-01-01T00:00:00Z")
        }
        #expect(try pdfDate(environment: [:]) == "2000-01-01T00:00:00Z")
        #expect(try pdfDate(environment: ["SOURCE_DATE_EPOCH": ""]) == "2000-01-01T00:00:00Z")
        #expect(try pdfDate(environment: ["SOURCE_DATE_EPOCH": " 1700000000 "]) == "2023-11-14T22:13:20Z")
        #expect(try pdfDate(environment: ["SOURCE_DATE_EPOCH": "253402300799"]) == "9999-12-31T23:59:59Z")
        // Malformed or past 9999: an error naming the value (reproducible-builds.org asks builds to
        // stop), not a silent 2000 or the invalid date "1000-0-0T0:0:00".
        for bad in ["abc", "-5", "1.5", "253402300800", "99999999999999999999", "+17"] {
            #expect(throws: RenderError.self, "\(bad)") { try pdfDate(environment: ["SOURCE_DATE_EPOCH": bad]) }
        }
    }
}

@Suite struct FigurePNGTests {
    func chunk(_ data: Data, _ type: String) -> [UInt8]? {
        let b = [UInt8](data)
        var i = 8
        while i + 8 <= b.count {
            let len = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            if String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self) == type { return Array(b[(i + 8)..<(i + 8 + len)]) }
            i += 12 + len
        }
        return nil
    }
    func be32(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }

    @Test(arguments: [(200.0, 1.0), (200.0, 2.0), (96.0, 1.0)])
    func sizeAndPhysicalResolution(dpi: Double, scale: Double) throws {
        let data = try renderFigure(FigureDemos.klFits(), format: .png, options: RenderOptions(dpi: dpi, scale: scale))
        let ihdr = try #require(chunk(data, "IHDR"))
        #expect(be32(ihdr, 0) == Int((6.4 * dpi * scale).rounded(.up)))
        #expect(be32(ihdr, 4) == Int((4 * dpi * scale).rounded(.up)))
        let phys = try #require(chunk(data, "pHYs"))
        #expect(phys.count == 9 && phys[8] == 1)
        let ppm = Double(be32(phys, 0))
        #expect(abs(ppm * 0.0254 - dpi * scale) < 0.05)
        #expect(be32(phys, 4) == be32(phys, 0))
        // A strict decoder accepts the file (it checks every chunk's CRC).
        let path = tempPath("check-\(Int(dpi))-\(Int(scale)).png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try data.write(to: URL(fileURLWithPath: path))
        let out = try runTool("/usr/bin/python3", ["-c", """
            import struct, sys, zlib
            b = open(sys.argv[1], 'rb').read(); i = 8; ok = True
            while i < len(b):
                n, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; crc, = struct.unpack('>I', b[i+8+n:i+12+n])
                ok = ok and zlib.crc32(t + b[i+8:i+8+n]) == crc; i += 12 + n
            print('crc-ok' if ok else 'crc-bad')
            """, path])
        #expect(out.contains("crc-ok"))
    }

    /// The encoder's choice (PNGEncode.swift): every row with filter type 0 (None), 8-bit RGB, and
    /// one pHYs chunk; read back with Python's zlib, not with our code.
    @Test func pngRowsAreUnfilteredRGB() throws {
        let data = try renderFigure(FigureDemos.venn(theme: .light), format: .png, options: RenderOptions(dpi: 72))
        let path = tempPath("filters.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try data.write(to: URL(fileURLWithPath: path))
        let out = try runTool("/usr/bin/python3", ["-c", """
            import struct, sys, zlib
            b = open(sys.argv[1], 'rb').read(); i = 8; idat = b''; chunks = []
            while i < len(b):
                n, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; chunks.append(t)
                if t == b'IHDR': w, h, depth, colour = struct.unpack('>IIBB', b[i+8:i+18])
                if t == b'IDAT': idat += b[i+8:i+8+n]
                i += 12 + n
            raw = zlib.decompress(idat); stride = 1 + 3 * w
            filters = {raw[r * stride] for r in range(h)}
            print(depth, colour, sorted(filters), chunks.count(b'pHYs'), len(raw) == h * stride)
            """, path])
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "8 2 [0] 1 True")
    }

    @Test func pngIsDeterministic() throws {
        let a = try renderFigure(FigureDemos.venn(theme: .dark), format: .png)
        let b = try renderFigure(FigureDemos.venn(theme: .dark), format: .png)
        #expect(a == b)
    }
}

@Suite struct FigureWriteTests {
    @Test func failedRenderLeavesTheOldFile() throws {
        let dir = tempPath("atomic")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/fig.svg"
        try writeFigure(FigureDemos.venn(), format: .svg, to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        let broken = Figure(title: "broken", description: "no panels", panels: [])
        #expect(throws: FigureError.self) { try writeFigure(broken, format: .svg, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["fig.svg"])
        #expect(throws: OutputWriteError.self) { try writeFigure(FigureDemos.venn(), format: .svg, to: dir + "/missing/fig.svg") }
    }

    @Test func severalFormatsFromOneLayout() throws {
        let dir = tempPath("multi")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try writeFigure(FigureDemos.venn(), formats: [.svg, .pdf, .png], directory: dir, name: "venn")
        #expect(paths == ["svg", "pdf", "png"].map { "\(dir)/venn.\($0)" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["venn.pdf", "venn.png", "venn.svg"])
        // The same bytes as rendering each format on its own.
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == renderFigure(FigureDemos.venn(), format: .svg))
    }

    @Test func formatsParse() throws {
        #expect(try OutputFormat.parse("SVG") == .svg)
        #expect(throws: RenderError.self) { try OutputFormat.parse("gif") }
    }
}

@Suite struct LabelTextTests {
    @Test func plainTextStaysAndLoneOrEscapedDollarIsADollar() {
        #expect(plainLabelText("a < b & c") == "a < b & c")
        #expect(plainLabelText("costs $5") == "costs $5")
        #expect(plainLabelText("\\$5 only") == "$5 only")
    }

    @Test func measuredWidthMatchesDrawnText() throws {
        let pango = try LabelMeasurer()
        let plain = pango.measure("H(p)", fontSize: 10, bold: false)
        let math = pango.measure("$H(p)$", fontSize: 10, bold: false)
        #expect(plain.width > 15 && plain.width < 30)
        #expect(math.width > 15 && math.width < 30)
        let two = pango.measure("a\nb", fontSize: 10, bold: false)
        #expect(two.height > 1.8 * plain.height)
        #expect(pango.measure("mmmm", fontSize: 20, bold: false).width > 1.99 * pango.measure("mmmm", fontSize: 10, bold: false).width)
    }
}
