/// The layout result: TeX's boxes (TeXbook ch. 11–12) as pure values. Coordinates follow TeX:
/// height above and depth below the baseline; in an hlist, `shift` moves a child down (negative: up).
public struct Box: Sendable {
    public var width: Double
    public var height: Double
    public var depth: Double
    public var content: Content

    public indirect enum Content: Sendable {
        case glyph(GlyphBox)
        case rule
        case kern
        case hlist([HItem])
        /// Children from top to bottom; the box's baseline lies `height` below its top edge.
        case vlist([VItem])
        /// The child drawn in a colour (\color); dimensions are the child's.
        case colored(Box, MathRGBA)
        /// A straight stroke (cancel.sty's picture \line) from (x0, y0) to (x1, y1), measured from the
        /// box's origin with y growing upward; the box's own dimensions do not bound it.
        case line(x0: Double, y0: Double, x1: Double, y1: Double, thickness: Double)
    }

    public struct HItem: Sendable {
        public var box: Box
        public var shift: Double
    }

    public struct VItem: Sendable {
        public var box: Box
        /// Horizontal offset from the vlist's left edge.
        public var offset: Double
    }

    public static func glyph(_ g: GlyphBox, width: Double, height: Double, depth: Double) -> Box {
        Box(width: width, height: height, depth: depth, content: .glyph(g))
    }

    public static func rule(width: Double, height: Double, depth: Double = 0) -> Box {
        Box(width: width, height: height, depth: depth, content: .rule)
    }

    /// Horizontal kern (or, inside a vlist, vertical space given as height).
    public static func kern(_ amount: Double) -> Box {
        Box(width: amount, height: 0, depth: 0, content: .kern)
    }

    static func vkern(_ amount: Double) -> Box {
        Box(width: 0, height: amount, depth: 0, content: .kern)
    }

    public static let empty = Box(width: 0, height: 0, depth: 0, content: .hlist([]))

    /// An hlist whose dimensions are those of its children (TeX's \hbox).
    public static func hlist(_ items: [(Box, Double)]) -> Box {
        var width = 0.0, height = 0.0, depth = 0.0
        for (b, shift) in items {
            width += b.width
            if case .kern = b.content { continue }
            height = max(height, b.height - shift)
            depth = max(depth, b.depth + shift)
        }
        return Box(width: width, height: height, depth: depth, content: .hlist(items.map { HItem(box: $0.0, shift: $0.1) }))
    }

    public static func hlist(_ boxes: [Box]) -> Box { hlist(boxes.map { ($0, 0) }) }

    /// Children placed at absolute x positions and vertical shifts; the width is given (kerns restore it).
    static func overlay(_ items: [(box: Box, x: Double, shift: Double)], width: Double) -> Box {
        var list: [(Box, Double)] = []
        var cursor = 0.0
        for item in items {
            if item.x != cursor { list.append((.kern(item.x - cursor), 0)) }
            list.append((item.box, item.shift))
            cursor = item.x + item.box.width
        }
        if cursor != width { list.append((.kern(width - cursor), 0)) }
        return hlist(list)
    }

    /// A vlist (TeX's \vtop-style construction): `items` top to bottom, baseline `height` below the top.
    static func vlist(_ items: [(Box, Double)], height: Double) -> Box {
        var total = 0.0, width = 0.0
        for (b, offset) in items {
            total += b.height + b.depth
            width = max(width, offset + b.width)
        }
        return Box(width: width, height: height, depth: total - height,
                   content: .vlist(items.map { VItem(box: $0.0, offset: $0.1) }))
    }

    func withWidth(_ w: Double) -> Box { var b = self; b.width = w; return b }
}

/// Which font a glyph comes from: the formula's math font, or the fallback math font that supplies the
/// characters it lacks (`MathMetrics.fallback`).
public enum MathFace: Sendable, Hashable { case primary, fallback }

public struct GlyphBox: Sendable, Equatable {
    public var glyph: UInt32
    /// The font `glyph` indexes.
    public var face: MathFace = .primary
    /// Font size in points at which the glyph is drawn.
    public var size: Double
    public var italicCorrection: Double
    public var topAccentAttachment: Double
    /// The Unicode text this glyph stands for (for PDF text extraction); "" for the second and later
    /// pieces of an assembled delimiter.
    public var text: String
    /// The source columns it came from (for the missing-glyph error).
    public var range: SourceRange
    /// 1, 2, … for the pieces of one glyph assembly in order (0: a glyph of its own). Renderers fill
    /// the pieces of an assembly as one outline, so their overlaps leave no seam.
    public var assemblyPiece: Int = 0
    public init(glyph: UInt32, size: Double, italicCorrection: Double, topAccentAttachment: Double,
                text: String = "", range: SourceRange = 0..<0) {
        self.glyph = glyph; self.size = size; self.italicCorrection = italicCorrection
        self.topAccentAttachment = topAccentAttachment; self.text = text; self.range = range
    }
}

