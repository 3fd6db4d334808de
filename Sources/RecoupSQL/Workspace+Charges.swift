import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// A customer's charges, oldest first (by day, then in the order recorded).
    public func charges(customer: String) throws(StoreError) -> [Charge] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM charge WHERE customer_id = ? ORDER BY as_of, id", arguments: [customer]
            ).map(Self.charge)
        }
    }

    /// Every customer's charges, by customer id, then day, then the order recorded.
    public func charges() throws(StoreError) -> [Charge] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM charge ORDER BY customer_id, as_of, id").map(Self.charge)
        }
    }

    /// Posts late fees accrued to `asOf` as one transaction, journaled once; returns the charges written.
    ///
    /// For each invoice the charge is `LateFee.increment(accrued:posted:)`: the accrued fee less every
    /// late fee already posted for the invoice (on any day), and nothing when that is not positive or
    /// when the invoice already has a late fee posted for `asOf`. So posting twice for the same day
    /// writes nothing the second time, and posting on a later day adds only the increment. When
    /// nothing is to be posted, nothing is written (not even the journal).
    @discardableResult
    public func postLateFees(_ fees: [AccruedFee], asOf: Day, context: ChangeContext) throws(StoreError) -> [Charge] {
        guard case .charges(let written) = try perform(.lateFeesPosted(fees: fees, asOf: asOf), context: context) else {
            return []
        }
        return written
    }

    static func applyLateFees(_ db: Database, _ fees: [AccruedFee], asOf: Day, _ context: ChangeContext) throws
        -> [Charge]
    {
        var written: [Charge] = []
        for f in fees where f.fee.isPositive {
            let sameDay =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM charge WHERE kind = 'late_fee' AND invoice_id = ? AND as_of = ?",
                    arguments: [f.invoiceId, asOf.iso]) ?? false
            if sameDay { continue }
            let posted = Money(
                minorUnits: try Int64.fetchOne(
                    db, sql: "SELECT coalesce(sum(amount), 0) FROM charge WHERE kind = 'late_fee' AND invoice_id = ?",
                    arguments: [f.invoiceId]) ?? 0)
            let amount = LateFee.increment(accrued: f.fee, posted: posted)
            guard amount.isPositive else { continue }
            let newId = try Int64.fetchOne(
                db,
                sql:
                    "INSERT INTO charge(customer_id, invoice_id, kind, as_of, amount, reason, at, operator) VALUES (?, ?, 'late_fee', ?, ?, NULL, ?, ?) RETURNING id",
                arguments: [f.customerId, f.invoiceId, asOf.iso, amount.minorUnits, context.at, context.operator])
            written.append(
                Charge(
                    id: newId ?? 0, customerId: f.customerId, invoiceId: f.invoiceId, kind: .lateFee,
                    asOf: asOf, amount: amount, reason: nil, at: context.at, operator: context.operator))
        }
        return written
    }

    /// Fees charged and not yet waived: for one invoice (at most what the customer as a whole has
    /// left, since a waiver may name no invoice), or for the customer's fees as a whole.
    public func waivableFees(customer: String, invoice: String?) throws(StoreError) -> Money {
        try read { db in try Self.waivable(db, customer: customer, invoice: invoice) }
    }

    static func waivable(_ db: Database, customer: String, invoice: String?) throws -> Money {
        let all =
            try Int64.fetchOne(
                db, sql: "SELECT coalesce(sum(amount), 0) FROM charge WHERE customer_id = ?", arguments: [customer])
            ?? 0
        guard let invoice else { return Money(minorUnits: max(0, all)) }
        let one =
            try Int64.fetchOne(
                db, sql: "SELECT coalesce(sum(amount), 0) FROM charge WHERE invoice_id = ?", arguments: [invoice]) ?? 0
        return Money(minorUnits: max(0, min(all, one)))
    }

    /// Records a waiver of late fees as a negative charge with its reason, one transaction, journaled.
    ///
    /// `amount` (positive) defaults to everything waivable (`waivableFees`); a reason is required,
    /// and a waiver of more than is waivable, or of nothing, is refused: then nothing is written.
    @discardableResult
    public func waiveFees(
        customer: String, invoice: String?, amount: Money?, on day: Day, reason: String, accrued: [AccruedFee] = [],
        context: ChangeContext
    ) throws(StoreError) -> Charge {
        guard
            case .charges(let c) = try perform(
                .lateFeesWaived(
                    customer: customer, invoice: invoice, amount: amount, on: day, reason: reason,
                    accrued: accrued.isEmpty ? nil : accrued),
                context: context), let charge = c.first
        else { throw .rule("nothing was waived") }
        return charge
    }

    /// The waiver's charge and the accrued fees it posted first (read and written in the caller's
    /// transaction: what is posted already is read here, so a colleague's `latefee post` between the
    /// call and the waiver is not posted twice).
    static func applyWaiver(
        _ db: Database, customer: String, invoice: String?, amount: Money?, on day: Day, reason: String,
        accrued: [AccruedFee], _ context: ChangeContext
    ) throws -> (waiver: Charge, posted: [Charge]) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.rule("a waiver needs a reason") }
        let scope = invoice.map { "invoice '\($0)'" } ?? "customer '\(customer)'"
        if let invoice {
            let owner = try String.fetchOne(
                db, sql: "SELECT customer_id FROM invoice WHERE id = ?", arguments: [invoice])
            guard owner == customer else { throw StoreError.notFound(kind: "invoice", id: invoice) }
        }
        let posted = try applyLateFees(
            db, accrued.filter { $0.customerId == customer && (invoice == nil || $0.invoiceId == invoice) }, asOf: day,
            context)
        let left = try waivable(db, customer: customer, invoice: invoice)
        guard left.isPositive else { throw StoreError.rule("no late fees to waive on \(scope)") }
        let waived = amount ?? left
        guard waived.isPositive else { throw StoreError.rule("a waiver must be a positive amount") }
        guard waived <= left else {
            throw StoreError.rule(
                "cannot waive \(waived) on \(scope): only \(left) of late fees is charged and not waived")
        }
        let newId = try Int64.fetchOne(
            db,
            sql:
                "INSERT INTO charge(customer_id, invoice_id, kind, as_of, amount, reason, at, operator) VALUES (?, ?, 'waiver', ?, ?, ?, ?, ?) RETURNING id",
            arguments: [customer, invoice, day.iso, -waived.minorUnits, reason, context.at, context.operator])
        let waiver = Charge(
            id: newId ?? 0, customerId: customer, invoiceId: invoice, kind: .waiver, asOf: day,
            amount: -waived, reason: reason, at: context.at, operator: context.operator)
        return (waiver, posted)
    }

    static func charge(_ r: Row) -> Charge {
        Charge(
            id: r["id"], customerId: r["customer_id"], invoiceId: r["invoice_id"],
            kind: Charge.Kind(rawValue: r["kind"]) ?? .lateFee,
            asOf: day(r["as_of"] as String), amount: Money(minorUnits: r["amount"]), reason: r["reason"], at: r["at"],
            operator: r["operator"])
    }
}
