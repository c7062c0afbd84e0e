import CCmarkGFM
import FigureCatalogue

/// cmark-gfm registers its extensions through an unguarded static flag; a Swift global is
/// initialised exactly once even when several handouts are parsed on different threads.
private let cmarkExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// Reads the tree cmark-gfm parses from the body into our document model. The only file that
/// touches C. libcmark-gfm (GitHub's CommonMark fork) with the table, strikethrough and autolink
/// extensions and footnotes parses every block and inline; each block node is handed to the
/// document elements (Elements/, through `MarkdownNode`), which read what cmark does not know:
/// figure blocks are code blocks by fence info, `:::` fences, `. . .` pauses and `Table:` captions
/// are paragraphs of their own line, `{#label}` and `{.shrink}` end a heading's text. Inlines are
/// read here, and tokens (math, references, values) come back inside text nodes.
struct MarkdownConverter {
    let file: String
    var protection: MathProtection
    /// What each `{{name}}` token prints (from the Mustache stage).
    let printed: [String]
    let values: ValueTable
    /// In a deck a `---` line between blank lines separates slides instead of drawing a rule.
    let slides: Bool
    /// The figures a figure block may name: the catalogue and the user's own specs.
    let figures: FigureLibrary
    /// The lines cmark was fed, each character with its template position.
    var lines: [SourcedLine] = []
    /// label → position of its definition, to report duplicates where the second one is.
    var labels: [String: SourcePosition] = [:]
    private(set) var labelOrder: [String] = []
    private var footnoteLabels: [String] = []

    /// The element kinds a node is read as, in the order they are tried (`DocumentElements.registry`).
    let elements: [any DocumentElement.Type]

    init(file: String, printed: [String] = [], values: ValueTable = ValueTable(), slides: Bool = false,
         figures: FigureLibrary = .builtIn, elements: [any DocumentElement.Type] = DocumentElements.registry) {
        self.file = file
        self.elements = elements
        self.figures = figures
        self.protection = MathProtection(file: file)
        self.printed = printed
        self.values = values
        self.slides = slides
    }

    var lifted: [Lifted] { protection.lifted }

    /// Fenced divs nest at most this deep, so a runaway template cannot recurse deeply.
    static let maxDivDepth = 8

    /// Block quotes, lists, emphasis and links nested deeper than this are refused: the conversion
    /// below and every writer after it recurse once per level, on build threads with small stacks,
    /// and prose never needs more than a handful of levels.
    static let maximumNesting = 32

    /// Top-level material before callouts are grouped and captions attached.
    enum Item {
        case block(Block)
        case divOpen(CalloutKind, [Inline], SourcePosition)
        case divClose(SourcePosition)
        case slideDivOpen(DivKind, SourcePosition)
        case caption(label: String?, [Inline], SourcePosition)
    }

    enum Piece {
        case inline(Inline)
        case marker(Int)
    }

    // MARK: Entry points

    mutating func blocks(from body: [SourcedLine]) throws -> (blocks: [Block], footnotes: [Footnote]) {
        lines = try protection.protect(body)
        return try withDocument(lines) { root in
            // cmark-gfm moves referenced definitions to the end of the document in order of first
            // reference (dropping unreferenced ones) and gives each reference that ordinal as its
            // literal, so the k-th definition is footnote k.
            let defs = children(root).filter { cmark_node_get_type($0) == CMARK_NODE_FOOTNOTE_DEFINITION }
            // The public API does not expose a definition's label, so the ordinal stands in for it.
            footnoteLabels = defs.enumerated().map { k, node in
                let l = literal(node)
                return l.isEmpty ? "\(k + 1)" : l
            }
            var items: [Item] = []
            for node in children(root) where cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_DEFINITION {
                items += try convertBlock(node)
            }
            let blocks = try group(items)
            var footnotes: [Footnote] = []
            for (k, node) in defs.enumerated() {
                footnotes.append(Footnote(label: footnoteLabels[k], number: k + 1,
                                          blocks: try blockList(children(node), context: "a footnote")))
            }
            return (blocks, footnotes)
        }
    }

    /// Inline Markdown of a title or caption (one paragraph) written at `position`.
    mutating func inlines(from text: String, at position: SourcePosition, context: String) throws -> [Inline] {
        if text.trimmedSpaces.isEmpty { return [] }
        let saved = lines
        defer { lines = saved }
        lines = try protection.protectRun([SourcedLine.from(text, at: position)])
        return try withDocument(lines) { root in
            var result: [Inline] = []
            for node in children(root) {
                guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { continue }
                if !result.isEmpty { result.append(.softBreak) }
                result += try inlineOnly(try pieces(children(node)), context: context)
            }
            return result
        }
    }

