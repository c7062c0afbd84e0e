/// Where an inline formula may break across lines. As TeX allows: after a Bin or Rel atom of the
/// formula's outer list (Appendix G rule 20; TeXbook ch. 17, p. 173), never inside braces,
/// fractions, scripts or \left…\right, and not after a Bin that rule 5 or 6 turned into an Ord
/// (the unary minus of "= -x"). Stricter than TeX: not inside parentheses either, so "H(Y ∣" never
/// ends a line. Looser than TeX, which needs an \allowbreak for it: after the commas of the outer
/// list and of a parenthesised list of four or more entries, "(0.40, 0.30, 0.20, 0.10)", which is
/// too long to stay unbroken in running text. And after an outer solidus, "π_new(a ∣ s) / π_old(a ∣ s)",
/// where TeX (for which "/" is an Ord) needs an \allowbreak too, as plain TeX's \slash gives one in
/// text: a ratio of two conditionals has no other break outside its parentheses, and left whole it
/// stretched a handout line to 4× its word spaces.
public struct InlineMathBreak: Sendable, Equatable {
    /// Character offset in the source where the part after the break begins.
    public var offset: Int
    /// plain TeX's \relpenalty = 500 after a Rel, \binoppenalty = 700 after a Bin; after a comma
    /// or a solidus the Bin's.
    public var penalty: Double
    /// The space after the operator in points (the inter-atom table's), which a break discards.
    /// It does not stretch: the layout sets all math spacing as fixed kerns, and a formula should
    /// not look different for being breakable.
    public var space: Double
}

/// The break points of an inline (text-style) formula at `size` points.
public func inlineMathBreaks(_ tex: String, size: Double, macros: [String: MathMacro] = [:]) throws -> [InlineMathBreak] {
    let list = try MathParser.parse(tex, macros: macros)
    let classes = MathLayout.effectiveClasses(list)
    let atoms: [(index: Int, atom: Atom)] = list.enumerated().compactMap {
        if case .atom(let a) = $0.element { return ($0.offset, a) } else { return nil }
    }
    // 1 mu is 1/18 em (TeXbook ch. 18, p. 168), as in the layout context.
    let mu = size / 18
    // Parenthesis depth of each atom, and for each open atom the commas directly inside it.
    var depth: [Int] = []
    var commas: [Int: Int] = [:]
    var opens: [Int] = []
    var owner: [Int?] = []
    for (n, item) in atoms.enumerated() {
        if classes[item.index] == .close, !opens.isEmpty { opens.removeLast() }
        depth.append(opens.count)
        owner.append(opens.last)
        if classes[item.index] == .punct, let o = opens.last { commas[o, default: 0] += 1 }
        if classes[item.index] == .open { opens.append(n) }
    }
    var breaks: [InlineMathBreak] = []
    for (n, item) in atoms.enumerated() where n + 1 < atoms.count {
        guard let cls = classes[item.index], let next = classes[atoms[n + 1].index], next != .rel else { continue }
        switch cls {
        case .bin, .rel: guard depth[n] == 0 else { continue }
        case .punct: guard depth[n] == 0 || (depth[n] == 1 && (owner[n].flatMap { commas[$0] } ?? 0) >= 3) else { continue }
        case .ord: guard depth[n] == 0, case .symbol("/") = item.atom.nucleus, item.atom.superscript == nil,
                         item.atom.sub == nil else { continue }
        default: continue
        }
        breaks.append(InlineMathBreak(offset: atoms[n + 1].atom.range.lowerBound, penalty: cls == .rel ? 500 : 700,
                                      space: MathLayout.spacing(cls, next, style: .text) * mu))
    }
    return breaks
}
