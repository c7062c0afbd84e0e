import Foundation
import FigureModel
import InfoTheory
import InfoRequests

/// `entropy-venn`: the information diagram (Yeung 1991; Cover & Thomas fig. 2.2) of a joint table.
enum EntropyVenn {
    static let entry = CatalogueEntry(
        name: "entropy-venn",
        summary: "Information diagram of a joint table: H(X|Y), I(X;Y), H(Y|X) in bits, with H(X), H(Y), H(X,Y) bracketed.",
        parameters: [
            ParameterSpec("pxy", .table, default: .array([.array([.number(0.56), .number(0.14)]),
                                                          .array([.number(0.04), .number(0.26)])]),
                          help: "joint distribution p(x, y): rows are values of X, columns values of Y"),
            ParameterSpec("proportional", .boolean, default: .bool(false),
                          help: "circle areas proportional to H(X) and H(Y), overlap area to I(X;Y)"),
            ParameterSpec("x_name", .string, default: .string("X"), help: "name of the row variable"),
            ParameterSpec("y_name", .string, default: .string("Y"), help: "name of the column variable"),
        ],
        build: build)

    /// The six quantities, in bits.
    struct Quantities {
        let hx, hy, hxy, hxGivenY, hyGivenX, mi: Double
    }

    static func quantities(_ table: [[Double]]) throws -> Quantities {
        try rethrowing("entropy-venn", "pxy") {
            let d = try JointDistribution(table)
            return Quantities(hx: try entropy(d.marginalX, unit: .bits), hy: try entropy(d.marginalY, unit: .bits),
                              hxy: try jointEntropy(table, unit: .bits),
                              hxGivenY: try conditionalEntropy(table, given: .y, unit: .bits),
                              hyGivenX: try conditionalEntropy(table, given: .x, unit: .bits),
                              mi: try mutualInformation(table, unit: .bits))
        }
    }

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
    static func geometry(_ q: Quantities, proportional: Bool) -> (rx: Double, ry: Double, d: Double) {
        guard proportional, q.hx > 0 || q.hy > 0 else { return (1, 1, 1.15) }
        // Scale so the larger circle has radius 1.
        let k = 1 / max(q.hx, q.hy)
        // Radii √(H·k) give areas π·H·k; the lens must then be π·I·k.
        let rx = (q.hx * k).squareRoot(), ry = (q.hy * k).squareRoot()
        let d = centreDistance(rx, ry, lens: .pi * min(q.mi, q.hx, q.hy) * k)
        return (rx, ry, d)
    }

    static func nameTeX(_ name: String, symbol: String) -> String {
        name == symbol || name.isEmpty ? "$\(symbol)$" : "$\(symbol)$: \(name)"
    }