    private func withDocument<T>(_ lines: [SourcedLine], _ body: (OpaquePointer) throws -> T) throws -> T {
        _ = cmarkExtensionsRegistered
        let markdown = lines.map(\.text).joined(separator: "\n") + "\n"
        // Smart punctuation: handouts are read as typeset text, so quotes curl and -- / --- become
        // en and em dashes (math and code are untouched: math is lifted out, code is verbatim).
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS
        guard let parser = cmark_parser_new(options) else {
            throw TemplateError(file: file, line: 1, column: 1, message: "cmark could not create a parser")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let root = cmark_parser_finish(parser) else {
            throw TemplateError(file: file, line: 1, column: 1, message: "cmark could not parse the body")
        }
        defer { cmark_node_free(root) }
        try checkNesting(root)
        return try body(root)
    }

    /// Walks the tree with cmark's own iterator (no recursion, so any depth is safe to measure) and
    /// reports the first container that opens one level too many, where it is in the template.
    private func checkNesting(_ root: OpaquePointer) throws {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        let containers: Set<cmark_node_type> = [CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_EMPH,
                                                CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE]
        var depth = 0
        var lastLine: Int32 = 1
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            let counted = containers.contains(cmark_node_get_type(node)) || typeString(node) == "strikethrough"
            guard counted else { continue }
            if event == CMARK_EVENT_EXIT { depth -= 1; continue }
            depth += 1
            // Inline nodes carry no position in cmark-gfm; they inherit the last block's line.
            let line = cmark_node_get_start_line(node)
            if line > 0 { lastLine = line }
            if depth > Self.maximumNesting {
                throw TemplateError(file: file, line: sourceLine(Int(lastLine)).line, column: max(1, Int(cmark_node_get_start_column(node))),
                                    message: "block quotes, lists, emphasis and links nested more than \(Self.maximumNesting) levels deep")
            }
        }
    }

    // MARK: Blocks

