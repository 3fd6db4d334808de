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
        // In the table's order, then by id here (see `customers()`).
        struct Facts { var id: String; var bureau: Int?; var bureauDate: Day?; var creditLimit: Int64? }
        let facts = try read { db in
            var out: [Facts] = []
            let r = try db.connection.rawRows("SELECT id, bureau_score, bureau_date, credit_limit FROM customer")
            defer { r.finish() }
            while r.next() {
                out.append(
                    Facts(
                        id: r.string(0), bureau: r.isNull(1) ? nil : Int(r.int(1)),
                        bureauDate: r.isNull(2) ? nil : Day(r.string(2)), creditLimit: r.isNull(3) ? nil : r.int(3)))
            }
            return out
        }
        return Self.inIdOrder(facts) { $0.id }.map { ($0.bureau, $0.bureauDate, $0.creditLimit) }
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
