import ArgumentParser
import Foundation
import Handouts
import InfoRequests

/// `infoplot style --print default`: the house style file to start from (every key, commented),
/// or a style file as infoplot reads it (what it leaves out filled in), after checking it.
struct StyleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "style",
        abstract: "Print the default house style (fonts, colours, logo, header and footer) or check a style file.",
        discussion: """
            infoplot style --print default > house.yaml   # then edit, and use it with:
            infoplot build --style house.yaml              # or `style: house.yaml` in a template's front matter
            """)

    @Option(name: .customLong("print"), help: ArgumentHelp("'default', or a style file to check and print in full.", valueName: "name-or-file"),
            completion: .list(HouseStyle.builtInNames))
    var name: String

    func run() throws {
        let style: HouseStyle
        if HouseStyle.builtInNames.contains(name) {
            style = .default
        } else if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            style = try loadStyleOrFail(name)
        } else {
            throw ValidationError(unknownNameMessage("style", name, known: HouseStyle.builtInNames, knownLabel: "built-in styles")
                                  + " (or give a style file NAME.yaml)")
        }
        try writeStandardOutput(Data(style.yaml.utf8))
    }
}

/// A style file read for a command; its located error (file:line:column) is printed as it is
/// and the command exits non-zero.
func loadStyleOrFail(_ path: String) throws -> HouseStyle {
    do { return try HouseStyle.load(path: path) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    }
}

/// What a style makes a build depend on, for the build cache: the style file's bytes and its
/// logos' (a changed colour or a new logo rebuilds every handout that uses the style).
func styleCacheKey(_ path: String?) -> String {
    guard let path else { return "" }
    var hash = ContentHash()
    hash.add(FileManager.default.contents(atPath: path) ?? Data("missing".utf8))
    let style = try? HouseStyle.load(path: path)
    for logo in [style?.logo, style?.darkLogo] { hash.add(logo?.png ?? Data()) }
    return hash.hex
}
