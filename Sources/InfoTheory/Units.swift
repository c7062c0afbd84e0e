import Foundation

/// The logarithm base a measure is reported in. Computations are done in nats and converted once.
public enum InfoUnit: String, CaseIterable, Sendable, Codable {
    case nats, bits, hartleys

    /// Divide a value in nats by this to express it in the unit.
    public var natsPerUnit: Double {
        switch self {
        case .nats: return 1
        case .bits: return M_LN2
        case .hartleys: return M_LN10
        }
    }

    public func fromNats(_ x: Double) -> Double { x / natsPerUnit }
}
