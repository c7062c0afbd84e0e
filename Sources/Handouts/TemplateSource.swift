import Foundation
import InfoRequests

/// Template text as read from disk: strict UTF-8, located errors for bytes that are not.
public func templateSource(_ data: Data, file: String) throws -> String {
    switch decodeUTF8(data) {
    case .success(let text): return text
    case .failure(let bad):
        throw TemplateError(file: file, line: bad.line, column: bad.column, message: bad.message(in: data, saving: "template"))
    }
}

/// Tab and line breaks are the only control characters a template may hold.
let templateWhitespace: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

/// Refuses control characters in template text (see `isControlCharacter`), located.
func checkControlCharacters(_ text: String, file: String, firstLine: Int = 1, what: String = "a template") throws {
    guard let bad = firstControlCharacter(in: text, allowing: templateWhitespace) else { return }
    throw TemplateError(file: file, line: firstLine + bad.line - 1, column: bad.column,
                        message: "control character \(codePointName(bad.scalar)) is not allowed in \(what) (only tab and line breaks are)")
}
