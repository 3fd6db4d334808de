import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Payments with unapplied money, held ones (matched to nothing) and overpayments alike, oldest first.
    public func unappliedPayments(customer: String? = nil, heldOnly: Bool = false) throws(StoreError)
        -> [UnappliedPayment]
    {
        let ids: [String] = try read { db in
            try String.fetchAll(
                db,
                sql: customer == nil
                    ? "SELECT DISTINCT customer_id FROM payment"
                    : "SELECT DISTINCT customer_id FROM payment WHERE customer_id = ?",
                arguments: customer == nil ? [] : [customer])
        }
        var out: [UnappliedPayment] = []
        for id in ids.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let c = try self.customer(id: id) else { continue }
            let ledger = try ledger(customer: c)
            let allocation = ledger.allocate(asOf: Day(ordinal: Int32.max - 1), record: true)
            var applied = [Int64](repeating: 0, count: ledger.paymentIds.count)
            for a in allocation.applications { applied[Int(a.payment)] += a.amount }
            let payments = Dictionary(uniqueKeysWithValues: try self.payments(customer: id).map { ($0.id, $0) })
            for (k, pid) in ledger.paymentIds.enumerated() {
                guard let p = payments[pid], ledger.paymentAmount[k] > applied[k], !heldOnly || p.held else { continue }
                out.append(
                    UnappliedPayment(payment: p, unapplied: Money(minorUnits: ledger.paymentAmount[k] - applied[k])))
            }
        }
        return out.sorted { ($0.payment.receivedOn, $0.payment.id) < ($1.payment.receivedOn, $1.payment.id) }
    }

    /// Applies (part of) a payment to an invoice of the same customer by hand, journaled. The amount
    /// defaults to the smaller of what is left of the payment and what is open on the invoice; both
    /// are read in the transaction that writes, so two shells cannot over-apply one payment.
    public func applyPayment(
        _ paymentId: String, to invoiceId: String, amount requested: Money?,
        context: ChangeContext
    ) throws(StoreError) -> Money {
        guard
            case .amount(let m) = try perform(
                .paymentApplied(payment: paymentId, invoice: invoiceId, amount: requested), context: context)
        else { throw .rule("nothing was applied") }
        return m
    }

    func applyPaymentApplication(
        _ db: Database, payment paymentId: String, invoice invoiceId: String, amount requested: Money?,
        _ context: ChangeContext
    ) throws -> Money {
        guard
            let payment = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [paymentId]).map(
                Self.payment)
        else {
            throw StoreError.notFound(kind: "payment", id: paymentId)
        }
        guard let invoice = try self.invoice(id: invoiceId) else {
            throw StoreError.notFound(kind: "invoice", id: invoiceId)
        }
        guard invoice.customerId == payment.customerId else {
            throw StoreError.rule(
                "invoice '\(invoiceId)' belongs to customer '\(invoice.customerId)', payment '\(paymentId)' to '\(payment.customerId)'"
            )
        }
        let left =
            try unappliedPayments(customer: payment.customerId).first { $0.payment.id == paymentId }?.unapplied ?? .zero
        guard left.isPositive else { throw StoreError.rule("payment '\(paymentId)' has nothing left to apply") }
        let c = try customer(id: payment.customerId)!
        let ledger = try ledger(customer: c)
        let allocation = ledger.allocate(asOf: Day(ordinal: Int32.max - 1))
        let open = ledger.invoiceIds.firstIndex(of: invoiceId).map { Money(minorUnits: allocation.open[$0]) } ?? .zero
        guard open.isPositive else { throw StoreError.rule("invoice '\(invoiceId)' has nothing open") }
        let amount = requested ?? min(left, open)
        guard amount.isPositive, amount <= left, amount <= open else {
            throw StoreError.rule(
                "can apply at most \(min(left, open)) (payment '\(paymentId)' has \(left) left, invoice '\(invoiceId)' \(open) open)"
            )
        }
        try db.execute(
            sql: "INSERT INTO payment_application(payment_id, invoice_id, amount, at, operator) VALUES (?, ?, ?, ?, ?)",
            arguments: [paymentId, invoiceId, amount.minorUnits, context.at, context.operator])
        return amount
    }
}
