import ArgumentParser

public struct InfoplotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "infoplot",
        abstract: "Information theory computed, drawn and typeset for lecture material.",
        subcommands: [BuildCommand.self, HandoutCommand.self, ComputeCommand.self, FiguresCommand.self, FigureCommand.self, MathCommand.self])
    public init() {}
}
