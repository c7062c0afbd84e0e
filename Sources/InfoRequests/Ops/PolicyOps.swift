import InfoTheory

/// Importance sampling and the surrogate objectives of policy-gradient methods (see `opTable`).
let policyOps: [OpSpec] = [
]
