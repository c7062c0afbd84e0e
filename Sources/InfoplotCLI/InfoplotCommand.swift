import ArgumentParser
import Foundation
import InfoRequests

public struct InfoplotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "infoplot",
        abstract: "Information theory computed, drawn and typeset for lecture material.",
        subcommands: [BuildCommand.self, HandoutCommand.self, ComputeCommand.self, FiguresCommand.self, FigureCommand.self, PlotCommand.self, MathCommand.self])
    public init() {}

    /// As ArgumentParser's `main()`, except for errors thrown while a subcommand runs: those are
    /// about values, not syntax, so they are printed without a usage line (the default appends the
    /// root's "Usage: infoplot <subcommand>", which points the user at the wrong place).
    public static func main() {
        var command: ParsableCommand
        do { command = try parseAsRoot(MathCommand.protectingFormula(Array(CommandLine.arguments.dropFirst()))) } catch { exit(withError: error) }
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
