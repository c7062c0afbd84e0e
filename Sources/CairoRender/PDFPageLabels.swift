import Foundation

/// cairo 1.16 writes /PageLabels but leaves out the entry for page index 0 whenever the first
/// labels equal the default page numbers, and a number tree without index 0 gives those pages an
/// empty label (ISO 32000-1 §12.4.2: "the tree shall include a value for page index 0"; viewers
/// then show no number). This replaces cairo's label object with a complete one through an
/// incremental update (§7.5.6): the new object and a one-entry cross-reference section are
/// appended after cairo's %%EOF, so no byte cairo wrote moves and every offset stays valid.
func completePageLabels(_ pdf: Data, labels: [String]) -> Data {
    let text = String(decoding: pdf, as: UTF8.self)
    guard let object = firstInt(after: "/PageLabels ", in: text),
          let size = lastInt(after: "/Size ", in: text),
          let prev = lastInt(after: "startxref\n", in: text),
          let root = lastRef(after: "/Root ", in: text) else { return pdf }
    let info = lastRef(after: "/Info ", in: text)
    var nums = ""
    var previous: Int?
    for (i, label) in labels.enumerated() {
        if let n = Int(label), n > 0, String(n) == label {
            if i == 0 || previous.map({ $0 + 1 }) != n { nums += "\n   \(i) << /S /D /St \(n) >>" }
            previous = n
        } else {
            nums += "\n   \(i) << /P (\(pdfStringEscaped(label))) >>"
            previous = nil
        }
    }
    var tail = Data()
    func put(_ s: String) { tail.append(contentsOf: Array(s.utf8)) }
    let offset = pdf.count
    put("\(object) 0 obj\n<< /Nums [\(nums)\n  ]\n>>\nendobj\n")
    let xref = pdf.count + tail.count
    put("xref\n0 1\n0000000000 65535 f \n\(object) 1\n" + String(format: "%010d 00000 n \n", offset))
    put("trailer\n<< /Size \(size)\n   /Root \(root)\n" + (info.map { "   /Info \($0)\n" } ?? "") + "   /Prev \(prev)\n>>\n")
    put("startxref\n\(xref)\n%%EOF\n")
    return pdf + tail
}

private func pdfStringEscaped(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
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
