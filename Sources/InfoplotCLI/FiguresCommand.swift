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

    func run() throws {
        try writeStandardOutput(Data((json ? catalogueJSON() + "\n" : catalogueText()).utf8))
    }
}

/// Deterministic: catalogue order, parameter order, keys in a fixed order.
func catalogueJSON() -> String {
    JSONValue.array(Catalogue.entries.map { e in
        .object([
            ("name", .string(e.name)),
            ("description", .string(e.summary)),
            ("sizes", .string(e.sizeNote ?? "Every size shows every panel.")),
            ("parameters", .array(e.parameters.map { p in
                var members: [(String, JSONValue)] = [("name", .string(p.name)), ("type", .string(p.kind.rawValue))]
                if p.kind == .choice { members.append(("choices", .array(p.choices.map(JSONValue.string)))) }
                members += [("default", p.defaultValue), ("help", .string(p.help))]
                return .object(members)
            })),
        ])
    }).serialized
}

func catalogueText() -> String {
    var out = ""
    for e in Catalogue.entries {
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
