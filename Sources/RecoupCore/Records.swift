/// A customer of the enterprise: who owes, and how to reach them.
public struct Customer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var phone: String?
    public var email: String?
    public var taxId: String?
    public var segment: String?
    /// Most the customer may owe; nil means the policy default for the customer's tier.
    public var creditLimit: Money?
    /// Third-party bureau score, 0...1000.
    public var bureauScore: Int?
    public var bureauDate: Day?
    /// Id of the collector who owns the account.
    public var agent: String?
    public var openedOn: Day?

    public init(
        id: String, name: String, phone: String? = nil, email: String? = nil, taxId: String? = nil,
        segment: String? = nil, creditLimit: Money? = nil, bureauScore: Int? = nil, bureauDate: Day? = nil,
        agent: String? = nil, openedOn: Day? = nil
    ) {
        self.id = id; self.name = name; self.phone = phone; self.email = email; self.taxId = taxId
        self.segment = segment; self.creditLimit = creditLimit; self.bureauScore = bureauScore
        self.bureauDate = bureauDate; self.agent = agent; self.openedOn = openedOn
    }
}

/// A contract with its breach clauses.
///
/// Rates and ratios are kept as the exact decimal text they were given in (`0.0005` is 0.05 % a day),
/// so nothing is lost to floating point and an export writes back what was imported.
public struct Contract: Sendable, Hashable {
    public var id: String
    public var customerId: String
    /// Service type, e.g. saas, consulting, hardware: drives the prepayment policy.
    public var service: String
    public var signedOn: Day
    public var startOn: Day?
    public var endOn: Day?
    public var value: Money?
    /// Days from invoice to due date; nil means 30.
    public var paymentTermsDays: Int?
    /// Late fee per day as a fraction of the overdue amount.
    public var lateFeeDailyRate: String?
    public var lateFeeGraceDays: Int?
    /// Cap on late fees as a fraction of the overdue principal.
    public var lateFeeCap: String?
    public var suspendAfterDays: Int?
    /// Deposit required before service, fraction 0...1; nil means the policy for tier and service.
    public var prepayRatio: String?

    public init(
        id: String, customerId: String, service: String, signedOn: Day, startOn: Day? = nil,
        endOn: Day? = nil, value: Money? = nil, paymentTermsDays: Int? = nil,
        lateFeeDailyRate: String? = nil, lateFeeGraceDays: Int? = nil, lateFeeCap: String? = nil,
        suspendAfterDays: Int? = nil, prepayRatio: String? = nil
    ) {
        self.id = id; self.customerId = customerId; self.service = service; self.signedOn = signedOn
        self.startOn = startOn; self.endOn = endOn; self.value = value; self.paymentTermsDays = paymentTermsDays
        self.lateFeeDailyRate = lateFeeDailyRate; self.lateFeeGraceDays = lateFeeGraceDays
        self.lateFeeCap = lateFeeCap; self.suspendAfterDays = suspendAfterDays; self.prepayRatio = prepayRatio
    }
}

/// An invoice: an amount the customer owes from its due date.
public struct Invoice: Sendable, Hashable {
    public var id: String
    public var customerId: String
    public var contractId: String?
    public var issuedOn: Day
    /// Not before `issuedOn`.
    public var dueOn: Day
    /// Positive.
    public var amount: Money
    /// Imported with `disputed=yes`: a dispute (`D-` + the id) is open on it from its issue date until
    /// resolved (`dispute resolve`), which clears the mark.
    public var disputed: Bool
    /// Paid in full on this day: counts as a payment of `amount` naming this invoice.
    public var settledOn: Day?

    public init(
        id: String, customerId: String, contractId: String? = nil, issuedOn: Day, dueOn: Day,
        amount: Money, disputed: Bool = false, settledOn: Day? = nil
    ) {
        self.id = id; self.customerId = customerId; self.contractId = contractId; self.issuedOn = issuedOn
        self.dueOn = dueOn; self.amount = amount; self.disputed = disputed; self.settledOn = settledOn
    }
}

extension Invoice {
    /// True for a plan's row standing as an obligation (id `PLAN#SEQ`, contract = the plan).
    public var isPlanObligation: Bool { contractId.map { id.hasPrefix($0 + "#") } ?? false }
}

/// A payment received from a customer.
public struct Payment: Sendable, Hashable, Codable {
    public var id: String
    public var customerId: String
    public var receivedOn: Day
    /// Positive.
    public var amount: Money
    /// Pay this invoice first; the rest is allocated oldest due first.
    public var invoiceId: String?
    public var method: String?
    public var reference: String?
    /// Made toward this installment plan: pays its rows oldest first.
    public var planId: String?
    /// Held as unapplied cash: matched to no invoice on import; only applied by hand.
    public var held: Bool = false

    public init(
        id: String, customerId: String, receivedOn: Day, amount: Money, invoiceId: String? = nil,
        method: String? = nil, reference: String? = nil, planId: String? = nil, held: Bool = false
    ) {
        self.id = id; self.customerId = customerId; self.receivedOn = receivedOn; self.amount = amount
        self.invoiceId = invoiceId; self.method = method; self.reference = reference; self.planId = planId;
        self.held = held
    }

    /// The payment that an invoice's `settledOn` stands for. Its id, `~settle~INVOICE`, sorts after
    /// ordinary ids of the same day, as the allocation rule's reference implementation orders it.
    public static func settlement(of invoice: Invoice) -> Payment? {
        guard let day = invoice.settledOn else { return nil }
        return Payment(
            id: settlementPrefix + invoice.id, customerId: invoice.customerId, receivedOn: day,
            amount: invoice.amount, invoiceId: invoice.id, method: "settled", reference: nil)
    }

    public static let settlementPrefix = "~settle~"

    /// Prefix of the payment that moves a restructured invoice's open amount into a plan: not cash,
    /// it closes the invoice on the plan's day (`~plan~PLAN~INVOICE`).
    public static let restructurePrefix = "~plan~"

    /// True for the entry that closes an invoice restructured into a plan.
    public var isRestructuring: Bool { id.hasPrefix(Payment.restructurePrefix) }

    /// True for an entry that is not cash: a restructuring, a write-off's entry, a dispute's credit
    /// note. It closes what it names; histories of paying leave it out.
    public var isNonCash: Bool {
        isRestructuring || id.hasPrefix(WriteOff.entryPrefix) || id.hasPrefix(Dispute.creditPrefix)
    }

    /// True for the payment standing for an invoice's `settled_on`.
    public var isSettlement: Bool { id.hasPrefix(Payment.settlementPrefix) }
}
