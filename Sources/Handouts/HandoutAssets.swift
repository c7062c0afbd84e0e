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
    /// The figure laid out a second time for a phone's column, when `figureSVG`'s drawing would
    /// show text below the legible minimum there; nil when one drawing serves every width.
    func phoneFigure(_ figure: Figure, title: String) throws -> PhoneFigure?
}

extension HandoutAssets {
    public func pageDefinitions() -> String { "" }
    public func mathML(tex: String, display: Bool) throws -> String? { nil }
    public func phoneFigure(_ figure: Figure, title: String) throws -> PhoneFigure? { nil }
}

/// A figure's drawing for narrow screens and the viewport width (CSS px) below which it replaces
/// the page-width drawing.
public struct PhoneFigure: Sendable, Equatable {
    public var svg: String
    public var below: Double
    public init(svg: String, below: Double) { self.svg = svg; self.below = below }
}

/// Where a handout page links besides itself: the index and the handouts before and after it.
public struct HandoutNavigation: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var title: String
        /// Relative to the page.
        public var href: String
        public init(title: String, href: String) { self.title = title; self.href = href }
    }
    public var index: Link?
    public var previous: Link?
    public var next: Link?
    public init(index: Link? = nil, previous: Link? = nil, next: Link? = nil) {
        self.index = index; self.previous = previous; self.next = next
    }
}

/// Until the figure catalogue and math typesetter are wired in: nothing is drawn.
public struct FallbackAssets: HandoutAssets {
    public init() {}
    public func figureSVG(_ figure: Figure, title: String) throws -> String? { nil }
    public func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? { nil }
}
