import Foundation
import RecoupCore
import RecoupStore

/// The books of one workspace, in a SQL database: customers, contracts, invoices, payments, the case
/// records, settings and the journal. The same code runs on every engine (`SQLEngine`): SQLite, the
/// embedded default (a file), and PostgreSQL, the team server.
///
/// Several shells, in several processes, work on one workspace at once: every mutating call is one
/// transaction that takes the workspace's write lock at once (SQLite's `BEGIN IMMEDIATE`; on
/// PostgreSQL a transaction-scoped advisory lock), waiting at most `lockTimeout` seconds, then
/// `StoreError.busy`; it reads everything it checks inside that transaction, so a check and the
/// write it guards see the same books. Writers are serialized on purpose: every write appends to the
/// journal's hash chain, whose next entry depends on the one before. Reads never wait for writers.
///
/// A what-if scenario holds no transaction between commands: `withScenario` replays its changes in
/// a transaction that is always rolled back, for the span of one command.
public final class Workspace: @unchecked Sendable {
    public let path: String
    /// The engine holding the books (SQLite or PostgreSQL).
    public let engine: any SQLEngine
    /// How long a write waits for another shell's write lock, in seconds.
    public var lockTimeout: Double { engine.lockTimeout }
    /// Why the workspace cannot be written, or nil when it can.
    public var readOnlyReason: String? { engine.readOnlyReason }

    /// The default lock timeout: `RECOUP_LOCK_TIMEOUT` seconds, else 10.
    public static var defaultLockTimeout: Double {
        ProcessInfo.processInfo.environment["RECOUP_LOCK_TIMEOUT"].flatMap(Double.init).flatMap { $0 >= 0 ? $0 : nil }
            ?? 10
    }

    /// The workspace held by `engine` (already opened, its schema migrated).
    public init(engine: any SQLEngine) {
        self.engine = engine
        self.path = engine.path
    }

    // MARK: Transactions

    /// The writer connection while a transaction is open on it, and the thread that opened it: only
    /// that thread's reads go through it (a completion thread keeps reading the committed books).
    private let heldLock = NSLock()
    nonisolated(unsafe) private var heldDB: Database?
    nonisolated(unsafe) private var heldThread: Thread?
    /// Changes applied by `perform` during a `withScenario` span, in order (nil outside one).
    private var recorded: [BookChange]?

    private func held() -> Database? {
        heldLock.lock()
        defer { heldLock.unlock() }
        return heldThread === Thread.current ? heldDB : nil
    }

    private func holding<T>(_ db: Database, _ body: () throws -> T) rethrows -> T {
        heldLock.lock(); heldDB = db; heldThread = Thread.current; heldLock.unlock()
        defer { heldLock.lock(); heldDB = nil; heldThread = nil; heldLock.unlock() }
        return try body()
    }

    /// True on this thread for the span of `withScenario`: reads see the scenario's changes.
    public var scenarioIsOpen: Bool { recorded != nil && held() != nil }

