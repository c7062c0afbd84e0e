import CDeflate
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
///   alt texts are added only when cairo's StructElem objects match it role for role;
/// - ligatures in the fonts' ToUnicode maps (§9.10.3): the painter hands cairo a ligature glyph as
///   the presentation form the font maps it to (ﬁ), so cairo needs no ActualText span around it
///   (poppler's structure-text reader stops at one), and here the form becomes its letters ("fi"),
///   so text extraction, search and tagged text read the word.
func finishPDF(_ pdf: Data, labels: [String]?, language: String?, structure: [FrameStructure]) -> Data {
    // Searched as bytes: the file is mostly compressed streams, so decoding it as a String (and
    // Foundation's Unicode-aware search) cost more than drawing the document did.
    let text = PDFBytes(pdf)
    var replaced: [Int: String] = [:]
    if let labels, let object = text.firstInt(after: "/PageLabels ") {
        replaced[object] = pageLabelTree(labels)
    }
    if let root = text.lastRef(after: "/Root "), let number = Int(root.prefix(while: \.isNumber)),
       let catalog = text.objectBody(number), let end = catalog.range(of: ">>", options: .backwards) {
        var extra = "   /ViewerPreferences << /DisplayDocTitle true >>\n"
        if let language, !language.isEmpty { extra += "   /Lang \(pdfTextString(language))\n" }
        replaced[number] = String(catalog[..<end.lowerBound]) + extra + String(catalog[end.lowerBound...])
    }
    let elements = text.structElements()
    if elements.map(\.role) == structure.map(\.role) {
        for (element, s) in zip(elements, structure) {
            guard let alt = s.alt, let body = text.objectBody(element.number),
                  let role = body.range(of: "/S /\(s.role)") else { continue }
            replaced[element.number] = String(body[..<role.upperBound]) + "\n   /Alt \(pdfTextString(alt))" + String(body[role.upperBound...])
        }
    }
    for number in text.toUnicodeObjects() {
        guard let cmap = text.inflatedStream(number), cmap.contains("> <fb0") else { continue }
        let expanded = expandingLigatures(cmap)
        replaced[number] = "<< /Length \(expanded.utf8.count) >>\nstream\n\(expanded)\nendstream"
    }
    return appendingIncrementalUpdate(pdf, text: text, replacing: replaced)
}

