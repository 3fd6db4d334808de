import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Every table of the books in an order that satisfies their references (a table after those
    /// it refers to), as `workspace copy` writes them. Queue leases (`queue_claim`) are not copied:
    /// they are minutes long and belong to the shells of the old workspace.
    static let copiedTables = [
        "customer", "contract", "invoice", "plan", "payment", "setting", "journal", "plan_installment",
        "plan_invoice", "scenario", "policy", "policy_history", "charge", "overdue_state", "dunning_sent",
        "payment_application", "credit_score", "deposit_movement", "bureau_report", "contact", "promise",
        "dispute", "complaint", "legal_case", "legal_step", "writeoff", "operator", "assignment", "approval",
        "correction", "limit_approval",
    ]

    /// Copies the whole workspace (books, journal, policy, scenarios and operators) into `target`,
    /// which must be empty, in one transaction on the target, from one snapshot of this one; then
    /// checks the copy (every table's count, and the journal's chain up to the same newest hash)
    /// before it reports success. Operators get their roles' grants on a server that enforces them.
    public func copy(into target: any WorkspaceStore) throws(StoreError) -> WorkspaceCopyReport {
        guard let target = target as? Workspace else { throw .rule("the target is not a workspace of this kind") }
        guard target !== self, target.path != path else { throw .rule("a workspace cannot be copied onto itself") }
        var counts: [String: Int] = [:]
        try readBase { src in
            try target.write(checkingReferences: false) { dst in
                // Empty, checked in the transaction that fills it (a colleague may be creating it too).
                let empty = try Self.copiedTables.allSatisfy { t in
                    try Int.fetchOne(dst, sql: "SELECT count(*) FROM \(t)") == 0
                }
                guard empty else {
                    throw StoreError.rule(
                        "'\(target.path)' already holds a workspace: copy into a new file or an empty database")
                }
                for table in Self.copiedTables {
                    let cursor = try Row.fetchCursor(src, sql: "SELECT * FROM \(table)")
                    var insert: (any PreparedStatement)?
                    var n = 0
                    while let row = try cursor.next() {
                        let keep = row.columns.names.indices.filter { row.columns.names[$0] != "rowid" }
                        if insert == nil {
                            let names = keep.map { row.columns.names[$0] }
                            insert = try dst.connection.prepare(
                                "INSERT INTO \(table)(\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                                cached: false)
                        }
                        try insert!.execute(keep.map { row.values[$0] })
                        n += 1
                    }
                    counts[table] = n
                }
                try target.engine.afterCopy(dst)
                for o in try Row.fetchAll(dst, sql: "SELECT login, role FROM operator WHERE removed_at IS NULL") {
                    try target.engine.grantRole(o["role"], to: o["login"], dst)
                }
            }
        }
        // The copy, checked: every table's count and the journal's chain to the same newest entry.
        let copied = try target.read { db in
            try Self.copiedTables.map { t in (t, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0) }
        }
        for (table, n) in copied where counts[table] != n {
            throw .database("the copy holds \(n) rows of \(table), the workspace \(counts[table] ?? 0)")
        }
        let chain = try target.verifyJournal()
        let source = try verifyJournal()
        guard chain.holds, chain.count == source.count, chain.lastHash == source.lastHash else {
            throw .database(
                "the copied journal does not verify (\(chain.count) entries, \(source.count) in the workspace\(chain.problem.map { ": " + $0 } ?? ""))"
            )
        }
        return WorkspaceCopyReport(target: target.path, rows: counts, journalEntries: chain.count)
    }

    public func backup(into path: String) throws(StoreError) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw .file(path: path, reason: "exists already") }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            throw .file(path: path, reason: "folder '\(dir)' does not exist")
        }
        do { try engine.backup(into: path) } catch { throw mapped(error) }
    }

    /// The engine's storage check, then the journal's chain and the books' counts. A storage problem
    /// bad enough that the journal cannot be read is reported as a problem, not thrown.
    public func check() throws(StoreError) -> WorkspaceCheck {
        let storage: (checked: String, problems: [String])
        do { storage = try engine.storageProblems() } catch { throw mapped(error) }
        var problems = storage.problems
        var journal = JournalChain.Verifier().result
        var counts = [0, 0, 0]
        do {
            journal = try verifyJournal()
            counts = try readBase { db in
                try ["customer", "invoice", "payment"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
                }
            }
        } catch {
            problems.append("the books cannot be read: \(error.message)")
        }
        return WorkspaceCheck(
            checked: storage.checked, problems: problems, journal: journal, customers: counts[0], invoices: counts[1],
            payments: counts[2])
    }
}
