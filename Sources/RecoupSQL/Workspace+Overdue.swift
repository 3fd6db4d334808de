import Foundation
import RecoupCore
import RecoupStore

/// What `overdue` and `queue` read besides the bulk ledger, and the states `overdue` records.
extension Workspace {
    /// Contracts' own `suspend_after_days`, by contract id (contracts that state none are absent).
    /// Read through the engine's raw rows, as the bulk ledger is: a portfolio has over 100,000 contracts.
    public func suspendAfterDays() throws(StoreError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            let rows = try db.connection.rawRows(
                "SELECT id, suspend_after_days FROM contract WHERE suspend_after_days IS NOT NULL")
            defer { rows.finish() }
            while rows.next() { out[rows.string(0)] = Int(rows.int(1)) }
            return out
        }
    }

    /// Ids of the customers an agent owns.
    public func customerIds(agent: String) throws(StoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM customer WHERE agent = ?", arguments: [agent]))
        }
    }

    /// Name, agent, phone and the last contact's person of the customers with these ids (for the
    /// queue's rows), 500 ids a query.
    public func dialingCards(of ids: [String]) throws(StoreError) -> [String: DialingCard] {
        try read { db in
            var out: [String: DialingCard] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for r in try Row.fetchAll(
                    db, sql: "SELECT id, name, agent, phone FROM customer WHERE id IN (\(marks))",
                    arguments: StatementArguments(chunk))
                {
                    out[r[0]] = DialingCard(name: r[1], agent: r[2], phone: r[3], person: nil)
                }
                // The latest contact with a person named wins (rows in day order, then by id).
                for r in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT customer_id, person FROM contact
                        WHERE customer_id IN (\(marks)) AND person IS NOT NULL AND person <> ''
                        ORDER BY on_day, id
                        """, arguments: StatementArguments(chunk))
                {
                    out[r[0]]?.person = r[1]
                }
            }
            return out
        }
    }

    public func isKnownAgent(_ login: String) throws(StoreError) -> Bool {
        try read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT (SELECT count(*) FROM operator WHERE login = ?) + (SELECT count(*) FROM customer WHERE agent = ?)",
                arguments: [login, login]) ?? 0 > 0
        }
    }

    /// The overdue states recorded by the last `overdue` run (scopes that were not clear).
    public func overdueStates() throws(StoreError) -> [StoredOverdueState] {
        try read { db in
            var out: [StoredOverdueState] = []
            let rows = try db.connection.rawRows(
                "SELECT scope, customer_id, state, days, amount, as_of FROM overdue_state ORDER BY customer_id, scope")
            defer { rows.finish() }
            while rows.next() {
                out.append(
                    StoredOverdueState(
                        scope: rows.string(0), customerId: rows.string(1), state: rows.string(2),
                        days: Int(rows.int(3)),
                        amount: Money(minorUnits: rows.int(4)), asOf: Day(ordinal: rows.day(5))))
            }
            return out
        }
    }

    /// Replaces the recorded states with this evaluation's scopes that are not clear, as one
    /// transaction, journaled with the number of transitions found.
    public func recordOverdueStates(_ evaluation: OverdueEvaluation, transitions: Int, context: ChangeContext)
        throws(StoreError)
    {
        try write { db in
            try db.execute(sql: "DELETE FROM overdue_state")
            // Bound value by value, as the bulk ledger reads: a nightly run rewrites every scope
            // that is not clear (over 100,000 on the benchmark portfolio).
            let insert = try db.connection.prepare(
                "INSERT INTO overdue_state(scope, customer_id, state, days, amount, as_of) VALUES (?, ?, ?, ?, ?, ?)",
                cached: false)
            let asOf = evaluation.asOf.iso
            var stored = 0
            for s in evaluation.scopes where s.state != OverdueLadder.clear {
                insert.bindText(1, s.scope)
                insert.bindText(2, s.customerId)
                insert.bindText(3, s.state)
                insert.bindInt(4, Int64(s.days))
                insert.bindInt(5, s.amount.minorUnits)
                insert.bindText(6, asOf)
                guard try insert.step() else { throw SQLError(.constraint, "a row was refused by a constraint") }
                stored += 1
            }
            try Self.journal(
                db, context, kind: "overdue.recorded", payload: Self.json(["as_of": asOf, "stored": String(stored)]),
                effect:
                    "overdue states as of \(asOf): \(stored) not clear, \(transitions) transition\(transitions == 1 ? "" : "s")"
            )
        }
    }
}
