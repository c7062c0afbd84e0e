import Foundation

/// What is kept away from cmark-gfm: TeX (where `*`, `_`, `|` and `\` are Markdown syntax) and the
/// `@fig-…` references whose positions errors need. Each is replaced by a token cmark passes
/// through as ordinary text and put back by the tree reader; nothing else is changed, so
/// cmark-gfm parses every block and inline construct itself.
enum Lifted: Sendable {
    case inlineMath(String, SourcePosition)
    case displayMath(tex: String, label: String?, SourcePosition)
    case ref(label: String, kind: ReferenceKind, SourcePosition)
}

/// Tokens are private-use characters around a kind letter and an index: cmark treats them as
/// ordinary text, never as punctuation, so they survive emphasis, tables and smart rules unchanged.
/// Kinds: `m` inline math, `d` display math, `r` reference (indexes into `lifted`), `v` a value
/// (indexes into the printed values of the Mustache stage).
let tokenOpen: Character = "\u{E000}"
let tokenClose: Character = "\u{E001}"

struct MathProtection {
    let file: String
    private(set) var lifted: [Lifted] = []

    init(file: String) { self.file = file }

    private mutating func token(_ item: Lifted) -> String {
        lifted.append(item)
        let kind: Character
        switch item {
        case .inlineMath: kind = "m"
        case .displayMath: kind = "d"
        case .ref: kind = "r"
        }
        return "\(tokenOpen)\(kind)\(lifted.count - 1)\(tokenClose)"
    }

