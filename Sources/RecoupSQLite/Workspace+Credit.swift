import Foundation
import GRDB
import GRDBSQLite
import RecoupCore
import RecoupStore

extension Workspace {
    /// Keeps one scoring run (replacing an earlier run for the same day), as one transaction, journaled.
    ///
    /// Through SQLite's C API, as `recordOverdueStates`, without SQLite's foreign-key lookups: the
    /// customers are the workspace's own, read from it by the caller. On the 100,000 customers of the
    /// benchmark portfolio keeping the run adds about 0.15 s (0.3 s through GRDB's `StatementArguments`
    /// with the lookups).
    public func recordScores(
        _ scores: [(customer: String, score: Int, tier: String)], asOf: Day, context: ChangeContext
    ) throws(StoreError) {
        try write(checkingReferences: false) { db in
            let sql = "INSERT OR REPLACE INTO credit_score(customer_id, as_of, score, tier) VALUES (?, ?, ?, ?)"
            let insert = try BulkLedgerLoader.Rows(db, sql)
            defer { insert.finish() }
            let statement = insert.statement
            sqlite3_bind_text(statement, 2, asOf.iso, -1, sqliteTransient)  // kept across resets
            for x in scores {
                sqlite3_bind_text(statement, 1, x.customer, -1, sqliteTransient)
                sqlite3_bind_int64(statement, 3, Int64(x.score))
                sqlite3_bind_text(statement, 4, x.tier, -1, sqliteTransient)
                let rc = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard rc == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: rc),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
                }
            }
            try Self.journal(
                db, context, kind: "credit.scored",
                payload: Self.json(["as_of": asOf.iso, "customers": String(scores.count)]),
                effect: "scored \(scores.count) customers as of \(asOf.iso)")
        }
    }

    /// What the score takes from each customer's record, in customer id byte order (the ledger's
    /// order), in one query: the bureau score and its date, and the credit limit in minor units.
    public func scoringFacts() throws(StoreError) -> [(bureau: Int?, bureauDate: Day?, creditLimit: Int64?)] {
        try read { db in
            var out: [(bureau: Int?, bureauDate: Day?, creditLimit: Int64?)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT bureau_score, bureau_date, credit_limit FROM customer ORDER BY id")
            while let r = try rows.next() {
                out.append((r[0] as Int?, (r[1] as String?).flatMap { Day($0) }, r[2] as Int64?))
            }
            return out
        }
    }

    /// A customer's kept scores, oldest first.
    public func scoreHistory(customer: String) throws(StoreError) -> [(asOf: Day, score: Int, tier: String)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT as_of, score, tier FROM credit_score WHERE customer_id = ? ORDER BY as_of",
                arguments: [customer]
            )
            .map { (asOf: Self.day($0[0] as String), score: $0[1] as Int, tier: $0[2] as String) }
        }
    }
}
