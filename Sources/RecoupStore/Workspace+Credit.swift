import Foundation
import GRDB
import GRDBSQLite
import RecoupCore

extension Workspace {
    /// Keeps one scoring run (replacing an earlier run for the same day), as one transaction, journaled.
    ///
    /// Bound through SQLite's C API (the day once, then three values a row), without SQLite's
    /// foreign-key lookups: the customers are the workspace's own, read from it by the caller. On
    /// the 100,000 customers of the benchmark portfolio keeping the run adds about 0.15 s (0.3 s
    /// through GRDB's `StatementArguments` with the lookups).
    public func recordScores(_ scores: [(customer: String, score: Int, tier: String)], asOf: Day, operator who: String, command: String) throws(StoreError) {
        try write(checkingReferences: false) { db in
            let s = try db.makeStatement(sql: "INSERT OR REPLACE INTO credit_score(customer_id, as_of, score, tier) VALUES (?, ?, ?, ?)")
            let statement = s.sqliteStatement
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            func bind(_ index: Int32, _ text: String) {
                var text = text
                text.withUTF8 { p in _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(p.count), transient) }
            }
            bind(2, asOf.iso)
            for x in scores {
                bind(1, x.customer)
                sqlite3_bind_int64(statement, 3, Int64(x.score))
                bind(4, x.tier)
                let rc = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard rc == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
            }
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
