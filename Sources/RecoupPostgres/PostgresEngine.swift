import Foundation
import PostgresNIO
import RecoupSQL
import RecoupStore

/// The team server engine: a workspace in a PostgreSQL database, through vapor/postgres-nio.
///
/// The store's calls are synchronous and the client is not: the engine owns a one-thread event
/// loop and waits on each query's future from the caller's thread (never from the loop's), so the
/// client's run loop stays invisible to the shell. Connections: one writer (every write of this
/// shell, one at a time) and readers opened on demand (a report reads invoices and payments at the
/// same time on two). Every value is a bound parameter (`$1`, ...), never text spliced into SQL.
///
/// Writes take a transaction-scoped advisory lock at their start, as SQLite's `BEGIN IMMEDIATE`
/// takes its write lock: the store reads every check inside the write's transaction, and writes
/// are serialized on purpose (each appends to the journal's hash chain). A write waits at most the
/// lock timeout, then it is `busy`. Reads are REPEATABLE READ snapshots of the last commit and
/// never wait. Each write moves a committed counter (`books_version`), which `booksVersion` reads
/// before every command (one round trip: exact, where a notification could arrive a moment after
/// the next command started), and announces itself with NOTIFY on `recoup_books` for any client
/// that listens (a reporting tool, a dashboard).
public final class PostgresEngine: SQLEngine, @unchecked Sendable {
    public let address: PostgresAddress
    public var path: String { address.display }
    /// None: a PostgreSQL workspace's clients are on other machines.
    public var snapshotPath: String? { nil }
    public let lockTimeout: Double
    public let readOnlyReason: String? = nil
    public var databaseLogin: String? { address.user }

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let logger = Logger(label: "recoup.postgres")
    private let writer: PGConnection
    private let writerLock = NSLock()
    private var readers: [PGConnection] = []
    private let readersLock = NSLock()

    /// The key of the workspace's write lock (`pg_advisory_xact_lock`), one per database.
    static let writeLockKey: Int64 = 0x7265_636f_7570  // "recoup"

    /// Connects to the database at `address`; with `create`, makes the workspace there when the
    /// database has none (an empty database), and migrates it either way. Without `create` a
    /// database without a workspace is `StoreError.noWorkspace`.
    public init(address: PostgresAddress, create: Bool, lockTimeout: Double? = nil) throws(StoreError) {
        self.address = address
        self.lockTimeout = lockTimeout ?? Workspace.defaultLockTimeout
        do {
            writer = try PGConnection.open(address, group: group, logger: logger, writer: true)
        } catch {
            try? group.syncShutdownGracefully()
            let why = PGConnection.describe(error)
            throw .cannotOpen(
                path: address.display,
                reason: why.contains("Connection refused")
                    ? "no PostgreSQL server answers at \(address.host):\(address.port) (is it running, and listening there?)"
                    : why)
        }
        writer.lockTimeout = self.lockTimeout
        do {
            try PostgresSchema.migrate(writer, create: create, address: address)
        } catch let e as StoreError {
            close()
            throw e
        } catch {
            close()
            throw .cannotOpen(path: address.display, reason: PGConnection.describe(error))
        }
    }

    deinit { close() }

