/// Mustache over the body, before cmark reads it. Names are checked first (Mustache renders an
/// unknown name as nothing, which would silently drop a number from the prose). Sections repeat
/// the template characters between their tags, each keeping its template position; a value is
/// never written into the Markdown: `{{name}}` becomes a token that cmark passes through as text,
/// and the tree reader puts the printed value in its place (so `*`, `|` or `_` in a value stay text).
struct ExpandedBody {
    var lines: [SourcedLine]
    /// What each `{{name}}` token prints, by token index.
    var printed: [String]
}

private struct MustacheTag {
    enum Kind { case variable, section, inverted, close, comment, partial, delimiters, pragma }
    var kind: Kind
    var name: String
    var line: Int          // body line index
    var start: Int         // 0-based character offset of "{{" in the line
    var end: Int           // 0-based offset just past the closing braces
    var position: SourcePosition
}

private indirect enum MustacheNode {
    case char(Character, SourcePosition)
    case newline(line: Int)
    case variable(MustacheTag)
    case section(MustacheTag, [MustacheNode])
}

func expandMustache(body: String, bodyFirstLine: Int, values: ValueTable, file: String) throws -> ExpandedBody {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    var tagsByLine: [[MustacheTag]] = Array(repeating: [], count: lines.count)
    for (i, line) in lines.enumerated() {
        if let k = Array(line).firstIndex(where: { $0 == tokenOpen || $0 == tokenClose }) {
            throw TemplateError(file: file, at: SourcePosition(line: bodyFirstLine + i, column: k + 1),
                                "private-use characters U+E000/U+E001 are reserved by the template processor")
        }
        tagsByLine[i] = try scanTags(line, index: i, fileLine: bodyFirstLine + i, file: file)
    }
    try validate(tagsByLine.flatMap { $0 }, values: values, file: file)

    // Flatten to characters, line ends and tags; a line holding only section tags and comments
    // disappears with its line end, as a standalone Mustache tag does.
    var stack: [(MustacheTag?, [MustacheNode])] = [(nil, [])]
    func add(_ node: MustacheNode) { stack[stack.count - 1].1.append(node) }
    for (i, line) in lines.enumerated() {
        let chars = Array(line)
        let tags = tagsByLine[i]
        let standalone = !tags.isEmpty && tags.allSatisfy { $0.kind != .variable }
            && chars.indices.allSatisfy { k in chars[k] == " " || chars[k] == "\t" || tags.contains { $0.start <= k && k < $0.end } }
        var k = 0
        for tag in tags {
            if !standalone {
                for c in k..<tag.start { add(.char(chars[c], SourcePosition(line: bodyFirstLine + i, column: c + 1))) }
            }
            k = tag.end
            switch tag.kind {
            case .variable: add(.variable(tag))
            case .section, .inverted: stack.append((tag, []))
            case .close:
                let (open, children) = stack.removeLast()
                if let open { add(.section(open, children)) }
            default: break
            }
        }
        if standalone { continue }
        for c in k..<chars.count { add(.char(chars[c], SourcePosition(line: bodyFirstLine + i, column: c + 1))) }
        if i + 1 < lines.count { add(.newline(line: bodyFirstLine + i + 1)) }
    }

    var renderer = MustacheRenderer(file: file, lines: [SourcedLine(line: bodyFirstLine)], printed: [])
    let root = DisplayValue.object(values.names.compactMap { name in values[name].map { DisplayField(name: name, value: $0.display) } })
    try renderer.render(stack[0].1, scopes: [root])
    return ExpandedBody(lines: renderer.lines, printed: renderer.printed)
}

private struct MustacheRenderer {
    let file: String
    var lines: [SourcedLine]
    var printed: [String]

