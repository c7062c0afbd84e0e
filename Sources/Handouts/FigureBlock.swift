import PlotGrammar
import FigureCatalogue
import InfoRequests

/// Reads a code block that is a document element from its YAML text and its fence's position.
typealias FencedBlockReader = @Sendable (inout MarkdownConverter, _ yaml: String, _ fence: SourcePosition) throws -> Block

extension MarkdownConverter {
    /// Code blocks that are document elements, by fence info (cmark parses them as code blocks;
    /// the tree reader hands their text here). Adding a block kind is one entry and its reader.
    static let fencedBlocks: [String: FencedBlockReader] = [
        "figure": { converter, yaml, fence in .figure(try converter.figure(yaml: yaml, fencePosition: fence)) },
        "plot": { converter, yaml, fence in .figure(try converter.plot(yaml: yaml, fencePosition: fence)) },
    ]

    /// The keys every figure-like block shares: `caption` (Markdown with math), `label` (fig-…),
    /// `size` (a preset or WxH inches, kept as written), `alt` (the text alternative).
    mutating func readBlockKey(_ e: YAMLEntry, into spec: inout Figure) throws {
        switch e.key {
        case "caption":
            guard case .string(let caption) = e.value.kind else {
                throw TemplateError(file: file, at: e.value.position, "figure 'caption' must be text")
            }
            spec.caption = try inlines(from: caption, at: e.value.position, context: "a figure caption")
        case "label":
            guard let label = e.value.string, label.hasPrefix("fig-"), label.count > 4,
                  label.allSatisfy(isLabelChar) else {
                throw TemplateError(file: file, at: e.value.position, "a figure label looks like fig-name (got '\(e.value.text)')")
            }
            spec.label = label
            spec.id = label
        case "alt":
            guard case .string(let alt) = e.value.kind, !alt.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw TemplateError(file: file, at: e.value.position, "figure 'alt' must be text (what the figure shows, for screen readers)")
            }
            spec.alt = alt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        default:
            spec.size = e.value.text
        }
    }

    /// A ```figure block: YAML naming a catalogue figure, its parameters, caption, label and size.
    mutating func figure(yaml: String, fencePosition: SourcePosition) throws -> Figure {
        let firstLine = fencePosition.line + 1
        guard let root = try parseTemplateYAML(yaml, file: file, firstLine: firstLine), let entries = root.entries else {
            throw TemplateError(file: file, at: fencePosition, "a figure block holds YAML with at least 'name:' (a catalogue figure)")
        }
        guard let nameEntry = entries.first(where: { $0.key == "name" }), let name = nameEntry.value.string else {
            throw TemplateError(file: file, at: fencePosition, "figure block needs 'name:' (one of: \(knownList(figures.names, limit: 20)))")
        }
        func noParameter(_ e: YAMLEntry, _ names: [String]) -> TemplateError {
            TemplateError(file: file, at: e.keyPosition, "figure '\(name)' has no parameter '\(e.key)'"
                          + (likelyMeant(e.key, names).map { "; did you mean '\($0)'?" } ?? "")
                          + " (parameters: \(knownList(closestFirst(to: e.key, names))))")
        }
        if let spec = figures.specs[name] {
            // The user's own spec (a figures folder): drawn by the plot grammar like a plot block.
            let names = spec.parameters.map(\.name)
            for e in entries where !["name", "caption", "label", "size", "alt"].contains(e.key) && !names.contains(e.key) {
                throw noParameter(e, names)
            }
            return try plotFigure(name: name, spec: spec, entries: entries, fencePosition: fencePosition)
        }
        guard let known = FigureParameters.parameters(of: name) else {
            throw TemplateError(file: file, at: nameEntry.value.position,
                                "unknown figure '\(name)'" + (likelyMeant(name, figures.names).map { "; did you mean '\($0)'?" } ?? "")
                                + " (known: \(knownList(closestFirst(to: name, figures.names), limit: 20)))")
        }
        var spec = Figure(name: name, parameters: .object([]), caption: [], label: nil, number: 0, id: "", size: nil, position: fencePosition)
        var params: [(String, JSONValue)] = []
        for e in entries where e.key != "name" {
            switch e.key {
            case "caption", "label", "size", "alt":
                try readBlockKey(e, into: &spec)
            default:
                guard let kind = known.first(where: { $0.name == e.key })?.kind else { throw noParameter(e, known.map(\.name)) }
                let value = try resolveReferences(e.value, in: values, file: file)
                if kind == .data, case .string(let s) = value {
                    throw TemplateError(file: file, at: e.value.position,
                                        "figure parameter '\(e.key)' needs data, and '\(s)' is not a data or value name (known: \(knownList(values.names)))")
                }
                params.append((e.key, value))
            }
        }
        spec.parameters = .object(params)
        if let label = spec.label { try define(label, at: fencePosition) }
        return spec
    }
}
