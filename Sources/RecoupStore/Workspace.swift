import Foundation
import GRDB
import RecoupCore

/// One workspace file: customers, contracts, invoices, payments, settings and the journal.
///
/// The file is SQLite in WAL mode, created on first use with mode 0600. Every mutating call is one
/// transaction: it lands whole or not at all. This is the only type of Recoup that touches GRDB.
public final class Workspace: @unchecked Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens the workspace at `path`, creating it (and running migrations) when needed.
    public init(path: String) throws(StoreError) {
        self.path = path
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                throw .cannotOpen(path: path, reason: "folder '\(dir)' does not exist")
            }
            let fd = open(path, O_CREAT | O_WRONLY, 0o600)
            if fd < 0 { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
        }
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.allowsUnsafeTransactions = true  // a what-if scenario keeps one transaction open across commands
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? "\(error)")
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// True while a what-if scenario is open: every write goes into one long transaction that
    /// `commitScenario()` writes or `discardScenario()` drops; reads see it; `readBase` does not.
    public private(set) var scenarioIsOpen = false

    /// Runs a read, mapping SQLite's errors to `StoreError`. Inside a scenario it reads through the
    /// writer's connection, which sees the scenario's uncommitted changes.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return scenarioIsOpen && !readingBase ? try pool.writeWithoutTransaction(body) : try pool.read(body) } catch { throw Self.map(error) }
    }

    /// Set for the span of a base read of per-customer queries (`ledger(customer:base:)`).
    var readingBase = false

    /// Runs `body` with every read seeing the books as committed, without the open scenario.
    public func readingBooks<T>(_ body: () throws -> T) rethrows -> T {
        let was = readingBase
        readingBase = true
        defer { readingBase = was }
        return try body()
    }

    /// Reads the books as committed, without any open scenario's changes (a reader connection of
    /// the WAL pool never sees the writer's open transaction).
    func readBase<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw Self.map(error) }
    }

    /// Runs one write as a transaction of its own, or, inside a scenario, as a savepoint of the
    /// scenario's transaction; SQLite's errors become `StoreError`.
    func write<T>(checkingReferences: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                // A writer whose references hold by construction skips SQLite's foreign-key lookups
                // (the pragma has no effect inside an open scenario's transaction: they then run).
                if !checkingReferences { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingReferences { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inSavepoint { result = try body(db); return .commit }
                return result!
            }
        } catch { throw Self.map(error) }
    }

    /// Opens a what-if scenario: one transaction that holds every change until commit or discard.
    public func beginScenario() throws(StoreError) {
        guard !scenarioIsOpen else { throw .database("a scenario is already open") }
        do { try pool.writeWithoutTransaction { db in try db.beginTransaction(.immediate) } } catch { throw Self.map(error) }
        scenarioIsOpen = true
    }

    /// Writes the open scenario's changes to the books, as the one transaction they are.
    public func commitScenario() throws(StoreError) {
        guard scenarioIsOpen else { throw .database("no scenario is open") }
        do { try pool.writeWithoutTransaction { db in try db.commit() } } catch { throw Self.map(error) }
        scenarioIsOpen = false
    }

    /// Drops the open scenario's changes.
    public func discardScenario() throws(StoreError) {
        guard scenarioIsOpen else { throw .database("no scenario is open") }
        do { try pool.writeWithoutTransaction { db in try db.rollback() } } catch { throw Self.map(error) }
        scenarioIsOpen = false
    }

    static func map(_ error: any Error) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            switch e.extendedResultCode {
            case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
                return .database("a record with that id already exists")
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                return .database("a record refers to a customer, contract or invoice that does not exist")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .database("the workspace is busy (another recoup is writing to it); try again")
            default:
                return .database(e.message ?? "\(e)")
            }
        }
        return .database("\(error)")
    }

    // MARK: Settings and journal

    /// A workspace setting such as `today` (the pinned date), or nil.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets (or, with nil, removes) a setting, journaled as `command`.
    public func setSetting(_ key: String, _ value: String?, operator who: String, command: String) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
            try Self.journal(db, operator: who, command: command, effect: value.map { "\(key) = \($0)" } ?? "\(key) removed")
        }
    }

    static func journal(_ db: Database, operator who: String, command: String, effect: String) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        try db.execute(sql: "INSERT INTO journal(at, operator, command, effect) VALUES (?, ?, ?, ?)",
                       arguments: [now, who, command, effect])
    }

    /// The newest journal entries first.
    public func journal(limit: Int) throws(StoreError) -> [JournalEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT seq, at, operator, command, effect FROM journal ORDER BY seq DESC LIMIT ?",
                             arguments: [limit]).map {
                JournalEntry(sequence: $0[0], at: $0[1], operator: $0[2], command: $0[3], effect: $0[4])
            }
        }
    }

    /// How many records of each kind the workspace holds.
    public func counts() throws(StoreError) -> [RecordKind: Int] {
        try read { db in
            var out: [RecordKind: Int] = [:]
            for kind in RecordKind.allCases {
                out[kind] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0
            }
            return out
        }
    }
}

/// One line of the append-only journal: who did what, when, and with what effect.
public struct JournalEntry: Sendable, Hashable {
    public var sequence: Int
    public var at: String
    public var `operator`: String
    public var command: String
    public var effect: String
}

/// The four kinds of record a workspace imports and exports.
public enum RecordKind: String, CaseIterable, Sendable {
    case customers, contracts, invoices, payments

    var table: String {
        switch self {
        case .customers: return "customer"
        case .contracts: return "contract"
        case .invoices: return "invoice"
        case .payments: return "payment"
        }
    }
}
