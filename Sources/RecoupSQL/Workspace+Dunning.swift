import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// The step keys recorded for each of a customer's invoices.
    public func dunningSteps(customer: String) throws(StoreError) -> [String: Set<String>] {
        try read { db in
            var out: [String: Set<String>] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.invoice_id, d.step FROM dunning_sent d JOIN invoice i ON i.id = d.invoice_id WHERE i.customer_id = ?
                    """, arguments: [customer])
            while let r = try rows.next() { out[r[0], default: []].insert(r[1]) }
            return out
        }
    }

    /// Recorded steps, of one customer or all, by customer, invoice, day and step.
    public func dunningRecords(customer: String? = nil) throws(StoreError) -> [DunningRecord] {
        try read { db in
            let sql = """
                SELECT d.invoice_id, i.customer_id, d.step, d.sent_on, d.action, d.file
                FROM dunning_sent d JOIN invoice i ON i.id = d.invoice_id
                \(customer == nil ? "" : "WHERE i.customer_id = ?")
                ORDER BY i.customer_id, d.invoice_id, d.sent_on
                """
            // Steps of one day in the number before their ':' (`2:letter` before `10:call`), sorted
            // here: the two dialects have no common way to cut it out in SQL.
            func number(_ step: String) -> Int { Int(step.prefix { $0 != ":" }) ?? 0 }
            let rows = try Row.fetchAll(db, sql: sql, arguments: customer.map { [$0] } ?? []).map {
                DunningRecord(
                    invoiceId: $0[0], customerId: $0[1], step: $0[2], sentOn: Self.day($0[3] as String), action: $0[4],
                    file: $0[5])
            }
            var out: [DunningRecord] = []
            out.reserveCapacity(rows.count)
            var k = 0
            while k < rows.count {  // runs of one invoice and day, in SQL's order, sorted by step number
                var j = k + 1
                while j < rows.count && rows[j].invoiceId == rows[k].invoiceId && rows[j].sentOn == rows[k].sentOn {
                    j += 1
                }
                out += rows[k..<j].enumerated().sorted { a, b in
                    (number(a.element.step), a.offset) < (number(b.element.step), b.offset)
                }.map(\.element)
                k = j
            }
            return out
        }
    }

    /// Late fees charged to a customer net of waivers (what `latefee post` and `latefee waive`
    /// recorded), never negative: the fees a letter adds to the principal owed.
    public func netLateFees(customer: String) throws(StoreError) -> Money {
        try read { db in
            Money(
                minorUnits: max(
                    0,
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(sum(amount), 0) FROM charge WHERE customer_id = ?",
                        arguments: [customer]) ?? 0))
        }
    }

    /// Records a dunning run's steps as one transaction, journaled once; returns how many rows were
    /// written. A step already recorded for an invoice is left as it was (the first record stands),
    /// so recording a run twice writes nothing the second time; when nothing is written, nothing is
    /// journaled.
    @discardableResult
    public func recordDunning(_ records: [DunningRecord], asOf: Day, context: ChangeContext) throws(StoreError) -> Int {
        try write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO dunning_sent(invoice_id, step, sent_on, action, file) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(invoice_id, step) DO NOTHING
                    """)
            var sent = 0, passed = 0
            var files = Set<String>()
            for r in records {
                try insert.execute(arguments: [r.invoiceId, r.step, r.sentOn.iso, r.action, r.file])
                guard db.changesCount > 0 else { continue }
                if r.action == DunningRecord.passed {
                    passed += 1
                } else {
                    sent += 1; if let f = r.file { files.insert(f) }
                }
            }
            if sent + passed > 0 {
                try Self.journal(
                    db, context, kind: "dunning.recorded",
                    payload: Self.json(["as_of": asOf.iso, "steps": String(sent + passed)]),
                    effect: "dunning as of \(asOf.iso): \(files.count) document\(files.count == 1 ? "" : "s"), "
                        + "\(sent) step\(sent == 1 ? "" : "s") sent, \(passed) passed")
            }
            return sent + passed
        }
    }
}