    /// Runs a read, mapping the database's errors to `StoreError`. Inside a transaction of this
    /// thread's (a write's checks, a scenario's span) it reads through that transaction.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            if !readingBase, let db = held() { return try body(db) }
            return try engine.read(body)
        } catch { throw mapped(error) }
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
        do { return try engine.read(body) } catch { throw mapped(error) }
    }

    /// Runs one write as a `BEGIN IMMEDIATE` transaction of its own (waiting up to `lockTimeout`
    /// for the lock), or, inside a transaction this thread holds, as a savepoint of it. Reads made
    /// by `body`, directly or through the workspace's query methods, see the transaction.
    func write<T>(checkingReferences: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        if let reason = readOnlyReason { throw .readOnly(path: path, reason: reason) }
        do {
            if let db = held() {
                var result: T?
                try db.inSavepoint {
                    result = try body(db); return .commit
                }
                return result!
            }
            return try engine.writeWithoutTransaction(checkingReferences: checkingReferences) { db in
                return try holding(db) {
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        Self.pauseBeforeCommitForCrashTests()
                        return .commit
                    }
                    return result!
                }
            }
        } catch { throw mapped(error) }
    }

    /// Applies one change in a transaction of its own (or as part of the transaction this thread
    /// holds), journaled with `context`; inside a scenario's span the change is also recorded for it.
    ///
    /// Outside a scenario the change passes the approval gate (`gated`): when the operator needs a
    /// second operator's approval for it, it is stored as a request and `StoreError.approvalRequested`
    /// says so. Inside a scenario's span nothing is gated (nothing is committed); the gate applies
    /// when the scenario is committed.
    @discardableResult
    public func perform(_ change: BookChange, context: ChangeContext) throws(StoreError) -> ChangeOutcome {
        if recorded != nil && held() != nil {
            let outcome = try write { db in try self.apply(change, db, context) }
            recorded!.append(change)
            return outcome
        }
        switch try write({ db in try self.gated(change, db, context) }) {
        case .applied(let outcome): return outcome
        case .requested(let request): throw .approvalRequested(request)
        }
    }

    /// Runs `body` against the books as they are now plus `changes`, inside one transaction that is
    /// rolled back at the end, and returns what it returned with the changes it performed (for the
    /// scenario to keep). The write lock is held only for this span, never between commands; a
    /// change that no longer applies is `StoreError.conflict` and `body` does not run.
    public func withScenario<T>(_ steps: [ScenarioStep], context: ChangeContext, _ body: () throws -> T) throws -> (
        T, [BookChange]
    ) {
        if let reason = readOnlyReason { throw StoreError.readOnly(path: path, reason: reason) }
        guard held() == nil else { throw StoreError.rule("a scenario cannot be opened inside another") }
        do {
            return try engine.writeWithoutTransaction(checkingReferences: true) { db in
                try db.beginTransaction(.immediate)
                defer { try? db.rollback() }
                return try holding(db) {
                    try replay(steps.map(\.change), db, context, lines: steps.map(\.line))
                    recorded = []
                    defer { recorded = nil }
                    let result = try body()
                    return (result, recorded ?? [])
                }
            }
        } catch let e as SQLError { throw mapped(e) }
    }

    /// Writes a scenario's changes to the books as one transaction: each applied again, checked
    /// against the books as they are now, journaled with the line that made it; then the scenario is
    /// forgotten and the commit journaled, in the same transaction. The first change that no longer
    /// applies is `StoreError.conflict`, and nothing is written (the saved scenario stays).
    public func commitScenario(_ name: String, steps: [ScenarioStep], context: ChangeContext) throws(StoreError) {
        try write { db in
            try replay(steps.map(\.change), db, context, lines: steps.map(\.line), gated: true)
            try db.execute(sql: "DELETE FROM scenario WHERE name = ?", arguments: [name])
            try Self.journal(
                db, context, kind: "scenario.committed",
                payload: Self.json(["name": name, "changes": String(steps.count)]),
                effect: "scenario '\(name)' committed: \(steps.count) change\(steps.count == 1 ? "" : "s")")
        }
    }

    /// Applies a scenario's changes again; `gated` (a commit) passes each through the approval gate,
    /// and one that needs approval stops the commit: it is asked for outside the scenario.
    private func replay(
        _ changes: [BookChange], _ db: Database, _ context: ChangeContext, lines: [String]? = nil, gated: Bool = false
    ) throws {
        for (i, change) in changes.enumerated() {
            let line = lines?[i] ?? context.command
            var request: ApprovalRequested?
            do {
                try db.inSavepoint {
                    if gated, case .requested(let r) = try self.gated(change, db, context.with(command: line)) {
                        request = r
                        return .rollback
                    }
                    if !gated { _ = try apply(change, db, context.with(command: line)) }
                    return .commit
                }
            } catch {
                throw StoreError.conflict(
                    change: i + 1, summary: lines?[i] ?? change.kind, reason: mapped(error).message)
            }
            if let r = request {
                throw StoreError.conflict(
                    change: i + 1, summary: line,
                    reason:
                        "it needs approval (\(r.why)); whatif drop \(i + 1), commit, then run it outside the scenario to ask for it"
                )
            }
        }
    }

    /// Fault injection for the crash tests (`CrashTests`): with `RECOUP_FAULT_PAUSE_BEFORE_COMMIT`
    /// naming a file, a write creates that file once its changes are made and waits 30 s before it
    /// commits, so a test can kill the process mid-transaction. Unset in every normal run.
    static let crashTestMarker = ProcessInfo.processInfo.environment["RECOUP_FAULT_PAUSE_BEFORE_COMMIT"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static func pauseBeforeCommitForCrashTests() {
        guard let marker = crashTestMarker else { return }
        FileManager.default.createFile(atPath: marker, contents: Data())
        Thread.sleep(forTimeInterval: 30)
    }

    /// A number that changes whenever another connection (another shell) commits to the workspace
    /// (the engine's: SQLite's `PRAGMA data_version`; on PostgreSQL a counter every write moves,
    /// its moves also announced by NOTIFY). A shell compares it before each command and rebuilds its
    /// caches when it moved.
    public func booksVersion() -> Int64 { engine.booksVersion() }

    public var keepsLedgerSnapshot: Bool { engine.snapshotPath != nil }

    public var databaseLogin: String? { engine.databaseLogin }

    @discardableResult
    public func onColleagueCommit(_ handler: @escaping @Sendable () -> Void) -> Bool {
        engine.onColleagueCommit(handler)
    }

    /// `map`, with this workspace's path and lock timeout filled in.
    func mapped(_ error: any Error) -> StoreError {
        switch Self.map(error) {
        case .busy: return .busy(seconds: lockTimeout)
        case .readOnly(_, let reason): return .readOnly(path: path, reason: reason)
        case let other: return other
        }
    }

    static func map(_ error: any Error) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? SQLError {
            switch e.kind {
            case .unique(let table):
                return .database("a \(table.isEmpty ? "record" : table) with that id already exists")
            case .foreignKey:
                return .database("a record refers to a customer, contract or invoice that does not exist")
            case .busy: return .busy(seconds: 0)
            case .readOnly: return .readOnly(path: "", reason: e.message)
            case .permission: return .database("the database refused it: \(e.message)")
            case .constraint, .other: return .database(e.message)
            }
        }
        return .database("\(error)")
    }

    // MARK: Settings and journal

    /// A workspace setting such as `today` (the pinned date), or nil.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets (or, with nil, removes) a workspace setting, journaled (kind `setting.set`).
    public func setSetting(_ key: String, _ value: String?, context: ChangeContext) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(
                    sql:
                        "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
            try Self.journal(
                db, context, kind: "setting.set", payload: Self.json(["key": key, "value": value ?? ""]),
                effect: value.map { "\(key) = \($0)" } ?? "\(key) removed")
        }
    }

    /// Appends a journal entry in the transaction of `db`: who, the command as typed, the change's
    /// kind and canonical payload, the customer it concerns and the effect in words, numbered after
    /// the newest entry and chained to its hash (`JournalChain`). Writers are serialized by the
    /// write lock (`BEGIN IMMEDIATE`), so the chain never forks.
    static func journal(
        _ db: Database, _ context: ChangeContext, kind: String, payload: String? = nil, effect: String,
        customer: String? = nil
    ) throws {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
        let seq = (last?["seq"] as Int? ?? 0) + 1
        let entry = JournalEntry(
            sequence: seq, at: context.at, operator: context.operator, command: context.command, effect: effect,
            kind: kind, payload: payload, customer: customer)
        let hash = JournalChain.hash(prev: last?["hash"] ?? JournalChain.genesis, line: JournalChain.line(entry))
        try db.execute(
            sql: """
                INSERT INTO journal(seq, at, operator, command, effect, kind, payload, customer_id, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [seq, context.at, context.operator, context.command, effect, kind, payload, customer, hash])
    }

    /// A small canonical JSON object (sorted keys) for journal payloads of writes that are not `BookChange`s.
    static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The newest journal entries first, those the filter keeps.
    public func journal(_ filter: JournalFilter) throws(StoreError) -> [JournalEntry] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        if let o = filter.operator { conditions.append("operator = ?"); arguments.append(o) }
        if let c = filter.customer { conditions.append("customer_id = ?"); arguments.append(c) }
        if let k = filter.kind {
            conditions.append("(kind = ? OR kind LIKE ? ESCAPE '\\')")
            arguments.append(k); arguments.append(k.replacingOccurrences(of: "_", with: "\\_") + ".%")
        }
        if let f = filter.from { conditions.append("at >= ?"); arguments.append(f.iso) }
        if let t = filter.to { conditions.append("at < ?"); arguments.append((t + 1).iso) }
        arguments.append(filter.limit)
        let sql =
            "SELECT seq, at, operator, command, effect, kind, payload, customer_id, hash FROM journal"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY seq DESC LIMIT ?"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.journalEntry)
        }
    }

    static func journalEntry(_ r: Row) -> JournalEntry {
        JournalEntry(
            sequence: r["seq"], at: r["at"], operator: r["operator"], command: r["command"], effect: r["effect"],
            kind: r["kind"] ?? "", payload: r["payload"], customer: r["customer_id"], hash: r["hash"])
    }

    /// Recomputes the journal's chain from its first entry (a cursor: memory stays flat however long
    /// the journal is).
    public func verifyJournal() throws(StoreError) -> JournalChain.Verification {
        try readBase { db in
            var verifier = JournalChain.Verifier()
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT seq, at, operator, command, effect, kind, payload, customer_id, hash FROM journal ORDER BY seq"
            )
            while let r = try rows.next() {
                if !verifier.feed(Self.journalEntry(r)) { break }
            }
            return verifier.result
        }
    }

    /// One journal entry by number, or nil.
    public func journalEntry(sequence: Int) throws(StoreError) -> JournalEntry? {
        try read { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT seq, at, operator, command, effect, kind, payload, customer_id, hash FROM journal WHERE seq = ?",
                arguments: [sequence]
            ).map(Self.journalEntry)
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

/// A workspace is what the store seam promises, on whichever engine holds it.
extension Workspace: BooksReader, BooksWriter, ScenarioStore {}
