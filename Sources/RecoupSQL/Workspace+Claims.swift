import Foundation
import RecoupCore
import RecoupStore

/// `queue --take`: customers claimed from the call queue for a lease, in one write transaction each,
/// so two collectors taking calls at the same moment never get the same customer, and no
/// transaction is held during the call.
extension Workspace {
    static func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// Claims up to `count` of `ranked` (highest priority first) for `agent` until `now` + `minutes`:
    /// customers another collector holds an unexpired claim on are skipped; the agent's own claims
    /// are renewed. Expired claims are dropped first. Returns the customers claimed, in rank order.
    public func claim(_ ranked: [String], count: Int, agent: String, minutes: Int, now: Date = Date())
        throws(StoreError) -> [String]
    {
        try write { db in
            let at = Self.instant(now), until = Self.instant(now.addingTimeInterval(Double(minutes) * 60))
            try db.execute(sql: "DELETE FROM queue_claim WHERE expires_at <= ?", arguments: [at])
            var taken: [String] = []
            for c in ranked where taken.count < count {
                let holder = try String.fetchOne(
                    db, sql: "SELECT agent FROM queue_claim WHERE customer_id = ?", arguments: [c])
                guard holder == nil || holder == agent else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO queue_claim(customer_id, agent, claimed_at, expires_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(customer_id) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                        """, arguments: [c, agent, at, until])
                taken.append(c)
            }
            return taken
        }
    }

    /// Ends `agent`'s claims (all, or one customer's); how many ended.
    @discardableResult
    public func releaseClaims(agent: String, customer: String? = nil) throws(StoreError) -> Int {
        try write { db in
            if let customer {
                try db.execute(
                    sql: "DELETE FROM queue_claim WHERE agent = ? AND customer_id = ?", arguments: [agent, customer])
            } else {
                try db.execute(sql: "DELETE FROM queue_claim WHERE agent = ?", arguments: [agent])
            }
            return db.changesCount
        }
    }

    /// Unexpired claims: customer -> agent.
    public func claims(now: Date = Date()) throws(StoreError) -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for r in try Row.fetchAll(
                db, sql: "SELECT customer_id, agent FROM queue_claim WHERE expires_at > ?",
                arguments: [Self.instant(now)])
            {
                out[r["customer_id"]] = r["agent"]
            }
            return out
        }
    }
}
