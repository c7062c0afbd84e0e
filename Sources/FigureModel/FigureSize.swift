import Foundation

/// Physical figure size. Presets fix the base font size; custom sizes scale it with the area.
///
/// - `slide`: 13.333 × 7.5 in (16:9 full slide), base font 20 pt.
/// - `halfSlide`: 6.667 × 7.5 in (one column of a two-column 16:9 slide), base font 18 pt.
/// - `handout`: 6.5 × 4 in (text width of a letter/A4 page), base font 10 pt.
/// - `column`: 3.5 × 2.6 in (one column of a two-column paper, about 4:3), base font 8 pt.
/// - `inches(w, h)`: base font 1.9·√(w·h) pt, clamped to 7…24 pt.
public enum FigureSize: Sendable, Hashable, CustomStringConvertible {
    case slide, halfSlide, handout, column
    case inches(Double, Double)

    public var widthInches: Double {
        switch self {
        case .slide: 13.333
        case .halfSlide: 6.667
        case .handout: 6.5
        case .column: 3.5
        case .inches(let w, _): w
        }
    }
    public var heightInches: Double {
        switch self {
        case .slide, .halfSlide: 7.5
        case .handout: 4
        case .column: 2.6
        case .inches(_, let h): h
        }
    }
    public var widthPoints: Double { widthInches * 72 }
    public var heightPoints: Double { heightInches * 72 }

    /// Axis-label size in points; tick labels, legends and titles are fixed ratios of it.
    public var baseFontSize: Double {
        switch self {
        case .slide: 20
        case .halfSlide: 18
        case .handout: 10
        case .column: 8
        case .inches(let w, let h): min(max(1.9 * (w * h).squareRoot(), 7), 24)
        }
    }

    public var description: String {
        switch self {
        case .slide: "slide"
        case .halfSlide: "half-slide"
        case .handout: "handout"
        case .column: "column"
        case .inches(let w, let h): "\(formatNumber(w))x\(formatNumber(h))"
        }
    }

    /// Parses `slide`, `half-slide`, `handout`, `column` or `WxH` in inches (`6.4x4`, `6.4×4`).
    public static func parse(_ text: String) throws -> FigureSize {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch s {
        case "slide": return .slide
        case "half-slide", "halfslide": return .halfSlide
        case "handout": return .handout
        case "column": return .column
        default: break
        }
        let parts = s.replacingOccurrences(of: "×", with: "x").split(separator: "x", omittingEmptySubsequences: false)
        let expected = "expected a preset (slide, half-slide, handout, column) or WxH in inches such as 6.4x4"
        guard parts.count == 2, let w = Double(parts[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "in", with: "")),
              let h = Double(parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "in", with: ""))
        else { throw FigureError("size '\(text)' is not understood; \(expected)") }
        guard w.isFinite, h.isFinite, (1...60).contains(w), (1...60).contains(h) else {
            throw FigureError("size '\(text)': width and height must be between 1 and 60 inches")
        }
        return .inches(w, h)
    }
}
