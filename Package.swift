// swift-tools-version: 6.1
import PackageDescription

// Layers (each imports only those above it in this list):
//  1 InfoTheory, InfoRequests   numerics and the shared request vocabulary (pure Swift)
//    Expressions                the formula language over both (pure Swift)
//  2 FigureModel                backend-free figures (pure Swift)
//    PlotGrammar                YAML plot specs compiled into figure models (pure Swift)
//  3 MathTypesetting            TeX subset -> box tree; metrics from the OpenType MATH table
//    TextShaping                fonts resolved once (fontconfig); prose shaped by HarfBuzz
//    Frame                      the one laid-out result (paths, shaped glyph runs, images, groups)
//  4 CairoRender                lays figures out to frames; draws them as PDF/PNG (cairo) and SVG (direct)
//  5 FigureCatalogue, Handouts  named lecture figures; templates -> documents -> pages
//  6 InfoplotCLI, infoplot      the thin command-line front end
let package = Package(
    name: "infoplot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "infoplot", targets: ["infoplot"]),
        .library(name: "InfoTheory", targets: ["InfoTheory"]),
        // For the libFuzzer targets in Fuzz/ (a package of its own, see `make fuzz`).
        .library(name: "InfoRequests", targets: ["InfoRequests"]),
        .library(name: "MathTypesetting", targets: ["MathTypesetting"]),
        .library(name: "PlotGrammar", targets: ["PlotGrammar"]),
        .library(name: "Handouts", targets: ["Handouts"]),
        // Build a plot from a spec or from values and write SVG/PDF/PNG, without the CLI.
        .library(name: "Infoplot", targets: ["Expressions", "PlotGrammar", "FigureModel", "MathTypesetting", "CairoRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig-dev"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // No .pc file in Debian: the module map links the library itself.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-en-us"])]),

        // 1. numerics
        .target(name: "InfoTheory"),
        .target(name: "InfoRequests", dependencies: ["InfoTheory"]),
        .target(name: "Expressions", dependencies: ["InfoTheory", "InfoRequests"]),
        // 2. figure model
        .target(name: "FigureModel"),
        // 2b. the plot grammar: YAML specs -> figure models
        .target(name: "PlotGrammar", dependencies: ["FigureModel", "InfoTheory", "Expressions", "InfoRequests",
            .product(name: "Yams", package: "Yams"), .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // 3. math typesetting
        .target(name: "MathTypesetting", dependencies: ["FigureModel", "CHarfBuzz", "CFreeType", "CFontconfig"]),
        // 3. text shaping: fonts resolved once through fontconfig, prose shaped by HarfBuzz
        .target(name: "TextShaping", dependencies: ["CHarfBuzz", "CFreeType", "CFontconfig"]),
        // 3½. the laid-out frame every exporter draws (pure values)
        .target(name: "Frame", dependencies: ["FigureModel"]),
        // 4. renderer
        .target(name: "CairoRender", dependencies: ["FigureModel", "MathTypesetting", "TextShaping", "Frame", "CCairo",
                                                    "CFreeType", "CHarfBuzz", "CDeflate"]),
        // 5. catalogue and handouts
        .target(name: "FigureCatalogue", dependencies: ["InfoTheory", "InfoRequests", "FigureModel", "PlotGrammar", "CairoRender"]),
        .target(name: "Handouts", dependencies: ["InfoRequests", "Expressions", "PlotGrammar", "FigureCatalogue", "MathTypesetting", "TextShaping", "CairoRender", "CCmarkGFM", "CHyphen",
            .product(name: "Yams", package: "Yams"),
        ]),
        // 6. command line
        .target(name: "InfoplotCLI", dependencies: [
            "InfoRequests", "FigureCatalogue", "Handouts", "PlotGrammar", "MathTypesetting", "TextShaping",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "infoplot", dependencies: ["InfoplotCLI"]),

        .testTarget(name: "InfoTheoryTests", dependencies: [
            "InfoTheory", "InfoRequests",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "InfoRequests"]),
        .testTarget(name: "PlotGrammarTests", dependencies: ["PlotGrammar", "FigureModel", "InfoRequests"]),
        .testTarget(name: "LibraryAPITests", dependencies: ["PlotGrammar", "CairoRender", "FigureModel"]),
        .testTarget(name: "ReferenceImageTests", dependencies: ["PlotGrammar", "FigureCatalogue", "CairoRender", "CCairo"],
                    exclude: ["References"]),
        .testTarget(name: "FigureModelTests", dependencies: ["FigureModel"]),
        .testTarget(name: "MathTypesettingTests", dependencies: ["MathTypesetting"], exclude: ["Fixtures"]),
        .testTarget(name: "TextShapingTests", dependencies: ["TextShaping", "CFreeType"]),
        .testTarget(name: "CairoRenderTests", dependencies: ["CairoRender", "Frame", "TextShaping", "CCairo", "CFontconfig", "CHarfBuzz", "CFreeType", "CCmarkGFM"],
                    exclude: ["Golden"]),
        .testTarget(name: "FigureCatalogueTests", dependencies: ["FigureCatalogue"]),
        .testTarget(name: "HandoutsTests", dependencies: ["Handouts", "CairoRender", "Frame", "TextShaping"]),
        .testTarget(name: "CLITests", dependencies: ["InfoplotCLI"]),
    ]
)
