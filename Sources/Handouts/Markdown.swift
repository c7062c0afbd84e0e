import CCmarkGFM

/// cmark-gfm registers its extensions through an unguarded static flag; a Swift global is
/// initialised exactly once even when several handouts are parsed on different threads.
private let cmarkExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// Turns pre-passed Markdown into our document model. The only file that touches C.
/// libcmark-gfm (GitHub's CommonMark fork) with the table, strikethrough and autolink extensions
/// and footnotes; our tokens come back inside text nodes and are swapped for their nodes here.
struct MarkdownConverter {
    let file: String
    let lifted: [Lifted]
    /// Template line of each line of the body Markdown (from the pre-pass).
    let sourceLines: [Int]
    /// label → position of its definition, to report duplicates where the second one is.
    private(set) var labels: [String: SourcePosition] = [:]
    private(set) var labelOrder: [String] = []
    private var footnoteLabels: [String] = []

    init(file: String, lifted: [Lifted], sourceLines: [Int] = []) {
        self.file = file
        self.lifted = lifted
        self.sourceLines = sourceLines
    }

    /// Block quotes, lists, emphasis and links nested deeper than this are refused: the conversion
    /// below and every writer after it recurse once per level, on build threads with small stacks,
    /// and prose never needs more than a handful of levels.
    static let maximumNesting = 32

    /// Top-level material before callouts are grouped and captions attached.
    private enum Item {
        case block(Block)
        case divOpen(CalloutKind, [Inline], SourcePosition)
        case divClose(SourcePosition)
        case slideDivOpen(DivKind, SourcePosition)
        case caption(label: String?, [Inline], SourcePosition)
    }

    private enum Piece {
        case inline(Inline)
        case marker(Int)
    }

    // MARK: Entry points

    mutating func blocks(from markdown: String) throws -> (blocks: [Block], footnotes: [Footnote]) {
        try withDocument(markdown) { root in
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

    /// Inline Markdown of a title or caption (one paragraph).
    mutating func inlines(from markdown: String, context: String) throws -> [Inline] {
        if markdown.trimmedSpaces.isEmpty { return [] }
        return try withDocument(markdown) { root in
            var result: [Inline] = []
            for node in children(root) {
                guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { continue }
                if !result.isEmpty { result.append(.softBreak) }
                result += try inlineOnly(try pieces(children(node)), context: context)
            }
            return result
        }
    }

    private func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        _ = cmarkExtensionsRegistered
        // Smart punctuation: handouts are read as typeset text, so quotes curl and -- / --- become
        // en and em dashes (math and code are untouched: math is lifted out, code is verbatim).
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
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
                let k = Int(lastLine) - 1
                let templateLine = sourceLines.indices.contains(k) ? sourceLines[k] : max(1, Int(lastLine))
                throw TemplateError(file: file, line: templateLine, column: max(1, Int(cmark_node_get_start_column(node))),
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

    private mutating func convertBlock(_ node: OpaquePointer) throws -> [Item] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return [try paragraph(pieces(children(node)))]
        case CMARK_NODE_HEADING:
            return [.block(try heading(node))]
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return [.block(.codeBlock(info: info, code: literal(node)))]
        case CMARK_NODE_HTML_BLOCK:
            // Raw HTML would bypass escaping and has no meaning on paper: shown as code instead.
            return [.block(.codeBlock(info: "html", code: literal(node)))]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.block(.thematicBreak)]
        case CMARK_NODE_BLOCK_QUOTE:
            return [.block(.blockQuote(try blockList(children(node), context: "a block quote")))]
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            for item in children(node) { items.append(try blockList(children(item), context: "a list")) }
            return [.block(.list(ListBlock(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                           start: Int(cmark_node_get_list_start(node)),
                                           tight: cmark_node_get_list_tight(node) != 0, items: items)))]
        default:
            if typeString(node) == "table" { return [.block(try table(node))] }
            return []
        }
    }

