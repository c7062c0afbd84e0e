import Expressions
import FigureModel

extension SpecCompiler {
    /// `tick_labels: names` with `ticks: [0, 1, 2]`: the ticks are written as these texts, one per
    /// tick (numbers are printed), so a line over outcome positions reads its outcomes' names
    /// (`ticks: positions, tick_labels: labels`).
    func labeledTicks(_ ticks: TickSpec, _ node: YAMLNode) throws -> TickSpec {
        guard case .values(let at) = ticks else {
            throw reader.error(node, "tick_labels needs ticks: (a list of positions, one per label)")
        }
        guard case .array(let items) = try value(node) else { throw reader.error(node, "tick_labels must be a list of texts") }
        guard items.count == at.count else {
            throw reader.error(node, "tick_labels has \(items.count) labels for \(at.count) ticks; give one per tick")
        }
        return .labeled(zip(at, items).map { ($0, plainText($1)) })
    }
}
