import RecoupCore
import RecoupStore

/// Matches a payment that names no invoice, as gateway and bank settlement files come: first by an
/// invoice id of the customer inside its reference (the longest such id, so `INV-10` is not taken
/// for `INV-1`), then by an invoice whose open amount on the payment's day equals the payment exactly
/// (the oldest due first when several do). Open amounts are those of the books before the import.
enum PaymentMatcher {
    enum Match: Equatable { case reference(String), amount(String), none }

    static func match(_ db: Database, customer: String, day: Day, amount: Money, reference: String?) throws -> Match {
        let invoices = try Row.fetchAll(db, sql: "SELECT * FROM invoice WHERE customer_id = ?", arguments: [customer])
            .map(Workspace.invoice)
        if let reference, !reference.isEmpty,
            let hit = invoices.filter({ reference.contains($0.id) }).max(by: { $0.id.count < $1.id.count })
        {
            return .reference(hit.id)
        }
        let payments = try Row.fetchAll(db, sql: "SELECT * FROM payment WHERE customer_id = ?", arguments: [customer])
            .map(Workspace.payment)
        let manual = try Row.fetchAll(
            db,
            sql: """
                SELECT a.payment_id, a.invoice_id, a.amount FROM payment_application a JOIN payment p ON p.id = a.payment_id WHERE p.customer_id = ?
                """, arguments: [customer]
        ).map { (payment: $0[0] as String, invoice: $0[1] as String, amount: Money(minorUnits: $0[2])) }
        let ledger = Ledger(customers: [customer], invoices: invoices, payments: payments, manual: manual)
        let allocation = ledger.allocate(asOf: day)
        let candidates = ledger.invoiceIds.indices.filter {
            allocation.open[$0] == amount.minorUnits && ledger.invoiceIssued[$0] <= day.ordinal
        }
        if let first = candidates.first { return .amount(ledger.invoiceIds[first]) }  // ledger order: oldest due first
        return .none
    }
}