    /// The body, ready for cmark: math and references tokenised outside code. Pandoc's three
    /// line constructs cmark does not know (`:::` fences, `. . .` pauses, `Table:` captions) and
    /// display math are set between blank lines so each is a paragraph of its own; a line after a
    /// table's last `|` row starts a paragraph (GFM would make it one more row, in a handout
    /// always a mistake). Fenced code, figure blocks included, is passed through whole.
    mutating func protect(_ lines: [SourcedLine]) throws -> [SourcedLine] {
        var out: [SourcedLine] = []
        func blank(_ at: SourcedLine) { out.append(SourcedLine(line: at.positions.first?.line ?? at.line)) }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let indent = line.chars.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = String(line.chars.dropFirst(indent))
            let trimmed = body.trimmedSpaces
            if let fence = fenceOpening(body) {
                guard let close = lines[(i + 1)...].firstIndex(where: { isFenceClose($0.text, fence) }) else {
                    if MarkdownConverter.fencedBlocks[fence.info] != nil {
                        let c = String(fence.char)
                        throw TemplateError(file: file, at: line.position(at: indent),
                                            "\(fence.info) block is never closed (expected a closing \(c)\(c)\(c))")
                    }
                    out += lines[i...]
                    break
                }
                out += lines[i...close]
                i = close + 1
                continue
            }
            if body.hasPrefix(":::") || trimmed == ". . ." {
                blank(line); out.append(line.dropping(indent)); blank(line)
                i += 1
                continue
            }
            if body.hasPrefix("Table:") {
                blank(line); out.append(try protectRun([line.dropping(indent)])[0]); blank(line)
                i += 1
                continue
            }
            if body.hasPrefix("$$") {
                i = try displayMath(lines, from: i, indent: indent, into: &out)
                continue
            }
            if trimmed.isEmpty || atxHeading(body) != nil {
                out += try protectRun([line])
                i += 1
                continue
            }
            // An ordinary run: inline math may wrap across its lines, never past its end.
            var j = i + 1
            while j < lines.count, !isSpecial(lines[j].text) { j += 1 }
            for protected in try protectRun(Array(lines[i..<j])) {
                if let previous = out.last, isTableRow(previous.text), !isTableRow(protected.text) { blank(protected) }
                out.append(protected)
            }
            i = j
        }
        return out
    }

    private func isSpecial(_ text: String) -> Bool {
        let body = splitIndent(text).body
        return body.trimmedSpaces.isEmpty || body.hasPrefix(":::") || body.hasPrefix("$$") || body.hasPrefix("Table:")
            || body.trimmedSpaces == ". . ." || atxHeading(body) != nil || fenceOpening(body) != nil
    }

    /// Tokenises `$…$` and `@fig-…` references in a run of lines (code spans stay as written).
    /// Math that wraps leaves its token where the `$` was; a line left empty by it is dropped.
    mutating func protectRun(_ lines: [SourcedLine]) throws -> [SourcedLine] {
        var out: [SourcedLine] = []
        var math: (start: SourcePosition, tex: String, line: Int)?
        for line in lines {
            let chars = line.chars
            var o = SourcedLine(line: line.line)
            var k = 0
            let continuing = math != nil
            if math != nil, !(math?.tex.isEmpty ?? true) { math?.tex += "\n" }
            while k < chars.count {
                let c = chars[k]
                if var m = math {
                    if c == "\\", k + 1 < chars.count {
                        m.tex += String(chars[k...(k + 1)])
                        k += 2
                    } else if c == "$" {
                        let t = token(.inlineMath(m.tex.trimmingCharacters(in: .whitespacesAndNewlines), m.start))
                        if m.line == out.count {
                            for tc in t { o.append(tc, at: m.start) }
                        } else {
                            for tc in t { out[m.line].append(tc, at: m.start) }
                        }
                        k += 1
                        math = nil
                        continue
                    } else {
                        m.tex.append(c)
                        k += 1
                    }
                    math = m
                    continue
                }
                switch c {
                case "\\" where k + 1 < chars.count:
                    o.append(c, at: line.positions[k]); o.append(chars[k + 1], at: line.positions[k + 1])
                    k += 2
                case "`":
                    let run = chars[k...].prefix(while: { $0 == "`" }).count
                    var e = k + run
                    var closing = -1
                    while e < chars.count {
                        if chars[e] == "`" {
                            let r = chars[e...].prefix(while: { $0 == "`" }).count
                            if r == run { closing = e; break }
                            e += r
                        } else {
                            e += 1
                        }
                    }
                    let end = closing >= 0 ? closing + run : k + run
                    for x in k..<end { o.append(chars[x], at: line.positions[x]) }
                    k = end
                case "$":
                    if k + 1 < chars.count, chars[k + 1] == "$" {
                        throw TemplateError(file: file, at: line.position(at: k),
                                            "display math '$$' must start its own line (for inline math use single '$')")
                    }
                    math = (line.position(at: k), "", out.count)
                    k += 1
                case "!" where k + 1 < chars.count && chars[k + 1] == "[":
                    // Markdown images used to vanish without a word (cmark keeps only the alt
                    // text). Handouts place catalogue figures only, so an image is refused where it stands.
                    if let target = imageTarget(chars, at: k) {
                        throw TemplateError(file: file, at: line.position(at: k),
                                            "Markdown image '\(target)' is not placed: handouts draw figures from ```figure blocks "
                                            + "(`infoplot figures` lists them); remove the image or write \\! for a literal '!['")
                    }
                    o.append(c, at: line.positions[k])
                    k += 1
                case "@" where k == 0 || !(chars[k - 1].isLetter || chars[k - 1].isNumber):
                    if let (label, kind, end) = reference(chars, at: k + 1) {
                        for tc in token(.ref(label: label, kind: kind, line.position(at: k))) { o.append(tc, at: line.positions[k]) }
                        k = end
                    } else {
                        o.append(c, at: line.positions[k])
                        k += 1
                    }
                default:
                    o.append(c, at: line.positions[k])
                    k += 1
                }
            }
            // A line that held only the end of wrapped math would otherwise be a blank line.
            if continuing, o.chars.allSatisfy({ $0 == " " || $0 == "\t" }), !line.chars.isEmpty { continue }
            out.append(o)
        }
        if let m = math {
            throw TemplateError(file: file, at: m.start,
                                "unbalanced '$': inline math opened here is not closed before the paragraph ends (write \\$ for a literal dollar)")
        }
        return out
    }

    /// The destination of a Markdown image `![alt](target)` starting at `start`, or nil.
    private func imageTarget(_ chars: [Character], at start: Int) -> String? {
        guard let close = chars[(start + 2)...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
              let end = chars[(close + 2)...].firstIndex(of: ")") else { return nil }
        return String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
    }

    /// `fig-kl`, `eq-kl`, `sec-ce`, `tbl-terms` after an `@`; a trailing `-`, `.` or `:` is prose.
    private func reference(_ chars: [Character], at start: Int) -> (String, ReferenceKind, Int)? {
        var e = start
        while e < chars.count, isLabelChar(chars[e]) { e += 1 }
        while e > start, chars[e - 1] == "-" || chars[e - 1] == "." || chars[e - 1] == ":" { e -= 1 }
        let label = String(chars[start..<e])
        guard let dash = label.firstIndex(of: "-"), label.index(after: dash) < label.endIndex,
              let kind = ReferenceKind(rawValue: String(label[..<dash])) else { return nil }
        return (label, kind, e)
    }

    /// `$$…$$` on lines of their own (the closing `$$` may be followed by `{#eq-…}` only).
    private mutating func displayMath(_ lines: [SourcedLine], from i: Int, indent: Int,
                                      into out: inout [SourcedLine]) throws -> Int {
        let first = lines[i]
        let open = first.position(at: indent)
        var tex = ""
        var rest: SourcedLine = SourcedLine(line: first.line)
        var end = i
        let afterOpen = first.dropping(indent + 2)
        if let r = afterOpen.text.range(of: "$$") {
            let at = afterOpen.text.distance(from: afterOpen.text.startIndex, to: r.lowerBound)
            tex = String(afterOpen.chars.prefix(at))
            rest = afterOpen.dropping(at + 2)
        } else {
            tex = afterOpen.text
            var j = i + 1
            var closed = false
            while j < lines.count {
                let text = lines[j].text
                if let r = text.range(of: "$$") {
                    let at = text.distance(from: text.startIndex, to: r.lowerBound)
                    tex += "\n" + String(lines[j].chars.prefix(at))
                    rest = lines[j].dropping(at + 2)
                    closed = true
                    break
                }
                if text.trimmedSpaces.isEmpty { break }
                tex += "\n" + text
                j += 1
            }
            guard closed else {
                throw TemplateError(file: file, at: open, "display math '$$' opened here is never closed (expected '$$' before a blank line)")
            }
            end = j
        }
        var label: String?
        let trimmedRest = rest.text.trimmedSpaces
        if !trimmedRest.isEmpty {
            let lead = rest.chars.prefix(while: { $0 == " " || $0 == "\t" }).count
            let pos = rest.position(at: lead)
            guard let attr = trailingAttribute(trimmedRest), attr.offset == 0 else {
                throw TemplateError(file: file, at: pos,
                                    "unexpected text after display math: '\(trimmedRest)' (only a label such as {#eq-name} may follow '$$')")
            }
            guard attr.label.hasPrefix("eq-") else {
                throw TemplateError(file: file, at: pos, "an equation label must start with 'eq-' (got '{#\(attr.label)}')")
            }
            label = attr.label
        }
        let body = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { throw TemplateError(file: file, at: open, "empty display math") }
        var tokenLine = first.prefix(indent)
        for c in token(.displayMath(tex: body, label: label, open)) { tokenLine.append(c, at: open) }
        out += [SourcedLine(line: first.line), tokenLine, SourcedLine(line: first.line)]
        return end + 1
    }
}

