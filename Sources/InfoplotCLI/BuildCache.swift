import Foundation

/// `OUT/.cache.json`: for every artefact group (a handout, the gallery, the test sheet) the hash of
/// everything it was made from. An entry whose hash matches and whose files exist is up to date.
///
/// The hash is 64-bit FNV-1a over the inputs (template text, options, and the identity of the
/// infoplot binary: its size and modification time, so a rebuilt infoplot rebuilds everything).
/// It detects changes; it is not a defence against someone crafting collisions in their own notes.
struct BuildCache: Codable {
    struct Entry: Codable {
        var hash: String
        var title: String
        var pages: Int
        /// "path size mtime" of each font file the handout was set in: a font updated, replaced
        /// or removed since (same template, same fonts named) makes the entry stale.
        var fonts: [String]? = nil
        /// "slides" for a deck (written to slides/), nil for a handout.
        var format: String? = nil
        /// The index's one-line description (front matter `description:` or the first sentence).
        var description: String? = nil
    }
    var entries: [String: Entry] = [:]

    static func load(from path: String) -> BuildCache {
        guard let data = FileManager.default.contents(atPath: path),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data) else { return BuildCache() }
        return cache
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }
}

/// "path size mtime" of a file, or "path missing".
func fileFingerprint(_ path: String) -> String {
    guard let attrs = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path) missing" }
    let size = (attrs[.size] as? NSNumber)?.int64Value ?? 0
    let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(mtime)"
}

struct ContentHash {
    private var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        // A separator, so ("ab", "c") and ("a", "bc") hash differently.
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
    mutating func add(_ text: String) { add(text.utf8) }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// What identifies the running infoplot: its version and its executable's size and mtime.
func binaryIdentity() -> String {
    let path = "/proc/self/exe"
    let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? CommandLine.arguments[0]
    var identity = "infoplot \(infoplotVersion)"
    if let attrs = try? FileManager.default.attributesOfItem(atPath: resolved) {
        let size = (attrs[.size] as? NSNumber)?.int64Value ?? 0
        let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        identity += " \(size) \(mtime)"
    }
    return identity
}

let infoplotVersion = "0.1.0"