/// A ToUnicode CMap (as cairo writes it: bfchar lines `<code> <utf16 hex>`, lower case) with each
/// destination that is a ligature of U+FB00–FB06 replaced by the letters it decomposes to.
func expandingLigatures(_ cmap: String) -> String {
    var out = cmap
    for (letters, form) in ligatureForms {
        let hex = String(form.value, radix: 16)
        let utf16 = letters.utf16.map { String(repeating: "0", count: 4 - String($0, radix: 16).count) + String($0, radix: 16) }.joined()
        out = out.replacingOccurrences(of: "> <\(hex)>", with: "> <\(utf16)>")
    }
    return out
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
private func appendingIncrementalUpdate(_ pdf: Data, text: PDFBytes, replacing objects: [Int: String]) -> Data {
    guard !objects.isEmpty, let size = text.lastInt(after: "/Size "),
          let prev = text.lastInt(after: "startxref\n"),
          let root = text.lastRef(after: "/Root ") else { return pdf }
    let info = text.lastRef(after: "/Info ")
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

/// A finished PDF's bytes with the few searches the update needs: byte-exact (the keys are ASCII
/// and so is every dictionary cairo writes), forward with memchr, backward from the end.
private struct PDFBytes {
    let bytes: [UInt8]

    init(_ data: Data) { bytes = [UInt8](data) }

    /// The first occurrence of `key` at or after `from` (memchr finds each candidate first byte).
    func find(_ key: String, from: Int = 0) -> Range<Int>? {
        let k = Array(key.utf8)
        guard from >= 0, !k.isEmpty, from + k.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Range<Int>? in
            guard let base = b.baseAddress else { return nil }
            var i = from
            let last = b.count - k.count
            while i <= last {
                guard let hit = memchr(base + i, Int32(k[0]), last - i + 1) else { return nil }
                i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + i, k, k.count) == 0 { return i..<i + k.count }
                i += 1
            }
            return nil
        }
    }

    /// The last occurrence of `key`.
    func findLast(_ key: String) -> Range<Int>? {
        let k = Array(key.utf8)
        guard !k.isEmpty, k.count <= bytes.count else { return nil }
        var i = bytes.count - k.count
        while i >= 0 {
            if bytes[i] == k[0] && bytes[i..<i + k.count].elementsEqual(k) { return i..<i + k.count }
            i -= 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The decimal number starting at `at`.
    func digits(at start: Int) -> Int? {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return end > start ? Int(string(start..<end)) : nil
    }

    func firstInt(after key: String) -> Int? { find(key).flatMap { digits(at: $0.upperBound) } }

    func lastInt(after key: String) -> Int? { findLast(key).flatMap { digits(at: $0.upperBound) } }

    /// `N 0 R` after the last `key`.
    func lastRef(after key: String) -> String? {
        guard let r = findLast(key), let end = find(" R", from: r.upperBound) else { return nil }
        let length = end.upperBound - r.upperBound
        return length < 24 ? string(r.upperBound..<end.upperBound) : nil
    }

    /// The dictionary of object `number` as cairo wrote it ("N 0 obj\n<< … >>\nendobj").
    func objectBody(_ number: Int) -> String? {
        guard let start = find("\n\(number) 0 obj\n"), let end = find("\nendobj", from: start.upperBound) else { return nil }
        var lo = start.upperBound, hi = end.lowerBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        let body = string(lo..<hi)
        return body.hasPrefix("<<") && body.hasSuffix(">>") ? body : nil
    }

    /// The objects every `/ToUnicode N 0 R` names, each once, in order.
    func toUnicodeObjects() -> [Int] {
        var out: [Int] = []
        var from = 0
        while let hit = find("/ToUnicode ", from: from) {
            from = hit.upperBound
            if let n = digits(at: hit.upperBound), !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// The text of stream object `number` when it is Flate-compressed (as cairo writes its streams).
    func inflatedStream(_ number: Int) -> String? {
        guard let start = find("\n\(number) 0 obj\n"), let open = find("stream\n", from: start.upperBound),
              let close = find("endstream", from: open.upperBound),
              let filter = find("/FlateDecode", from: start.upperBound), filter.upperBound <= open.lowerBound,
              let d = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(d) }
        let input = Array(bytes[open.upperBound..<close.lowerBound])
        var capacity = max(4096, input.count * 8)
        // A CMap is small; the output buffer grows until it holds the whole stream.
        while capacity <= 1 << 26 {
            var output = [UInt8](repeating: 0, count: capacity)
            var inUsed = 0, outUsed = 0
            let status = input.withUnsafeBytes { i in
                output.withUnsafeMutableBytes { o in
                    libdeflate_zlib_decompress_ex(d, i.baseAddress, i.count, o.baseAddress, o.count, &inUsed, &outUsed)
                }
            }
            if status == LIBDEFLATE_SUCCESS { return String(decoding: output[..<outUsed], as: UTF8.self) }
            guard status == LIBDEFLATE_INSUFFICIENT_SPACE else { return nil }
            capacity *= 4
        }
        return nil
    }

    /// cairo's StructElem objects in the order it wrote them, with their roles.
    func structElements() -> [(number: Int, role: String)] {
        var out: [(Int, String)] = []
        var from = 0
        while let hit = find("<< /Type /StructElem", from: from) {
            from = hit.upperBound
            // "N 0 obj\n" just before the dictionary.
            let head = bytes[max(0, hit.lowerBound - 24)..<hit.lowerBound]
            guard let obj = PDFBytes.lastRange(of: Array(" 0 obj".utf8), in: head) else { continue }
            var k = obj.lowerBound
            while k > head.startIndex, isDigit(bytes[k - 1]) { k -= 1 }
            guard k < obj.lowerBound, let number = Int(string(k..<obj.lowerBound)),
                  let s = find("/S /", from: hit.upperBound) else { continue }
            var e = s.upperBound
            while e < bytes.count, isDigit(bytes[e]) || isLetter(bytes[e]) { e += 1 }
            out.append((number, string(s.upperBound..<e)))
        }
        return out
    }

    private static func lastRange(of key: [UInt8], in slice: ArraySlice<UInt8>) -> Range<Int>? {
        var i = slice.endIndex - key.count
        while i >= slice.startIndex {
            if slice[i..<i + key.count].elementsEqual(key) { return i..<i + key.count }
            i -= 1
        }
        return nil
    }
}

private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
/// ASCII white space and line ends (what `trimmingCharacters(in: .whitespacesAndNewlines)` trims there).
private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
