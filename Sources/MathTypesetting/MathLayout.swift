/// Math list to box tree following the TeXbook, Appendix G. Pure: all font facts come from `MathMetrics`.
public enum MathLayout {
    /// Lays out a parsed list in display or text style at `size` points.
    public static func layout(_ list: MathList, display: Bool, font: any MathMetrics, size: Double) -> Box {
        let ctx = LayoutContext(font: font, baseSize: size, style: display ? .display : .text, cramped: false)
        let body = layoutList(list, ctx, trailingPunctuation: endsWithPunctuation(list))
        // \tag: the label after the formula.
        for case .tag(let tag, let parenthesized) in list {
            return .hlist([body, .kern(2 * ctx.em), tagBox(tag, parenthesized: parenthesized, ctx)])
        }
        return body
    }

    /// Rules 5–6 (binary atoms that cannot be binary become Ord) and rule 20 (inter-atom spacing)
    /// around the per-atom rules.
    /// Whether the formula ends with sentence punctuation (". , ;" with no scripts), as a display that
    /// closes a sentence does: it follows the formula with no inter-atom space, where TeX would put a thin
    /// space after an Op such as \underbrace or an Inner such as \left…\right (rule 20).
    static func endsWithPunctuation(_ list: MathList) -> Bool {
        guard let last = list.last(where: { if case .tag = $0 { return false } else { return true } }),
              case .atom(let a) = last, a.superscript == nil, a.sub == nil, case .symbol(let s) = a.nucleus else { return false }
        return s == "." || s == "," || s == ";"
    }

    static func layoutList(_ given: MathList, _ start: LayoutContext, trailingPunctuation: Bool = false) -> Box {
        let list = resolvingChoices(given, style: start.style)
        let lastAtom = list.lastIndex { if case .atom = $0 { return true } else { return false } }
        let classes = effectiveClasses(list)
        var ctx = start
        var color: MathRGBA?
        var boxes: [Box] = []
        var lastClass: AtomClass?
        for (i, item) in list.enumerated() {
            switch item {
            case .space(let mu):
                boxes.append(.kern(mu * ctx.mu))
            case .kern(let length):
                boxes.append(.kern(ctx.points(length)))
            case .tag, .choice:
                break   // placed by `layout` (top level) and by display arrays (per row)
            case .sizing(let factor):
                ctx.baseSize = start.baseSize * factor
            case .color(let c):
                color = c
            case .style(let s):
                ctx = ctx.with(style: s, cramped: ctx.cramped)
            case .atom(let atom):
                let cls = classes[i] ?? atom.cls
                if let left = lastClass, !(trailingPunctuation && i == lastAtom) {
                    let space = spacing(left, cls, style: ctx.style)
                    if space != 0 { boxes.append(.kern(space * ctx.mu)) }
                }
                if trailingPunctuation && i == lastAtom, let previous = lastAtomBefore(i, in: list) {
                    // A label under (or over) the last term, wider than it, would push the period away from
                    // the formula: the period sits on the baseline, clear of the label, so it moves back
                    // over the label's overhang to follow the term itself.
                    let overhang = limitOverhang(previous, ctx)
                    if overhang > 0 { boxes.append(.kern(-overhang)) }
                }
                let box = layoutAtom(atom, ctx, italicKern: i + 1 < list.count && startsWithCharacter(list[i + 1]))
                if let color {
                    boxes.append(Box(width: box.width, height: box.height, depth: box.depth, content: .colored(box, color)))
                } else {
                    boxes.append(box)
                }
                lastClass = cls
            }
        }
        if boxes.count == 1 { return boxes[0] }
        return .hlist(boxes)
    }

    /// Rule 1 of Appendix G: each \mathchoice is replaced by its list for the style in force there
    /// (a style change in a chosen list holds for what follows, as the list is spliced in).
    static func resolvingChoices(_ list: MathList, style: MathStyle) -> MathList {
        guard list.contains(where: { if case .choice = $0 { return true } else { return false } }) else { return list }
        var out: MathList = []
        var style = style
        var pending = Array(list.reversed())
        while let item = pending.popLast() {
            switch item {
            case .choice(let lists):
                pending.append(contentsOf: lists[style.rawValue].reversed())
            case .style(let s):
                style = s
                out.append(item)
            default:
                out.append(item)
            }
        }
        return out
    }

    static func lastAtomBefore(_ i: Int, in list: MathList) -> Atom? {
        for item in list[..<i].reversed() { if case .atom(let a) = item { return a } }
        return nil
    }

