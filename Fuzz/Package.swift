// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for infoplot's parsers, built apart from the main package so `swift build`
// there never sees them and its `.build` is never touched: `make fuzz` builds this package (in
// Fuzz/.build) with `-Xswiftc -sanitize=fuzzer,address`. Each target's `@main` hands over to
// libFuzzer's driver (FuzzDriver explains why libFuzzer's own `main` cannot be used).
let package = Package(
    name: "InfoplotFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "infoplot", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzDriver", dependencies: ["CLibFuzzer"]),
        .executableTarget(name: "FuzzTeX", dependencies: ["FuzzDriver", .product(name: "MathTypesetting", package: "infoplot")]),
        .executableTarget(name: "FuzzJSONL", dependencies: ["FuzzDriver", .product(name: "InfoRequests", package: "infoplot")]),
        .executableTarget(name: "FuzzPlotSpec", dependencies: ["FuzzDriver", .product(name: "PlotGrammar", package: "infoplot")]),
        .executableTarget(name: "FuzzTemplate", dependencies: ["FuzzDriver",
            .product(name: "Handouts", package: "infoplot"), .product(name: "InfoRequests", package: "infoplot"),
        ]),
    ]
)
