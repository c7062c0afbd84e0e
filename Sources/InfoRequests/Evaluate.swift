import InfoTheory

/// Evaluates one request `{"op": NAME, …arguments}` of the shared vocabulary (see issue 2 / README)
/// and returns its result value; throws `RequestError` with a message meant for the user.
public func evaluateRequest(_ request: JSONValue) throws -> JSONValue {
    throw RequestError("not implemented yet")
}

public struct RequestError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
