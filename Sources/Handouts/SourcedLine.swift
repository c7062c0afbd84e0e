/// One line of the body as cmark will read it, every character with the template position it
/// came from: sections repeat template lines (never values), so a line inside a loop still
/// points at the line the author wrote, and errors found later are located exactly.
struct SourcedLine: Sendable {
    var chars: [Character]
    var positions: [SourcePosition]
    /// The template line of an empty line (a line with characters takes its first one's).
    var line: Int

    init(line: Int) {
        chars = []
        positions = []
        self.line = line
    }

    var text: String { String(chars) }

    /// Where character `offset` (0-based) is in the template; past the end, right after the last one.
    func position(at offset: Int) -> SourcePosition {
        if positions.indices.contains(offset) { return positions[offset] }
        guard let last = positions.last else { return SourcePosition(line: line, column: 1 + max(0, offset)) }
        return SourcePosition(line: last.line, column: last.column + offset - positions.count + 1)
    }

    mutating func append(_ c: Character, at position: SourcePosition) {
        chars.append(c)
        positions.append(position)
    }

    /// The line from character `offset` on.
    func dropping(_ offset: Int) -> SourcedLine {
        var copy = self
        copy.chars = Array(chars.dropFirst(offset))
        copy.positions = Array(positions.dropFirst(offset))
        if let first = positions.dropFirst(offset).first { copy.line = first.line }
        return copy
    }

    func prefix(_ count: Int) -> SourcedLine {
        var copy = self
        copy.chars = Array(chars.prefix(count))
        copy.positions = Array(positions.prefix(count))
        return copy
    }

    /// A line of text that starts at `position` (a title or caption written in YAML).
    static func from(_ text: String, at position: SourcePosition) -> SourcedLine {
        var line = SourcedLine(line: position.line)
        for (k, c) in text.enumerated() { line.append(c, at: SourcePosition(line: position.line, column: position.column + k)) }
        return line
    }
}
