import Foundation
import GRDB
import GRDBSQLite
@_exported import RecoupSQL
import RecoupStore

/// SQLite's SQLITE_TRANSIENT: the statement copies a bound text at once (the C macro does not import).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The embedded engine: one workspace file, SQLite in WAL mode, mode 0600, through GRDB's pool (one
/// writer connection, readers that never wait for it).
public final class SQLiteEngine: SQLEngine, @unchecked Sendable {
    public let path: String
    /// `WORKSPACE.ledger` beside the file (see `Workspace+Snapshot`).
    public var snapshotPath: String? { path + ".ledger" }
    let pool: DatabasePool
    public let lockTimeout: Double
    public let readOnlyReason: String?
    public var databaseLogin: String? { nil }

    /// Opens the workspace file at `path`; with `create`, makes a new one there when there is none (and
    /// runs migrations either way). Without `create` a missing file is `StoreError.noWorkspace`, so a
    /// mistyped path in a nightly job fails instead of reporting on an empty workspace. `readOnly`
    /// opens it for reading only (as a file without write permission is opened).
    public init(path: String, create: Bool = false, readOnly: Bool = false, lockTimeout: Double? = nil)
        throws(StoreError)
    {
        self.path = path
        self.lockTimeout = lockTimeout ?? Workspace.defaultLockTimeout
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard create else { throw .noWorkspace(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                throw .cannotOpen(path: path, reason: "folder '\(dir)' does not exist")
            }
            let fd = open(path, O_CREAT | O_WRONLY, 0o600)
            if fd < 0 { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if readOnly {
            readOnlyReason = "opened for reading only"
        } else if access(path, W_OK) != 0 {
            readOnlyReason = "no write permission on the file"
        } else if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            readOnlyReason = "no write permission on its folder"
        } else {
            readOnlyReason = nil
        }
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.busyMode = .timeout(self.lockTimeout)
            config.readonly = readOnlyReason != nil
            pool = try DatabasePool(path: path, configuration: config)
            if readOnlyReason == nil { try Schema.migrator.migrate(pool) }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN, readOnlyReason == nil {
                throw .readOnly(path: path, reason: error.message ?? "read-only")
            }
            throw .cannotOpen(path: path, reason: error.message ?? "\(error)")
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    public func read<T>(_ body: (RecoupSQL.Database) throws -> T) throws -> T {
        do { return try pool.read { db in try body(RecoupSQL.Database(GRDBConnection(db))) } } catch {
            throw Self.sqlError(error)
        }
    }

    public func writeWithoutTransaction<T>(checkingReferences: Bool, _ body: (RecoupSQL.Database) throws -> T) throws
        -> T
    {
        do {
            return try pool.writeWithoutTransaction { db in
                // A writer whose references hold by construction skips SQLite's foreign-key lookups.
                if !checkingReferences { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingReferences { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                return try body(RecoupSQL.Database(GRDBConnection(db)))
            }
        } catch { throw Self.sqlError(error) }
    }

    /// SQLite's `PRAGMA data_version`, read on the writer connection: it moves when another
    /// connection commits.
    public func booksVersion() -> Int64 {
        (try? pool.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }) ?? 0
    }

    public func afterImport() { try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }

    /// SQLite announces nothing: `booksVersion` (data_version) is asked before each command.
    public func onColleagueCommit(_ handler: @escaping @Sendable () -> Void) -> Bool { false }

    public func grantRole(_ role: String?, to login: String, _ db: RecoupSQL.Database) throws {}
    /// SQLite's AUTOINCREMENT keys continue after the largest id inserted by themselves.
    public func afterCopy(_ db: RecoupSQL.Database) throws {}

    /// SQLite's online backup (GRDB's `backup(to:)`) in one step, from one read transaction: a
    /// snapshot of the last commit, while colleagues keep writing (WAL readers never block writers).
    /// Written beside the target and renamed into place, so a failed backup leaves no file.
    public func backup(into path: String) throws {
        let partial = path + ".partial-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        do {
            let target = try DatabaseQueue(path: partial)
            try pool.backup(to: target)
            try target.close()
        } catch { throw Self.sqlError(error) }
        chmod(partial, 0o600)
        guard rename(partial, path) == 0 else {
            throw SQLError(.other, "cannot move the backup into place: \(String(cString: strerror(errno)))")
        }
    }

    /// `PRAGMA integrity_check` (every page, index and constraint) and `PRAGMA foreign_key_check`;
    /// a check that SQLite itself cannot finish on a damaged file reports what it found up to then.
    public func storageProblems() throws -> (checked: String, problems: [String]) {
        var problems: [String] = []
        func stopped(_ error: any Error) {
            let message = (error as? DatabaseError)?.message ?? "\(error)"
            if !problems.contains("the check stopped: \(message)") { problems.append("the check stopped: \(message)") }
        }
        do {
            try pool.read { db in
                do {
                    let rows = try String.fetchCursor(db, sql: "PRAGMA integrity_check(100)")
                    while let r = try rows.next() {
                        if r == "ok" { continue }
                        // A row may hold several lines, headed by the database's name.
                        problems += r.split(separator: "\n").map(String.init).filter {
                            !$0.hasPrefix("*** in database")
                        }
                    }
                    let keys = try Row.fetchCursor(db, sql: "PRAGMA foreign_key_check")
                    while let r = try keys.next() {
                        let table: String = r[0], rowid: Int64? = r[1], parent: String = r[2]
                        problems.append("\(table) row \(rowid.map(String.init) ?? "?") names a missing \(parent)")
                    }
                } catch { stopped(error) }
            }
        } catch {
            stopped(error)  // even the read's COMMIT fails on some damaged files
        }
        return ("SQLite's integrity check (every page and index) and foreign keys", problems)
    }

    /// GRDB's errors in the store's terms; others pass through.
    static func sqlError(_ error: any Error) -> any Error {
        guard let e = error as? DatabaseError else { return error }
        let message = e.message ?? "\(e)"
        switch e.extendedResultCode {
        case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
            // "UNIQUE constraint failed: payment.id": the table names the kind of record.
            let table =
                message.split(separator: ":").last.map { $0.split(separator: ".").first.map(String.init) ?? "" }?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return SQLError(.unique(table: table), message)
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return SQLError(.foreignKey, message)
        default: break
        }
        switch e.resultCode {
        case .SQLITE_CONSTRAINT: return SQLError(.constraint, message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return SQLError(.busy, message)
        case .SQLITE_READONLY: return SQLError(.readOnly, message)
        default: return SQLError(.other, message)
        }
    }
}

extension Workspace {
    /// Opens (with `create`, makes) the SQLite workspace file at `path` (`SQLiteEngine.init`).
    public convenience init(path: String, create: Bool = false, readOnly: Bool = false, lockTimeout: Double? = nil)
        throws(StoreError)
    {
        self.init(engine: try SQLiteEngine(path: path, create: create, readOnly: readOnly, lockTimeout: lockTimeout))
    }

    /// Opens (with `create`, makes) a SQLite workspace file.
    public static let opener: WorkspaceOpener = { path, create throws(StoreError) in
        try Workspace(path: path, create: create)
    }
}

extension RecoupSQL.DatabaseValue {
    var grdb: GRDB.DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let v): return v.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let b): return Data(b).databaseValue
        }
    }

    init(_ v: GRDB.DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let d): self = .blob([UInt8](d))
        }
    }
}

