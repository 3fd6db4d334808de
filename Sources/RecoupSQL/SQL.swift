import Foundation
import RecoupCore

// The books' SQL runs on more than one database engine (SQLite, the embedded default; PostgreSQL,
// the team server). The store's code is written once against the small API below, shaped like the
// part of GRDB it was first written with (`Row.fetchAll(db, sql:arguments:)`, `db.execute`,
// savepoints), and each engine module implements `SQLConnection` for its database. The SQL itself is
// the common subset of the two dialects; `?` placeholders are rewritten by an engine that numbers
// them. Written here rather than taken from a library because no mirrored package offers one API
// over both GRDB and postgres-nio with synchronous calls (the store seam is synchronous).

/// One value read from or bound to a statement.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

/// A Swift value a statement can bind and a row can give back.
public protocol DatabaseValueConvertible {
    var databaseValue: DatabaseValue { get }
    static func fromDatabaseValue(_ value: DatabaseValue) -> Self?
}

extension DatabaseValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> DatabaseValue? { value }
}

extension Int64: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int64? {
        switch value {
        case .integer(let v): return v
        case .real(let d): return Int64(exactly: d.rounded(.towardZero))
        case .text(let s): return Int64(s)
        default: return nil
        }
    }
}

extension Int: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int? {
        Int64.fromDatabaseValue(value).map(Int.init)
    }
}

extension Int32: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int32? {
        Int64.fromDatabaseValue(value).flatMap { Int32(exactly: $0) }
    }
}

extension Bool: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Bool? {
        Int64.fromDatabaseValue(value).map { $0 != 0 }
    }
}

extension Double: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .real(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Double? {
        switch value {
        case .integer(let v): return Double(v)
        case .real(let d): return d
        case .text(let s): return Double(s)
        default: return nil
        }
    }
}

extension String: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> String? {
        switch value {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let d): return String(d)
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case .null: return nil
        }
    }
}

/// The values bound to a statement's `?` placeholders, in order.
public struct StatementArguments: ExpressibleByArrayLiteral, Sendable {
    public var values: [DatabaseValue]
    public init(_ values: [DatabaseValue]) { self.values = values }
    public init(_ array: [(any DatabaseValueConvertible)?]) { values = array.map { $0?.databaseValue ?? .null } }
    public init(_ array: [any DatabaseValueConvertible]) { values = array.map(\.databaseValue) }
    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) { self.init(elements) }
}

/// What went wrong in the database, in terms the store maps to `StoreError`.
public struct SQLError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A primary key or unique constraint, on the table named.
        case unique(table: String)
        case foreignKey
        /// Another constraint (a CHECK, NOT NULL, a trigger's refusal).
        case constraint
        /// Another writer holds the lock (or the server cancelled a wait for it).
        case busy
        case readOnly
        /// The database refused the operator's role (PostgreSQL's grants).
        case permission
        case other
    }
    public let kind: Kind
    public let message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// The column names of one result, shared by its rows.
public final class RowColumns: @unchecked Sendable {
    public let names: [String]
    let index: [String: Int]
    public init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() where index[n] == nil { index[n] = i }
        for (i, n) in names.enumerated() where index[n.lowercased()] == nil { index[n.lowercased()] = i }
        self.index = index
    }
    func position(_ name: String) -> Int? { index[name] ?? index[name.lowercased()] }
}

/// One row of a result.
public struct Row: Sendable {
    public let columns: RowColumns
    public let values: [DatabaseValue]
    public init(columns: RowColumns, values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    public var count: Int { values.count }

    func value(_ name: String) -> DatabaseValue {
        guard let i = columns.position(name) else { fatalError("no column '\(name)' in the result") }
        return values[i]
    }

    /// The column's value; a NULL or a value of another type is a programming error (as in GRDB).
    public subscript<T: DatabaseValueConvertible>(_ name: String) -> T {
        let v = value(name)
        guard let t = T.fromDatabaseValue(v) else { fatalError("column '\(name)' holds \(v), not a \(T.self)") }
        return t
    }
    public subscript<T: DatabaseValueConvertible>(_ name: String) -> T? { T.fromDatabaseValue(value(name)) }
    public subscript<T: DatabaseValueConvertible>(_ i: Int) -> T {
        guard let t = T.fromDatabaseValue(values[i]) else {
            fatalError("column \(i) holds \(values[i]), not a \(T.self)")
        }
        return t
    }
    public subscript<T: DatabaseValueConvertible>(_ i: Int) -> T? { T.fromDatabaseValue(values[i]) }
    public subscript(_ i: Int) -> DatabaseValue { values[i] }
}

/// Rows read one at a time (an engine may stream them; they are valid inside the database access only).
public final class RowCursor {
    let nextRow: () throws -> Row?
    public init(_ next: @escaping () throws -> Row?) { nextRow = next }
    public func next() throws -> Row? { try nextRow() }
}

/// Rows for the bulk loaders, read column by column without a `Row` each: `text` borrows the
/// column's UTF-8 bytes until the next `next()`.
public protocol RawRows: AnyObject {
    func next() -> Bool
    func finish()
    func int(_ i: Int32) -> Int64
    func isNull(_ i: Int32) -> Bool
    func text(_ i: Int32) -> UnsafeBufferPointer<UInt8>
}

extension RawRows {
    public func string(_ i: Int32) -> String { String(decoding: text(i), as: UTF8.self) }
    /// An ISO date column as a day ordinal (0 when it does not parse).
    public func day(_ i: Int32) -> Int32 {
        let b = text(i)
        guard b.count == 10 else { return 0 }
        func d(_ k: Int) -> Int { Int(b[k]) - 48 }
        return Day(
            year: d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), month: d(5) * 10 + d(6), day: d(8) * 10 + d(9))?
            .ordinal ?? 0
    }
}

