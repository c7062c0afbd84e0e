import Foundation
import FigureModel
import InfoTheory

/// The `venn` mark: the information diagram (Yeung 1991; Cover & Thomas fig. 2.2) of a joint
/// table p(x, y) — H(X|Y), I(X;Y), H(Y|X) as regions of two circles, H(X), H(Y), H(X,Y) bracketed,
/// the table beside them. The one drawing of it, for the catalogue's `entropy-venn` and users' specs.
struct VennDiagram {
    /// The six quantities, in bits.
    struct Quantities {
        let hx, hy, hxy, hxGivenY, hyGivenX, mi: Double

        init(_ table: [[Double]]) throws {
            let d = try JointDistribution(table)
            hx = try entropy(d.marginalX, unit: .bits); hy = try entropy(d.marginalY, unit: .bits)
            hxy = try jointEntropy(table, unit: .bits)
            hxGivenY = try conditionalEntropy(table, given: .y, unit: .bits)
            hyGivenX = try conditionalEntropy(table, given: .x, unit: .bits)
            mi = try mutualInformation(table, unit: .bits)
        }
    }

    /// At most 12 × 12 cells: the table is printed beside the diagram.
    static let maximumSide = 12

    let table: [[Double]]
    let q: Quantities
    let proportional: Bool
    let xName, yName: String

    /// Area of the lens where circles of radii a, b with centres d apart overlap.
    static func lensArea(_ a: Double, _ b: Double, _ d: Double) -> Double {
        if d >= a + b { return 0 }
        if d <= abs(a - b) { return .pi * min(a, b) * min(a, b) }
        let ca = min(1, max(-1, (d * d + a * a - b * b) / (2 * d * a)))
        let cb = min(1, max(-1, (d * d + b * b - a * a) / (2 * d * b)))
        let k = (-d + a + b) * (d + a - b) * (d - a + b) * (d + a + b)
        return a * a * acos(ca) + b * b * acos(cb) - 0.5 * max(0, k).squareRoot()
    }