/// A glyph placed on the page; `y` is its baseline, growing downward (Cairo/SVG convention), relative
/// to the formula's baseline origin.
public struct PositionedGlyph: Sendable, Equatable {
    public var glyph: UInt32
    public var face: MathFace = .primary
    public var size: Double
    public var x: Double
    public var y: Double
    /// Unicode text the glyph stands for ("" for continuation pieces), so PDFs can map glyphs back.
    public var text: String = ""
    /// nil: the formula's colour.
    public var color: MathRGBA? = nil
    /// As GlyphBox.assemblyPiece: pieces 1, 2, … of one assembly follow each other in `flatten()`.
    public var assemblyPiece: Int = 0
}

extension [PositionedGlyph] {
    /// Consecutive glyphs grouped: each assembly's pieces together, every other glyph alone.
    public func assemblyGroups() -> [ArraySlice<PositionedGlyph>] {
        var groups: [ArraySlice<PositionedGlyph>] = []
        var start = startIndex
        while start < endIndex {
            var end = start + 1
            if self[start].assemblyPiece == 1 {
                while end < endIndex, self[end].assemblyPiece == self[end - 1].assemblyPiece + 1 { end += 1 }
            }
            groups.append(self[start..<end])
            start = end
        }
        return groups
    }
}

/// A filled rectangle; `y` is its top edge (downward coordinates, formula baseline at 0).
public struct PositionedRule: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// nil: the formula's colour.
    public var color: MathRGBA? = nil
}

/// A straight stroke with butt ends; (x0, y0) and (x1, y1) are its end points in downward coordinates.
public struct PositionedLine: Sendable, Equatable {
    public var x0, y0, x1, y1: Double
    public var thickness: Double
    /// nil: the formula's colour.
    public var color: MathRGBA? = nil

    /// The stroke's outline: the four corners of the rectangle around the centre line.
    public var corners: [(x: Double, y: Double)] {
        let dx = x1 - x0, dy = y1 - y0
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return [] }
        let nx = -dy / length * thickness / 2, ny = dx / length * thickness / 2
        return [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]
    }
}

public enum MathDrawItem: Sendable, Equatable {
    case glyph(PositionedGlyph)
    case rule(PositionedRule)
    case line(PositionedLine)
}

extension Box {
    /// Every glyph and rule with absolute coordinates; the box's origin (left end of the baseline) is (0, 0).
    public func flatten() -> [MathDrawItem] {
        var out: [MathDrawItem] = []
        emit(x: 0, baseline: 0, color: nil, into: &out)
        return out
    }

    /// Every glyph box in the tree (for checks such as missing glyphs).
    public func glyphs() -> [GlyphBox] {
        switch content {
        case .glyph(let g): return [g]
        case .rule, .kern, .line: return []
        case .hlist(let items): return items.flatMap { $0.box.glyphs() }
        case .vlist(let items): return items.flatMap { $0.box.glyphs() }
        case .colored(let b, _): return b.glyphs()
        }
    }

    func emit(x: Double, baseline: Double, color: MathRGBA?, into out: inout [MathDrawItem]) {
        switch content {
        case .glyph(let g):
            out.append(.glyph(PositionedGlyph(glyph: g.glyph, face: g.face, size: g.size, x: x, y: baseline, text: g.text,
                                              color: color, assemblyPiece: g.assemblyPiece)))
        case .rule:
            out.append(.rule(PositionedRule(x: x, y: baseline - height, width: width, height: height + depth, color: color)))
        case .kern:
            break
        case .hlist(let items):
            var cursor = x
            for item in items {
                item.box.emit(x: cursor, baseline: baseline + item.shift, color: color, into: &out)
                cursor += item.box.width
            }
        case .vlist(let items):
            var top = baseline - height
            for item in items {
                item.box.emit(x: x + item.offset, baseline: top + item.box.height, color: color, into: &out)
                top += item.box.height + item.box.depth
            }
        case .colored(let b, let c):
            b.emit(x: x, baseline: baseline, color: c, into: &out)
        case .line(let x0, let y0, let x1, let y1, let thickness):
            out.append(.line(PositionedLine(x0: x + x0, y0: baseline - y0, x1: x + x1, y1: baseline - y1,
                                            thickness: thickness, color: color)))
        }
    }
}
