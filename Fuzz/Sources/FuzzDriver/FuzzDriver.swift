import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's C signature for one input.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Hands the process to libFuzzer's driver (command line, corpus, mutation, artifacts).
///
/// Why not libFuzzer's own `main`: SwiftPM links an executable target on Linux with
/// `--defsym main=<Module>_main`, so the executable needs an entry point of its own (one built with
/// `-parse-as-library` and no `@main` fails with "undefined symbol FuzzTeX_main"), and that
/// definition of `main` wins over libFuzzer's. Each target's `@main` calls this instead; the target
/// also exports `LLVMFuzzerTestOneInput`, which the whole-archive libFuzzer link still references.
public func runLibFuzzer(_ testOneInput: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// The bytes of one input (libFuzzer passes a null pointer for the empty input).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeRawBufferPointer {
    guard let data else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: data, count: count)
}
