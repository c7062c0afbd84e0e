import Foundation
import Frame

/// What cairo 1.16 cannot say, added after it finishes through one incremental update
/// (ISO 32000-1 §7.5.6): the replaced objects and a cross-reference section listing just them are
/// appended after cairo's %%EOF, so no byte cairo wrote moves and every offset stays valid.
///
/// - page labels: cairo leaves out the entry for page index 0 whenever the first labels equal the
///   default page numbers, and a number tree without index 0 gives those pages an empty label
///   (§12.4.2: "the tree shall include a value for page index 0"; viewers then show no number);
/// - the catalog's /Lang (§14.9.2) and /ViewerPreferences /DisplayDocTitle (§12.2: the window
///   shows the document title, not the file name), which cairo has no API for;
/// - /Alt on Figure and Formula structure elements (§14.9.3): cairo takes no attributes on
///   structure tags. `structure` is the order cairo opened its elements (`structureOrder`); the
///   alt texts are added only when cairo's StructElem objects match it role for role.
func finishPDF(_ pdf: Data, labels: [String]?, language: String?, structure: [FrameStructure]) -> Data {
    let text = String(decoding: pdf, as: UTF8.self)
    var replaced: [Int: String] = [:]
    if let labels, let object = firstInt(after: "/PageLabels ", in: text) {
        replaced[object] = pageLabelTree(labels)
    }
    if let root = lastRef(after: "/Root ", in: text), let number = Int(root.prefix(while: \.isNumber)),
       let catalog = objectBody(number, in: text), let end = catalog.range(of: ">>", options: .backwards) {
        var extra = "   /ViewerPreferences << /DisplayDocTitle true >>\n"
        if let language, !language.isEmpty { extra += "   /Lang \(pdfTextString(language))\n" }
        replaced[number] = String(catalog[..<end.lowerBound]) + extra + String(catalog[end.lowerBound...])
    }
    let elements = structElements(in: text)
    if elements.map(\.role) == structure.map(\.role) {
        for (element, s) in zip(elements, structure) {
            guard let alt = s.alt, let body = objectBody(element.number, in: text),
                  let role = body.range(of: "/S /\(s.role)") else { continue }
            replaced[element.number] = String(body[..<role.upperBound]) + "\n   /Alt \(pdfTextString(alt))" + String(body[role.upperBound...])
        }
    }
    return appendingIncrementalUpdate(pdf, text: text, replacing: replaced)
}

/// The number tree of `labels`: runs of consecutive numbers as decimal ranges, anything else literal.
private func pageLabelTree(_ labels: [String]) -> String {
    var nums = ""
    var previous: Int?
    for (i, label) in labels.enumerated() {
        if let n = Int(label), n > 0, String(n) == label {
            if i == 0 || previous.map({ $0 + 1 }) != n { nums += "\n   \(i) << /S /D /St \(n) >>" }
            previous = n
        } else {
            nums += "\n   \(i) << /P \(pdfTextString(label)) >>"
            previous = nil
        }
    }
    return "<< /Nums [\(nums)\n  ]\n>>"
}

/// Appends new versions of the objects in `replacing` (number → dictionary text), one
/// cross-reference subsection each, and a trailer chained to cairo's by /Prev.
private func appendingIncrementalUpdate(_ pdf: Data, text: String, replacing objects: [Int: String]) -> Data {
    guard !objects.isEmpty, let size = lastInt(after: "/Size ", in: text),
          let prev = lastInt(after: "startxref\n", in: text),
          let root = lastRef(after: "/Root ", in: text) else { return pdf }
    let info = lastRef(after: "/Info ", in: text)
    var tail = Data()
    func put(_ s: String) { tail.append(contentsOf: Array(s.utf8)) }
    var offsets: [(Int, Int)] = []
    for (number, body) in objects.sorted(by: { $0.key < $1.key }) {
        offsets.append((number, pdf.count + tail.count))
        put("\(number) 0 obj\n\(body)\nendobj\n")
    }
    let xref = pdf.count + tail.count
    put("xref\n0 1\n0000000000 65535 f \n")
    for (number, offset) in offsets { put("\(number) 1\n" + String(format: "%010d 00000 n \n", offset)) }
    put("trailer\n<< /Size \(size)\n   /Root \(root)\n" + (info.map { "   /Info \($0)\n" } ?? "") + "   /Prev \(prev)\n>>\n")
    put("startxref\n\(xref)\n%%EOF\n")
    return pdf + tail
}

/// A PDF text string (§7.9.2.2): literal and escaped when ASCII, else UTF-16BE with its byte-order mark.
func pdfTextString(_ s: String) -> String {
    if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
        return "(\(escaped))"
    }
    return "<FEFF" + s.utf16.map { String(format: "%04X", $0) }.joined() + ">"
}

/// The dictionary of object `number` as cairo wrote it ("N 0 obj\n<< … >>\nendobj").
private func objectBody(_ number: Int, in text: String) -> String? {
    guard let start = text.range(of: "\n\(number) 0 obj\n"),
          let end = text.range(of: "\nendobj", range: start.upperBound..<text.endIndex) else { return nil }
    let body = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    return body.hasPrefix("<<") && body.hasSuffix(">>") ? body : nil
}

/// cairo's StructElem objects in the order it wrote them, with their roles.
private func structElements(in text: String) -> [(number: Int, role: String)] {
    var out: [(Int, String)] = []
    var search = text.startIndex..<text.endIndex
    while let hit = text.range(of: "<< /Type /StructElem", range: search) {
        search = hit.upperBound..<text.endIndex
        // "N 0 obj\n" just before the dictionary.
        let from = text.index(hit.lowerBound, offsetBy: -24, limitedBy: text.startIndex) ?? text.startIndex
        let head = text[from..<hit.lowerBound]
        guard let obj = head.range(of: " 0 obj", options: .backwards),
              let number = Int(head[..<obj.lowerBound].split(whereSeparator: { !$0.isNumber }).last ?? ""),
              let s = text.range(of: "/S /", range: hit.upperBound..<text.endIndex) else { continue }
        let role = String(text[s.upperBound...].prefix { $0.isLetter || $0.isNumber })
        out.append((number, role))
    }
    return out
}

private func digits(_ s: Substring) -> Int? { Int(s.prefix(while: \.isNumber)) }

private func firstInt(after key: String, in text: String) -> Int? {
    text.range(of: key).flatMap { digits(text[$0.upperBound...]) }
}

private func lastInt(after key: String, in text: String) -> Int? {
    text.range(of: key, options: .backwards).flatMap { digits(text[$0.upperBound...]) }
}

/// `N 0 R` after the last `key`.
private func lastRef(after key: String, in text: String) -> String? {
    guard let r = text.range(of: key, options: .backwards) else { return nil }
    let rest = text[r.upperBound...]
    guard let end = rest.range(of: " R") else { return nil }
    let ref = String(rest[..<end.upperBound])
    return ref.count < 24 ? ref : nil
}