    mutating func render(_ nodes: [MustacheNode], scopes: [DisplayValue]) throws {
        var skip: Int?
        for (n, node) in nodes.enumerated() {
            switch node {
            case .char(let c, let p):
                if skip == n { skip = nil; continue }
                lines[lines.count - 1].append(c, at: p)
            case .newline(let line):
                lines.append(SourcedLine(line: line))
            case .variable(let tag):
                let value = try resolve(tag, scopes)
                guard let text = value.printed else {
                    throw TemplateError(file: file, at: tag.position, "'\(tag.name)' is a record, not a printable value; name a field")
                }
                for c in "\(tokenOpen)v\(printed.count)\(tokenClose)" { lines[lines.count - 1].append(c, at: tag.position) }
                printed.append(text)
                // "{{s_coin}} bits" with s_coin = 1 reads "1 bit": a unit agrees in number with its value.
                let after = nodes[(n + 1)...].prefix(10).compactMap { if case .char(let c, _) = $0 { return c } else { return nil } }
                if ["1", "−1", "-1"].contains(text), let unit = pluralUnit(after: after, at: 0) { skip = n + unit.count + 1 }
            case .section(let tag, let children):
                let value = try resolve(tag, scopes)
                if tag.kind == .inverted {
                    if value.isFalsy { try render(children, scopes: scopes) }
                } else if case .list(let items) = value {
                    for item in items { try render(children, scopes: scopes + [item]) }
                } else if !value.isFalsy {
                    try render(children, scopes: scopes + [value])
                }
            }
        }
    }

    private func resolve(_ tag: MustacheTag, _ scopes: [DisplayValue]) throws -> DisplayValue {
        if tag.name == ".", let top = scopes.last { return top }
        let segments = tag.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var value = scopes.reversed().lazy.compactMap({ $0.child(segments[0]) }).first else {
            throw TemplateError(file: file, at: tag.position, "unknown value '\(segments[0])' in this repetition of its section")
        }
        for seg in segments.dropFirst() {
            guard let next = value.child(seg) else {
                throw TemplateError(file: file, at: tag.position, "'\(tag.name)' has no field '\(seg)' in this repetition of its section")
            }
            value = next
        }
        return value
    }
}

extension DisplayValue {
    /// Mustache's false values: an empty list or empty text skips a section (an inverted one shows).
    var isFalsy: Bool {
        switch self {
        case .list(let items): return items.isEmpty
        case .text(let s): return s.isEmpty
        case .object: return false
        }
    }
}

