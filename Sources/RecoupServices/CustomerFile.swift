import RecoupCore
import RecoupStore

/// A customer's file on one screen: who they are, what they owe on the day, contracts, open invoices
/// and plan rows, recent payments, late fees charged and waived.
public struct CustomerFile: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    public struct OpenItem: Sendable {
        public var invoice: Invoice
        public var open: Money
        public var daysOverdue: Int
        /// The part of `open` a dispute open on the day holds.
        public var disputed: Money
    }

    public struct File: Sendable {
        public var customer: Customer
        public var balance: Balance
        public var contracts: [Contract]
        /// Open invoices and plan rows issued by the day, in the allocation order.
        public var open: [OpenItem]
        /// The last payments received by the day, newest first (settlements included).
        public var recentPayments: [Payment]
        /// Late fees and waivers recorded by the day.
        public var charges: [Charge]
        public var feesCharged: Money
        public var feesWaived: Money
        /// Late fees accrued to the day and not yet posted (what tonight's `latefee post` would charge;
        /// a waiver during the call can waive them too).
        public var feesAccrued: Money
        /// Late fees owed besides the open balance: charged less waived.
        public var feesOwed: Money { feesCharged - feesWaived }
        /// The case: contacts, promises, disputes, complaints, legal cases, write-offs (all of them).
        public var records: CaseRecords
        /// The promises with their standing on the day.
        public var promises: [PromiseStanding]
        /// Open claims by limitation deadline, nearest first.
        public var claims: [CaseBook.Claim]
        /// Written off by the day.
        public var writtenOff: Money
    }

    public func file(_ c: Customer, payments limit: Int = 10) throws -> File {
        let books = context.books, asOf = context.asOf
        let ledger = try books.ledger(customer: c)
        let allocation = ledger.allocate(asOf: asOf)
        let invoices = try books.invoices(customer: c.id)
        let planRows = try books.planObligations(customer: c.id).invoices
        let byId = Dictionary(uniqueKeysWithValues: (invoices + planRows).map { ($0.id, $0) })
        var open: [OpenItem] = []
        for (i, id) in ledger.invoiceIds.enumerated() {
            guard allocation.open[i] > 0, let v = byId[id], v.issuedOn <= asOf else { continue }
            open.append(
                OpenItem(
                    invoice: v, open: Money(minorUnits: allocation.open[i]), daysOverdue: max(0, asOf - v.dueOn),
                    disputed: Money(minorUnits: ledger.heldAmount(i, on: asOf.ordinal, open: allocation.open[i]))))
        }
        let payments = (try books.payments(customer: c.id) + invoices.compactMap(Payment.settlement(of:)))
            .filter { $0.receivedOn <= asOf }
            .sorted { ($0.receivedOn, $0.id) > ($1.receivedOn, $1.id) }
        let charges = try books.charges(customer: c.id).filter { $0.asOf <= asOf }
        let cases = CaseBook(context)
        let records = try books.caseRecords(customer: c.id)
        let claims = try cases.claims(ledger, customer: c.id).sorted { $0.standing.deadline < $1.standing.deadline }
        let accrued = try LateFees(context).rows(c).reduce(Money.zero) { $0 + $1.toPost }
        return File(
            customer: c, balance: ledger.balances(allocation).first ?? Balance(),
            contracts: try books.contracts(customer: c.id),
            open: open, recentPayments: Array(payments.prefix(limit)), charges: charges,
            feesCharged: charges.filter { $0.kind == .lateFee }.reduce(.zero) { $0 + $1.amount },
            feesWaived: -charges.filter { $0.kind == .waiver }.reduce(.zero) { $0 + $1.amount },
            feesAccrued: accrued,
            records: records,
            promises: CaseBook.standings(records.promises, ledger: ledger, policy: context.policy, asOf: asOf),
            claims: claims,
            writtenOff: records.writeOffs.filter { $0.on <= asOf }.reduce(.zero) { $0 + $1.amount })
    }
}
