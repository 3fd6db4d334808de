/// A customer's case: what was said and done beside the money, as dated records every engine reads.
///
/// Contacts (calls, visits, letters; demands and acknowledgements among them), promises to pay
/// (`Promise`), disputes, complaints, legal cases with their steps, and write-offs. Each record is
/// entered by a collector and never rewritten: a promise is cancelled, a dispute resolved, a complaint
/// extended or resolved, a case moved on by a new step.

/// One contact with a customer: a call, a visit, a message or a letter.
public struct Contact: Sendable, Hashable, Codable {
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case phone, visit, sms, wechat, email, letter
        /// Channels that reach a person at once, subject to the policy's calling hours.
        public var isLive: Bool { self == .phone || self == .visit || self == .sms || self == .wechat }
    }
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable { case out, `in` }

    /// `K00000001`-style; empty until the change is applied.
    public var id: String
    public var customerId: String
    public var on: Day
    public var channel: Channel
    public var direction: Direction
    public var person: String?
    public var outcome: String?
    public var note: String?
    /// The invoices the contact concerns; empty: every open invoice of the customer on its day.
    public var invoiceIds: [String]
    /// A demand for payment (催告). It interrupts the limitation period only once delivered.
    public var demand: Bool
    /// The day the demand reached the customer (SPC limitation rules art. 8), with its proof.
    public var deliveredOn: Day?
    public var proof: String?
    /// The customer acknowledged the debt in a way that can be proved (CC 195(2), SPC 14).
    public var acknowledged: Bool
    /// Why the contact guard was overridden (`--force`), when it was.
    public var forcedReason: String?
    /// The operator who logged it.
    public var loggedBy: String

    public init(
        id: String = "", customerId: String, on: Day, channel: Channel, direction: Direction = .out,
        person: String? = nil, outcome: String? = nil, note: String? = nil, invoiceIds: [String] = [],
        demand: Bool = false, deliveredOn: Day? = nil, proof: String? = nil, acknowledged: Bool = false,
        forcedReason: String? = nil, loggedBy: String = ""
    ) {
        self.id = id; self.customerId = customerId; self.on = on; self.channel = channel
        self.direction = direction; self.person = person; self.outcome = outcome; self.note = note
        self.invoiceIds = invoiceIds; self.demand = demand; self.deliveredOn = deliveredOn; self.proof = proof
        self.acknowledged = acknowledged; self.forcedReason = forcedReason; self.loggedBy = loggedBy
    }
}

/// A dispute over an invoice (异议): dated, held out of dunning, late fees, the queue and the overdue
/// ladder from `openedOn` through the day before `resolvedOn`.
public struct Dispute: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case goods, quantity, price, invoice, delivery, duplicate, paid, service
    }
    public enum Outcome: String, Sendable, Hashable, Codable { case valid, invalid }

    /// `D00000001`-style, or `D-INVOICE` for the dispute an import's `disputed=yes` stands for.
    public var id: String
    public var invoiceId: String
    public var customerId: String
    /// The amount disputed; nil: the whole of what is open on the invoice.
    public var amount: Money?
    public var reason: Reason
    public var openedOn: Day
    public var note: String?
    public var resolvedOn: Day?
    public var outcome: Outcome?
    /// The credit note a valid dispute was resolved with: it reduces what the invoice owes.
    public var credit: Money?
    public var resolution: String?

    public init(
        id: String = "", invoiceId: String, customerId: String, amount: Money? = nil, reason: Reason,
        openedOn: Day, note: String? = nil, resolvedOn: Day? = nil, outcome: Outcome? = nil,
        credit: Money? = nil, resolution: String? = nil
    ) {
        self.id = id; self.invoiceId = invoiceId; self.customerId = customerId; self.amount = amount
        self.reason = reason; self.openedOn = openedOn; self.note = note; self.resolvedOn = resolvedOn
        self.outcome = outcome; self.credit = credit; self.resolution = resolution
    }

    /// Open on `day`: opened on or before it and not resolved by then.
    public func isOpen(on day: Day) -> Bool { openedOn <= day && resolvedOn.map { day < $0 } ?? true }

    /// The prefix of the id of an imported invoice's dispute (`D-` + the invoice's id).
    public static let importedPrefix = "D-"
    public var isImported: Bool { id == Dispute.importedPrefix + invoiceId }

    /// The hold this dispute puts on its invoice.
    public var hold: Ledger.Hold {
        Ledger.Hold(
            from: openedOn.ordinal, until: resolvedOn?.ordinal ?? Int32.max, amount: amount?.minorUnits ?? 0)
    }
}