/// GRDB's database connection as the store's `SQLConnection`.
final class GRDBConnection: SQLConnection {
    let db: GRDB.Database
    init(_ db: GRDB.Database) { self.db = db }

    var constraintFailureAbortsTransaction: Bool { false }
    var joinsBulkReadsInMemory: Bool { false }

    /// The table's indexes made by a CREATE INDEX (SQLite keeps their statements; the primary
    /// key's own index has none and stays).
    func rebuildableIndexes(of table: String) throws -> [(name: String, create: String)] {
        try GRDB.Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            arguments: [table]
        ).map { (name: $0[0] as String, create: $0[1] as String) }
    }

    /// 256 MB at most: SQLite takes pages as it needs them, so a smaller import uses less.
    func bulkCache(_ on: Bool) throws {
        try guarded { try db.execute(sql: on ? "PRAGMA cache_size = -262144" : "PRAGMA cache_size = -2000") }
    }

    static func arguments(_ values: [RecoupSQL.DatabaseValue]) -> GRDB.StatementArguments {
        GRDB.StatementArguments(values.map(\.grdb))
    }

    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw SQLiteEngine.sqlError(error) }
    }

    func execute(_ sql: String, _ arguments: [RecoupSQL.DatabaseValue]) throws -> Int {
        try guarded {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
            return db.changesCount
        }
    }

    static func rows(_ cursor: GRDB.RowCursor) throws -> [RecoupSQL.Row] {
        let columns = RowColumns(cursor._statement.columnNames)
        var out: [RecoupSQL.Row] = []
        while let r = try cursor.next() {
            out.append(RecoupSQL.Row(columns: columns, values: r.databaseValues.map(RecoupSQL.DatabaseValue.init)))
        }
        return out
    }

    func rows(_ sql: String, _ arguments: [RecoupSQL.DatabaseValue]) throws -> [RecoupSQL.Row] {
        try guarded { try Self.rows(try GRDB.Row.fetchCursor(db, sql: sql, arguments: Self.arguments(arguments))) }
    }

    func cursor(_ sql: String, _ arguments: [RecoupSQL.DatabaseValue]) throws -> RecoupSQL.RowCursor {
        let cursor = try guarded { try GRDB.Row.fetchCursor(db, sql: sql, arguments: Self.arguments(arguments)) }
        let columns = RowColumns(cursor._statement.columnNames)
        return RecoupSQL.RowCursor {
            guard let r = try self.guarded({ try cursor.next() }) else { return nil }
            return RecoupSQL.Row(columns: columns, values: r.databaseValues.map(RecoupSQL.DatabaseValue.init))
        }
    }

    func prepare(_ sql: String, cached: Bool) throws -> any PreparedStatement {
        try guarded { SQLitePrepared(cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)) }
    }

    func rawRows(_ sql: String) throws -> any RawRows { try SQLiteRawRows(db, sql) }

    func begin(immediate: Bool) throws { try guarded { try db.beginTransaction(immediate ? .immediate : .deferred) } }
    func commit() throws { try guarded { try db.commit() } }
    func rollback() throws { try guarded { try db.rollback() } }
}

