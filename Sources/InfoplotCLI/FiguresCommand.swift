import ArgumentParser
import Foundation
import FigureCatalogue
import InfoRequests

/// `infoplot figures`: the catalogue with each figure's parameters, kinds and defaults.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List the figure catalogue with each figure's parameters and defaults.")

    @Flag(name: .long, help: "Print a JSON array of {name, description, parameters: [{name, type, default, help}]}.")
    var json = false

    @Option(name: .customLong("figures"), help: figuresFolderHelp)
    var figuresFolder: String?

    func run() throws {
        let library = try loadFigureLibrary(figuresFolder)
        try writeStandardOutput(Data((json ? catalogueJSON(library) + "\n" : catalogueText(library)).utf8))
    }
}

let figuresFolderHelp = ArgumentHelp("Folder of your own plot specs, added under their file names (default: Figures/ here when it exists).",
                                     valueName: "dir")

/// The built-in figures and the user's (`--figures DIR`, else `./Figures` when it exists).
func loadFigureLibrary(_ folder: String?, besides directory: String = ".") throws -> FigureLibrary {
    do { return try FigureLibrary.load(folder: folder, besides: directory) } catch { throw FigureCommandError("\(error)") }
}

/// Deterministic: catalogue order (the user's figures after the built-in ones), parameter order, keys in a fixed order.
func catalogueJSON(_ library: FigureLibrary = .builtIn) -> String {
    JSONValue.array(library.entries.map { e in
        .object([
            ("name", .string(e.name)),
            ("description", .string(e.summary)),
            ("sizes", .string(e.sizeNote ?? "Every size shows every panel.")),
            ("parameters", .array(e.parameters.map { p in
                var members: [(String, JSONValue)] = [("name", .string(p.name)), ("type", .string(p.kind.rawValue))]
                if p.kind == .choice { members.append(("choices", .array(p.choices.map(JSONValue.string)))) }
                if let lo = p.minimum { members.append(("min", .number(lo))) }
                if let hi = p.maximum { members.append(("max", .number(hi))) }
                members += [("default", p.defaultValue), ("help", .string(p.help))]
                return .object(members)
            })),
        ])
    }).serialized
}

func catalogueText(_ library: FigureLibrary = .builtIn) -> String {
    var out = ""
    for e in library.entries {
        out += "\(e.name)\n    \(e.summary)\n"
        if let note = e.sizeNote { out += "    \(note)\n" }
        let nameW = e.parameters.map(\.name.count).max() ?? 0
        let typeW = e.parameters.map(\.typeDescription.count).max() ?? 0
        for p in e.parameters {
            let name = p.name.padding(toLength: nameW, withPad: " ", startingAt: 0)
            let type = p.typeDescription.padding(toLength: typeW, withPad: " ", startingAt: 0)
            out += "    --set \(name)  \(type)  default \(p.defaultText)\n"
            out += "          \(String(repeating: " ", count: nameW))  \(p.help)\n"
        }
        out += "\n"
    }
    return out
}
