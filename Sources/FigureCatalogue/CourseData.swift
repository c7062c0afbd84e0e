import InfoRequests

/// Default parameter values taken from the course material (the inputs only: every number the
/// figures print is computed, never copied from the slides).
enum CourseData {
    typealias C = CourseFigures

    /// The two five-model climate ensembles over warming bins −1 … 5 °C.
    static let climateBins = C.strings(["−1", "0", "1", "2", "3", "4", "5"])
    static let climateEnsembles: JSONValue = .array([
        C.object([("name", .string("Models agree")), ("models", .array([
            C.numbers([0.02, 0.05, 0.15, 0.40, 0.25, 0.10, 0.03]),
            C.numbers([0.01, 0.04, 0.18, 0.38, 0.26, 0.10, 0.03]),
            C.numbers([0.03, 0.06, 0.14, 0.42, 0.23, 0.09, 0.03]),
            C.numbers([0.02, 0.05, 0.16, 0.39, 0.24, 0.11, 0.03]),
            C.numbers([0.02, 0.05, 0.15, 0.41, 0.24, 0.10, 0.03]),
        ]))]),
        C.object([("name", .string("Models disagree")), ("models", .array([
            C.numbers([0.05, 0.10, 0.30, 0.30, 0.15, 0.07, 0.03]),
            C.numbers([0.01, 0.02, 0.05, 0.15, 0.35, 0.30, 0.12]),
            C.numbers([0.02, 0.05, 0.15, 0.40, 0.25, 0.10, 0.03]),
            C.numbers([0.01, 0.03, 0.08, 0.20, 0.30, 0.25, 0.13]),
            C.numbers([0.10, 0.20, 0.30, 0.20, 0.10, 0.07, 0.03]),
        ]))]),
    ])
}
