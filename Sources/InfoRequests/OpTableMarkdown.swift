/// The README's op table, rendered from `opTable` (a test checks README.md holds exactly this
/// between its `<!-- op table -->` markers, so the documentation cannot drift from the code).
public func opTableMarkdown() -> String {
    var lines = ["| op | arguments | result |", "|---|---|---|"]
    for spec in opTable {
        let arguments = spec.arguments.map(markdownArgument).joined(separator: ", ")
        lines.append("| `\(spec.name)` | \(arguments.isEmpty ? "—" : arguments) | \(cell(spec.summary)) |")
    }
    return lines.joined(separator: "\n") + "\n"
}

/// `p`, `normalize?`, `method?` (`ksg`\|`discrete`) …: optional arguments end in "?".
private func markdownArgument(_ a: OpArgument) -> String {
    let name = "`\(a.name)\(a.required ? "" : "?")`"
    if case .choice(let choices) = a.kind {
        return name + " (" + choices.map { "`\($0)`" }.joined(separator: "\\|") + ")"
    }
    return name
}

/// A table cell: a literal "|" would end the cell.
private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