/// A complaint about the service or the collection (投诉), answered by a due date from its tier.
public struct Complaint: Sendable, Hashable, Codable {
    public var id: String
    public var customerId: String
    public var tier: ComplaintTier
    public var receivedOn: Day
    public var note: String
    /// The operator the complaint is about: they may not resolve it (回避).
    public var about: String?
    public var extendedDays: Int
    public var extensionReason: String?
    public var resolvedOn: Day?
    public var resolution: String?
    public var resolvedBy: String?

    public init(
        id: String = "", customerId: String, tier: ComplaintTier, receivedOn: Day, note: String,
        about: String? = nil, extendedDays: Int = 0, extensionReason: String? = nil, resolvedOn: Day? = nil,
        resolution: String? = nil, resolvedBy: String? = nil
    ) {
        self.id = id; self.customerId = customerId; self.tier = tier; self.receivedOn = receivedOn
        self.note = note; self.about = about; self.extendedDays = extendedDays
        self.extensionReason = extensionReason; self.resolvedOn = resolvedOn; self.resolution = resolution
        self.resolvedBy = resolvedBy
    }

    public func due(simpleDays: Int, complexDays: Int) -> Day {
        ComplaintDeadline.due(
            receivedOn: receivedOn, tier: tier, simpleDays: simpleDays, complexDays: complexDays,
            extendedDays: extendedDays)
    }
}

/// A legal case (法律程序) against a customer, moved on by dated steps.
public struct LegalCase: Sendable, Hashable, Codable {
    public enum Step: String, Sendable, Hashable, Codable, CaseIterable {
        case demandLetter = "demand-letter", lawyerLetter = "lawyer-letter", mediation
        case paymentOrder = "payment-order", preservation, suit, judgment, enforcement, closed

        /// The statutory clock the step starts, in words and as a day (Civil Procedure Law 2023).
        public func clock(from day: Day) -> (text: String, due: Day)? {
            switch self {
            case .paymentOrder: return ("debtor pays or objects within 15 days of receipt (CPL 227)", day + 15)
            case .preservation: return ("sue within 30 days of the measures or they are released (CPL 104)", day + 30)
            case .judgment: return ("appeal within 15 days of service (CPL 171)", day + 15)
            case .enforcement:
                return ("apply for enforcement within 2 years of the performance date (CPL 250)", day.addingYears(2))
            case .demandLetter, .lawyerLetter, .mediation, .suit, .closed: return nil
            }
        }

        /// The kind of limitation interruption the step is, or nil (a judgment, the case closed).
        /// A letter interrupts only once delivered (the step's `deliveredOn`).
        public var interruption: LimitationEvent.Kind? {
            switch self {
            case .demandLetter, .lawyerLetter: return .demand
            case .mediation: return .mediation
            case .paymentOrder: return .paymentOrder
            case .preservation: return .preservation
            case .suit: return .suit
            case .enforcement: return .enforcement
            case .judgment, .closed: return nil
            }
        }
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var step: Step
        public var on: Day
        public var note: String?
        public var court: String?
        /// For a letter: the day it reached the customer.
        public var deliveredOn: Day?
        public init(step: Step, on: Day, note: String? = nil, court: String? = nil, deliveredOn: Day? = nil) {
            self.step = step; self.on = on; self.note = note; self.court = court; self.deliveredOn = deliveredOn
        }

        /// The day the step interrupts the limitation period, or nil when it does not.
        public var interruptsOn: Day? {
            guard step.interruption != nil else { return nil }
            if step == .demandLetter || step == .lawyerLetter { return deliveredOn }
            return on
        }
    }

    /// `L00000001`-style.
    public var id: String
    public var customerId: String
    public var contractId: String?
    /// The invoices claimed; empty: every open invoice of the customer on the day of each step.
    public var invoiceIds: [String]
    public var openedOn: Day
    public var steps: [Entry]

    public init(
        id: String = "", customerId: String, contractId: String? = nil, invoiceIds: [String] = [], openedOn: Day,
        steps: [Entry] = []
    ) {
        self.id = id; self.customerId = customerId; self.contractId = contractId; self.invoiceIds = invoiceIds
        self.openedOn = openedOn; self.steps = steps
    }

    public var isClosed: Bool { steps.last?.step == .closed }
    public var current: Entry? { steps.last }
}

/// Part or all of a receivable written off (核销): it leaves the open balance, aging and the queue but
/// stays on the record; money received afterwards is a recovery.
public struct WriteOff: Sendable, Hashable, Codable {
    /// `W00000001`-style; one write-off may cover several invoices (of one customer).
    public var id: String
    public var customerId: String
    public var parts: [InvoicePart]
    public var on: Day
    public var reason: String
    public var evidence: String?
    /// The year's revenue given for the tax basis (art. 24: at most 1/10,000 of it), if given.
    public var revenue: Money?

    public struct InvoicePart: Sendable, Hashable, Codable {
        public var invoiceId: String
        public var amount: Money
        /// The invoice's due date (for the tax basis: how long it has been overdue).
        public var dueOn: Day
        public init(invoiceId: String, amount: Money, dueOn: Day) {
            self.invoiceId = invoiceId; self.amount = amount; self.dueOn = dueOn
        }
    }

