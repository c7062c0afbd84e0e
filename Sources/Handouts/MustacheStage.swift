import Mustache

/// One line of the body after Mustache, with where it came from in the template, so the
/// pre-pass can report positions in the file the author edits.
struct RenderedLine: Sendable {
    var text: String
    var sourceLine: Int
    /// (rendered column, source column) pairs, ascending: a rendered column maps through the
    /// last anchor at or before it. Substituted values shift columns; loops repeat lines.
    var anchors: [ColumnAnchor]
    /// Characters cut from the front of `text` (e.g. `Table: `), added back when mapping.
    var shift = 0

    func position(ofColumn rawColumn: Int) -> SourcePosition {
        let column = rawColumn + shift
        var best = anchors.first ?? ColumnAnchor(rendered: 1, source: 1)
        for a in anchors where a.rendered <= column { best = a }
        return SourcePosition(line: sourceLine, column: best.source + (column - best.rendered))
    }
}

extension RenderedLine {
    /// The tail of this line from character offset `offset` (0-based), positions still mapped.
    func dropping(_ offset: Int) -> RenderedLine {
        var copy = self
        copy.text = String(text.dropFirst(offset))
        copy.shift += offset
        return copy
    }

    func prefix(_ count: Int) -> RenderedLine {
        var copy = self
        copy.text = String(text.prefix(count))
        return copy
    }
}

struct ColumnAnchor: Sendable {
    var rendered: Int
    var source: Int
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

/// Mustache over the body. Names are checked here because Mustache renders an unknown name as
/// nothing, which would silently drop a number from the prose. Loops (sections) are rendered by
/// swift-mustache; lines without sections are substituted here so columns can be mapped exactly.
func renderMustache(body: String, bodyFirstLine: Int, values: ValueTable, file: String) throws -> [RenderedLine] {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    var tagsByLine: [[MustacheTag]] = Array(repeating: [], count: lines.count)
    for (i, line) in lines.enumerated() {
        tagsByLine[i] = try scanTags(line, index: i, fileLine: bodyFirstLine + i, file: file)
    }
    try validate(tagsByLine.flatMap { $0 }, values: values, file: file)

    var out: [RenderedLine] = []
    var i = 0
    while i < lines.count {
        // A unit is a run of lines that starts and ends outside every section.
        var depth = 0
        var j = i
        var hasSection = false
        repeat {
            for tag in tagsByLine[j] {
                switch tag.kind {
                case .section, .inverted: depth += 1; hasSection = true
                case .close: depth -= 1
                default: break
                }
            }
            j += 1
        } while depth > 0 && j < lines.count
        if hasSection {
            out += try renderSectionUnit(lines: lines, tags: tagsByLine, range: i..<j, bodyFirstLine: bodyFirstLine,
                                         values: values, file: file)
        } else if let line = substituteLine(lines[i], tags: tagsByLine[i], values: values) {
            out.append(RenderedLine(text: line.text, sourceLine: bodyFirstLine + i, anchors: line.anchors))
        }
        i = j
    }
    return out
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

/// Sections nested deeper than this are refused: swift-mustache parses and renders sections
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

private func substituteLine(_ line: String, tags: [MustacheTag], values: ValueTable) -> (text: String, anchors: [ColumnAnchor])? {
    if tags.isEmpty { return (line, [ColumnAnchor(rendered: 1, source: 1)]) }
    let chars = Array(line)
    // A line holding only comments disappears, as a standalone Mustache comment does.
    if tags.allSatisfy({ $0.kind == .comment }) {
        var rest = chars
        for tag in tags.reversed() { rest.removeSubrange(tag.start..<tag.end) }
        if rest.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
    }
    var out = ""
    var count = 0
    var anchors = [ColumnAnchor(rendered: 1, source: 1)]
    var k = 0
    for tag in tags {
        let before = String(chars[k..<tag.start])
        out += before
        count += before.count
        anchors.append(ColumnAnchor(rendered: count + 1, source: tag.start + 1))
        k = tag.end
        if tag.kind == .variable, case .success(let v) = values.lookup(tag.name), let printed = v.display.printed {
            out += printed
            count += printed.count
            // "{{s_coin}} bits" with s_coin = 1 reads "1 bit": a unit agrees in number with its value.
            if let unit = pluralUnit(after: chars, at: k), ["1", "−1", "-1"].contains(printed) {
                out += " " + unit.dropLast()
                count += unit.count
                k += 1 + unit.count
            }
        }
        anchors.append(ColumnAnchor(rendered: count + 1, source: k + 1))
    }
    out += String(chars[k...])
    return (out, anchors)
}

private func renderSectionUnit(lines: [String], tags: [[MustacheTag]], range: Range<Int>, bodyFirstLine: Int,
                               values: ValueTable, file: String) throws -> [RenderedLine] {
    // Variables become triple braces: values are never HTML-escaped here (text mode); the writers escape.
    var text = ""
    for i in range {
        let chars = Array(lines[i])
        var k = 0
        for tag in tags[i] where tag.kind == .variable {
            text += String(chars[k..<tag.start]) + "{{{\(tag.name)}}}"
            k = tag.end
        }
        text += String(chars[k...])
        text += "\n"
    }
    let template: MustacheTemplate
    do {
        template = try MustacheTemplate(string: text)
    } catch let error as MustacheTemplate.ParserError {
        throw TemplateError(file: file, line: bodyFirstLine + range.lowerBound + error.context.lineNumber - 1,
                            column: error.context.columnNumber, message: "bad Mustache: \(error.error)")
    }
    var root: [String: Any] = [:]
    for name in values.names { if let v = values[name] { root[name] = mustacheObject(v.display) } }
    var rendered = template.render(root)
    if rendered.hasSuffix("\n") { rendered.removeLast() }
    if rendered.isEmpty { return [] }
    let outLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    // Loop bodies repeat, so output lines cycle through the unit's inner lines.
    let inner = range.count > 2 ? (range.lowerBound + 1)..<(range.upperBound - 1) : range
    return outLines.enumerated().map { j, l in
        RenderedLine(text: String(l), sourceLine: bodyFirstLine + inner.lowerBound + j % inner.count,
                     anchors: [ColumnAnchor(rendered: 1, source: 1)])
    }
}

private func mustacheObject(_ value: DisplayValue) -> Any {
    switch value {
    case .text(let s): return s
    case .list(let items): return MustacheList(items: items.map(mustacheObject), text: value.printed ?? "")
    case .object(let fields): return MustacheRecord(fields: fields)
    }
}

private struct MustacheRecord: MustacheParent {
    var fields: [DisplayField]
    func child(named name: String) -> Any? {
        fields.first { $0.name == name }.map { mustacheObject($0.value) }
    }
}

/// A list that loops in sections, prints joined, and answers `name.0` index lookups.
private struct MustacheList: MustacheSequence, MustacheParent, MustacheCustomRenderable {
    var items: [Any]
    var text: String
    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
    func child(named name: String) -> Any? {
        guard let i = Int(name), items.indices.contains(i) else { return nil }
        return items[i]
    }
    var renderText: String { text }
    var isNull: Bool { false }
}
