/// "Did you mean …" for misspelt names (subcommands, figures, parameters, ops, themes).
///
/// Distance is the optimal-string-alignment edit distance (Levenshtein's insert, delete and
/// substitute, plus Damerau's swap of two neighbours, each costing 1), compared case-insensitively,
/// so "entropi" is 1 from "entropy" and "figrue" is 1 from "figure". Hand-written (a dozen lines)
/// because none of the kept Swift packages offers an edit distance.
/// Words are compared by their first `suggestionPrefix` characters: the table is |a|·|b| and a
/// 10-MB op name in a JSONL line made it gigabytes; no known name is that long.
public func editDistance(_ a: String, _ b: String) -> Int {
    let s = Array(a.prefix(suggestionPrefix).lowercased()), t = Array(b.prefix(suggestionPrefix).lowercased())
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    // d[i][j]: distance between the first i characters of s and the first j of t.
    var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
    for i in 0...s.count { d[i][0] = i }
    for j in 0...t.count { d[0][j] = j }
    for i in 1...s.count {
        for j in 1...t.count {
            let cost = s[i - 1] == t[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[s.count][t.count]
}

/// How many characters of a word the suggestions look at (see `editDistance`).
let suggestionPrefix = 64

/// `s` itself when short, else its first `limit` characters and how many were left out, so an
/// error about a huge input line does not echo the line ("entropyyyy… (1048570 more characters)").
public func abbreviatedForMessage(_ s: String, limit: Int = 40) -> String {
    guard s.count > limit else { return s }
    return String(s.prefix(limit)) + "… (\(s.count - limit) more characters)"
}

/// `names` ordered closest to `word` first (ties keep their given order), for "known names" lists.
public func closestFirst(to word: String, _ names: [String]) -> [String] {
    names.enumerated()
        .map { (distance: editDistance(word, $0.element), index: $0.offset, name: $0.element) }
        .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
        .map(\.name)
}

/// The closest of `names` when it is plausibly what was meant: within a third of the longer
/// name's length (at least 1), or when one name contains the other ("venn" for "entropy-venn").
public func likelyMeant(_ word: String, _ names: [String]) -> String? {
    guard let best = closestFirst(to: word, names).first, !word.isEmpty else { return nil }
    let w = String(word.prefix(suggestionPrefix)).lowercased()
    if editDistance(w, best) <= max(1, max(w.count, best.count) / 3) { return best }
    let containing = names.filter { $0.lowercased().contains(w) }
    return w.count >= 3 && containing.count == 1 ? containing[0] : nil
}

/// "unknown figure 'entropy-curv'; did you mean 'entropy-curve'? known figures: entropy-curve, …"
/// The list is ordered closest first, so the likely intent is at the front even without a match.
public func unknownNameMessage(_ what: String, _ word: String, known: [String], knownLabel: String) -> String {
    let guess = likelyMeant(word, known).map { "; did you mean '\($0)'?" } ?? ";"
    return "unknown \(what) '\(abbreviatedForMessage(word))'\(guess) \(knownLabel): \(closestFirst(to: word, known).joined(separator: ", "))"
}