    public init(
        id: String = "", customerId: String, parts: [InvoicePart], on: Day, reason: String, evidence: String? = nil,
        revenue: Money? = nil
    ) {
        self.id = id; self.customerId = customerId; self.parts = parts; self.on = on; self.reason = reason
        self.evidence = evidence; self.revenue = revenue
    }

    public var amount: Money { parts.reduce(.zero) { $0 + $1.amount } }

    /// The tax basis of the deduction (国家税务总局公告2011年第25号): art. 23 for a receivable overdue at
    /// least 3 years; art. 24 for one overdue at least 1 year and at most max(50,000, revenue / 10,000);
    /// else none (the evidence of art. 22 is for finance to judge). Judged per invoice, on its overdue
    /// days at the write-off's day; the write-off's basis is the weakest of its parts'.
    public func taxBasis() -> TaxBasis {
        let limit = max(Money(minorUnits: 5_000_000), Money(minorUnits: (revenue?.minorUnits ?? 0) / 10_000))
        var weakest = TaxBasis.art23
        for p in parts {
            let basis: TaxBasis
            if p.dueOn.addingYears(3) <= on {
                basis = .art23
            } else if p.dueOn.addingYears(1) <= on && p.amount <= limit {
                basis = .art24
            } else {
                basis = .none
            }
            if basis.rank < weakest.rank { weakest = basis }
        }
        return weakest
    }

    public enum TaxBasis: String, Sendable, Hashable {
        case art23 = "art23", art24 = "art24", none
        var rank: Int { self == .art23 ? 2 : self == .art24 ? 1 : 0 }
        public var text: String {
            switch self {
            case .art23: return "overdue 3 years or more (art. 23)"
            case .art24: return "overdue 1 year or more, within the small-amount limit (art. 24)"
            case .none: return "needs the evidence of art. 22"
            }
        }
    }

    /// The prefix of the entries that close what was written off (not cash): `~wo~W...~INVOICE`.
    public static let entryPrefix = "~wo~"
}

extension Dispute {
    /// The prefix of the entry that carries a dispute's credit note (not cash): `~credit~D...`.
    public static let creditPrefix = "~credit~"
}

/// Every case record of one customer or of the whole portfolio.
public struct CaseRecords: Sendable, Hashable {
    public var contacts: [Contact] = []
    public var promises: [Promise] = []
    public var disputes: [Dispute] = []
    public var complaints: [Complaint] = []
    public var legalCases: [LegalCase] = []
    public var writeOffs: [WriteOff] = []
    /// What `promise check` recorded, by promise id: the status (kept or broken) and its day.
    public var recordedDecisions: [String: (status: String, on: Day)] = [:]
    public init() {}
    public static func == (a: CaseRecords, b: CaseRecords) -> Bool {
        a.contacts == b.contacts && a.promises == b.promises && a.disputes == b.disputes && a.complaints == b.complaints
            && a.legalCases == b.legalCases && a.writeOffs == b.writeOffs
            && a.recordedDecisions.mapValues { "\($0.status) \($0.on.iso)" }
                == b.recordedDecisions.mapValues { "\($0.status) \($0.on.iso)" }
    }
    public func hash(into h: inout Hasher) { h.combine(contacts); h.combine(promises); h.combine(disputes) }
}

extension Ledger {
    /// The cash customer `c` paid (not restructurings, write-offs or credit notes), in application
    /// order: what promises are kept with.
    public func cashPayments(customer c: Int) -> [(day: Day, amount: Money)] {
        var out: [(day: Day, amount: Money)] = []
        for p in 0..<paymentDay.count where Int(paymentCustomer[p]) == c && !paymentIsRestructuring[p] {
            out.append((Day(ordinal: paymentDay[p]), Money(minorUnits: paymentAmount[p])))
        }
        return out
    }

    /// Every customer's cash payments at once (for the whole portfolio), by customer position.
    public func cashPaymentsByCustomer() -> [Int: [(day: Day, amount: Money)]] {
        var out: [Int: [(day: Day, amount: Money)]] = [:]
        for p in 0..<paymentDay.count where !paymentIsRestructuring[p] {
            out[Int(paymentCustomer[p]), default: []].append(
                (Day(ordinal: paymentDay[p]), Money(minorUnits: paymentAmount[p])))
        }
        return out
    }
}

extension PromiseRule {
    /// The rule of the policy's `promise.grace_days` and `promise.threshold`.
    public init(policy: Policy) {
        self.init(
            graceDays: policy.count("promise.grace_days"),
            threshold: Policy.ratio(policy["promise.threshold"]) ?? Rate(units: 1, scale: 0))
    }
}