    static func build(_ args: FigureArguments, _ context: FigureContext) throws -> Figure {
        let table = args.table("pxy")
        guard table.count <= 12, table.allSatisfy({ $0.count <= 12 }) else {
            throw CatalogueError("parameter 'pxy' of figure 'entropy-venn': at most 12×12 entries")
        }
        let q = try quantities(table)
        let proportional = args.bool("proportional")
        let xName = args.string("x_name"), yName = args.string("y_name")
        let theme = context.theme
        let (rx, ry, d) = geometry(q, proportional: proportional)
        let cx = -d / 2, cy = d / 2
        let xColor: Paint = .series(0), yColor: Paint = .series(1)
        func bits(_ v: Double) -> String { quantityText(v, unit: .bits) }

        var marks: [Mark] = [
            .shape(Shape(.circle(center: Point(cx, 0), radius: rx), fill: xColor.opacity(0.22), stroke: xColor, strokeWidth: nil)),
            // The print theme tells series apart by dash too.
            .shape(Shape(.circle(center: Point(cy, 0), radius: ry), fill: yColor.opacity(0.22), stroke: yColor, strokeWidth: nil,
                         style: theme.lineStyleCycle[1 % theme.lineStyleCycle.count])),
        ]
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
        marks.append(.text(TextLabel(nameTeX(xName, symbol: "X"), at: Point(cx - 0.3 * rx, 0.62 * rx), color: xColor)))
        marks.append(.text(TextLabel(nameTeX(yName, symbol: "Y"), at: Point(cy + 0.3 * ry, 0.62 * ry), color: yColor)))

        // Brackets: H(X) above, H(Y) and H(X,Y) below (the course's layout, untangled).
        let tick = 0.09 * r, gap = 0.12 * r, level = 0.36 * r
        func bracket(_ x0: Double, _ x1: Double, at y: Double, up: Bool, color: Paint) -> Mark {
            let t = up ? -tick : tick
            return .shape(Shape(.polyline([Point(x0, y + t), Point(x0, y), Point(x1, y), Point(x1, y + t)]), stroke: color))
        }
        let yTop = r + gap
        marks.append(bracket(leftEdge, cx + rx, at: yTop, up: true, color: xColor))
        marks.append(.text(TextLabel("$H(X)$ = \(bits(q.hx))", at: Point(cx, yTop + 0.04 * r), vertical: .bottom, color: xColor)))
        let yBelow = -r - gap - (roomy ? 0 : level)
        marks.append(bracket(cy - ry, rightEdge, at: yBelow, up: false, color: yColor))
        marks.append(.text(TextLabel("$H(Y)$ = \(bits(q.hy))", at: Point(cy, yBelow - 0.04 * r), vertical: .top, color: yColor)))
        let yJoint = yBelow - level
        marks.append(bracket(leftEdge, rightEdge, at: yJoint, up: false, color: .foreground))
        marks.append(.text(TextLabel("$H(X,Y)$ = \(bits(q.hxy))", at: Point(0.5 * (leftEdge + rightEdge), yJoint - 0.04 * r),
                                     vertical: .top)))

        // The table itself, so the figure says what it was computed from.
        let rows = table.map { $0.map { fixedText($0, 4) }.joined(separator: "   ") }.joined(separator: "\n")
        marks.append(.text(TextLabel("$p(x,y)$\n\(rows)", at: Point(rightEdge + 0.35 * r, 0), horizontal: .left, boxed: true)))

        // Diagram limits that leave room for the text around the shapes: automatic limits see only
        // text anchors. With equal aspect, s points per data unit is whichever of the height and
        // the width (after the table's fixed width in points) binds.
        let size = context.size
        let fs = 0.85 * size.baseFontSize, lh = 1.35 * fs
        let tableChars = Double(table.map { $0.map { fixedText($0, 4).count + 3 }.reduce(0, +) }.max() ?? 8)
        let tablePoints = max(tableChars, 7) * 0.48 * fs + 1.2 * fs
        let panelW = size.widthPoints - 1.2 * size.baseFontSize, panelH = size.heightPoints - 1.2 * size.baseFontSize
        let w0 = rightEdge + 0.35 * r - leftEdge, h0 = yTop - yJoint
        let scale = max(min((panelH - 2.4 * lh) / h0, (panelW - tablePoints - 2 * fs) / w0), 1)
        var x0 = leftEdge - fs / scale, x1 = rightEdge + 0.35 * r + (tablePoints + fs) / scale
        // When the height binds, centre the drawing in the spare width.
        let spare = max(0, 0.95 * panelW / scale - (x1 - x0))
        x0 -= spare / 2; x1 += spare / 2
        let xLimits = x0...x1
        let yLimits = (yJoint - 1.2 * lh / scale)...(yTop + 1.2 * lh / scale)
        let panel = Panel.diagram(marks: marks, legend: .none, x: xLimits, y: yLimits)
        let tableText = "[" + table.map { "[" + $0.map { fixedText($0, 4) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        let names = (xName == "X" ? "" : " (X = \(xName))") + (yName == "Y" ? "" : " (Y = \(yName))")
        var desc = "Information diagram for the joint table p(x, y) = \(tableText)\(names): two overlapping circles "
            + "for H(X) = \(bits(q.hx)) and H(Y) = \(bits(q.hy)); the left crescent is H(X|Y) = \(bits(q.hxGivenY)), "
            + "the overlap is the mutual information I(X;Y) = \(bits(q.mi)), the right crescent is H(Y|X) = \(bits(q.hyGivenX)), "
            + "and the union is the joint entropy H(X,Y) = \(bits(q.hxy))."
        desc += proportional ? " Circle areas are proportional to H(X) and H(Y) and the overlap area to I(X;Y)."
            : " Circle sizes are schematic."
        let title = "Information diagram of " + (xName == "X" && yName == "Y" ? "X and Y" : "\(xName) and \(yName)")
        return Figure(title: title, description: desc, panels: [panel]).styled(context)
    }
}
