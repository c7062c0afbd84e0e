/// `. . .` on its own line: on a slide, what follows appears on the next overlay page
/// (SlideDeck.swift counts the steps). Nothing on a page or in HTML, where the reader sees all.
struct Pause: DocumentElement {
    static let name = "pause"
    var position: SourcePosition
    var block: Block { .pause(position) }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {}

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {}
}
