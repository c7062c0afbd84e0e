import Foundation
import InfoRequests

/// Spec text as read from a file or standard input: strict UTF-8 (as templates are read), so a
/// bad byte is a located error, never silently replaced by U+FFFD.
public func specSource(_ data: Data, file: String) throws -> String {
    switch decodeUTF8(data) {
    case .success(let text): return text
    case .failure(let bad):
        throw PlotSpecError(file: file, at: SourcePosition(line: bad.line, column: bad.column), bad.message(in: data, saving: "spec"))
    }
}
