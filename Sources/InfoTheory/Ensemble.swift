import Foundation

/// Uncertainty of an ensemble's predictive distribution, split into its two sources.
public struct EnsembleUncertainty: Sendable, Equatable {
    /// H(p̄), entropy of the mean prediction.
    public let total: Double
    /// (1/M) Σ H(p_m), the mean entropy of the members: noise every member agrees on.
    public let aleatoric: Double
    /// total − aleatoric = (1/M) Σ KL(p_m ‖ p̄) ≥ 0: the members' disagreement (the mutual information
    /// between the prediction and the model index).
    public let epistemic: Double
}

/// Decomposes an ensemble's predictive uncertainty (Depeweg et al. 2018): total = H(mean),
/// aleatoric = mean of the members' entropies, epistemic = total − aleatoric.
/// The epistemic part is evaluated as the mean KL to the mixture, an exact identity that avoids
/// the cancellation of subtracting two nearly equal entropies; it is never negative.
/// - Parameter models: one probability vector per ensemble member, all of the same length.
public func ensembleUncertainty(models: [[Double]], normalize: Bool = false, unit: InfoUnit = .nats) throws -> EnsembleUncertainty {
    let rows = try validatedDistributions(models, name: "models", normalize: normalize, what: "predictive distribution",
                                          outcomes: "classes", agreement: "all members must predict the same classes")
    let count = Double(rows.count)
    let k = rows[0].count
    let mean = (0..<k).map { j in accurateSum(rows.map { $0[j] }) / count }
    let total = -accurateSum(mean.map(xlogx))
    let aleatoric = accurateSum(rows.map { -accurateSum($0.map(xlogx)) }) / count
    let epistemic = accurateSum(rows.map { klSum($0, mean) }) / count
    return EnsembleUncertainty(total: unit.fromNats(total), aleatoric: unit.fromNats(aleatoric),
                               epistemic: unit.fromNats(clampedNonNegative(epistemic)))
}