    /// How far an atom's limits (an \underbrace label, \sum's limits) stick out right of its nucleus:
    /// limits are centred (rule 13a), so half the difference of the widths.
    static func limitOverhang(_ atom: Atom, _ ctx: LayoutContext) -> Double {
        let limits = atom.limits == .limits || (atom.cls == .op && atom.limits == .automatic && ctx.style == .display)
        guard limits, atom.superscript != nil || atom.sub != nil else { return 0 }
        var bare = atom
        bare.superscript = nil; bare.sub = nil
        return max(0, (layoutAtom(atom, ctx).width - layoutAtom(bare, ctx).width) / 2)
    }

    /// Whether an item is an atom whose nucleus is a math character (after `simplified`): LuaTeX adds a
    /// character's italic correction only before such an atom ("f x", "Y)"), not before a box such as
    /// \bigr) or an \xrightarrow, an empty group, a space, or the end of the list.
    static func startsWithCharacter(_ item: MathItem) -> Bool {
        guard case .atom(let a) = item else { return false }
        switch simplified(a).nucleus {
        case .symbol(let s): return s.unicodeScalars.count == 1
        case .largeOperator: return true
        default: return false
        }
    }

    /// TeX §1186: a group holding a single Ord character without scripts ({x}, \mathbf{x}) is replaced
    /// by that character, so it keeps the character's italic correction and script kerns.
    static func simplified(_ atom: Atom) -> Atom {
        guard case .list(let l) = atom.nucleus, l.count == 1, case .atom(let inner) = l[0], inner.cls == .ord,
              inner.superscript == nil, inner.sub == nil, case .symbol(let s) = inner.nucleus, s.unicodeScalars.count == 1
        else { return atom }
        var a = atom
        a.nucleus = inner.nucleus
        return a
    }

    /// Each item's class after rules 5 and 6 (nil for spaces and style changes).
    static func effectiveClasses(_ list: MathList) -> [AtomClass?] {
        var classes: [AtomClass?] = list.map { if case .atom(let a) = $0 { return a.cls } else { return nil } }
        var previous: Int?
        for i in classes.indices {
            guard let cls = classes[i] else { continue }
            if cls == .bin {
                // Rule 5: a Bin at the start or after Bin, Op, Rel, Open, Punct is an Ord.
                if let p = previous, let pc = classes[p], ![.bin, .op, .rel, .open, .punct].contains(pc) {}
                else { classes[i] = .ord }
            } else if [.rel, .close, .punct].contains(cls), let p = previous, classes[p] == .bin {
                // Rule 6: a Bin before Rel, Close or Punct is an Ord.
                classes[p] = .ord
            }
            previous = i
        }
        if let p = previous, classes[p] == .bin { classes[p] = .ord }
        return classes
    }

    /// Inter-atom spacing table, TeXbook p. 170 (in mu). Negative entries are the parenthesised ones
    /// that apply only in display and text styles.
    private static let spacingTable: [[Int]] = [
        //        Ord Op  Bin Rel Open Close Punct Inner
        /*Ord  */ [0, 1, -2, -3, 0, 0, 0, -1],
        /*Op   */ [1, 1, 0, -3, 0, 0, 0, -1],
        /*Bin  */ [-2, -2, 0, 0, -2, 0, 0, -2],
        /*Rel  */ [-3, -3, 0, 0, -3, 0, 0, -3],
        /*Open */ [0, 0, 0, 0, 0, 0, 0, 0],
        /*Close*/ [0, 1, -2, -3, 0, 0, 0, -1],
        /*Punct*/ [-1, -1, 0, -1, -1, -1, -1, -1],
        /*Inner*/ [-1, 1, -2, -3, -1, 0, -1, -1],
    ]

    static func spacing(_ left: AtomClass, _ right: AtomClass, style: MathStyle) -> Double {
        let entry = spacingTable[left.rawValue][right.rawValue]
        if entry < 0 && style.isScript { return 0 }
        switch abs(entry) {
        case 1: return 3    // \thinmuskip
        case 2: return 4    // \medmuskip
        case 3: return 5    // \thickmuskip
        default: return 0
        }
    }

