import FigureCatalogue
import Foundation
import InfoRequests
import PlotGrammar

/// What the pre-pass lifted out of the text before cmark sees it. cmark knows neither math nor
/// fenced divs nor labels, and would mangle TeX (`*`, `_`, `|` are Markdown syntax), so each
/// construct is replaced by a token cmark passes through untouched and put back as a node after.
enum Lifted: Sendable {
    case inlineMath(String, SourcePosition)
    case displayMath(tex: String, label: String?, SourcePosition)
    case figure(FigureSpec)
    /// The callout's title follows the token in the same paragraph.
    case divOpen(CalloutKind, SourcePosition)
    case divClose(SourcePosition)
    case headingLabel(String, SourcePosition)
    case ref(label: String, kind: ReferenceKind, SourcePosition)
    /// The caption follows the token in the same paragraph.
    case tableCaption(label: String?, SourcePosition)
    /// `::: notes`, `:::: columns`, `::: column`, `::: incremental`.
    case slideDivOpen(DivKind, SourcePosition)
    /// `. . .` on its own line.
    case pause(SourcePosition)
    /// `---` between blank lines in a deck.
    case slideBreak(SourcePosition)
    /// Every ATX heading carries its line and its `{.shrink}` class.
    case headingInfo(shrink: Bool, SourcePosition)
}

struct FigureSpec: Sendable {
    var name: String
    var parameters: JSONValue
    /// Caption Markdown with its own math already lifted.
    var caption: String
    var label: String?
    var size: String?
    var position: SourcePosition
    /// Drawn from a plot spec rather than a catalogue recipe.
    var plot: PlotBlock?
}

/// Tokens are private-use characters around an index: cmark treats them as ordinary text, never
/// as punctuation, so they survive emphasis, tables and smart rules unchanged.
let tokenOpen: Character = "\u{E000}"
let tokenClose: Character = "\u{E001}"

struct PrePass {
    let file: String
    let values: ValueTable
    /// In a deck a `---` line between blank lines separates slides instead of drawing a rule.
    let slides: Bool
    /// The figures a figure block may name: the catalogue and the user's own specs.
    let figures: FigureLibrary
    private(set) var lifted: [Lifted] = []
    /// For each line of `run`'s output, the template line it came from (lines added around lifted
    /// blocks take their block's line), so errors found by cmark can be located.
    private(set) var outputLines: [Int] = []

    init(file: String, values: ValueTable, slides: Bool = false, figures: FigureLibrary = .builtIn) {
        self.file = file
        self.values = values
        self.slides = slides
        self.figures = figures
    }

    /// Fenced divs open at a point of the text: callouts may not nest in callouts, slide divs
    /// (columns, notes) may hold callouts. Bounded so a runaway template cannot recurse deeply.
    private struct OpenDiv {
        var callout: Bool
        var position: SourcePosition
    }
    static let maxDivDepth = 8

    private mutating func token(_ item: Lifted) -> String {
        lifted.append(item)
        return "\(tokenOpen)\(lifted.count - 1)\(tokenClose)"
    }

