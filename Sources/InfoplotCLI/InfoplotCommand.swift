import ArgumentParser
import Foundation

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
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch { exit(withError: error) }
    }
}