    /// One atom: its nucleus by the rule for its kind, then scripts (rule 18) or limits (rule 13a).
    static func layoutAtom(_ original: Atom, _ outer: LayoutContext, italicKern: Bool = false) -> Box {
        let atom = simplified(original)
        var ctx = outer
        if atom.range.lowerBound < atom.range.upperBound { ctx.range = atom.range }
        var isCharacter = false
        var isLargeOp = false
        var accentedItalic: Double?
        var nucleus: Box
        switch atom.nucleus {
        case .symbol(let s) where atom.cls == .op && s.unicodeScalars.count > 1:
            nucleus = layoutOperatorName(s, ctx)
        case .symbol(let s):
            let run = layoutSymbol(s, ctx)
            nucleus = run.box
            isCharacter = run.isSingleGlyph
        case .largeOperator(let s):
            nucleus = layoutLargeOperator(s, ctx)
            isLargeOp = true
        case .text(let s):
            nucleus = layoutText(s, ctx)
        case .list(let l):
            nucleus = layoutList(l, ctx)
        case .fraction(let f):
            nucleus = layoutFraction(f, ctx)
        case .radical(let degree, let body):
            nucleus = layoutRadical(degree: degree, body: body, ctx)
        case .accent(let mark, let body, let stretchy):
            nucleus = layoutAccent(mark, body: body, stretchy: stretchy, ctx)
            // Rule 12: scripts of an accented single character attach as to the character itself,
            // not above the accent.
            if body.count == 1, case .atom(let b) = body[0], case .symbol(let s) = b.nucleus, s.unicodeScalars.count == 1,
               b.superscript == nil, b.sub == nil {
                isCharacter = true
                // …and the character's italic correction follows the accented box (LuaLaTeX: "\bar{x} +").
                accentedItalic = singleGlyph(layoutList(body, ctx.with(style: ctx.style, cramped: true)))?.italicCorrection
            }
        case .overline(let body):
            nucleus = layoutOverline(body, ctx)
        case .underline(let body):
            nucleus = layoutUnderline(body, ctx)
        case .brace(let body, let over, let glyph):
            nucleus = layoutBrace(body, over: over, glyph: glyph, ctx)
        case .leftRight(let delimiters, let bodies):
            nucleus = layoutLeftRight(delimiters: delimiters, bodies: bodies, ctx)
        case .sizedDelimiter(let d, let size):
            nucleus = layoutBigDelimiter(d, size: size, ctx)
        case .array(let a):
            nucleus = layoutArray(a, ctx)
        case .colored(let body, let color):
            let b = layoutList(body, ctx)
            nucleus = Box(width: b.width, height: b.height, depth: b.depth, content: .colored(b, color))
        case .framed(let body, let background, let frame, let padding):
            nucleus = layoutFramed(body, background: background, frame: frame, padding: padding, ctx)
        case .phantom(let body, let width, let height):
            let b = layoutList(body, ctx)
            nucleus = Box(width: width ? b.width : 0, height: height ? b.height : 0, depth: height ? b.depth : 0, content: .hlist([]))
        case .smash(let body, let top, let bottom):
            nucleus = layoutList(body, ctx)
            if top { nucleus.height = 0 }
            if bottom { nucleus.depth = 0 }
        case .rule(let w, let h, let raise):
            let r = ctx.points(raise)
            nucleus = .hlist([(.rule(width: max(0, ctx.points(w)), height: max(0, ctx.points(h))), -r)])
        case .negated(let body):
            nucleus = layoutNegated(body, ctx)
        case .extensibleArrow(let arrow, let above, let below):
            nucleus = layoutExtensibleArrow(arrow, above: above, below: below, ctx)
        case .underAccent(let mark, let body):
            nucleus = layoutUnderAccent(mark, body: body, ctx)
        case .cancel(let body, let stroke):
            nucleus = layoutCancel(body, stroke, ctx)
        case .strikeout(let body):
            nucleus = layoutStrikeout(body, ctx)
        case .lap(let body, let side):
            nucleus = layoutLap(body, side, ctx)
        case .vcenter(let body):
            nucleus = layoutVcenter(body, ctx)
        case .raised(let body, let raise, let height, let depth):
            nucleus = layoutRaised(body, by: raise, height: height, depth: depth, ctx)
        case .logo(let logo):
            nucleus = layoutLogo(logo, ctx)
        case .cdArrow(let arrow):
            nucleus = layoutCDArrow(arrow, ctx)
        case .enclosed(let body, .phase):
            nucleus = layoutPhase(body, ctx)
        case .enclosed(let body, .actuarialAngle):
            nucleus = layoutActuarialAngle(body, ctx)
        case .lineSegment(let body, let over):
            nucleus = layoutLineSegment(body, over: over, ctx)
        case .overArrow(let arrow, let body):
            nucleus = layoutOverArrow(arrow, body, ctx)
        case .circled(let body):
            nucleus = layoutCircled(body, ctx)
        }
        let italic = accentedItalic ?? ((isCharacter || isLargeOp) ? italicCorrection(of: nucleus) : 0)
        // \limits (or \overset's stacking) applies to any class; the automatic choice only to Op atoms.
        let useLimits = atom.limits == .limits || (atom.cls == .op && atom.limits == .automatic && ctx.style == .display)
        if atom.superscript == nil && atom.sub == nil {
            // Rule 17: a lone character gets its italic correction as a kern after it — as LuaTeX does
            // with OpenType math fonts, only when a character follows at once (measured with LuaLaTeX:
            // "f x", "βγ", "Y)" gain it; "f" at the end, "f{}", "f\,", "x\bigr)" do not).
            if isCharacter && italic > 0 && italicKern { return .hlist([nucleus, .kern(italic)]) }
            return nucleus
        }
        if useLimits {
            return layoutLimits(nucleus: nucleus, italic: italic, sup: atom.superscript, sub: atom.sub, ctx)
        }
        // Rule 13 boxes a large operator (shifted to the axis), so rule 18a treats it as a compound
        // nucleus: its scripts hang from its top and bottom; its italic correction still separates them.
        return layoutScripts(nucleus: nucleus, isCharacter: isCharacter, largeOperator: isLargeOp, italic: italic,
                             sup: atom.superscript, sub: atom.sub, ctx)
    }

