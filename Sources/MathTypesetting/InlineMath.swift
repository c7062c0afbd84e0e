/// Labels that mix prose and `$…$` math, as figure labels, legends and titles do.
public enum InlineSegment: Sendable, Equatable {
    case text(String)
    /// TeX math and the Character offset of its first character in the label (for error columns).
    case math(String, offset: Int)
}

/// Splits a label at unescaped `$`; `\$` is a literal dollar sign in the text. An unclosed `$` is an
/// error pointing at it.
public func splitInlineMath(_ label: String) throws -> [InlineSegment] {
    let chars = Array(label)
    var segments: [InlineSegment] = []
    var current = ""
    var mathStart: Int?
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
            // In math, keep the escape for the parser (\$ is a symbol); in text it is a plain $.
            current += mathStart == nil ? "$" : "\\$"
            i += 2
            continue
        }
        if c == "$" {
            if let start = mathStart {
                segments.append(.math(current, offset: start + 1))
                mathStart = nil
            } else {
                if !current.isEmpty { segments.append(.text(current)) }
                mathStart = i
            }
            current = ""
        } else {
            current.append(c)
        }
        i += 1
    }
    if let start = mathStart {
        throw MathError(kind: .unbalancedBraces, message: "this '$' opens math that is never closed by another '$'",
                        range: start..<(start + 1), source: label)
    }
    if !current.isEmpty { segments.append(.text(current)) }
    return segments
}

/// Typesets a label of prose and `$…$` math in text style, the prose upright in the math font
/// (as \text{…}), so it sits on one baseline. Errors carry columns of the whole label.
public func typesetInline(_ label: String, font: MathFont, size: Double) throws -> MathBox {
    var list: MathList = []
    for segment in try splitInlineMath(label) {
        switch segment {
        case .text(let t):
            list.append(.atom(Atom(cls: .ord, nucleus: .text(t), range: 0..<0)))
        case .math(let tex, let offset):
            do {
                // A group keeps the math's own spacing from leaking into the prose around it.
                list.append(.atom(Atom(cls: .ord, nucleus: .list(try MathParser.parse(tex)), range: offset..<(offset + tex.count))))
            } catch let e as MathError {
                throw MathError(kind: e.kind, message: e.message,
                                range: (e.range.lowerBound + offset)..<(e.range.upperBound + offset), source: label)
            }
        }
    }
    let root = MathLayout.layout(list, display: false, font: font, size: size)
    try checkGlyphs(root, font: font, source: label)
    return MathBox(root: root, font: font)
}

/// What is wrong with a label's `$…$` math, line by line, as figure labels set them (no macros):
/// the parser's message and the Character offset in `label` where it points; nil when every
/// formula parses. Front ends that compile specs ask it so a bad label is an error at its line
/// and column, not TeX drawn as written.
public func inlineMathProblem(_ label: String) -> (message: String, offset: Int)? {
    guard label.contains("$") else { return nil }
    var lineStart = 0
    for line in label.split(separator: "\n", omittingEmptySubsequences: false) {
        do {
            for case .math(let tex, let offset) in try splitInlineMath(String(line)) {
                do { _ = try MathParser.parse(tex) } catch let e as MathError {
                    return (e.message, lineStart + offset + e.range.lowerBound)
                }
            }
        } catch let e as MathError {
            return (e.message, lineStart + e.range.lowerBound)
        } catch {
            return ("\(error)", lineStart)
        }
        lineStart += line.count + 1
    }
    return nil
}