    /// Creates an empty database `name` on the server of `server` (`postgres://USER@HOST:PORT`, a
    /// login allowed to create databases), connecting to its `postgres` database to do so.
    public static func createDatabase(server: String, name: String) throws(StoreError) {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw .rule("'\(name)' is not a plain database name")
        }
        let address = try PostgresAddress(server + "/postgres")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        do {
            let c = try PGConnection.open(
                address, group: group, logger: Logger(label: "recoup.postgres"), writer: false)
            defer { c.close() }
            try c.executeSimple("CREATE DATABASE \(name)")
        } catch {
            throw .cannotOpen(path: address.display, reason: PGConnection.describe(error))
        }
    }

    private var closed = false
    func close() {
        guard !closed else { return }
        closed = true
        listener?.close()
        writer.close()
        for r in readers { r.close() }
        try? group.syncShutdownGracefully()
    }

    /// A reader connection, opened when none is free.
    private func takeReader() throws -> PGConnection {
        readersLock.lock()
        if let r = readers.popLast() {
            readersLock.unlock()
            return r
        }
        readersLock.unlock()
        return try PGConnection.open(address, group: group, logger: logger, writer: false)
    }

    private func giveBack(_ r: PGConnection) {
        readersLock.lock()
        defer { readersLock.unlock() }
        if r.isUsable { readers.append(r) } else { r.close() }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        let r = try takeReader()
        defer { giveBack(r) }
        try r.executeSimple("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let result = try body(Database(r))
            try r.executeSimple("COMMIT")
            return result
        } catch {
            try? r.executeSimple("ROLLBACK")
            throw error
        }
    }

    public func writeWithoutTransaction<T>(checkingReferences: Bool, _ body: (Database) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try body(Database(writer))
    }

    /// One statement on a reader, outside any transaction (a single SELECT sees the last commit):
    /// one round trip before each command.
    public func booksVersion() -> Int64 {
        guard let r = try? takeReader() else { return 0 }
        defer { giveBack(r) }
        return (try? r.rows("SELECT n FROM books_version", []).first.flatMap { $0[0] as Int64? }) ?? nil ?? 0
    }

    public func afterImport() {}

    /// The connection that LISTENs on `recoup_books` (opened by `onColleagueCommit`).
    private var listener: PGConnection?

    /// Listens for `NOTIFY recoup_books` on a connection of its own and calls `handler` for each
    /// commit of another connection (this shell's own writes are told apart by the writer's backend
    /// process id). It only wakes the shell early: `booksVersion`, read before each command, stays
    /// what decides whether the caches are fresh (a notification can arrive a moment after the next
    /// command started).
    public func onColleagueCommit(_ handler: @escaping @Sendable () -> Void) -> Bool {
        guard listener == nil else { return true }
        do {
            let own = try writer.rows("SELECT pg_backend_pid()", []).first.flatMap { $0[0] as Int64? } ?? -1
            let l = try PGConnection.open(address, group: group, logger: logger, writer: false)
            l.conn.addListener(channel: "recoup_books") { _, note in
                if Int64(note.backendPID) != own { handler() }
            }
            try l.executeSimple("LISTEN recoup_books")
            listener = l
            return true
        } catch {
            return false  // no early wake-up; each command still checks booksVersion
        }
    }

    /// Each identity column's sequence moved past the largest id the copy wrote.
    public func afterCopy(_ db: Database) throws {
        let columns = try Row.fetchAll(
            db,
            sql: """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND is_identity = 'YES' AND identity_generation = 'BY DEFAULT'
                """)
        for c in columns {
            let table: String = c[0], column: String = c[1]
            try db.execute(
                sql:
                    "SELECT setval(pg_get_serial_sequence(?, ?), coalesce((SELECT max(\(column)) FROM \(table)), 0) + 1, false)",
                arguments: [table, column])
        }
    }

    /// Makes `login` a member of the group role of `role` alone (nil: of none), creating the login
    /// role when the server has none by that name (it then has no password until an administrator
    /// gives it one). The database then refuses what the role may not do, whatever client is used.
    /// A server's database is backed up by the server's own tools, which also copy roles and
    /// grants: refused with the command to use.
    public func backup(into path: String) throws {
        throw SQLError(
            .other,
            "a workspace on PostgreSQL is backed up with the server's tools, not by Recoup: pg_dump -Fc -h \(address.host) -p \(address.port) -U \(address.user) \(address.database) > \(path)"
        )
    }

    /// The server keeps its own storage (checksums, WAL); its foreign keys and checks are enforced on
    /// every write. Nothing for Recoup to scan: `pg_amcheck` is the DBA's tool for the pages.
    public func storageProblems() throws -> (checked: String, problems: [String]) {
        ("the server's constraints (enforced on every write; pg_amcheck checks its pages)", [])
    }

    public func grantRole(_ role: String?, to login: String, _ db: Database) throws {
        guard login.allSatisfy({ $0.isLetter || $0.isNumber || "_.-@".contains($0) }), !login.isEmpty else {
            throw StoreError.rule("'\(login)' cannot be a database login (letters, digits, _ . - @)")
        }
        let quoted = "\"" + login + "\""
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM pg_roles WHERE rolname = ?", arguments: [login]) != true {
            try db.execute(sql: "CREATE ROLE \(quoted) LOGIN")
        }
        let all = Role.allCases.map { PostgresSchema.groupRole($0.rawValue) }.joined(separator: ", ")
        if try Bool.fetchOne(db, sql: "SELECT rolsuper FROM pg_roles WHERE rolname = ?", arguments: [login]) == true {
            return  // a superuser (the workspace's owner, often) is refused nothing by grants
        }
        try db.execute(sql: "REVOKE \(all) FROM \(quoted)")
        if let role { try db.execute(sql: "GRANT \(PostgresSchema.groupRole(role)) TO \(quoted)") }
    }
}

extension Workspace {
    /// Opens (with `create`, makes) the workspace in the PostgreSQL database at `url`.
    public static func postgres(_ url: String, create: Bool = false, lockTimeout: Double? = nil) throws(StoreError)
        -> Workspace
    {
        Workspace(
            engine: try PostgresEngine(address: try PostgresAddress(url), create: create, lockTimeout: lockTimeout))
    }
}
