import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `--figures DIR`: the user's own specs join the catalogue under their file names.
@Suite struct UserFiguresCLITests {
    static let capacity = """
        # The capacity of a binary symmetric channel.
        title: Channel capacity
        params:
          eps: {type: number, default: 0.11, min: 0, max: 0.5, help: the crossover probability}
        x: {label: "$\\\\varepsilon$"}
        y: {label: bits}
        layers:
          - {mark: line, x: {var: e, from: 0, to: 0.5}, y: "1 - binary_entropy(e, unit='bits')"}
          - {mark: rule, x: eps}
        """

    /// A folder holding Figures/capacity.yaml (and whatever `extra` adds), removed afterwards.
    static func withFolder(_ extra: [String: String] = [:], _ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-user-figures-\(UUID().uuidString)")
        let figures = dir.appendingPathComponent("Figures")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try capacity.write(to: figures.appendingPathComponent("capacity.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in extra { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(dir)
    }

    @Test func listedWithTheirDeclaredParameters() throws {
        try Self.withFolder { dir in
            let r = try runInfoplot(["figures", "--json", "--figures", dir.appendingPathComponent("Figures").path])
            #expect(r.status == 0, "\(r.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            let names = list.compactMap { $0["name"] as? String }
            #expect(names.last == "capacity" && names.contains("entropy-curve"))
            let entry = try #require(list.last)
            #expect(entry["description"] as? String == "Channel capacity")
            let p = try #require((entry["parameters"] as? [[String: Any]])?.first)
            #expect(p["name"] as? String == "eps" && p["type"] as? String == "number")
            #expect(p["default"] as? Double == 0.11 && p["min"] as? Double == 0 && p["max"] as? Double == 0.5)
            #expect(p["help"] as? String == "the crossover probability")
            let text = try runInfoplot(["figures", "--figures", dir.appendingPathComponent("Figures").path])
            #expect(text.stdout.contains("capacity\n    Channel capacity\n    --set eps"))
        }
    }

    @Test func drawnBySetAndCheckedByTheDeclaration() throws {
        try Self.withFolder { dir in
            let folder = dir.appendingPathComponent("Figures").path
            let out = dir.appendingPathComponent("c.svg").path
            let r = try runInfoplot(["figure", "capacity", "--figures", folder, "--set", "eps=0.2", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            _ = try XMLDocument(contentsOf: URL(fileURLWithPath: out))
            let svg = try String(contentsOfFile: out, encoding: .utf8)
            #expect(svg.contains(">Channel capacity</title>"))

            let high = try runInfoplot(["figure", "capacity", "--figures", folder, "--set", "eps=0.9", "-o", out + "2.svg"])
            #expect(high.status != 0 && high.stderr.contains("0.9 is above the maximum 0.5"), "\(high.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out + "2.svg"))
            let typo = try runInfoplot(["figure", "capacity", "--figures", folder, "--set", "epz=0.2"])
            #expect(typo.status != 0 && typo.stderr.contains("did you mean 'eps'"), "\(typo.stderr)")
        }
    }

    @Test func usableFromFigureBlocksAndByDefaultBesideTemplates() throws {
        let template = "---\ntitle: T\n---\nText.\n\n```figure\nname: capacity\neps: 0.3\ncaption: Capacity.\n```\n"
        try Self.withFolder(["t.md": template]) { dir in
            let pdf = dir.appendingPathComponent("t.pdf").path
            let r = try runInfoplot(["handout", dir.appendingPathComponent("t.md").path, "-o", pdf,
                                     "--figures", dir.appendingPathComponent("Figures").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: pdf))
            // A parameter the spec does not declare is an error at its line.
            try (template.replacingOccurrences(of: "eps: 0.3", with: "epsilon: 0.3"))
                .write(to: dir.appendingPathComponent("t.md"), atomically: true, encoding: .utf8)
            let bad = try runInfoplot(["handout", dir.appendingPathComponent("t.md").path, "-o", pdf,
                                       "--figures", dir.appendingPathComponent("Figures").path])
            #expect(bad.status != 0 && bad.stderr.contains("t.md:8:1: error: figure 'capacity' has no parameter 'epsilon'"), "\(bad.stderr)")

            // `build` finds Figures/ beside its templates folder without being told.
            let templates = dir.appendingPathComponent("Templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try template.write(to: templates.appendingPathComponent("t.md"), atomically: true, encoding: .utf8)
            let build = try runInfoplot(["build", "--templates", templates.path, "--out", dir.appendingPathComponent("out").path,
                                         "--formats", "pdf"])
            #expect(build.status == 0, "\(build.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/handouts/t.pdf").path))
        }
    }

    @Test func badSpecsAndTakenNamesAreLocatedErrors() throws {
        try Self.withFolder { dir in
            let folder = dir.appendingPathComponent("Figures")
            try "title: x\nlayerz: []\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
            let r = try runInfoplot(["figures", "--figures", folder.path])
            #expect(r.status != 0 && r.stderr.contains("bad.yaml:2:1: error: unknown key 'layerz'"), "\(r.stderr)")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("bad.yaml"))
            try Self.capacity.write(to: folder.appendingPathComponent("entropy-curve.yaml"), atomically: true, encoding: .utf8)
            let taken = try runInfoplot(["figures", "--figures", folder.path])
            #expect(taken.status != 0 && taken.stderr.contains("the figure name 'entropy-curve' is taken"), "\(taken.stderr)")
        }
    }
}
