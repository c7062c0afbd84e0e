/// Where a caption line starts. LaTeX's `\@makecaption` (latex.ltx; the standard classes) sets a
/// caption that fits on one line centred under or over its float, and a longer one as a
/// left-aligned paragraph; handouts and slides follow it, as the HTML pages' centred captions do.
func captionX(_ line: TypesetLine, of lines: [TypesetLine], left: Double, width: Double) -> Double {
    guard lines.count == 1, let last = line.fragments.last else { return left }
    let natural = last.x + last.width
    return left + max(0, (width - natural) / 2)
}