    /// The body, ready for cmark. Lines are not kept one-to-one (blank lines are added around
    /// lifted blocks): every lifted item carries its own source position instead.
    mutating func run(_ lines: [RenderedLine]) throws -> String {
        for line in lines {
            if let k = Array(line.text).firstIndex(where: { $0 == tokenOpen || $0 == tokenClose }) {
                throw TemplateError(file: file, at: line.position(ofColumn: k + 1),
                                    "private-use characters U+E000/U+E001 are reserved by the template processor")
            }
        }
        var out: [String] = []
        var i = 0
        var openDivs: [OpenDiv] = []
        var sourceLine = lines.first?.sourceLine ?? 1
        while i < lines.count {
            // Everything appended since the last pass of this loop came from that pass's line.
            outputLines += Array(repeating: sourceLine, count: out.count - outputLines.count)
            sourceLine = lines[i].sourceLine
            let line = lines[i]
            let (indent, body) = splitIndent(line.text)
            let pos = { (offset: Int) in line.position(ofColumn: indent.count + offset + 1) }

            if let fence = fenceOpening(body) {
                guard let close = lines[(i + 1)...].firstIndex(where: { isFenceClose($0.text, fence) }) else {
                    if fence.info == "figure" || fence.info == "plot" {
                        throw TemplateError(file: file, at: pos(0), "\(fence.info) block is never closed (expected a closing \(String(fence.char))\(String(fence.char))\(String(fence.char)))")
                    }
                    out += lines[i...].map(\.text)
                    break
                }
                if fence.info == "figure" || fence.info == "plot" {
                    let spec = fence.info == "figure" ? try figure(lines[(i + 1)..<close], fencePosition: pos(0))
                        : try plot(lines[(i + 1)..<close], fencePosition: pos(0))
                    out += ["", indent + token(.figure(spec)), ""]
                } else {
                    out += lines[i...close].map(\.text)
                }
                i = close + 1
                continue
            }
            if body.hasPrefix(":::") {
                let rest = String(body.drop(while: { $0 == ":" }))
                let trimmed = rest.trimmedSpaces
                if trimmed.isEmpty {
                    guard let top = openDivs.popLast() else {
                        throw TemplateError(file: file, at: pos(0), "':::' closes a callout that was never opened")
                    }
                    _ = top
                    out += ["", token(.divClose(pos(0))), ""]
                } else {
                    let kindOffset = body.count - rest.count + (rest.count - rest.drop(while: { $0 == " " || $0 == "\t" }).count)
                    let word = String(trimmed.prefix(while: { $0 != " " && $0 != "\t" }))
                    // Pandoc writes classes as `{.incremental}`; the bare word means the same.
                    let bare = word.hasPrefix("{.") && word.hasSuffix("}") ? String(word.dropFirst(2).dropLast()) : word
                    guard openDivs.count < PrePass.maxDivDepth else {
                        throw TemplateError(file: file, at: pos(0), "fenced divs nest more than \(PrePass.maxDivDepth) deep")
                    }
                    if let kind = DivKind(rawValue: bare) {
                        let extra = String(trimmed.dropFirst(word.count)).trimmedSpaces
                        if !extra.isEmpty {
                            throw TemplateError(file: file, at: pos(kindOffset + word.count),
                                                "'::: \(bare)' takes no title (got '\(extra)')")
                        }
                        openDivs.append(OpenDiv(callout: false, position: pos(0)))
                        out += ["", token(.slideDivOpen(kind, pos(0))), ""]
                        i += 1
                        continue
                    }
                    if let outer = openDivs.last(where: \.callout) {
                        throw TemplateError(file: file, at: pos(0),
                                            "callouts do not nest: the one opened at line \(outer.position.line) is still open (close it with ':::' first)")
                    }
                    guard let kind = CalloutKind(rawValue: word) else {
                        let known = CalloutKind.allCases.map(\.rawValue) + (slides ? DivKind.allCases.map(\.rawValue) : [])
                        throw TemplateError(file: file, at: pos(kindOffset),
                                            "unknown callout kind '\(word)' (known: \(known.joined(separator: ", ")))")
                    }
                    openDivs.append(OpenDiv(callout: true, position: pos(0)))
                    let titleOffset = indent.count + kindOffset + word.count
                    let title = try liftInlines([line.dropping(titleOffset)])[0].trimmedSpaces
                    out += ["", token(.divOpen(kind, pos(0))) + (title.isEmpty ? "" : " " + title), ""]
                }
                i += 1
                continue
            }
            if body.trimmedSpaces == ". . ." {
                out += ["", token(.pause(pos(0))), ""]
                i += 1
                continue
            }
            if slides, indent.isEmpty, body.trimmedSpaces == "---", i == 0 || lines[i - 1].text.trimmedSpaces.isEmpty {
                out += ["", token(.slideBreak(pos(0))), ""]
                i += 1
                continue
            }
            if body.hasPrefix("$$") {
                i = try displayMath(lines, from: i, indent: indent, into: &out)
                continue
            }
            if let hashes = atxHeading(body) {
                out.append(try heading(line, indent: indent.count, hashes: hashes))
                i += 1
                continue
            }
            if body.hasPrefix("Table:") {
                out.append(try tableCaption(line, indent: indent.count))
                i += 1
                continue
            }
            if body.trimmedSpaces.isEmpty {
                out.append(line.text)
                i += 1
                continue
            }
            // An ordinary run: inline math may wrap across its lines, never past its end.
            var j = i + 1
            while j < lines.count, !isSpecial(lines[j].text) { j += 1 }
            // A table ends at its last `|` row: GFM would swallow a following text line as one
            // more row, which in a handout is always a mistake, so that line starts a paragraph.
            for (k, line) in try liftInlines(Array(lines[i..<j])).enumerated() {
                if let previous = out.last, isTableRow(previous), !isTableRow(line) { out.append("") }
                out.append(line)
                outputLines += Array(repeating: lines[min(i + k, j - 1)].sourceLine, count: out.count - outputLines.count)
            }
            i = j
        }
        if let open = openDivs.last {
            throw TemplateError(file: file, at: open.position,
                                "\(open.callout ? "callout" : "fenced div") opened here is never closed (expected a ':::' line)")
        }
        outputLines += Array(repeating: sourceLine, count: out.count - outputLines.count)
        return out.joined(separator: "\n") + "\n"
    }

