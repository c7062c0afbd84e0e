/// A code block that is no figure-like element (and raw HTML, shown as code): one mono line
/// per slab on a page, `<pre><code>` in HTML with its language as a class.
struct CodeBlock: DocumentElement {
    static let name = "code"
    var info: String
    var code: String
    var block: Block { .codeBlock(info: info, code: code) }

    /// A code block (values filled in: code holds them verbatim); raw HTML would bypass escaping
    /// and has no meaning on paper, so an HTML block is shown as code too.
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        switch node.kind {
        case .codeBlock: return .block(.codeBlock(info: node.fenceInfo, code: c.resolvingValues(node.literal)))
        case .htmlBlock: return .block(.codeBlock(info: "html", code: node.literal))
        default: return nil
        }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.hasSuffix("\n") ? 1 : 0)
        for (k, line) in codeLines.enumerated() {
            planner.slabs.append(LayoutSlab(height: g.leading, spaceBefore: k == 0 ? g.paragraphSpace : 0,
                                            keepWithNext: k == 0 || k == codeLines.count - 2, content: .codeLine(String(line)),
                                            indent: indent))
        }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let lang = info.split(separator: " ").first.map { " class=\"language-\(attr(String($0)))\"" } ?? ""
        w.out += "<pre><code\(lang)>\(text(code))</code></pre>\n"
    }
}
