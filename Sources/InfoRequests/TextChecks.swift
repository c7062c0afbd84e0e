/// Checks on text that comes from authors and command lines, shared by every front end.
///
/// Control characters have no meaning in labels or prose, are not allowed in XML 1.0 (an SVG
/// holding U+0001 is not well-formed, §2.2 Char) and can rewrite a terminal (ESC sequences), so
/// they are refused where text enters, never passed on or silently dropped.

/// Whether a scalar is a control character: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F),
/// Unicode general category Cc.
public func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control
}

/// The first control character in `text` other than those in `allowed`, with its 1-based line
/// and column (columns count characters, lines end at "\n").
public func firstControlCharacter(in text: String, allowing allowed: Set<Unicode.Scalar> = [])
    -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
    var line = 1, column = 1
    for ch in text {
        if let bad = ch.unicodeScalars.first(where: { isControlCharacter($0) && !allowed.contains($0) }) {
            return (bad, line, column)
        }
        if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
    }
    return nil
}

/// "U+001B", the way Unicode names a code point.
public func codePointName(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}

/// Where UTF-8 decoding failed: the 0-based byte offset of the first byte of the bad sequence,
/// with the 1-based line and column (in characters) of the valid text before it.
public struct InvalidUTF8: Error, Sendable, Equatable {
    public let byteOffset: Int
    public let line: Int
    public let column: Int
}

/// Decodes UTF-8 strictly (Swift's `String(decoding:)` would replace bad bytes with U+FFFD and
/// carry on, losing what the author wrote without a word).
public func decodeUTF8<C: Collection>(_ bytes: C) -> Result<String, InvalidUTF8> where C.Element == UInt8 {
    // The standard library's validating decoder first (one pass over the bytes); only text it
    // refuses is walked scalar by scalar, to say where the bad byte is.
    if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0, line = 1, column = 1
    var scalars = String.UnicodeScalarView()
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded):
            let scalar = Unicode.UTF8.decode(encoded)
            scalars.append(scalar)
            offset += encoded.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        case .emptyInput:
            return .success(String(scalars))
        case .error:
            return .failure(InvalidUTF8(byteOffset: offset, line: line, column: column))
        }
    }
}

extension InvalidUTF8 {
    /// "invalid UTF-8 at byte offset 23 (byte 0xFF); save the template as UTF-8": the message every
    /// reader of author files gives (templates, plot specs, CSV data), `what` naming the file's kind.
    public func message<C: Collection>(in bytes: C, saving what: String) -> String where C.Element == UInt8 {
        let byte = String(bytes[bytes.index(bytes.startIndex, offsetBy: byteOffset)], radix: 16, uppercase: true)
        return "invalid UTF-8 at byte offset \(byteOffset) (byte 0x\(byte)); save the \(what) as UTF-8"
    }
}
