import RecoupCore
import RecoupStore

/// Late fees: what accrues on each invoice to the context's day, posting the increments, waiving.
public struct LateFees: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// One invoice's late fee with what has been charged and waived on it.
    public struct Row: Sendable {
        public var invoice: Invoice
        public var accrual: LateFee.Accrual
        public var standing: LateFee.Standing
        public var posted: Money { standing.posted }
        public var waived: Money { standing.waived }
        public var toPost: Money { standing.toPost(accrued: accrual.fee) }
    }

    /// Every invoice of `customer` due before the day with its fee, in the allocation order (due date
    /// first); installment plans' rows are left out (they follow the plan's terms).
    public func rows(_ customer: Customer) throws -> [Row] {
        let books = context.books, asOf = context.asOf, policy = context.policy
        let ledger = try books.ledger(customer: customer)
        let invoices = try books.invoices(customer: customer.id)
        let contracts = try books.contracts(customer: customer.id)
        let charges = try books.charges(customer: customer.id)
        let byId = Dictionary(uniqueKeysWithValues: invoices.map { ($0.id, $0) })
        let contractById = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0) })
        let accruals = LateFee(policy: policy).accrue(ledger, ledger.allocate(asOf: asOf, record: true)) { i in
            guard let v = byId[ledger.invoiceIds[i]] else { return nil }
            return LateFee.Clause(contract: v.contractId.flatMap { contractById[$0] }, policy: policy)
        }
        return accruals.keys.sorted().map { i in
            let id = ledger.invoiceIds[i]
            let mine = charges.filter { $0.invoiceId == id }.map {
                (waiver: $0.kind == .waiver, day: $0.asOf, amount: $0.amount)
            }
            return Row(invoice: byId[id]!, accrual: accruals[i]!, standing: LateFee.Standing(mine, on: asOf))
        }
    }

    /// Waivers of a customer's fees as a whole (naming no invoice) among `customers`, as a positive figure.
    public func wholeCustomerWaivers(_ customers: [Customer]) throws -> Money {
        let ids = Set(customers.map(\.id))
        let charges =
            customers.count == 1 ? try context.books.charges(customer: customers[0].id) : try context.books.charges()
        return -charges.filter { $0.kind == .waiver && $0.invoiceId == nil && ids.contains($0.customerId) }.reduce(
            .zero
        ) { $0 + $1.amount }
    }

    /// Posts the late fees accrued to the day for `customers` (each invoice's increment over what is
    /// posted), as one transaction; returns the charges written and each invoice's accrual.
    public func post(_ customers: [Customer]) throws -> (written: [Charge], accruals: [String: LateFee.Accrual]) {
        var accrued: [AccruedFee] = []
        var flags: [String: LateFee.Accrual] = [:]
        for c in customers {
            for r in try rows(c) where r.accrual.fee.isPositive {
                accrued.append(AccruedFee(customerId: c.id, invoiceId: r.invoice.id, fee: r.accrual.fee))
                flags[r.invoice.id] = r.accrual
            }
        }
        return (try context.books.postLateFees(accrued, asOf: context.asOf, context: context.change), flags)
    }

    /// Waives late fees of a customer or one invoice (`target` is either id), on the context's day:
    /// what has accrued to the day, posted or not. The accrued fees not yet posted are posted in the
    /// waiver's own transaction (as `latefee post` would post them), so a waiver made during the call
    /// does not wait for the nightly post, and a failed or held waiver posts nothing either.
    public func waive(customer: Customer, invoice: String?, amount: Money?, reason: String) throws -> Charge {
        let accrued = try rows(customer).filter { r in
            r.toPost.isPositive && (invoice == nil || r.invoice.id == invoice)
        }.map { AccruedFee(customerId: customer.id, invoiceId: $0.invoice.id, fee: $0.accrual.fee) }
        return try context.books.waiveFees(
            customer: customer.id, invoice: invoice, amount: amount, on: context.asOf, reason: reason,
            accrued: accrued, context: context.change)
    }
}
