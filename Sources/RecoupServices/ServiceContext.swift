import RecoupCore
import RecoupStore

/// What every use case is given: the books, the policy as it stands when the command starts, the
/// day it computes for and who asks (for the changes it makes). Never a shell invocation: a service
/// runs the same from the shell, a test or a nightly job.
public struct ServiceContext: Sendable {
    public let books: any WorkspaceStore
    /// The policy read once, at the start of the command.
    public let policy: Policy
    /// The day the use case computes for (`--as-of`, else today).
    public let asOf: Day
    /// Who makes the changes, with what command, and when.
    public let change: ChangeContext

    public init(books: any WorkspaceStore, asOf: Day, change: ChangeContext, policy: Policy? = nil) throws(StoreError) {
        self.books = books
        self.asOf = asOf
        self.change = change
        if let policy { self.policy = policy } else { self.policy = try books.policy() }
    }

    /// The same context on another day.
    public func on(_ day: Day) -> ServiceContext {
        // `try!` cannot fail: the policy is given.
        try! ServiceContext(books: books, asOf: day, change: change, policy: policy)
    }
}

/// A use case refused what it was asked, in words for the person at the keyboard, with what to do.
public struct ServiceError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) { self.message = message; self.hint = hint }
}