/// A statement prepared once and run many times. `bind*` and `step` are the fast path of an import
/// (values bound from a file's bytes); an engine may buffer what `step` inserts and send it in bulk,
/// flushing before any other statement runs on the connection.
public protocol PreparedStatement: AnyObject {
    func execute(_ arguments: [DatabaseValue]) throws
    func rows(_ arguments: [DatabaseValue]) throws -> [Row]
    func bindInt(_ index: Int32, _ value: Int64)
    func bindNull(_ index: Int32)
    /// Binds text copied from `bytes` at once.
    func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>)
    /// Runs the statement with the values bound, then clears them; false when a constraint (a
    /// duplicate id) refused the row and the transaction goes on.
    func step() throws -> Bool
    /// Clears the values bound without running the statement.
    func reset()
}

/// One connection of an engine, as the store's code uses it inside a read or a write.
public protocol SQLConnection: AnyObject {
    /// Runs a statement (or, without arguments, several); returns how many rows it changed.
    @discardableResult func execute(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int
    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [Row]
    func cursor(_ sql: String, _ arguments: [DatabaseValue]) throws -> RowCursor
    func prepare(_ sql: String, cached: Bool) throws -> any PreparedStatement
    func rawRows(_ sql: String) throws -> any RawRows
    /// Starts a transaction: `immediate` takes the workspace's write lock at once.
    func begin(immediate: Bool) throws
    func commit() throws
    func rollback() throws
    /// True when unique and foreign-key failures abort the whole transaction (PostgreSQL), so an
    /// import checks every id itself instead of catching them row by row.
    var constraintFailureAbortsTransaction: Bool { get }
    /// True when the bulk loaders should join payments to their invoices in memory rather than in
    /// SQL: PostgreSQL's hash join of a million payments to a million invoices cost its server 0.6 s
    /// of the ledger read's 1.1 s, the in-memory join (`BulkLedgerLoader.KeyIndex`) 0.17 s; SQLite's
    /// index lookups run on the payments' own thread at the same time as the invoices' read, and
    /// the in-memory join made its read 0.07-0.1 s slower (docs/BENCHMARKS.md).
    var joinsBulkReadsInMemory: Bool { get }
    /// The secondary indexes of `table` a bulk insert may drop and build again at its end, inside
    /// its transaction, as (name, the statement that makes it): SQLite's, read off its schema (a
    /// million invoices in no order of customers went into `invoice_customer` one random page at a
    /// time; one sort at the end is cheaper). None on PostgreSQL, where dropping an index locks
    /// colleagues' reads of the table out until the import commits.
    func rebuildableIndexes(of table: String) throws -> [(name: String, create: String)]
    /// Gives a bulk insert a page cache that holds the table's id index (on), or the connection's
    /// usual one back (off). SQLite's is 2 MB: a million ids in no order went in one evicted page
    /// at a time, each eviction another copy of the page in the WAL. Nothing on PostgreSQL, whose
    /// server sizes its own buffers.
    func bulkCache(_ on: Bool) throws
}

public enum TransactionCompletion { case commit, rollback }
public enum TransactionKind { case deferred, immediate }

/// The store's handle on a connection for the span of one read or write.
public final class Database {
    public let connection: any SQLConnection
    private var savepoints = 0
    /// Rows changed by the last `execute`.
    public private(set) var changesCount = 0
    private var cache: [String: any PreparedStatement] = [:]

    public init(_ connection: any SQLConnection) { self.connection = connection }

    public func execute(sql: String, arguments: StatementArguments = []) throws {
        changesCount = try connection.execute(sql, arguments.values)
    }

    public func makeStatement(sql: String) throws -> Statement {
        Statement(try connection.prepare(sql, cached: false), db: self)
    }

    public func cachedStatement(sql: String) throws -> Statement {
        if let s = cache[sql] { return Statement(s, db: self) }
        let s = try connection.prepare(sql, cached: true)
        cache[sql] = s
        return Statement(s, db: self)
    }