/// A GRDB statement; `bind*` and `step` go straight to SQLite's C API (an import's fast path).
final class SQLitePrepared: PreparedStatement {
    let statement: GRDB.Statement
    init(_ statement: GRDB.Statement) { self.statement = statement }

    func execute(_ arguments: [RecoupSQL.DatabaseValue]) throws {
        do {
            statement.setUncheckedArguments(GRDBConnection.arguments(arguments))
            try statement.execute()
        } catch { throw SQLiteEngine.sqlError(error) }
    }

    func rows(_ arguments: [RecoupSQL.DatabaseValue]) throws -> [RecoupSQL.Row] {
        do {
            return try GRDBConnection.rows(
                try GRDB.Row.fetchCursor(statement, arguments: GRDBConnection.arguments(arguments)))
        } catch { throw SQLiteEngine.sqlError(error) }
    }

    func bindInt(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement.sqliteStatement, index, value) }
    func bindNull(_ index: Int32) { sqlite3_bind_null(statement.sqliteStatement, index) }
    func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else {
            _ = sqlite3_bind_text(statement.sqliteStatement, index, "", 0, sqliteTransient)
            return
        }
        let p = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        _ = sqlite3_bind_text(statement.sqliteStatement, index, p, Int32(bytes.count), sqliteTransient)
    }
    func reset() { sqlite3_reset(statement.sqliteStatement) }

    func step() throws -> Bool {
        let s = statement.sqliteStatement
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        if rc == SQLITE_DONE || rc == SQLITE_ROW { return true }
        if rc & 0xff == SQLITE_CONSTRAINT { return false }  // a duplicate id (extended codes)
        throw SQLError(.other, String(cString: sqlite3_errmsg(sqlite3_db_handle(s))))
    }
}

/// A prepared statement stepped row by row; `text(i)` borrows the column's bytes.
final class SQLiteRawRows: RawRows {
    let statement: OpaquePointer
    init(_ db: GRDB.Database, _ sql: String) throws {
        var s: OpaquePointer?
        let rc = sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &s, nil)
        guard rc == SQLITE_OK, let s else {
            throw SQLError(.other, String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        statement = s
    }
    private var finished = false
    deinit { if !finished { sqlite3_finalize(statement) } }
    func next() -> Bool { sqlite3_step(statement) == SQLITE_ROW }
    func finish() {
        guard !finished else { return }
        finished = true
        sqlite3_finalize(statement)
    }
    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }
    func text(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(statement, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, i)))
    }
}
