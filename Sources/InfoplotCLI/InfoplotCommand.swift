import ArgumentParser
import Foundation
import InfoRequests
import MathTypesetting
import PlotGrammar
import TextShaping

public struct InfoplotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "infoplot",
        abstract: "Information theory computed, drawn and typeset for lecture material.",
        discussion: """
            Shell completion (figure names, parameters, themes, sizes, formats):
              infoplot --generate-completion-script bash > /etc/bash_completion.d/infoplot
              (also zsh and fish)
            """,
        version: infoplotVersion,
        subcommands: [BuildCommand.self, HandoutCommand.self, ComputeCommand.self, FiguresCommand.self, FigureCommand.self, PlotCommand.self, MathCommand.self, StyleCommand.self])
    public init() {}

    /// As ArgumentParser's `main()`, except for errors thrown while a subcommand runs: those are
    /// about values, not syntax, so they are printed without a usage line (the default appends the
    /// root's "Usage: infoplot <subcommand>", which points the user at the wrong place).
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Theme files name label fonts; the shaper resolves them, so a missing one is a located error.
        ThemeFile.textFontIsInstalled = { FontLibrary.isInstalled($0) }
        PlotSpec.labelMathProblem = { inlineMathProblem($0) }
        ThemeFile.mathFontProblem = { MathFont.isUsable($0) ? nil : MathFont.notUsableProblem($0) }
        if let message = misspeltSubcommand(arguments) {
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        var command: ParsableCommand
        do { command = try parseAsRoot(MathCommand.protectingFormula(arguments)) } catch { exit(withError: error) }
        do { try command.run() } catch let error as ValidationError {
            // Only ValidationError gets the usage line; help requests and other errors go the usual way.
            FileHandle.standardError.write(Data("Error: \(visible(error.message))\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((visible(message) + "\n").utf8)) }
            Foundation.exit(code.rawValue)
        }
    }

    /// Messages quote what the user typed; a control character in it (an ESC sequence) would act on
    /// the terminal instead of being seen, so each is shown as its code point.
    static func visible(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            if isControlCharacter(scalar) && scalar != "\n" { out += "<" + codePointName(scalar) + ">" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// "unknown command 'figur'; did you mean 'figure'? …" for a word where a subcommand must stand.
/// ArgumentParser says only "Unexpected argument 'figur'". Commands with subcommands take no
/// positional arguments here, so the first word that is not an option must name a subcommand.
func misspeltSubcommand(_ arguments: [String], command: ParsableCommand.Type = InfoplotCommand.self,
                        path: String = "infoplot") -> String? {
    let subcommands = command.configuration.subcommands
    guard !subcommands.isEmpty, let word = arguments.first, !word.hasPrefix("-"), word != "help" else { return nil }
    let names = subcommands.map { $0.configuration.commandName ?? "\($0)" }
    if let k = names.firstIndex(of: word) {
        return misspeltSubcommand(Array(arguments.dropFirst()), command: subcommands[k], path: path + " " + word)
    }
    return unknownNameMessage("command", word, known: names, knownLabel: "\(path) commands")
}
