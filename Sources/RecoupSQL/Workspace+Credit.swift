import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Keeps one scoring run (replacing an earlier run for the same day), as one transaction, journaled.
    ///
    /// Bound value by value (`PreparedStatement`), as `recordOverdueStates`, without SQLite's foreign-key lookups: the
    /// customers are the workspace's own, read from it by the caller. On the 100,000 customers of the
    /// benchmark portfolio keeping the run adds about 0.15 s (0.3 s through GRDB's `StatementArguments`
    /// with the lookups).
    public func recordScores(
        _ scores: [(customer: String, score: Int, tier: String)], asOf: Day, context: ChangeContext
    ) throws(StoreError) {
        try write(checkingReferences: false) { db in
            let insert = try db.connection.prepare(
                """
                INSERT INTO credit_score(customer_id, as_of, score, tier) VALUES (?, ?, ?, ?)
                ON CONFLICT(customer_id, as_of) DO UPDATE SET score = excluded.score, tier = excluded.tier
                """, cached: false)
            for x in scores {
                insert.bindText(1, x.customer)
                insert.bindText(2, asOf.iso)
                insert.bindInt(3, Int64(x.score))
                insert.bindText(4, x.tier)
                guard try insert.step() else { throw SQLError(.constraint, "a row was refused by a constraint") }
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