private func scanTags(_ line: String, index: Int, fileLine: Int, file: String) throws -> [MustacheTag] {
    let chars = Array(line)
    var tags: [MustacheTag] = []
    var k = 0
    while k + 1 < chars.count {
        guard chars[k] == "{", chars[k + 1] == "{" else { k += 1; continue }
        let triple = k + 2 < chars.count && chars[k + 2] == "{"
        let open = triple ? 3 : 2
        let closer: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
        var e = k + open
        var found = -1
        while e + closer.count <= chars.count {
            if Array(chars[e..<(e + closer.count)]) == closer { found = e; break }
            e += 1
        }
        let pos = SourcePosition(line: fileLine, column: k + 1)
        guard found >= 0 else {
            throw TemplateError(file: file, at: pos, "unclosed Mustache tag '\(triple ? "{{{" : "{{")' (expected '\(String(closer))' on the same line)")
        }
        var inner = String(chars[(k + open)..<found]).trimmedSpaces
        var kind = MustacheTag.Kind.variable
        if !triple, let sigil = inner.first {
            switch sigil {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case "!": kind = .comment
            case ">": kind = .partial
            case "=": kind = .delimiters
            case "%": kind = .pragma
            case "&": kind = .variable
            default: break
            }
            if kind != .variable || sigil == "&" { inner = String(inner.dropFirst()).trimmedSpaces }
        }
        switch kind {
        case .partial, .delimiters, .pragma:
            throw TemplateError(file: file, at: pos, "Mustache partials, delimiter changes and pragmas are not supported in templates")
        case .comment: break
        default:
            if inner.isEmpty {
                throw TemplateError(file: file, at: pos, "empty Mustache tag: name a value, e.g. {{kl_weather}}")
            }
        }
        tags.append(MustacheTag(kind: kind, name: inner, line: index, start: k, end: found + closer.count, position: pos))
        k = found + closer.count
    }
    return tags
}

extension String {
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// Sections nested deeper than this are refused: the expansion renders sections
/// recursively on build threads whose stacks are far smaller than the main thread's, and no
/// handout needs more than a few levels (a table of rows of cells is three).
let maximumSectionNesting = 16

/// The most times nested loops may repeat their innermost body: a handout's longest real loop is a
/// few dozen rows, while 15 nested loops over 3 rows would render 3¹⁵ ≈ 14 million copies.
let maximumSectionRepetitions = 10_000

/// Checks every name against the values in scope, that sections close in order, and that nesting
/// and the repetitions it multiplies stay within the limits above, before anything is rendered.
private func validate(_ tags: [MustacheTag], values: ValueTable, file: String) throws {
    let root = DisplayValue.object(values.names.compactMap { name in values[name].map { DisplayField(name: name, value: $0.display) } })
    var scopes: [DisplayValue] = [root]
    var open: [MustacheTag] = []
    var repetitions: [Int] = [1]

    func resolve(_ tag: MustacheTag) throws -> DisplayValue {
        if tag.name == "." {
            guard open.count > 0, let top = scopes.last else {
                throw TemplateError(file: file, at: tag.position, "'{{.}}' is only meaningful inside a section such as {{#rows}}…{{/rows}}")
            }
            return top
        }
        let segments = tag.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let head = segments[0]
        guard var value = scopes.reversed().lazy.compactMap({ $0.child(head) }).first else {
            var known: [String] = []
            for scope in scopes.reversed() { known += scope.childNames.filter { !known.contains($0) } }
            throw TemplateError(file: file, at: tag.position, "unknown value '\(head)' (known: \(knownList(known)))")
        }
        var walked = head
        for seg in segments.dropFirst() {
            guard let next = value.child(seg) else {
                let fields = value.childNames
                throw TemplateError(file: file, at: tag.position,
                                    "'\(walked)' has no field '\(seg)'" + (fields.isEmpty ? "" : " (fields: \(knownList(fields)))"))
            }
            value = next
            walked += "." + seg
        }
        return value
    }

    for tag in tags {
        switch tag.kind {
        case .variable:
            let value = try resolve(tag)
            if value.printed == nil {
                let fields = value.childNames
                throw TemplateError(file: file, at: tag.position,
                                    "'\(tag.name)' is a record, not a printable value; name a field (\(knownList(fields.map { "\(tag.name).\($0)" })))"
                                        + " or loop over it with {{#\(tag.name)}}…{{/\(tag.name)}}")
            }
        case .section, .inverted:
            guard open.count < maximumSectionNesting else {
                throw TemplateError(file: file, at: tag.position,
                                    "Mustache sections nested more than \(maximumSectionNesting) levels deep")
            }
            let value = try resolve(tag)
            var times = 1
            if tag.kind == .inverted {
                scopes.append(scopes.last ?? root)
            } else if case .list(let items) = value {
                scopes.append(items.first ?? .text(""))
                times = items.count
            } else {
                scopes.append(value)
            }
            // The outer product is at most the limit, so this cannot overflow for any real list length.
            let product = repetitions[repetitions.count - 1] * max(times, 1)
            if product > maximumSectionRepetitions {
                throw TemplateError(file: file, at: tag.position,
                                    "nested sections would repeat their body \(product) times (limit \(maximumSectionRepetitions))")
            }
            repetitions.append(product)
            open.append(tag)
        case .close:
            guard let last = open.popLast() else {
                throw TemplateError(file: file, at: tag.position, "'{{/\(tag.name)}}' closes a section that was never opened")
            }
            guard last.name == tag.name else {
                throw TemplateError(file: file, at: tag.position,
                                    "'{{/\(tag.name)}}' does not match the open section '{{#\(last.name)}}' from line \(last.position.line)")
            }
            scopes.removeLast()
            repetitions.removeLast()
        default: break
        }
    }
    if let unclosed = open.last {
        throw TemplateError(file: file, at: unclosed.position, "section '{{#\(unclosed.name)}}' is never closed (expected '{{/\(unclosed.name)}}')")
    }
}

/// "bits", "nats" or "hartleys" when `chars` holds " UNIT" at `k` followed by a non-letter.
private func pluralUnit(after chars: [Character], at k: Int) -> String? {
    for unit in ["bits", "nats", "hartleys"] {
        let word = Array(" " + unit), end = k + word.count
        guard end <= chars.count, Array(chars[k..<end]) == word else { continue }
        if end == chars.count || !chars[end].isLetter { return unit }
    }
    return nil
}

