/// What `--solutions` does with the `solution` callouts.
public enum SolutionsMode: String, Sendable, CaseIterable {
    /// Each solution stays right after its exercise.
    case inline
    /// Solutions are gathered in a final unnumbered "Solutions" section.
    case end
    /// Solutions are left out (the students' copy).
    case omit
}

/// Numbers exercises and pairs each solution with the exercise right before it, then places the
/// solutions as `mode` says. Runs before numbering so omitted material takes no numbers.
func arrangeSolutions(_ blocks: [Block], mode: SolutionsMode, file: String) throws -> [Block] {
    var out: [Block] = []
    var solutions: [Block] = []
    var exercises = 0
    var previous: Block?
    for block in blocks {
        defer { previous = block }
        guard case .callout(var c) = block else { out.append(block); continue }
        switch c.kind {
        case .exercise:
            exercises += 1
            c.number = exercises
            c.id = "exercise-\(exercises)"
            out.append(.callout(c))
        case .solution:
            guard case .callout(let ex)? = previous, ex.kind == .exercise else {
                throw TemplateError(file: file, at: c.position, "a solution must come right after the exercise it solves")
            }
            c.number = exercises
            c.id = "solution-\(exercises)"
            switch mode {
            case .inline: out.append(.callout(c))
            case .end: solutions.append(.callout(c))
            case .omit: break
            }
        default:
            out.append(block)
        }
    }
    if !solutions.isEmpty {
        out.append(.heading(Heading(level: 0, number: nil, label: nil, id: "solutions", inlines: [.text("Solutions")])))
        out += solutions
    }
    return out
}

/// Numbers sections (1, 1.1, …, counted from the shallowest heading level the body uses),
/// labelled equations, figures and captioned tables, then resolves every `@label`.
struct Numbering {
    let file: String
    private var targets: [String: (text: String, id: String)] = [:]
    private var counters: [Int] = []
    private var counts: [String: Int] = [:]
    private var topLevel = 1

    init(file: String) { self.file = file }

    mutating func apply(_ blocks: [Block], footnotes: [Footnote]) throws -> ([Block], [Footnote]) {
        topLevel = headingLevels(blocks).min() ?? 1
        var numbered = blocks.map { number($0) }
        var notes = footnotes.map { f in Footnote(label: f.label, number: f.number, blocks: f.blocks.map { number($0) }) }
        numbered = try numbered.map { try resolve($0) }
        notes = try notes.map { Footnote(label: $0.label, number: $0.number, blocks: try $0.blocks.map { try resolve($0) }) }
        return (numbered, notes)
    }

    /// Resolves references in a run of inlines outside the body (title, subtitle).
    func resolve(_ inlines: [Inline]) throws -> [Inline] {
        try inlines.map { try resolve($0) }
    }

    private func headingLevels(_ blocks: [Block]) -> [Int] {
        blocks.compactMap { if case .heading(let h) = $0, h.level > 0 { return h.level } else { return nil } }
    }

    // MARK: what the elements use (each element numbers and resolves itself)

    /// Makes `label` a reference target printing `text` and linking `id`.
    mutating func target(_ label: String, text: String, id: String) { targets[label] = (text, id) }

    /// The next number of a counter ("figure", "equation", "table").
    mutating func next(_ counter: String) -> Int {
        counts[counter, default: 0] += 1
        return counts[counter]!
    }

    /// The section counters after a heading of `level` (as written), and its depth from the top level.
    mutating func section(level: Int) -> (depth: Int, counters: [Int]) {
        let depth = max(1, level - topLevel + 1)
        if counters.count < depth { counters += Array(repeating: 0, count: depth - counters.count) }
        counters = Array(counters.prefix(depth))
        counters[depth - 1] += 1
        return (depth, counters)
    }

    // MARK: resolution

    func resolve(_ inline: Inline) throws -> Inline {
        switch inline {
        case .ref(var r):
            guard let target = targets[r.label] else {
                let known = targets.keys.filter { $0.hasPrefix(r.kind.rawValue + "-") }.sorted()
                throw TemplateError(file: file, at: r.position,
                                    "unknown reference '@\(r.label)' (known: \(knownList(known)))")
            }
            r.text = target.text
            r.target = target.id
            return .ref(r)
        case .emph(let c): return .emph(try resolve(c))
        case .strong(let c): return .strong(try resolve(c))
        case .strikethrough(let c): return .strikethrough(try resolve(c))
        case .link(let url, let title, let c): return .link(url: url, title: title, content: try resolve(c))
        default: return inline
        }
    }
}