    static func italicCorrection(of box: Box) -> Double {
        switch box.content {
        case .glyph(let g): return g.italicCorrection
        case .hlist(let items):
            for item in items.reversed() {
                if case .kern = item.box.content { continue }
                return italicCorrection(of: item.box)
            }
            return 0
        default: return 0
        }
    }

    /// A run of code points in the math font (a letter, or an operator name such as "log").
    /// A letter followed by combining marks (\not's U+0338 precomposed or not) is one glyph run.
    static func layoutSymbol(_ s: String, _ ctx: LayoutContext) -> (box: Box, isSingleGlyph: Bool) {
        let scalars = Array(s.unicodeScalars)
        if scalars.count == 1, let m = bareMoustache(scalars[0], ctx) { return (m, false) }
        if scalars.count == 1 { return (ctx.glyphBox(scalars[0]), true) }
        var boxes: [Box] = []
        for scalar in scalars {
            if scalar == "\u{2009}" { boxes.append(.kern(3 * ctx.mu)); continue }
            if scalar == " " { boxes.append(.kern(ctx.em / 4)); continue }
            boxes.append(ctx.glyphBox(scalar))
        }
        return (.hlist(boxes), false)
    }

    /// Operator names (\log, \operatorname{…}) are words of the text roman (fontmath.ltx's \operator@font;
    /// unicode-math's \setoperatorfont{\mathrm}): kerned as text, and in scripts the text family's
    /// script design when it has one, else its one design scaled. The thin space of "lim sup" stays a kern.
    static func layoutOperatorName(_ s: String, _ ctx: LayoutContext) -> Box {
        let level = ctx.font.textHasScriptDesigns ? ctx.scriptLevel : 0
        var boxes: [Box] = []
        for (i, word) in s.split(separator: "\u{2009}", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { boxes.append(.kern(3 * ctx.mu)) }
            if !word.isEmpty { boxes.append(layoutText(String(word), scriptLevel: level, ctx)) }
        }
        return boxes.count == 1 ? boxes[0] : .hlist(boxes)
    }

    /// \text{…}: upright glyphs of the math font shaped by HarfBuzz (kerning, ligatures); each glyph
    /// carries the characters of its cluster.
    static func layoutText(_ s: String, scriptLevel: Int = 0, _ ctx: LayoutContext) -> Box {
        if let shaped = ctx.font.shapeText(s, scriptLevel: scriptLevel) {
            let utf8 = Array(s.utf8)
            var boxes: [Box] = []
            for (i, g) in shaped.enumerated() {
                let start = g.cluster
                let isFirst = i == 0 || shaped[i - 1].cluster != start
                // The cluster runs to the next larger cluster offset (HarfBuzz clusters are monotone for LTR).
                let end = shaped[(i + 1)...].first(where: { $0.cluster > start })?.cluster ?? utf8.count
                let text = isFirst && start < end && end <= utf8.count ? String(decoding: utf8[start..<end], as: UTF8.self) : ""
                if g.glyph == 0, let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
                   case let own = ctx.context(for: scalar), own.face == .fallback {
                    // A character the math font lacks, from the fallback math font (its own advance).
                    boxes.append(own.glyphBox(own.font.glyph(for: scalar, scriptLevel: 0) ?? 0, text: text))
                    continue
                }
                boxes.append(ctx.glyphBox(g.glyph, text: text).withWidth(g.advance * ctx.scale))
            }
            return .hlist(boxes)
        }
        var boxes: [Box] = []
        for scalar in s.unicodeScalars {
            if scalar == " " {
                let space = ctx.font.glyph(for: " ", scriptLevel: 0).map { ctx.font.glyphMetrics($0).advance * ctx.scale } ?? ctx.em / 3
                boxes.append(.kern(space))
                continue
            }
            let own = ctx.context(for: scalar)
            boxes.append(own.glyphBox(own.font.glyph(for: scalar, scriptLevel: 0) ?? 0, text: String(scalar)))
        }
        return .hlist(boxes)
    }
}
