import InfoRequests

/// Drawings the HTML writer embeds: catalogue figures and typeset formulas as SVG text.
/// Injected so the Handouts front end does not wait for the renderer; `nil` means "not
/// available", and the writer falls back to a placeholder (figures) or the TeX source (math).
public protocol HandoutAssets: Sendable {
    /// An SVG document for a figure block (catalogue or plot spec); `title` is its accessible description.
    func figureSVG(_ figure: Figure, title: String) throws -> String?
    /// An SVG for a formula, and how far (in CSS px) its bottom lies below the text baseline,
    /// so inline math sits on the baseline of the surrounding words.
    func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)?
    /// Markup the page needs once, after everything drawn (shared glyph outlines of the formulas).
    func pageDefinitions() -> String
    /// MathML Core for a formula (what screen readers read beside the drawn SVG); nil when unavailable.
    func mathML(tex: String, display: Bool) throws -> String?
}

extension HandoutAssets {
    public func pageDefinitions() -> String { "" }
    public func mathML(tex: String, display: Bool) throws -> String? { nil }
}

/// Until the figure catalogue and math typesetter are wired in: nothing is drawn.
public struct FallbackAssets: HandoutAssets {
    public init() {}
    public func figureSVG(_ figure: Figure, title: String) throws -> String? { nil }
    public func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? { nil }
}
