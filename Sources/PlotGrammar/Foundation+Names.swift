import Foundation

// Foundation's functions under names that our own identifiers (`log`, `exp` in specs) cannot shadow.
@inline(__always) func Foundation_exp(_ x: Double) -> Double { Foundation.exp(x) }
@inline(__always) func Foundation_log(_ x: Double) -> Double { Foundation.log(x) }
