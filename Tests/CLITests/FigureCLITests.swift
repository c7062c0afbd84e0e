import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `infoplot figures` and `infoplot figure`, run as a separate process.
@Suite struct FigureCLITests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func files(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// Parses as XML and returns the root element's name and attributes.
    func svgRoot(_ data: Data) -> (String, [String: String])? {
        final class Root: NSObject, XMLParserDelegate {
            var name: String?
            var attributes: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String]) {
                if name == nil { name = elementName; self.attributes = attributes }
            }
        }
        let parser = XMLParser(data: data), root = Root()
        parser.delegate = root
        guard parser.parse(), let n = root.name else { return nil }
        return (n, root.attributes)
    }

    @Test func listsTheCatalogue() throws {
        let r = try runInfoplot(["figures"])
        #expect(r.status == 0)
        for s in ["entropy-curve", "kl-fits", "entropy-venn", "gaussian-kl-surface", "--set pxy", "default 0.56,0.14;0.04,0.26",
                  "bits|nats|hartleys", "heatmap|surface"] {
            #expect(r.stdout.contains(s), "\(s)")
        }
    }

    @Test func listsTheCatalogueAsJSON() throws {
        let r = try runInfoplot(["figures", "--json"])
        #expect(r.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let array = try #require(parsed as? [[String: Any]])
        let venn = try #require(array.first { $0["name"] as? String == "entropy-venn" })
        #expect(venn["description"] is String)
        let params = try #require(venn["parameters"] as? [[String: Any]])
        #expect(params.map { $0["name"] as? String } == ["pxy", "proportional", "x_name", "y_name"])
        let pxy = try #require(params.first)
        #expect(pxy["type"] as? String == "table" && pxy["help"] is String)
        #expect((pxy["default"] as? [[Double]]) == [[0.56, 0.14], [0.04, 0.26]])
        // Deterministic: a second run prints the same bytes.
        #expect(try runInfoplot(["figures", "--json"]).stdout == r.stdout)
    }

    @Test func writesEveryFormat() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runInfoplot(["figure", "entropy-venn", "--set", "proportional=true", "--format", "svg,pdf,png",
                                 "--dpi", "100", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir) == ["entropy-venn.pdf", "entropy-venn.png", "entropy-venn.svg"])
        let svg = try Data(contentsOf: URL(fileURLWithPath: dir + "/entropy-venn.svg"))
        let root = try #require(svgRoot(svg))
        #expect(root.0 == "svg" && root.1["viewBox"] != nil)
        #expect(String(decoding: svg, as: UTF8.self).contains("<title"))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/entropy-venn.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(64), as: UTF8.self).contains("%%EOF"))
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/entropy-venn.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height: handout 6.5 × 4 in at 100 dpi.
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w == 650 && h == 400)
        #expect(r.stdout.split(separator: "\n").count == 3)
    }

    @Test func singleFileFormatFromTheExtension() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runInfoplot(["figure", "kl-fits", "--set", "which=reverse", "--theme", "dark", "--size", "column", "-o", dir + "/fit.svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir) == ["fit.svg"])
        let svg = try String(contentsOfFile: dir + "/fit.svg", encoding: .utf8)
        #expect(svg.contains("Reverse KL fit"))
        let bad = try runInfoplot(["figure", "kl-fits", "-o", dir + "/fit.jpeg"])
        #expect(bad.status != 0 && bad.stderr.contains("expected .pdf, .svg or .png"))
    }

    /// Issue 9: output is byte-identical run to run and whether a figure is drawn first or fifth
    /// in a process (fonts, shaped text, compiled specs, sampled grids and searches are cached per
    /// process; none may change a byte). Each figure alone in its own process, then all five in one
    /// process in either order, in every format.
    @Test func aFigureIsTheSameFileDrawnFirstOrFifth() throws {
        let names = ["gaussian-kl-surface", "elbo", "kl-fits", "entropy-venn", "lindley"]
        let formats = ["--format", "svg,pdf,png", "--dpi", "60"]
        var alone: [String: Data] = [:]
        for name in [names.first!, names.last!] {
            let dir = try tempDir()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            #expect(try runInfoplot(["figure", name] + formats + ["--out", dir]).status == 0)
            for ext in ["svg", "pdf", "png"] { alone["\(name).\(ext)"] = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name).\(ext)")) }
        }
        // Several figures render in parallel; --serial one at a time: the same bytes either way.
        for (order, serial) in [(names, false), (Array(names.reversed()), false), (names, true)] {
            let dir = try tempDir()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let r = try runInfoplot(["figure"] + order + formats + ["--out", dir] + (serial ? ["--serial"] : []))
            #expect(r.status == 0, "\(r.stderr)")
            for (file, bytes) in alone {
                #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(file)")) == bytes, "\(file) differs drawn at \(order.firstIndex(of: String(file.split(separator: ".")[0]))! + 1)")
            }
        }
    }

    @Test func severalFiguresShareSettings() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // unit belongs to entropy-curve only; that is fine with several names.
        let r = try runInfoplot(["figure", "entropy-curve", "entropy-venn", "--set", "unit=nats", "--format", "svg", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir) == ["entropy-curve.svg", "entropy-venn.svg"])
        let svg = try String(contentsOfFile: dir + "/entropy-curve.svg", encoding: .utf8)
        #expect(svg.contains("in nats"))
        let multi = try runInfoplot(["figure", "entropy-curve", "kl-fits", "-o", dir + "/x.pdf"])
        #expect(multi.status != 0 && multi.stderr.contains("-o writes one file"))
    }

    @Test func errorsNameWhatIsValidAndWriteNothing() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let unknown = try runInfoplot(["figure", "entropy-curv", "--out", dir])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown figure 'entropy-curv'") && unknown.stderr.contains("entropy-curve"))
        let param = try runInfoplot(["figure", "entropy-venn", "--set", "colour=red", "--out", dir])
        #expect(param.status != 0 && param.stderr.contains("'colour'"))
        for name in ["pxy", "proportional", "x_name", "y_name"] { #expect(param.stderr.contains(name)) }
        let value = try runInfoplot(["figure", "entropy-curve", "--set", "unit=furlongs", "--out", dir])
        #expect(value.status != 0 && value.stderr.contains("unit") && value.stderr.contains("bits|nats|hartleys"))
        // A value of the right kind that the figure rejects: nothing written for any named figure.
        let range = try runInfoplot(["figure", "kl-fits", "entropy-venn", "--set", "pxy=0.5,0.2;0.1,0.1", "--out", dir])
        #expect(range.status != 0 && range.stderr.contains("pxy"))
        let format = try runInfoplot(["figure", "kl-fits", "--format", "gif", "--out", dir])
        #expect(format.status != 0 && format.stderr.contains("expected pdf, svg or png"))
        let theme = try runInfoplot(["figure", "kl-fits", "--theme", "neon", "--out", dir])
        #expect(theme.status != 0 && theme.stderr.contains("light, dark or print"))
        #expect(files(dir).isEmpty)
    }

    @Test func allRendersTheWholeCatalogue() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = try runInfoplot(["figures", "--json"])
        let names = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["name"] as? String }
        let r = try runInfoplot(["figure", "--all", "--format", "pdf", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir) == names.map { "\($0).pdf" }.sorted())
    }

    @Test func galleryWritesBothThemesAndAnIndex() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runInfoplot(["figure", "--gallery", "--format", "svg", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let written = files(dir)
        #expect(written.contains("index.html") && written.contains("kl-fits.svg") && written.contains("kl-fits-dark.svg"))
        #expect(written.filter { $0.hasSuffix(".svg") }.count % 2 == 0)
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(html.contains("<img src=\"entropy-venn-dark.svg\""))
        let misuse = try runInfoplot(["figure", "--gallery", "kl-fits", "--out", dir])
        #expect(misuse.status != 0 && misuse.stderr.contains("--gallery"))
    }
}