    /// Runs `body` in a savepoint of the open transaction: `.rollback` (or a throw) undoes it alone.
    public func inSavepoint(_ body: () throws -> TransactionCompletion) throws {
        savepoints += 1
        let name = "s\(savepoints)"
        defer { savepoints -= 1 }
        try connection.execute("SAVEPOINT \(name)", [])
        let completion: TransactionCompletion
        do { completion = try body() } catch {
            try? connection.execute("ROLLBACK TO SAVEPOINT \(name)", [])
            try? connection.execute("RELEASE SAVEPOINT \(name)", [])
            throw error
        }
        if completion == .rollback { try connection.execute("ROLLBACK TO SAVEPOINT \(name)", []) }
        try connection.execute("RELEASE SAVEPOINT \(name)", [])
    }

    /// Runs `body` in a transaction: committed on `.commit`, rolled back on `.rollback` or a throw.
    public func inTransaction(_ kind: TransactionKind = .deferred, _ body: () throws -> TransactionCompletion) throws {
        try connection.begin(immediate: kind == .immediate)
        let completion: TransactionCompletion
        do { completion = try body() } catch {
            try? connection.rollback()
            throw error
        }
        if completion == .commit { try connection.commit() } else { try connection.rollback() }
    }

    public func beginTransaction(_ kind: TransactionKind = .deferred) throws {
        try connection.begin(immediate: kind == .immediate)
    }
    public func rollback() throws { try connection.rollback() }
}

/// A prepared statement bound to the database handle that made it.
public struct Statement {
    public let prepared: any PreparedStatement
    let db: Database
    init(_ prepared: any PreparedStatement, db: Database) {
        self.prepared = prepared
        self.db = db
    }
    public func execute(arguments: StatementArguments = []) throws { try prepared.execute(arguments.values) }
}

extension Row {
    public static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try db.connection.rows(sql, arguments.values)
    }
    public static func fetchOne(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Row? {
        try db.connection.rows(sql, arguments.values).first
    }
    public static func fetchCursor(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> RowCursor
    {
        try db.connection.cursor(sql, arguments.values)
    }
}

extension DatabaseValueConvertible {
    public static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Self] {
        try db.connection.rows(sql, arguments.values).compactMap { $0.values.first.flatMap(Self.fromDatabaseValue) }
    }
    public static func fetchOne(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Self? {
        try db.connection.rows(sql, arguments.values).first?.values.first.flatMap(Self.fromDatabaseValue)
    }
    public static func fetchOne(_ statement: Statement, arguments: StatementArguments = []) throws -> Self? {
        try statement.prepared.rows(arguments.values).first?.values.first.flatMap(Self.fromDatabaseValue)
    }
}

extension PreparedStatement {
    public func bindText(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bindText(index, $0) }
    }
}

/// A database engine holding a workspace's books: how the store reads (a snapshot of the last
/// commit), writes (one connection at a time, the transaction begun by the store), and learns of
/// colleagues' commits.
public protocol SQLEngine: AnyObject, Sendable {
    /// Where the workspace is: a file path, or a `postgres://` address without its password.
    var path: String { get }
    /// Where the whole-portfolio ledger snapshot is kept beside the workspace, or nil for none
    /// (see `Workspace+Snapshot`).
    var snapshotPath: String? { get }
    var readOnlyReason: String? { get }
    var lockTimeout: Double { get }
    /// Runs `body` on a reader that sees the books as last committed and never waits for writers.
    func read<T>(_ body: (Database) throws -> T) throws -> T
    /// Runs `body` on the writer connection, outside any transaction (the store begins one).
    /// `checkingReferences: false`: the caller checks every reference itself (an import), and the
    /// engine may skip its own foreign-key lookups.
    func writeWithoutTransaction<T>(checkingReferences: Bool, _ body: (Database) throws -> T) throws -> T
    /// A number that moves whenever anyone commits.
    func booksVersion() -> Int64
    /// Housekeeping after a large import (SQLite truncates its write-ahead log).
    func afterImport()
    /// The database login when the engine authenticates the operator itself (PostgreSQL), else nil
    /// (the operator is the OS login).
    var databaseLogin: String? { get }
    /// Makes the database itself enforce an operator's role (PostgreSQL grants); nothing on SQLite,
    /// whose file permissions are the only gate. Runs inside the write transaction of `db`.
    func grantRole(_ role: String?, to login: String, _ db: Database) throws
    /// See `BooksReader.onColleagueCommit`.
    func onColleagueCommit(_ handler: @escaping @Sendable () -> Void) -> Bool
    /// After `workspace copy` wrote rows with their own ids: generated ids continue after them.
    func afterCopy(_ db: Database) throws
    /// Writes a consistent copy of the whole database into a new file at `path` while others keep
    /// writing (`workspace backup`); throws, leaving no file, when it cannot.
    func backup(into path: String) throws
    /// What the engine's own check of its storage finds damaged (empty: nothing), for `workspace
    /// check`; `checked` says what was checked.
    func storageProblems() throws -> (checked: String, problems: [String])
}
