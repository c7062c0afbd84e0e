import Foundation
import Handouts

/// `infoplot build --watch`: polls the files a build reads and runs a build pass when any of them
/// changed; the content-hash cache (`BuildCache`) then rebuilds only the handouts whose inputs
/// differ. Polling needs no new dependency and works on every file system (inotify does not on
/// network mounts).
extension BuildCommand {
    /// Half a second between polls: a save shows within a blink, and stat-ing a course's few
    /// dozen files twice a second costs nothing next to one build.
    static let watchPollMicroseconds: UInt32 = 500_000

    func watchAndRebuild() throws {
        // Ctrl-C (and SIGTERM) only ask to stop: the pass under way finishes its atomic writes,
        // so no partial or temporary file is left behind.
        let stop = StopRequest()
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }

        var seen = watchedFiles()
        var changing: [String]? = nil
        pass()
        while !stop.requested {
            usleep(Self.watchPollMicroseconds)
            let now = watchedFiles()
            if now == seen { changing = nil; continue }
            // A change is built only once sizes and mtimes held still for one poll: editors and
            // scripts often save in place (truncate, then write), and a pass started in between
            // would read a half-written template and report it as the rebuild.
            if now == changing, !stop.requested {
                seen = now
                changing = nil
                pass()
            } else {
                changing = now
            }
        }
        removeStaleTemporaries(in: out)
        try writeStandardOutputLine("infoplot build --watch: stopped")
    }

    /// A pass whose failure (a broken template, a missing folder) is reported and waited out:
    /// the next save may fix it.
    private func pass() {
        do { _ = try buildPass(stamp: true) } catch {
            FileHandle.standardError.write(Data("\(timeOfDay(Date())) \(error)\n".utf8))
        }
    }

    /// "path size mtime" of every file a build may read: the templates folder (decks, CSVs and
    /// style files beside the templates included) and the figures folder of user specs.
    func watchedFiles() -> [String] {
        let parent = (templates as NSString).deletingLastPathComponent
        var roots = [templates, figuresFolder ?? ((parent.isEmpty ? "." : parent) + "/Figures")]
        if let figuresFolder, figuresFolder.hasPrefix(templates + "/") { roots.removeLast() }
        // The build's --style file and its logo may live anywhere.
        if let style {
            roots.append(style)
            let loaded = try? HouseStyle.load(path: style)
            roots += [loaded?.logo, loaded?.darkLogo].compactMap { $0?.path }
        }
        var files: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(fileFingerprint(root)); continue
            }
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                // Editors' swap and backup files change on every keystroke; they are not inputs.
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                files.append(fileFingerprint(root + "/" + relative))
            }
        }
        return files.sorted()
    }
}

/// Set from a signal handler's queue, read by the polling loop.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func request() { lock.lock(); flag = true; lock.unlock() }
    var requested: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

/// "14:03:27": when a watch-mode pass started (local time, for the person watching).
func timeOfDay(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: date)
}
