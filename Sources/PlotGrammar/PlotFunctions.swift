import Expressions
import FigureModel

/// Functions a spec's expressions have besides the language's own (Expressions' `HostFunction`):
/// what the figure model knows.
let plotFunctions: [String: HostFunction] = [
    // The step of the ticks an axis over [lo, hi] would get aiming at n labels (Extended
    // Wilkinson, Ticks.swift), so a spec can start an axis at a tick: `floor(x / s) * s`.
    // Undefined (NaN) for an empty or reversed range.
    "tick_step": HostFunction("tick_step(lo, hi, n)", arity: 3) { a in
        guard a.allSatisfy(\.isFinite), a[1] > a[0], a[2] >= 1, a[2] <= 100 else { return .number(.nan) }
        return .number(ExtendedWilkinson.ticks(a[0], a[1], target: Int(a[2])).step)
    },
]