    private func isSpecial(_ text: String) -> Bool {
        let (_, body) = splitIndent(text)
        return body.trimmedSpaces.isEmpty || body.hasPrefix(":::") || body.hasPrefix("$$") || body.hasPrefix("Table:")
            || body.trimmedSpaces == ". . ." 
            || atxHeading(body) != nil || fenceOpening(body) != nil
    }

    // MARK: Inline constructs

    /// Lifts `$…$` and `@fig-…` references out of a run of lines (code spans stay as written).
    mutating func liftInlines(_ lines: [RenderedLine]) throws -> [String] {
        var out: [String] = []
        var math: (start: SourcePosition, tex: String)?
        // Where the open math's token goes: the output line and its end, so wrapped math still
        // reads in place (the token lands where the `$` was).
        var mathLine = 0
        for line in lines {
            let chars = Array(line.text)
            var o = ""
            var k = 0
            if math != nil, !(math?.tex.isEmpty ?? true) { math?.tex += "\n" }
            while k < chars.count {
                let c = chars[k]
                if var m = math {
                    if c == "\\", k + 1 < chars.count {
                        m.tex += String(chars[k...(k + 1)])
                        k += 2
                    } else if c == "$" {
                        let t = token(.inlineMath(m.tex.trimmingCharacters(in: .whitespacesAndNewlines), m.start))
                        if mathLine == out.count { o += t } else { out[mathLine] += t }
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
                    o += String(chars[k...(k + 1)])
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
                    o += String(chars[k..<end])
                    k = end
                case "$":
                    if k + 1 < chars.count, chars[k + 1] == "$" {
                        throw TemplateError(file: file, at: line.position(ofColumn: k + 1),
                                            "display math '$$' must start its own line (for inline math use single '$')")
                    }
                    math = (line.position(ofColumn: k + 1), "")
                    mathLine = out.count
                    k += 1
                case "!" where k + 1 < chars.count && chars[k + 1] == "[":
                    // Markdown images used to vanish without a word (cmark keeps only the alt
                    // text). Handouts place catalogue figures only, so an image is refused where it stands.
                    if let target = imageTarget(chars, at: k) {
                        throw TemplateError(file: file, at: line.position(ofColumn: k + 1),
                                            "Markdown image '\(target)' is not placed: handouts draw figures from ```figure blocks "
                                            + "(`infoplot figures` lists them); remove the image or write \\! for a literal '!['")
                    }
                    o.append(c)
                    k += 1
                case "@" where k == 0 || !(chars[k - 1].isLetter || chars[k - 1].isNumber):
                    if let (label, kind, end) = reference(chars, at: k + 1) {
                        o += token(.ref(label: label, kind: kind, line.position(ofColumn: k + 1)))
                        k = end
                    } else {
                        o.append(c)
                        k += 1
                    }
                default:
                    o.append(c)
                    k += 1
                }
            }
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

    // MARK: Block constructs

    private mutating func heading(_ line: RenderedLine, indent: Int, hashes: Int) throws -> String {
        var text = line.text
        var shrink = false
        if text.trimmingTrailingSpaces.hasSuffix("{.shrink}") {
            shrink = true
            text = String(text.trimmingTrailingSpaces.dropLast("{.shrink}".count)).trimmingTrailingSpaces
        }
        var label: (String, SourcePosition)?
        if let attr = trailingAttribute(text) {
            let pos = line.position(ofColumn: attr.offset + 1)
            guard attr.label.hasPrefix("sec-") else {
                throw TemplateError(file: file, at: pos, "a heading label must start with 'sec-' (got '{#\(attr.label)}')")
            }
            label = (attr.label, pos)
            text = String(text.prefix(attr.offset)).trimmingTrailingSpaces
        }
        var lifted = try liftInlines([line.prefix(text.count)])[0]
        if let (name, pos) = label { lifted += " " + token(.headingLabel(name, pos)) }
        return lifted + " " + token(.headingInfo(shrink: shrink, line.position(ofColumn: indent + 1)))
    }

    private mutating func tableCaption(_ line: RenderedLine, indent: Int) throws -> String {
        let start = indent + "Table:".count
        var captionLine = line.dropping(start)
        var label: String?
        if let attr = trailingAttribute(captionLine.text) {
            guard attr.label.hasPrefix("tbl-") else {
                throw TemplateError(file: file, at: captionLine.position(ofColumn: attr.offset + 1),
                                    "a table label must start with 'tbl-' (got '{#\(attr.label)}')")
            }
            label = attr.label
            captionLine = captionLine.prefix(attr.offset)
        }
        let caption = try liftInlines([captionLine])[0].trimmedSpaces
        // A blank line first: a caption line right under a table would otherwise become a row.
        return "\n" + token(.tableCaption(label: label, line.position(ofColumn: indent + 1))) + " " + caption
    }

    private mutating func displayMath(_ lines: [RenderedLine], from i: Int, indent: String,
                                      into out: inout [String]) throws -> Int {
        let first = lines[i]
        let open = first.position(ofColumn: indent.count + 1)
        var tex = ""
        var rest = ""
        var restLine = first
        var restOffset = 0
        var end = i
        let afterOpen = String(first.text.dropFirst(indent.count + 2))
        if let r = afterOpen.range(of: "$$") {
            tex = String(afterOpen[..<r.lowerBound])
            rest = String(afterOpen[r.upperBound...])
            restOffset = indent.count + 2 + afterOpen.distance(from: afterOpen.startIndex, to: r.upperBound)
        } else {
            tex = afterOpen
            var j = i + 1
            var closed = false
            while j < lines.count {
                let text = lines[j].text
                if let r = text.range(of: "$$") {
                    tex += "\n" + text[..<r.lowerBound]
                    rest = String(text[r.upperBound...])
                    restLine = lines[j]
                    restOffset = text.distance(from: text.startIndex, to: r.upperBound)
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
        let trimmedRest = rest.trimmedSpaces
        if !trimmedRest.isEmpty {
            let lead = rest.count - rest.drop(while: { $0 == " " || $0 == "\t" }).count
            let pos = restLine.position(ofColumn: restOffset + lead + 1)
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
        out += ["", indent + token(.displayMath(tex: body, label: label, open)), ""]
        return end + 1
    }

    /// The keys every figure-like block shares: `caption` (Markdown with math), `label` (fig-…),
    /// `size` (a preset or WxH inches, kept as written).
    mutating func readBlockKey(_ e: YAMLEntry, into spec: inout FigureSpec) throws {
        switch e.key {
        case "caption":
            guard case .string(let caption) = e.value.kind else {
                throw TemplateError(file: file, at: e.value.position, "figure 'caption' must be text")
            }
            let captionLine = RenderedLine(text: caption, sourceLine: e.value.position.line,
                                           anchors: [ColumnAnchor(rendered: 1, source: e.value.position.column)])
            spec.caption = try liftInlines([captionLine])[0]
        case "label":
            guard let label = e.value.string, label.hasPrefix("fig-"), label.count > 4,
                  label.allSatisfy(isLabelChar) else {
                throw TemplateError(file: file, at: e.value.position, "a figure label looks like fig-name (got '\(e.value.text)')")
            }
            spec.label = label
        default:
            spec.size = e.value.text
        }
    }

    private mutating func figure(_ lines: ArraySlice<RenderedLine>, fencePosition: SourcePosition) throws -> FigureSpec {
        let yaml = lines.map(\.text).joined(separator: "\n")
        let firstLine = lines.first?.sourceLine ?? fencePosition.line + 1
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
            for e in entries where !["name", "caption", "label", "size"].contains(e.key) && !names.contains(e.key) {
                throw noParameter(e, names)
            }
            return try plotFigure(name: name, spec: spec, entries: entries, fencePosition: fencePosition)
        }
        guard let known = FigureParameters.catalogue[name] else {
            throw TemplateError(file: file, at: nameEntry.value.position,
                                "unknown figure '\(name)'" + (likelyMeant(name, figures.names).map { "; did you mean '\($0)'?" } ?? "")
                                + " (known: \(knownList(closestFirst(to: name, figures.names), limit: 20)))")
        }
        var spec = FigureSpec(name: name, parameters: .object([]), caption: "", label: nil, size: nil, position: fencePosition)
        var params: [(String, JSONValue)] = []
        for e in entries where e.key != "name" {
            switch e.key {
            case "caption", "label", "size":
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
        return spec
    }
}

// MARK: - Line classification helpers

func isTableRow(_ line: String) -> Bool {
    splitIndent(line).body.hasPrefix("|")
}

func isLabelChar(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == ":")
}

/// Up to three spaces of indentation belong to the line's block; more (lists) are kept as indent.
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
