import Foundation
import Testing
@testable import FigureModel

@Suite struct ContourTests {
    @Test func coneLevelIsACircle() throws {
        let grid = try Grid2D(x: -2...2, y: -2...2, nx: 81, ny: 81) { x, y in (x * x + y * y).squareRoot() }
        for r in [0.5, 1.0, 1.5] {
            let lines = contourLines(grid, level: r)
            #expect(lines.count == 1)
            guard let loop = lines.first, let first = loop.first, let last = loop.last else { continue }
            #expect(first == last, "a level set inside the grid is a closed loop")
            // Linear interpolation of a cone along grid edges is exact on the edges' lines up to
            // the curvature inside one cell (spacing 0.05).
            for p in loop { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - r) < 0.01) }
            // The loop goes all the way round: its polygon area is close to πr².
            var area = 0.0
            for (a, b) in zip(loop, loop.dropFirst()) { area += a.x * b.y - b.x * a.y }
            #expect(abs(abs(area) / 2 - Double.pi * r * r) < 0.01 * Double.pi * r * r)
        }
    }

    @Test func openLineEndsOnTheBoundary() throws {
        let grid = try Grid2D(x: 0...1, y: 0...1, nx: 11, ny: 11) { x, _ in x }
        let lines = contourLines(grid, level: 0.35)
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(line.count == 11)
        #expect(line.allSatisfy { abs($0.x - 0.35) < 1e-12 })
        #expect(Set(line.map(\.y)) .contains(0) && Set(line.map(\.y)).contains(1))
    }

    /// Corners (0,0) and (1,1) high, (1,0) and (0,1) low: the cell is a saddle.
    func saddle() throws -> Grid2D { try Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1]) }

    @Test func saddleCentreAboveSeparatesTheLowCorners() throws {
        // Centre average 0.5 ≥ 0.4: the high corners connect through the middle, so each segment
        // cuts off one low corner.
        let lines = contourLines(try saddle(), level: 0.4)
        #expect(lines.count == 2)
        for l in lines {
            let mid = Point((l[0].x + l[1].x) / 2, (l[0].y + l[1].y) / 2)
            let nearLowCorner = hypot(mid.x - 1, mid.y) < 0.6 || hypot(mid.x, mid.y - 1) < 0.6
            #expect(nearLowCorner)
        }
    }

    @Test func saddleCentreBelowSeparatesTheHighCorners() throws {
        let lines = contourLines(try saddle(), level: 0.6)
        #expect(lines.count == 2)
        for l in lines {
            let mid = Point((l[0].x + l[1].x) / 2, (l[0].y + l[1].y) / 2)
            let nearHighCorner = hypot(mid.x, mid.y) < 0.6 || hypot(mid.x - 1, mid.y - 1) < 0.6
            #expect(nearHighCorner)
        }
    }

    @Test func simplificationKeepsShapeWithinTolerance() {
        let pts = (0...1000).map { i -> ScenePoint in
            let x = Double(i) / 10
            return ScenePoint(x, 50 + 40 * sin(x / 8))
        }
        let s = simplifyPolyline(pts, tolerance: 0.1)
        #expect(s.count < 200)
        #expect(s.first == pts.first && s.last == pts.last)
        // Every dropped point is within the tolerance of the simplified polyline.
        for p in pts {
            var best = Double.infinity
            for (a, b) in zip(s, s.dropFirst()) {
                let dx = b.x - a.x, dy = b.y - a.y
                let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
                best = min(best, hypot(a.x + t * dx - p.x, a.y + t * dy - p.y))
            }
            #expect(best <= 0.1 + 1e-9)
        }
    }

    @Test func gridValidation() {
        #expect(throws: FigureError.self) { try Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 2, 3]) }
        #expect(throws: FigureError.self) { try Grid2D(xs: [1, 0], ys: [0, 1], values: [1, 2, 3, 4]) }
    }
}