    private mutating func paragraph(_ pieces: [Piece]) throws -> Item {
        let significant = pieces.filter {
            if case .inline(.text(let s)) = $0 { return !s.trimmedSpaces.isEmpty }
            if case .inline(.softBreak) = $0 { return false }
            return true
        }
        if case .marker(let index)? = significant.first {
            let rest = Array(pieces.drop { if case .marker(index) = $0 { return false } else { return true } }.dropFirst())
            switch lifted[index] {
            case .divOpen(let kind, let pos):
                return .divOpen(kind, trim(try inlineOnly(rest, context: "a callout title")), pos)
            case .divClose(let pos):
                return .divClose(pos)
            case .slideDivOpen(let kind, let pos):
                return .slideDivOpen(kind, pos)
            case .pause(let pos) where significant.count == 1:
                return .block(.pause(pos))
            case .slideBreak(let pos) where significant.count == 1:
                return .block(.slideBreak(pos))
            case .tableCaption(let label, let pos):
                if let label { try define(label, at: pos) }
                return .caption(label: label, trim(try inlineOnly(rest, context: "a table caption")), pos)
            case .displayMath(let tex, let label, let pos) where significant.count == 1:
                if let label { try define(label, at: pos) }
                return .block(.displayMath(DisplayMath(tex: tex, number: nil, label: label, position: pos)))
            case .figure(let spec) where significant.count == 1:
                if let label = spec.label { try define(label, at: spec.position) }
                let caption = try inlines(from: spec.caption, context: "a figure caption")
                return .block(.figure(Figure(name: spec.name, parameters: spec.parameters, caption: caption, label: spec.label,
                                             number: 0, id: spec.label ?? "", size: spec.size, position: spec.position,
                                             plot: spec.plot)))
            default: break
            }
        }
        return .block(.paragraph(try inlineOnly(pieces, context: "a paragraph")))
    }

    private mutating func heading(_ node: OpaquePointer) throws -> Block {
        var label: String?
        var position: SourcePosition?
        var shrink = false
        var inl: [Piece] = []
        for piece in try pieces(children(node)) {
            if case .marker(let i) = piece, case .headingLabel(let name, let pos) = lifted[i] {
                try define(name, at: pos)
                label = name
            } else if case .marker(let i) = piece, case .headingInfo(let s, let pos) = lifted[i] {
                shrink = s
                position = pos
            } else {
                inl.append(piece)
            }
        }
        return .heading(Heading(level: Int(cmark_node_get_heading_level(node)), number: nil, label: label, id: label ?? "",
                                inlines: trim(try inlineOnly(inl, context: "a heading")), position: position, shrink: shrink,
                                sourceLevel: Int(cmark_node_get_heading_level(node))))
    }

    private mutating func table(_ node: OpaquePointer) throws -> Block {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [ColumnAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            var cells: [[Inline]] = []
            for cell in children(row) { cells.append(trim(try inlineOnly(try pieces(children(cell)), context: "a table cell"))) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        return .table(Table(header: header, rows: rows, alignments: alignments, caption: nil, label: nil, number: nil, id: nil))
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
                stack.append(.callout(Callout(kind: kind, title: title.isEmpty ? nil : title, number: nil, blocks: [], id: nil, position: pos)))
            case .slideDivOpen(let kind, let pos):
                stack.append(.div(Div(kind: kind, blocks: [], position: pos)))
            case .divClose:
                if let open = stack.popLast() { append(open.block) }
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
        return top
    }

    private mutating func define(_ label: String, at pos: SourcePosition) throws {
        if let first = labels[label] {
            throw TemplateError(file: file, at: pos, "label '\(label)' is already used at line \(first.line)")
        }
        labels[label] = pos
        labelOrder.append(label)
    }

    // MARK: Inlines

    private func inlineOnly(_ pieces: [Piece], context: String) throws -> [Inline] {
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
        case .inlineMath(_, let p), .displayMath(_, _, let p), .divOpen(_, let p), .divClose(let p),
             .headingLabel(_, let p), .ref(_, _, let p), .tableCaption(_, let p), .slideDivOpen(_, let p),
             .pause(let p), .slideBreak(let p), .headingInfo(_, let p): return p
        case .figure(let spec): return spec.position
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
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
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
            guard c == tokenOpen, let close = chars.firstIndex(of: tokenClose),
                  let index = Int(chars[..<close]), lifted.indices.contains(index) else {
                plain.append(c)
                continue
            }
            chars = chars[chars.index(after: close)...]
            if !plain.isEmpty { out.append(.inline(.text(plain))); plain = "" }
            switch lifted[index] {
            case .inlineMath(let tex, let pos): out.append(.inline(.math(InlineMath(tex: tex, position: pos))))
            case .ref(let label, let kind, let pos):
                out.append(.inline(.ref(CrossReference(label: label, kind: kind, text: "", target: "", position: pos))))
            default: out.append(.marker(index))
            }
        }
        if !plain.isEmpty { out.append(.inline(.text(plain))) }
        return out
    }

    /// Drops the spaces our tokens leave at the edges of titles, captions and cells.
    private func trim(_ inlines: [Inline]) -> [Inline] {
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