/// `infoplot figure NAME --print-spec`: the printed spec, drawn with `infoplot plot`, gives the
/// same file byte for byte as the figure with the same settings.
@Suite struct PrintSpecCLITests {
    @Test func printedSpecDrawsTheSameFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-spec-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, sets) in [("entropy-venn", ["x_name=Rain", "pxy=0.3,0.2;0.1,0.4"]), ("gaussian-kl-surface", ["view=surface", "resolution=30"]),
                             ("surprisal", ["unit=nats"]), ("maxent", ["values=1,2,3,4,5,6,7,8", "means=2,7.5"]),
                             ("distribution-compare", ["labels=a,b", "p=0.5,0.5", "q=1,0", "p_name=Truth", "unit=nats"]),
                             ("kl-asymmetry", ["p=0.5,0.3,0.2", "q=0.6,0.4,0", "labels=", "unit=hartleys"]),
                             ("cross-entropy-decomposition", ["models=[{\"name\": \"Dry\", \"q\": [0.6, 0.4, 0]}]", "p=0.5,0.3,0.2",
                                                              "labels=a,b,c"]),
                             ("kl-fits", ["which=reverse"]),
                             ("kl-fits", [#"target=[{"weight":0.3,"mu":-1,"sigma":0.5},{"weight":0.7,"mu":2,"sigma":1}]"#]),
                             ("elbo", ["data=3,4", "prior_sigma=2"]), ("lindley", ["alpha=2", "heads=4", "unit=bits"]),
                             ("likelihood-curve", ["heads=0", "tails=3"]), ("mi-vs-correlation", ["seed=7", "contrast=false"]),
                             ("entropy-curve", ["unit=nats", "marks=0,0.1,0.5,0.75"]),
                             ("ensemble-uncertainty", [#"ensembles=[{"name":"Long ensemble name","models":[[0.5,0.5],[0.9,0.1]]}]"#, "labels=",
                                                       "unit=bits"])] {
            let setArgs = sets.flatMap { ["--set", $0] }
            let printed = try runInfoplot(["figure", name, "--print-spec"] + setArgs)
            #expect(printed.status == 0, "\(printed.stderr)")
            let spec = dir + "/\(name).yaml"
            try printed.stdout.write(toFile: spec, atomically: true, encoding: .utf8)
            let plot = try runInfoplot(["plot", spec, "-o", dir + "/\(name)-plot.svg"])
            #expect(plot.status == 0, "\(plot.stderr)")
            let figure = try runInfoplot(["figure", name, "-o", dir + "/\(name)-figure.svg"] + setArgs)
            #expect(figure.status == 0, "\(figure.stderr)")
            let a = FileManager.default.contents(atPath: dir + "/\(name)-plot.svg"), b = FileManager.default.contents(atPath: dir + "/\(name)-figure.svg")
            #expect(a != nil && a == b, "\(name): plot of the printed spec differs from the figure")
        }
    }

    @Test func everyFigurePrintsItsSpecAndBadSettingsAreRefused() throws {
        // All fourteen catalogue figures are specs (issue 8 §4).
        for name in ["entropy-curve", "ensemble-uncertainty"] {
            let r = try runInfoplot(["figure", name, "--print-spec"])
            #expect(r.status == 0 && r.stdout.contains("params:"), "\(name): \(r.stderr)")
        }
        let bad = try runInfoplot(["figure", "entropy-venn", "--print-spec", "--set", "pxz=1"])
        #expect(bad.status != 0 && bad.stderr.contains("did you mean 'pxy'"), "\(bad.stderr)")
    }
}
