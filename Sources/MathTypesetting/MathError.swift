/// A parse or layout error: what went wrong and where in the TeX source (Character columns).
public struct MathError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unknownCommand, unbalancedBraces, missingArgument, unmatchedRight, missingRight,
             badEnvironment, badDelimiter, misplacedToken, doubleScript, tooDeeplyNested,
             missingGlyph, badColor, badLength, badMacro, controlCharacter
    }
    public let kind: Kind
    public let message: String
    public let range: SourceRange
    public let source: String

    /// The message, the source line and a caret line under the offending columns.
    public var description: String {
        let lower = max(0, min(range.lowerBound, source.count))
        let width = max(1, range.count)
        return "\(message) (columns \(range.lowerBound + 1)–\(max(range.lowerBound + 1, range.upperBound)))\n  \(source)\n  "
            + String(repeating: " ", count: lower) + String(repeating: "^", count: width)
    }
}
