// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for infoplot's parsers, built apart from the main package so `swift build`
// there never sees them: `make fuzz` builds this package with
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library` (the fuzzer supplies `main`).
let package = Package(
    name: "InfoplotFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "infoplot", path: "..")],
    targets: [
        .executableTarget(name: "FuzzTeX", dependencies: [.product(name: "MathTypesetting", package: "infoplot")]),
        .executableTarget(name: "FuzzJSONL", dependencies: [.product(name: "InfoRequests", package: "infoplot")]),
        .executableTarget(name: "FuzzPlotSpec", dependencies: [.product(name: "PlotGrammar", package: "infoplot")]),
        .executableTarget(name: "FuzzTemplate", dependencies: [
            .product(name: "Handouts", package: "infoplot"), .product(name: "InfoRequests", package: "infoplot"),
        ]),
    ]
)
