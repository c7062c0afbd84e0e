import Foundation
import CFontconfig

/// A text face asked for by family name (as fc-list prints it) and style; a family containing a
/// slash is a font file, used as it is.
public struct FontRequest: Sendable, Hashable, CustomStringConvertible {
    public var family: String
    public var bold: Bool
    public var italic: Bool
    public init(family: String, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.bold = bold; self.italic = italic
    }
    public var description: String {
        family + (bold && italic ? " Bold Italic" : bold ? " Bold" : italic ? " Italic" : "")
    }
}

/// A font family that fontconfig does not have. `location` says where it was named
/// (`file:line:column`, or what named it) when the caller knows.
public struct FontNotInstalledError: Error, CustomStringConvertible, Sendable, Equatable {
    public var family: String
    public var location: String?
    public init(family: String, location: String? = nil) { self.family = family; self.location = location }
    public var description: String { (location.map { "\($0): error: " } ?? "") + problem }
    /// The message without its location (for callers with their own located errors).
    public var problem: String { Self.problem(family) }
    public static func problem(_ family: String) -> String {
        family.contains("/") ? "the font file '\(family)' cannot be opened"
            : "the font family '\(family)' is not installed (fc-list : family does not list it); install it or name an installed family"
    }
}

/// Fonts for text, resolved through fontconfig once per process and opened once per file: every
/// figure label, handout word and slide of a build shares them (fonts are immutable and safe to
/// share). fontconfig reads its configuration once (FcInit), so an answer never changes within a
/// process and the caches only memoise.
public enum FontLibrary {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var resolved: [FontRequest: ShapingFont] = [:]
    nonisolated(unsafe) private static var files: [String: ShapingFont] = [:]
    nonisolated(unsafe) private static var fallbacks: [FallbackKey: ShapingFont?] = [:]
    nonisolated(unsafe) private static var installed: [String: Bool] = [:]

    private struct FallbackKey: Hashable { var request: FontRequest; var scalar: UInt32 }

    /// The face for `request`: the family's file in that weight and slant (fontconfig's nearest
    /// style of the family when it has no such face, as Pango chose). Throws when the family is
    /// not installed instead of substituting another.
    public static func font(_ request: FontRequest) throws -> ShapingFont {
        lock.lock(); defer { lock.unlock() }
        if let hit = resolved[request] { return hit }
        let font: ShapingFont
        if request.family.contains("/") {
            font = try openLocked(path: request.family, index: 0)
        } else {
            guard let match = match(request), match.familyMatches else { throw FontNotInstalledError(family: request.family) }
            font = try openLocked(path: match.path, index: match.index)
        }
        resolved[request] = font
        return font
    }

    /// A font file opened directly.
    public static func font(path: String, faceIndex: Int = 0) throws -> ShapingFont {
        lock.lock(); defer { lock.unlock() }
        return try openLocked(path: path, index: faceIndex)
    }

    /// Whether fontconfig has `family` (a family with a slash: whether that file exists).
    public static func isInstalled(_ family: String) -> Bool {
        if family.contains("/") { return FileManager.default.isReadableFile(atPath: family) }
        lock.lock(); defer { lock.unlock() }
        if let known = installed[family] { return known }
        let has = match(FontRequest(family: family))?.familyMatches ?? false
        installed[family] = has
        return has
    }

    /// Throws the located error when `family` is not installed; `location` is where it was named.
    public static func requireInstalled(_ family: String, at location: String?) throws {
        guard isInstalled(family) else { throw FontNotInstalledError(family: family, location: location) }
    }

    /// The font that draws `scalar` when `request`'s face lacks it: the first face in fontconfig's
    /// order for the request (the same family's other files first, then similar families) whose
    /// character set has it, as Pango fell back. Nil when no installed font has it.
    public static func fallback(for scalar: Unicode.Scalar, request: FontRequest) -> ShapingFont? {
        let key = FallbackKey(request: request, scalar: scalar.value)
        lock.lock(); defer { lock.unlock() }
        if let hit = fallbacks[key] { return hit }
        var found: ShapingFont? = nil
        for (path, index) in sortedFaces(request, containing: scalar) {
            if let f = try? openLocked(path: path, index: index), f.covers(scalar) { found = f; break }
        }
        fallbacks[key] = found
        return found
    }

    private static func openLocked(path: String, index: Int) throws -> ShapingFont {
        let key = "\(index):\(path)"
        if let hit = files[key] { return hit }
        guard FileManager.default.isReadableFile(atPath: path) else { throw FontNotInstalledError(family: path) }
        let f = try ShapingFont(path: path, faceIndex: index)
        files[key] = f
        return f
    }

    private static func pattern(_ request: FontRequest) -> OpaquePointer? {
        guard FcInit() != 0, let pattern = FcPatternCreate() else { return nil }
        _ = request.family.withCString {
            FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self))
        }
        _ = FcPatternAddInteger(pattern, FC_WEIGHT, request.bold ? Int32(FC_WEIGHT_BOLD) : Int32(FC_WEIGHT_REGULAR))
        _ = FcPatternAddInteger(pattern, FC_SLANT, request.italic ? Int32(FC_SLANT_ITALIC) : Int32(FC_SLANT_ROMAN))
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        return pattern
    }

    private static func match(_ request: FontRequest) -> (path: String, index: Int, familyMatches: Bool)? {
        guard let pattern = pattern(request) else { return nil }
        defer { FcPatternDestroy(pattern) }
        var result = FcResultMatch
        guard let matched = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(matched) }
        guard let (path, index) = fileAndIndex(matched) else { return nil }
        // FcFontMatch always answers; the family is installed only when a family name of the answer
        // is the one asked for (fonts list several names: localised ones, typographic families).
        var same = false
        var n: Int32 = 0
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(matched, FC_FAMILY, n, &value) == FcResultMatch, let v = value {
            if normalized(String(cString: v)) == normalized(request.family) { same = true; break }
            n += 1
        }
        return (path, index, same)
    }

    private static func sortedFaces(_ request: FontRequest, containing scalar: Unicode.Scalar) -> [(String, Int)] {
        guard let pattern = pattern(request) else { return [] }
        defer { FcPatternDestroy(pattern) }
        var result = FcResultMatch
        guard let set = FcFontSort(nil, pattern, FcTrue, nil, &result) else { return [] }
        defer { FcFontSetDestroy(set) }
        var out: [(String, Int)] = []
        for i in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[i] else { continue }
            var charset: OpaquePointer?
            guard FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch, let charset,
                  FcCharSetHasChar(charset, scalar.value) != 0, let file = fileAndIndex(font) else { continue }
            out.append(file)
        }
        return out
    }

    private static func fileAndIndex(_ pattern: OpaquePointer) -> (String, Int)? {
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        return (String(cString: file), Int(index))
    }

    private static func normalized(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }
}
