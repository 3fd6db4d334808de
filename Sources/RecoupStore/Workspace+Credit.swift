import Foundation
import GRDB
import RecoupCore

extension Workspace {
    /// Keeps one scoring run (replacing an earlier run for the same day), as one transaction, journaled.
    public func recordScores(_ scores: [(customer: String, score: Int, tier: String)], asOf: Day, operator who: String, command: String) throws(StoreError) {
        try write { db in
            let s = try db.makeStatement(sql: "INSERT OR REPLACE INTO credit_score(customer_id, as_of, score, tier) VALUES (?, ?, ?, ?)")
            for x in scores { try s.execute(arguments: [x.customer, asOf.iso, x.score, x.tier]) }
            try Self.journal(db, operator: who, command: command, effect: "scored \(scores.count) customers as of \(asOf.iso)")
        }
    }

    /// Every customer's bureau score and its date, in customer id byte order (the ledger's order).
    public func bureauScores() throws(StoreError) -> [(score: Int?, date: Day?)] {
        try read { db in
            var out: [(score: Int?, date: Day?)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT bureau_score, bureau_date FROM customer ORDER BY id")
            while let r = try rows.next() { out.append((r[0] as Int?, (r[1] as String?).flatMap { Day($0) })) }
            return out
        }
    }

    /// Every customer's credit limit on file in minor units (nil: none), in customer id byte order (the
    /// ledger's order): the credit-line terms of the score use it.
    public func creditLimits() throws(StoreError) -> [Int64?] {
        try read { db in
            var out: [Int64?] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT credit_limit FROM customer ORDER BY id")
            while let r = try rows.next() { out.append(r[0] as Int64?) }
            return out
        }
    }

    /// A customer's kept scores, oldest first.
    public func scoreHistory(customer: String) throws(StoreError) -> [(asOf: Day, score: Int, tier: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT as_of, score, tier FROM credit_score WHERE customer_id = ? ORDER BY as_of", arguments: [customer])
                .map { (asOf: Self.day($0[0] as String), score: $0[1] as Int, tier: $0[2] as String) }
        }
    }
}
