import CHyphen
import Foundation

/// Where a word may be broken with a hyphen: Liang's patterns (the ones TeX uses, converted for
/// libhyphen by the hyphen-* Debian packages). The only place libhyphen is called.
///
/// A dictionary is only read after loading, so one instance may serve a whole document.
public final class Hyphenator: @unchecked Sendable {
    /// The `lang:` tag it was loaded for ("en-US").
    public let language: String
    private let dict: UnsafeMutablePointer<HyphenDict>

    /// plain.tex's \lefthyphenmin=2 and \righthyphenmin=3: at least two letters before a
    /// hyphen and three after it (TeXbook Appendix B; the patterns themselves, Appendix H).
    public static let leftMin = 2
    public static let rightMin = 3
    /// The language a template gets without `lang:`.
    public static let defaultLanguage = "en-US"
    /// Debian installs every hyphen-* package's patterns here as hyph_LL_CC.dic.
    static let directory = "/usr/share/hyphen"

    /// `language` is a BCP 47 tag as in `lang:` ("en-US", "en", "de-DE"); its patterns must be installed.
    public init(language: String) throws {
        guard let path = Hyphenator.patternFile(for: language) else {
            let installed = Hyphenator.installedLanguages()
            throw HyphenationError(
                "no hyphenation patterns installed for language '\(language)' (installed: "
                    + (installed.isEmpty ? "none" : installed.joined(separator: ", "))
                    + "; Debian packages hyphen-LL provide them in \(Hyphenator.directory))")
        }
        guard let dict = hnj_hyphen_load(path) else {
            throw HyphenationError("cannot read the hyphenation patterns \(path)")
        }
        self.language = language
        self.dict = dict
    }

    deinit { hnj_hyphen_free(dict) }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: Hyphenator] = [:]

    /// The patterns for `language`, read once per process: every handout of a build shares them
    /// (reading the en-US file took 3 % of a cold `infoplot build` when each document read it again).
    /// Sharing across threads is safe: hnj_hyphen_hyphenate3 only reads the dictionary.
    public static func shared(language: String) throws -> Hyphenator {
        lock.lock(); defer { lock.unlock() }
        if let h = loaded[language] { return h }
        let h = try Hyphenator(language: language)
        loaded[language] = h
        return h
    }

    /// hyph_en_US.dic for "en-US" or "en_us", else the language alone (hyph_en.dic for "en-GB"
    /// only when no GB file is there).
    static func patternFile(for language: String) -> String? {
        let parts = language.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased(), !primary.isEmpty,
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var names: [String] = []
        if parts.count > 1 { names.append("hyph_\(primary)_\(parts[1].uppercased()).dic") }
        names.append("hyph_\(primary).dic")
        for name in names {
            let path = directory + "/" + name
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        return nil
    }

    static func installedLanguages() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasPrefix("hyph_") && $0.hasSuffix(".dic") }
            .map { String($0.dropFirst(5).dropLast(4)).replacingOccurrences(of: "_", with: "-") }
            .sorted()
    }

    /// Character offsets inside `word` after which a hyphen may go, ascending. Only a word
    /// made of letters is hyphenated (no digits, no inner punctuation), as TeX does.
    public func points(in word: String) -> [Int] {
        let letters = Array(word)
        guard letters.count >= Hyphenator.leftMin + Hyphenator.rightMin,
              letters.allSatisfy(\.isLetter) else { return [] }
        let lower = word.lowercased()
        let bytes = Array(lower.utf8)
        // Lower-casing may change the length (rare ligature letters); then the offsets would not map.
        guard lower.count == letters.count, bytes.count < Int(Int32.max) - 5 else { return [] }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = hnj_hyphen_hyphenate3(dict, lower, Int32(bytes.count), &hyphens, nil, &rep, &pos, &cut,
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin),
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin))
        // Non-standard hyphenation (a spelling change at the break, as German "Schiff=fahrt")
        // is not supported: those points are dropped.
        var changed = Set<Int>()
        if let rep {
            for i in 0..<bytes.count {
                if let r = rep[i] { changed.insert(i); free(r) }
            }
            free(rep)
        }
        free(pos)
        free(cut)
        guard status == 0 else { return [] }
        // hyphens[i] odd: a break after byte i. Map bytes to characters.
        var out: [Int] = []
        var byte = 0
        for (k, c) in lower.enumerated() {
            byte += c.utf8.count
            let i = byte - 1
            if k + 1 < letters.count, hyphens[i] & 1 == 1, !changed.contains(i) { out.append(k + 1) }
        }
        return out.filter { $0 >= Hyphenator.leftMin && letters.count - $0 >= Hyphenator.rightMin }
    }
}

public struct HyphenationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