    private func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func typeString(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private mutating func blockList(_ nodes: [OpaquePointer], context: String) throws -> [Block] {
        var blocks: [Block] = []
        for node in nodes {
            for item in try convertBlock(node) {
                switch item {
                case .block(let b): blocks.append(b)
                case .divOpen(_, _, let pos), .divClose(let pos), .slideDivOpen(_, let pos):
                    throw TemplateError(file: file, at: pos, "a ':::' callout must start at the top level, not inside \(context)")
                case .caption(_, _, let pos):
                    throw TemplateError(file: file, at: pos, "a 'Table:' caption must follow a table at the top level, not inside \(context)")
                }
            }
        }
        return blocks
    }

    /// A node as the registered elements read it: the first whose `parse` answers (Elements/).
    private mutating func convertBlock(_ pointer: OpaquePointer) throws -> [Item] {
        let node = MarkdownNode(pointer: pointer)
        for element in elements {
            if let item = try element.parse(node, &self) { return [item] }
        }
        return []
    }

    /// A node's inline children as text and tokens (math, references) still to be placed.
    mutating func inlinePieces(_ node: MarkdownNode) throws -> [Piece] {
        try pieces(children(node.pointer))
    }

    /// A container's children as blocks (`context` names the container in errors).
    mutating func blockList(_ node: MarkdownNode, context: String) throws -> [Block] {
        try blockList(children(node.pointer), context: context)
    }

    /// One line (already protected) read as inline Markdown on its own, as a callout title is.
    mutating func inlineLine(_ line: SourcedLine, context: String) throws -> [Inline] {
        let saved = lines
        defer { lines = saved }
        lines = [line]
        return try withDocument(lines) { root in
            try children(root).flatMap { try inlineOnly(pieces(children($0)), context: context) }
        }
    }

    /// The fed line a node starts on (cmark counts lines from 1).
    func sourceLine(_ cmarkLine: Int) -> SourcedLine {
        let k = cmarkLine - 1
        return lines.indices.contains(k) ? lines[k] : SourcedLine(line: max(1, cmarkLine))
    }

    /// `count` characters off the front of a run of inlines (text only: a marker's own prefix).
    func dropPrefix(_ count: Int, of inlines: [Inline]) -> [Inline] {
        guard case .text(let s)? = inlines.first, s.count >= count else { return inlines }
        return [.text(String(s.dropFirst(count)))] + inlines.dropFirst()
    }

    func dropSuffix(_ suffix: String, of inlines: [Inline]) -> [Inline] {
        guard case .text(let s)? = inlines.last, s.trimmingTrailingSpaces.hasSuffix(suffix) else { return inlines }
        return inlines.dropLast() + [.text(String(s.trimmingTrailingSpaces.dropLast(suffix.count)))]
    }

    /// Groups `:::` callouts and slide divs (which nest: columns hold columns, a column may hold a
    /// callout) and attaches `Table:` captions to the table before them.
    private func group(_ items: [Item]) throws -> [Block] {
        enum Open {
            case callout(Callout)
            case div(Div)
            var blocks: [Block] {
                get { switch self { case .callout(let c): return c.blocks; case .div(let d): return d.blocks } }
                set {
                    switch self {
                    case .callout(var c): c.blocks = newValue; self = .callout(c)
                    case .div(var d): d.blocks = newValue; self = .div(d)
                    }
                }
            }
            var block: Block {
                switch self { case .callout(let c): return .callout(c); case .div(let d): return .div(d) }
            }
        }
        var top: [Block] = []
        var stack: [Open] = []
        func append(_ b: Block) {
            if stack.isEmpty { top.append(b) } else { stack[stack.count - 1].blocks.append(b) }
        }
        for item in items {
            switch item {
            case .block(let b): append(b)
            case .divOpen(let kind, let title, let pos):
                try checkDepth(stack.count, at: pos)
                // Callouts may not nest in callouts; slide divs (columns, notes) may hold callouts.
                for case .callout(let outer) in stack {
                    throw TemplateError(file: file, at: pos,
                                        "callouts do not nest: the one opened at line \(outer.position.line) is still open (close it with ':::' first)")
                }
                stack.append(.callout(Callout(kind: kind, title: title.isEmpty ? nil : title, number: nil, blocks: [], id: nil, position: pos)))
            case .slideDivOpen(let kind, let pos):
                try checkDepth(stack.count, at: pos)
                stack.append(.div(Div(kind: kind, blocks: [], position: pos)))
            case .divClose(let pos):
                guard let open = stack.popLast() else {
                    throw TemplateError(file: file, at: pos, "':::' closes a callout that was never opened")
                }
                append(open.block)
            case .caption(let label, let caption, let pos):
                let container = stack.last?.blocks ?? top
                guard case .table(var t)? = container.last else {
                    throw TemplateError(file: file, at: pos, "a 'Table:' caption must come right after a table")
                }
                t.caption = caption
                t.label = label
                if stack.isEmpty {
                    top[top.count - 1] = .table(t)
                } else {
                    stack[stack.count - 1].blocks[container.count - 1] = .table(t)
                }
            }
        }
        if let open = stack.last {
            switch open {
            case .callout(let c):
                throw TemplateError(file: file, at: c.position, "callout opened here is never closed (expected a ':::' line)")
            case .div(let d):
                throw TemplateError(file: file, at: d.position, "fenced div opened here is never closed (expected a ':::' line)")
            }
        }
        return top
    }

    private func checkDepth(_ depth: Int, at pos: SourcePosition) throws {
        guard depth < Self.maxDivDepth else {
            throw TemplateError(file: file, at: pos, "fenced divs nest more than \(Self.maxDivDepth) deep")
        }
    }

    mutating func define(_ label: String, at pos: SourcePosition) throws {
        if let first = labels[label] {
            throw TemplateError(file: file, at: pos, "label '\(label)' is already used at line \(first.line)")
        }
        labels[label] = pos
        labelOrder.append(label)
    }

    /// Puts the printed values back in place of their tokens (code, TeX and figure YAML hold them verbatim).
    func resolvingValues(_ text: String, printing: (String) -> String = { $0 }) -> String {
        guard text.contains(tokenOpen) else { return text }
        var out = ""
        var chars = text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == tokenOpen, chars.first == "v", let close = chars.firstIndex(of: tokenClose),
               let index = Int(chars[chars.index(after: chars.startIndex)..<close]), printed.indices.contains(index) {
                out += printing(printed[index])
                chars = chars[chars.index(after: close)...]
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A link destination with its values filled in. The node's destination holds the value's
    /// token as written (cmark percent-encodes only when it renders, as `%EE%80%80v3%EE%80%81`,
    /// U+E000/U+E001 in UTF-8, which is read back too); the printed value is percent-encoded where
    /// cmark would have encoded it (its `houdini_escape_href` safe set), so "a b" becomes "a%20b".
    func resolvingValues(inURL url: String) -> String {
        let tokens = url.replacingOccurrences(of: "%EE%80%80", with: String(tokenOpen))
            .replacingOccurrences(of: "%EE%80%81", with: String(tokenClose))
        return resolvingValues(tokens, printing: Self.percentEncodedForURL)
    }

    /// cmark's safe characters in a link destination (houdini_href_e.c); every other byte is %XX.
    private static let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+!*'(),%#@?=;:/&$~".utf8)

    static func percentEncodedForURL(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            if urlSafe.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    // MARK: Inlines

    func inlineOnly(_ pieces: [Piece], context: String) throws -> [Inline] {
        try pieces.map { piece in
            switch piece {
            case .inline(let i): return i
            case .marker(let index):
                throw TemplateError(file: file, at: position(of: lifted[index]),
                                    "this construct cannot stand inside \(context); give it its own lines")
            }
        }
    }

    private func position(of item: Lifted) -> SourcePosition {
        switch item {
        case .inlineMath(_, let p), .displayMath(_, _, let p), .ref(_, _, let p): return p
        }
    }

    private mutating func pieces(_ nodes: [OpaquePointer]) throws -> [Piece] {
        var out: [Piece] = []
        var text = ""
        func flush() {
            guard !text.isEmpty else { return }
            out += splitTokens(text)
            text = ""
        }
        for node in nodes {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT { text += literal(node); continue }
            flush()
            switch type {
            case CMARK_NODE_SOFTBREAK: out.append(.inline(.softBreak))
            case CMARK_NODE_LINEBREAK: out.append(.inline(.lineBreak))
            case CMARK_NODE_CODE: out.append(.inline(.code(literal(node))))
            case CMARK_NODE_HTML_INLINE: out.append(.inline(.code(literal(node))))
            case CMARK_NODE_EMPH: out.append(.inline(.emph(try inlineOnly(pieces(children(node)), context: "emphasis"))))
            case CMARK_NODE_STRONG: out.append(.inline(.strong(try inlineOnly(pieces(children(node)), context: "bold text"))))
            case CMARK_NODE_LINK:
                let url = resolvingValues(inURL: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
                let title = resolvingValues(cmark_node_get_title(node).map { String(cString: $0) } ?? "")
                out.append(.inline(.link(url: url, title: title, content: try inlineOnly(pieces(children(node)), context: "a link"))))
            case CMARK_NODE_IMAGE:
                // Handouts draw catalogue figures only; an image keeps its alt text, nothing is fetched.
                out += try pieces(children(node))
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                let number = Int(literal(node)) ?? 0
                let label = footnoteLabels.indices.contains(number - 1) ? footnoteLabels[number - 1] : literal(node)
                out.append(.inline(.footnoteRef(label: label, number: number)))
            default:
                if typeString(node) == "strikethrough" {
                    out.append(.inline(.strikethrough(try inlineOnly(pieces(children(node)), context: "struck-out text"))))
                } else {
                    out += try pieces(children(node))
                }
            }
        }
        flush()
        return out
    }

    private func splitTokens(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var plain = ""
        var chars = text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == tokenOpen, let kind = chars.first, let close = chars.firstIndex(of: tokenClose),
                  let index = Int(chars[chars.index(after: chars.startIndex)..<close]),
                  kind == "v" ? printed.indices.contains(index) : lifted.indices.contains(index) else {
                plain.append(c)
                continue
            }
            chars = chars[chars.index(after: close)...]
            if kind == "v" { plain += printed[index]; continue }
            if !plain.isEmpty { out.append(.inline(.text(plain))); plain = "" }
            switch lifted[index] {
            case .inlineMath(let tex, let pos): out.append(.inline(.math(InlineMath(tex: resolvingValues(tex), position: pos))))
            case .ref(let label, let kind, let pos):
                out.append(.inline(.ref(CrossReference(label: label, kind: kind, text: "", target: "", position: pos))))
            default: out.append(.marker(index))
            }
        }
        if !plain.isEmpty { out.append(.inline(.text(plain))) }
        return out
    }

    /// Drops the spaces our tokens leave at the edges of titles, captions and cells.
    func trim(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        while let first = result.first {
            if case .text(let s) = first {
                let t = String(s.drop(while: { $0 == " " }))
                if t.isEmpty { result.removeFirst() } else { result[0] = .text(t); break }
            } else if case .softBreak = first { result.removeFirst() } else { break }
        }
        while let last = result.last {
            if case .text(let s) = last {
                let t = s.trimmingTrailingSpaces
                if t.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(t); break }
            } else if case .softBreak = last { result.removeLast() } else { break }
        }
        return result
    }
}

/// A node of cmark's tree, as the document elements read it: the C calls stay in this file.
struct MarkdownNode {
    enum Kind { case paragraph, heading, codeBlock, htmlBlock, thematicBreak, blockQuote, list, table, other }
    fileprivate let pointer: OpaquePointer

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        default:
            let type = cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? ""
            return type == "table" ? .table : .other
        }
    }
    /// Lines of the fed text, counted from 1 as cmark does.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var children: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let c = child {
            out.append(MarkdownNode(pointer: c))
            child = cmark_node_next(c)
        }
        return out
    }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    /// A table's column alignments (GFM's `:--`, `:-:`, `--:`).
    var tableAlignments: [ColumnAlignment] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let raw = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<columns).map { i in
            switch raw[i] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }
    var isTableHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }
}
