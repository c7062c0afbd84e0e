import Testing
@testable import FigureModel

/// Annotations placed from data-unit anchors keep their text size in points, so two of them can
/// collide (two coins of equal entropy); a later one moves off the earlier ones' text and leaders.
struct AnnotationClearanceTests {
    let area = Rect(x: 0, y: 0, width: 200, height: 100)

    @Test func aCollidingLabelMovesToTheNearestClearEdge() {
        let first = Rect(x: 40, y: 40, width: 60, height: 10)
        let box = Rect(x: 60, y: 44, width: 60, height: 10)
        let dy = clearOfLabels(box, within: area, labels: [first], leaders: [], target: ScenePoint(150, 90), gap: 2)
        let moved = Rect(x: box.x, y: box.y + dy, width: box.width, height: box.height)
        #expect(!moved.intersects(first.insetBy(-2)))
        #expect(abs(dy) <= 10 + 2 + 1e-9)
    }

    @Test func aClearLabelStaysPut() {
        let dy = clearOfLabels(Rect(x: 0, y: 0, width: 10, height: 10), within: area,
                               labels: [Rect(x: 100, y: 50, width: 10, height: 10)], leaders: [], target: ScenePoint(5, 50), gap: 2)
        #expect(dy == 0)
    }

    @Test func aLabelCrossedByAnEarlierLeaderMoves() {
        // The earlier leader runs vertically through x = 50 from y = 10 to y = 90.
        let box = Rect(x: 30, y: 45, width: 40, height: 10)
        let dy = clearOfLabels(box, within: area, labels: [Rect(x: 30, y: 0, width: 40, height: 10)],
                               leaders: [(ScenePoint(50, 5), ScenePoint(50, 90))], target: ScenePoint(60, 99), gap: 2)
        #expect(dy == 0)  // no edge candidate avoids a leader that spans the whole panel: kept, not moved off the panel
        #expect(segment(ScenePoint(50, 5), ScenePoint(50, 90), crosses: box))
        #expect(!segment(ScenePoint(0, 0), ScenePoint(10, 10), crosses: box))
    }
}