    /// The centre distance at which the lens has area `target`: the area falls monotonically from
    /// π·min(a,b)² at d = |a − b| to 0 at d = a + b, so bisection converges.
    static func centreDistance(_ a: Double, _ b: Double, lens target: Double) -> Double {
        var lo = abs(a - b), hi = a + b
        if target <= 0 { return hi }
        if target >= .pi * min(a, b) * min(a, b) { return lo }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if lensArea(a, b, mid) > target { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// Circle radii and centre distance: fixed for the schematic; areas ∝ entropies when proportional.
    var geometry: (rx: Double, ry: Double, d: Double) {
        guard proportional, q.hx > 0 || q.hy > 0 else { return (1, 1, 1.15) }
        // Scale so the larger circle has radius 1.
        let k = 1 / max(q.hx, q.hy)
        // Radii √(H·k) give areas π·H·k; the lens must then be π·I·k.
        let rx = (q.hx * k).squareRoot(), ry = (q.hy * k).squareRoot()
        let d = Self.centreDistance(rx, ry, lens: .pi * min(q.mi, q.hx, q.hy) * k)
        return (rx, ry, d)
    }

    static func nameTeX(_ name: String, symbol: String) -> String {
        name == symbol || name.isEmpty ? "$\(symbol)$" : "$\(symbol)$: \(name)"
    }

    func bits(_ v: Double) -> String { quantityWithUnit(fixedDecimal(v, decimals: 3, trimmed: true), .bits) }

    /// Fill opacity of each circle: light enough that foreground text reads on the overlap.
    static let fillAlpha = 0.22

    /// The marks and the data limits that leave room for the text around the shapes.
    func draw(lineStyles: [LineStyle], size: FigureSize) -> (marks: [Mark], x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let (rx, ry, d) = geometry
        let cx = -d / 2, cy = d / 2
        let xColor: Paint = .series(0), yColor: Paint = .series(1)
        let xFill = xColor.opacity(Self.fillAlpha), yFill = yColor.opacity(Self.fillAlpha)
        var marks: [Mark] = [
            .shape(Shape(.circle(center: Point(cx, 0), radius: rx), fill: xFill, stroke: xColor, strokeWidth: nil)),
            // The print theme tells series apart by dash too.
            .shape(Shape(.circle(center: Point(cy, 0), radius: ry), fill: yFill, stroke: yColor, strokeWidth: nil,
                         style: lineStyles[1 % lineStyles.count])),
        ]
        // Labels in a series colour keep WCAG AA contrast (4.5 : 1) on what lies under them, in
        // every theme: the tinted circle for the names, the background for the bracket values.
        let xOnFill: Paint = .role(.text(.series(0), tint: Self.fillAlpha)), yOnFill: Paint = .role(.text(.series(1), tint: Self.fillAlpha))
        let xOnBackground: Paint = .role(.text(.series(0), tint: 0)), yOnBackground: Paint = .role(.text(.series(1), tint: 0))

        let r = max(rx, ry)
        // Region centres: each crescent's middle, and the lens's middle.
        let leftEdge = cx - rx, rightEdge = cy + ry
        let lensL = max(cy - ry, leftEdge), lensR = min(cx + rx, rightEdge)
        let crescentX = 0.5 * (leftEdge + lensL), crescentY = 0.5 * (lensR + rightEdge)
        let lensMid = 0.5 * (lensL + lensR)
        let roomy = lensR - lensL > 0.62 * r
        marks.append(.text(TextLabel("$H(X|Y)$\n\(bits(q.hxGivenY))", at: Point(crescentX, 0))))
        marks.append(.text(TextLabel("$H(Y|X)$\n\(bits(q.hyGivenX))", at: Point(crescentY, 0))))
        if roomy {
            marks.append(.text(TextLabel("$I(X;Y)$\n\(bits(q.mi))", at: Point(lensMid, 0))))
        } else {
            // A thin lens cannot hold the label: put it below with a leader.
            marks.append(.annotation(Annotation("$I(X;Y)$ = \(bits(q.mi))", point: Point(lensMid, -0.35 * min(rx, ry)),
                                                textAt: Point(lensMid, -r - 0.28))))
        }
        // Circle names inside the upper part of each circle, away from the lens.
        marks.append(.text(TextLabel(Self.nameTeX(xName, symbol: "X"), at: Point(cx - 0.3 * rx, 0.62 * rx), color: xOnFill)))
        marks.append(.text(TextLabel(Self.nameTeX(yName, symbol: "Y"), at: Point(cy + 0.3 * ry, 0.62 * ry), color: yOnFill)))

        // Brackets: H(X) above, H(Y) and H(X,Y) below (the course's layout, untangled).
        let tick = 0.09 * r, gap = 0.12 * r, level = 0.36 * r
        func bracket(_ x0: Double, _ x1: Double, at y: Double, up: Bool, color: Paint) -> Mark {
            let t = up ? -tick : tick
            return .shape(Shape(.polyline([Point(x0, y + t), Point(x0, y), Point(x1, y), Point(x1, y + t)]), stroke: color))
        }
        let yTop = r + gap
        marks.append(bracket(leftEdge, cx + rx, at: yTop, up: true, color: xColor))
        marks.append(.text(TextLabel("$H(X)$ = \(bits(q.hx))", at: Point(cx, yTop + 0.04 * r), vertical: .bottom, color: xOnBackground)))
        let yBelow = -r - gap - (roomy ? 0 : level)
        marks.append(bracket(cy - ry, rightEdge, at: yBelow, up: false, color: yColor))
        marks.append(.text(TextLabel("$H(Y)$ = \(bits(q.hy))", at: Point(cy, yBelow - 0.04 * r), vertical: .top, color: yOnBackground)))
        let yJoint = yBelow - level
        marks.append(bracket(leftEdge, rightEdge, at: yJoint, up: false, color: .foreground))
        marks.append(.text(TextLabel("$H(X,Y)$ = \(bits(q.hxy))", at: Point(0.5 * (leftEdge + rightEdge), yJoint - 0.04 * r),
                                     vertical: .top)))

        // The table itself, so the figure says what it was computed from.
        let rows = table.map { $0.map { fixedDecimal($0, decimals: 4, trimmed: true) }.joined(separator: "   ") }.joined(separator: "\n")
        marks.append(.text(TextLabel("$p(x,y)$\n\(rows)", at: Point(rightEdge + 0.35 * r, 0), horizontal: .left, boxed: true)))

        // Diagram limits that leave room for the text around the shapes: automatic limits see only
        // text anchors. With equal aspect, s points per data unit is whichever of the height and
        // the width (after the table's fixed width in points) binds.
        let fs = 0.85 * size.baseFontSize, lh = 1.35 * fs
        let tableChars = Double(table.map { $0.map { fixedDecimal($0, decimals: 4, trimmed: true).count + 3 }.reduce(0, +) }.max() ?? 8)
        let tablePoints = max(tableChars, 7) * 0.48 * fs + 1.2 * fs
        let panelW = size.widthPoints - 1.2 * size.baseFontSize, panelH = size.heightPoints - 1.2 * size.baseFontSize
        let w0 = rightEdge + 0.35 * r - leftEdge, h0 = yTop - yJoint
        let scale = max(min((panelH - 2.4 * lh) / h0, (panelW - tablePoints - 2 * fs) / w0), 1)
        var x0 = leftEdge - fs / scale, x1 = rightEdge + 0.35 * r + (tablePoints + fs) / scale
        // When the height binds, centre the drawing in the spare width.
        let spare = max(0, 0.95 * panelW / scale - (x1 - x0))
        x0 -= spare / 2; x1 += spare / 2
        return (marks, x0...x1, (yJoint - 1.2 * lh / scale)...(yTop + 1.2 * lh / scale))
    }

    /// Alt text with every number the figure prints.
    var description: String {
        let tableText = "[" + table.map { "[" + $0.map { fixedDecimal($0, decimals: 4, trimmed: true) }.joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "]"
        let names = (xName == "X" ? "" : " (X = \(xName))") + (yName == "Y" ? "" : " (Y = \(yName))")
        return "Information diagram for the joint table p(x, y) = \(tableText)\(names): two overlapping circles "
            + "for H(X) = \(bits(q.hx)) and H(Y) = \(bits(q.hy)); the left crescent is H(X|Y) = \(bits(q.hxGivenY)), "
            + "the overlap is the mutual information I(X;Y) = \(bits(q.mi)), the right crescent is H(Y|X) = \(bits(q.hyGivenX)), "
            + "and the union is the joint entropy H(X,Y) = \(bits(q.hxy))."
            + (proportional ? " Circle areas are proportional to H(X) and H(Y) and the overlap area to I(X;Y)."
                : " Circle sizes are schematic.")
    }
}

/// A printed number and its unit, agreeing in number: "1 bit", "−1 bit", "0 bits", "1.50 bits"
/// (only a value printed as exactly one takes the singular).
public func quantityWithUnit(_ printed: String, _ unit: InfoUnit) -> String { quantityWithUnit(printed, plural: unit.rawValue) }

/// The same with the unit's plural as text ("bits", "nats"; a spec's `{{x:3 unit}}`).
public func quantityWithUnit(_ printed: String, plural: String) -> String {
    let one = printed == "1" || printed == "\u{2212}1" || printed == "-1"
    return printed + " " + (one && plural.hasSuffix("s") ? String(plural.dropLast()) : plural)
}

/// The numerics suggest a `normalize` option that requests have and figures and marks do not: a
/// hint names only options that exist where it is given, so figure and mark errors drop it.
public func withoutRequestHints(_ message: String) -> String {
    message.replacingOccurrences(of: "; pass normalize to rescale", with: "")
}
