import Foundation
import Testing

@Suite struct MathCLITests {
    /// Formula PDFs take their dates from SOURCE_DATE_EPOCH like figures and handouts do.
    @Test func pdfDatesFollowSourceDateEpoch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-date-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.pdf").path
        let r = try runInfoplot(["math", "x^2", "--format", "pdf", "-o", path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        // 1700000000 s = 2023-11-14 22:13:20 UTC.
        #expect(bytes.contains("/CreationDate (20231114221320"))
        #expect(bytes.contains("/ModDate (20231114221320"))
        // A malformed value stops the PDF with an error naming it (reproducible-builds.org), and
        // leaves no file; it was silently taken as 2000-01-01.
        let bad = dir.appendingPathComponent("bad.pdf").path
        let e = try runInfoplot(["math", "x^2", "--format", "pdf", "-o", bad], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(e.status != 0 && e.stderr.contains("SOURCE_DATE_EPOCH='yesterday'"), "\(e.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bad))
        // `infoplot build` says so once, before building anything.
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "---\ntitle: T\n---\n\nText.\n".write(to: templates.appendingPathComponent("t.md"), atomically: true, encoding: .utf8)
        let b = try runInfoplot(["build", "--templates", templates.path, "--out", dir.appendingPathComponent("out").path, "--formats", "pdf"],
                                environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(b.status != 0 && b.stderr.components(separatedBy: "SOURCE_DATE_EPOCH='yesterday'").count == 2, "\(b.stderr)")
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `infoplot math`: formulas beginning with '-', standard input, metrics, inline SVG, ids, MathML.
@Suite struct MathCLIOutputTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-mathcli-\(getpid())-\(name)").path
    }

    @Test func formulaMayBeginWithAMinusOrComeFromStandardInput() throws {
        let r = try runInfoplot(["math", #"-\log p"#])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<svg"))
        let s = try runInfoplot(["math", "-", "--format", "mathml"], input: "-x^2\n")
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("<annotation encoding=\"application/x-tex\">-x^2</annotation>"))
        let two = try runInfoplot(["math", "a", "b"])
        #expect(two.status != 0 && two.stderr.contains("expected one formula"))
    }

    @Test func svgHasTheTeXAsTitleAndIdsSaltedByContent() throws {
        let a = try runInfoplot(["math", "x^2"]), b = try runInfoplot(["math", "y^2"])
        #expect(a.stdout.contains("<title id=") && a.stdout.contains(">x^2</title>"))
        func ids(_ svg: String) -> Set<String> {
            let regex = try! NSRegularExpression(pattern: #" id="([^"]+)""#)
            return Set(regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
                Range($0.range(at: 1), in: svg).map { String(svg[$0]) }
            })
        }
        #expect(!ids(a.stdout).isEmpty)
        #expect(ids(a.stdout).isDisjoint(with: ids(b.stdout)))
        #expect(try runInfoplot(["math", "x^2"]).stdout == a.stdout)   // deterministic
    }

    @Test func jsonMetricsAndInlineVerticalAlign() throws {
        let j = try runInfoplot(["math", "x_i^2", "--json"])
        #expect(j.status == 0, "\(j.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        let depth = try #require(object?["depth"] as? Double), ex = try #require(object?["ex"] as? Double)
        #expect(depth > 0 && ex > 0)
        #expect(object?["verticalAlign"] as? String == String(format: "%.3fex", -depth / ex))
        let inline = try runInfoplot(["math", "x_i^2", "--inline"])
        #expect(inline.stdout.contains("style=\"vertical-align:\(String(format: "%.3f", -depth / ex))ex\""))
        #expect(inline.stdout.range(of: #"width="[0-9.]+ex""#, options: .regularExpression) != nil)
    }

    @Test func macrosFromTheCommandLine() throws {
        let r = try runInfoplot(["math", #"\R^n"#, "--macro", #"R=\mathbb{R}"#, "--format", "mathml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ℝ"))
        let bad = try runInfoplot(["math", "x", "--macro", "nonsense"])
        #expect(bad.status != 0 && bad.stderr.contains("NAME=BODY"))
    }

    @Test func unknownCommandInTextIsAnErrorWithItsColumns() throws {
        let r = try runInfoplot(["math", #"\text{a \foo}"#])
        #expect(r.status == 2)
        #expect(r.stderr.contains(#"unknown command \foo"#) && r.stderr.contains("columns 9–12"))
    }

    @Test func mathMLIsWellFormed() throws {
        for tex in [#"\frac{a}{b} + \sqrt[3]{x}"#, #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#, #"\sum_{i=1}^n x_i < \infty"#,
                    #"\textcolor{red}{\text{a \& b < c}} \not= \xrightarrow{f}"#, #"\left\langle x \middle| y \right\rangle \tag{1}"#] {
            let r = try runInfoplot(["math", tex, "--format", "mathml", "--display"])
            #expect(r.status == 0, "\(tex): \(r.stderr)")
            let parser = XMLParser(data: Data(r.stdout.utf8))
            #expect(parser.parse(), "\(tex): \(r.stdout)")
            #expect(r.stdout.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        }
    }

    @Test func pdfTextHasNoReplacementCharacters() throws {
        let path = temporary("t.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runInfoplot(["math", #"H(X) = -\sum_{x} p(x) \log_2 p(x) + \int_0^1 \left(\frac{a}{b}\right)^{2}"#, "--display", "-o", path])
        #expect(r.status == 0, "\(r.stderr)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(!text.contains("\u{FFFD}"), "\(text)")
        for piece in ["∑", "∫", "log", "2", "\u{1D465}", "\u{1D44B}"] { #expect(text.contains(piece), "\(piece) in \(text)") }
    }
}
