/// The documented size limits of the numerics (README, "compute": the op table's bound column).
///
/// Issue 13 asks that no request a template can make turns into a 30-minute build or a
/// multi-gigabyte process: each limit below is checked before any work starts and the error
/// names the argument, its size and the limit. The values keep every op under about a second
/// in a release build on one core (measured with `make bench` sizes; see each comment).

/// Most samples the plug-in estimators (`discrete`, `binned`) take: their work is O(n) expected
/// (one hash of each observed pair), their memory O(n), and n² must stay an exact integer in the
/// count arithmetic (10¹² < 2⁵³).
public let maximumPlugInSamples = 1_000_000

/// Most samples the KSG estimator takes: O(n log n) through a 2-d tree, about 1 s at 10⁵ samples
/// (k = 3) in a release build; 10⁷ samples would be a half-hour build.
public let maximumKSGSamples = 100_000

/// Most values `maxent` solves over: each of its at most 1,500 Newton/bisection steps touches
/// every value a few times, O(1,500·n).
public let maximumMaxEntValues = 10_000

/// Largest dimension of a covariance matrix (and of a logistic model's coefficient vector): the
/// Jacobi eigenvalue check and the Cholesky factor are O(d³).
public let maximumMatrixDimension = 200

/// Most rows × columns² a logistic fit may cost per Newton step (at most 100 steps).
public let maximumLogisticWork = 10_000_000

/// An error unless `count` is at most `limit`, naming the argument and the limit:
/// "x and y have 200000 samples; at most 100000 are allowed (…why…)".
func requireAtMost(_ count: Int, _ limit: Int, _ name: String, has: String = "has", _ noun: String, _ why: String) throws {
    guard count <= limit else {
        throw InfoTheoryError("\(name) \(has) \(count) \(noun); at most \(limit) are allowed (\(why))")
    }
}