// MARK: - Line classification helpers

func isTableRow(_ line: String) -> Bool {
    splitIndent(line).body.hasPrefix("|")
}

func isLabelChar(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == ":")
}

func splitIndent(_ text: String) -> (indent: String, body: String) {
    let indent = String(text.prefix(while: { $0 == " " || $0 == "\t" }))
    return (indent, String(text.dropFirst(indent.count)))
}

struct Fence {
    var char: Character
    var count: Int
    var info: String
}

func fenceOpening(_ body: String) -> Fence? {
    guard let c = body.first, c == "`" || c == "~" else { return nil }
    let run = body.prefix(while: { $0 == c }).count
    guard run >= 3 else { return nil }
    let info = String(body.dropFirst(run)).trimmedSpaces
    if c == "`", info.contains("`") { return nil }
    return Fence(char: c, count: run, info: info.split(separator: " ").first.map(String.init) ?? "")
}

func isFenceClose(_ text: String, _ fence: Fence) -> Bool {
    let body = splitIndent(text).body
    let run = body.prefix(while: { $0 == fence.char }).count
    return run >= fence.count && String(body.dropFirst(run)).trimmedSpaces.isEmpty
}

func atxHeading(_ body: String) -> Int? {
    let hashes = body.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes) else { return nil }
    let after = body.dropFirst(hashes)
    return after.isEmpty || after.first == " " || after.first == "\t" ? hashes : nil
}

/// `{#label}` at the end of a line: the label and the character offset of its `{`.
func trailingAttribute(_ text: String) -> (label: String, offset: Int)? {
    let trimmed = text.trimmingTrailingSpaces
    guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
    let label = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
    guard !label.isEmpty, label.allSatisfy(isLabelChar) else { return nil }
    return (label, trimmed.distance(from: trimmed.startIndex, to: open.lowerBound))
}
