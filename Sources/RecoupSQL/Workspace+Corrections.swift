import Foundation
import RecoupCore
import RecoupStore

/// Corrections: a mistaken entry is reversed, never deleted. The entry keeps its row, marked; the
/// reversal is a row of `correction` with its reason and what it undid (JSON), and a journal entry.
extension Workspace {
    func applyCorrection(_ change: BookChange, _ db: Database, _ context: ChangeContext) throws -> (
        ChangeOutcome, String
    ) {
        func record(
            kind: String, target: String, customer: String, on: Day, reason: String, undone: [String: String]
        ) throws {
            let reason = reason.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw StoreError.rule("a correction needs a reason (--reason)") }
            try db.execute(
                sql: """
                    INSERT INTO correction(kind, target, customer_id, on_day, reason, undone, at, operator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    kind, target, customer, on.iso, reason, Self.json(undone), context.at,
                    context.operator,
                ])
        }
        switch change {
        case .paymentVoided(let id, let on, let reason):
            guard let p = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "payment", id: id)
            }
            if let at = p["voided_at"] as String? { throw StoreError.rule("payment \(id) was voided already (\(at))") }
            guard !id.hasPrefix("DEP-") else {
                throw StoreError.rule("payment \(id) applied a deposit: it is corrected with the deposit's movements")
            }
            let customer: String = p["customer_id"]
            try db.execute(sql: "UPDATE payment SET voided_at = ? WHERE id = ?", arguments: [context.at, id])
            let amount = Money(minorUnits: p["amount"])
            try record(
                kind: "payment.voided", target: id, customer: customer, on: on, reason: reason,
                undone: ["amount": String(amount.minorUnits), "received_on": p["received_on"]])
            return (.id(id), "payment \(id) of \(amount) from \(customer) voided: \(reason)")
        case .writeOffReversed(let id, let on, let reason):
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM writeoff WHERE id = ?", arguments: [id])
            guard let first = rows.first else { throw StoreError.notFound(kind: "write-off", id: id) }
            if let at = first["reversed_at"] as String? {
                throw StoreError.rule("write-off \(id) was reversed already (\(at))")
            }
            let customer: String = first["customer_id"]
            let total = Money(minorUnits: rows.reduce(Int64(0)) { $0 + ($1["amount"] as Int64) })
            try db.execute(sql: "UPDATE writeoff SET reversed_at = ? WHERE id = ?", arguments: [context.at, id])
            try record(
                kind: "writeoff.reversed", target: id, customer: customer, on: on, reason: reason,
                undone: ["amount": String(total.minorUnits), "on": first["on_day"]])
            return (.id(id), "write-off \(id) of \(total) for \(customer) reversed: \(reason)")
        case .disputeReopened(let id, let on, let reason):
            guard let d = try Self.disputes(db, customer: nil).first(where: { $0.id == id }) else {
                throw StoreError.notFound(kind: "dispute", id: id)
            }
            guard let resolved = d.resolvedOn else { throw StoreError.rule("dispute \(id) is open: nothing to reopen") }
            try db.execute(
                sql:
                    "UPDATE dispute SET resolved_on = NULL, outcome = NULL, credit = NULL, resolution = NULL WHERE id = ?",
                arguments: [id])
            try record(
                kind: "dispute.reopened", target: id, customer: d.customerId, on: on, reason: reason,
                undone: [
                    "resolved_on": resolved.iso, "outcome": d.outcome?.rawValue ?? "",
                    "credit": d.credit.map { String($0.minorUnits) } ?? "", "resolution": d.resolution ?? "",
                ])
            return (
                .id(id),
                "dispute \(id) on invoice \(d.invoiceId) reopened (its resolution of \(resolved.iso)\(d.credit.map { " and credit note \($0)" } ?? "") undone): \(reason)"
            )
        case .planCancelled(let id, let on, let reason):
            guard let p = try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "plan", id: id)
            }
            if let at = p["cancelled_at"] as String? {
                throw StoreError.rule("plan \(id) was cancelled already (\(at))")
            }
            let customer: String = p["customer_id"]
            let invoices = try String.fetchAll(
                db, sql: "SELECT invoice_id FROM plan_invoice WHERE plan_id = ? ORDER BY invoice_id", arguments: [id])
            try db.execute(sql: "UPDATE plan SET cancelled_at = ? WHERE id = ?", arguments: [context.at, id])
            try record(
                kind: "plan.cancelled", target: id, customer: customer, on: on, reason: reason,
                undone: [
                    "created_on": p["created_on"], "financed": String(p["financed"] as Int64),
                    "invoices": invoices.joined(separator: " "),
                ])
            return (
                .id(id),
                "plan \(id) of \(customer) cancelled: invoices \(invoices.joined(separator: " ")) open again; \(reason)"
            )
        default:
            throw StoreError.rule("not a correction: \(change.kind)")
        }
    }

    /// A customer's corrections (or everyone's), oldest first.
    public func corrections(customer: String?) throws(StoreError) -> [Correction] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM correction" + (customer == nil ? "" : " WHERE customer_id = ?") + " ORDER BY seq",
                arguments: customer.map { [$0] } ?? []
            ).map {
                Correction(
                    kind: $0["kind"], target: $0["target"], customerId: $0["customer_id"], on: Day($0["on_day"])!,
                    reason: $0["reason"], undone: $0["undone"], at: $0["at"], by: $0["operator"])
            }
        }
    }
}
