/// Late fees (滞纳金 / 违约金) under a contract's breach clause, computed as of a day.
///
/// The rule, for one invoice (see docs/LATEFEES.md):
/// - Fees accrue for the days after `dueOn + graceDays`, up to and including the day asked for:
///   30 days overdue with no grace accrue 30 days (10,000.00 × 0.05 %/day × 30 = 150.00).
/// - Simple interest on the open principal, segment by segment: a payment received on day P still
///   leaves day P at the amount open before it, and the smaller amount accrues from P + 1. So
///   fee = Σ open_k × rate × days_k, on exact fractions, rounded once per invoice by the policy's
///   rounding.
/// - The cap is the clause's cap × the invoice's principal at its due date (its open amount after
///   payments received on or before the due date), rounded the same way; the fee is at most the cap.
/// - The actual loss is the same segments at the policy's annual `latefee.loss_rate` / 365 a day; a
///   fee more than 30 % above it is flagged `excessive` (PRC Civil Code art. 585 lets a court reduce
///   it). The flag is a warning: the fee is never reduced by it.
/// - A dispute holds its amount out for the days it is open (from its opening day through the day
///   before it is resolved): on those days only the undisputed part of the open principal accrues,
///   so an invoice disputed for part of its life accrues for the other days only.
///
/// ```swift
/// let rule = LateFee(policy: policy)
/// let clause = LateFee.Clause(contract: contract, policy: policy)
/// let a = rule.accrue(amount: Money(minorUnits: 1_000_000), dueOn: Day("2024-03-01")!, payments: [],
///                     asOf: Day("2024-03-31")!, clause: clause)
/// // a.fee == 150.00 with the default 0.0005 a day and no grace
/// ```
public struct LateFee: Sendable, Hashable {
    /// Annual rate of the actual loss (the policy's `latefee.loss_rate`), counted actual/365.
    public var lossRate: Rate
    public var rounding: RoundingMode

    /// A fee is flagged when it exceeds the actual loss by more than this fraction (30 %).
    public static let excessiveAbove = Rate(units: 3, scale: 1)

    public init(lossRate: Rate, rounding: RoundingMode = .halfUp) {
        self.lossRate = lossRate
        self.rounding = rounding
    }

    /// The rule with the policy's `latefee.loss_rate` and `rounding`.
    public init(policy: Policy) {
        self.init(lossRate: policy.fraction("latefee.loss_rate"), rounding: policy.rounding)
    }

    /// What a breach clause says about late fees.
    public struct Clause: Sendable, Hashable {
        /// Fee per `basisDays` days as a fraction of the open principal.
        public var rate: Rate
        /// 1 when `rate` is a daily rate (contracts state one); 365 for an annual rate counted
        /// actual/365 (the actual loss, or ERPNext's 10 %/yr dunning interest).
        public var basisDays: Int
        /// Days after the due date that bear no fee.
        public var graceDays: Int
        /// Fees are at most this fraction of the principal at the due date; nil: no cap.
        public var cap: Rate?

        public init(rate: Rate, basisDays: Int = 1, graceDays: Int = 0, cap: Rate? = nil) {
            self.rate = rate; self.basisDays = max(1, basisDays); self.graceDays = max(0, graceDays); self.cap = cap
        }

        /// The clause of an invoice of `contract`: each of the contract's `late_fee_daily_rate`,
        /// `late_fee_grace_days` and `late_fee_cap` that it states, else the policy's `clause.*`
        /// default for that one (an invoice without a contract takes the defaults).
        public init(contract: Contract?, policy: Policy) {
            self.init(
                rate: contract?.lateFeeDailyRate.flatMap(Rate.fraction)
                    ?? policy.fraction("clause.late_fee_daily_rate"),
                graceDays: contract?.lateFeeGraceDays ?? policy.count("clause.late_fee_grace_days"),
                cap: contract?.lateFeeCap.flatMap(Rate.fraction) ?? policy.fraction("clause.late_fee_cap"))
        }
    }

    /// A stretch of days over which the open principal did not change.
    public struct Segment: Sendable, Hashable {
        /// First and last day accrued, inclusive.
        public var from: Day, through: Day
        /// The open principal over these days (minor units in `Money`).
        public var open: Money
        public var days: Int { through - from + 1 }
    }

    /// One invoice's late fee as of a day.
    public struct Accrual: Sendable, Hashable {
        public var dueOn: Day
        public var clause: Clause
        /// Days that bear a fee: after `dueOn + graceDays`, through the day asked for or the day the
        /// invoice was paid in full if sooner; 0 when none. Counted for disputed invoices too (they
        /// accrue nothing over them).
        public var daysLate: Int
        /// Open amount at the due date: what the cap is a fraction of.
        public var principal: Money
        /// Open amount as of the day.
        public var open: Money
        /// The days accrued, oldest first, each with its open principal; empty when disputed.
        public var segments: [Segment]
        /// Σ open × days over the segments, in minor units × days.
        public var principalDays: Int128
        /// The fee before the cap, rounded.
        public var uncapped: Money
        /// The cap in money, nil when the clause has none.
        public var cap: Money?
        /// The fee: `min(uncapped, cap)`; zero when disputed.
        public var fee: Money
        /// The actual loss over the same segments at the loss rate, rounded.
        public var loss: Money
        /// The fee exceeds the actual loss by more than 30 % (Civil Code art. 585): a warning only.
        public var excessive: Bool
        /// A dispute is open on the day asked for (or the whole period was held).
        public var disputed: Bool

        /// True when the cap cut the fee.
        public var capped: Bool { cap.map { uncapped > $0 } ?? false }
    }

    /// One invoice's fee as of `asOf`.
    ///
    /// `payments` are the amounts applied to this invoice with their days, in any order; those
    /// after `asOf` are ignored. `amount` is the invoice's amount before any payment.
    public func accrue(
        amount: Money, dueOn: Day, payments: [(day: Day, amount: Money)], asOf: Day,
        clause: Clause, disputed: Bool = false, holds: [Ledger.Hold] = []
    ) -> Accrual {
        let paid = payments.filter { $0.day <= asOf }.sorted { $0.day < $1.day }
        let principal = amount - paid.filter { $0.day <= dueOn }.reduce(.zero) { $0 + $1.amount }
        let open = amount - paid.reduce(.zero) { $0 + $1.amount }
        let start = dueOn + clause.graceDays  // the last day that bears no fee
        // The day the invoice was paid in full, if it was by `asOf`: the last day that bears a fee.
        var closedOn: Day?
        var left = amount
        for p in paid where closedOn == nil {
            left -= p.amount
            if !left.isPositive { closedOn = p.day }
        }
        let daysLate = max(0, min(asOf, closedOn ?? asOf) - start)
        var segments: [Segment] = []
        if !disputed && asOf > start {
            var current = amount - paid.filter { $0.day <= start }.reduce(.zero) { $0 + $1.amount }
            var from = start + 1
            for p in paid where p.day > start {
                if p.day >= from && current.isPositive {
                    segments.append(Segment(from: from, through: p.day, open: current))
                }
                from = max(from, p.day + 1)
                current -= p.amount
            }
            if asOf >= from && current.isPositive { segments.append(Segment(from: from, through: asOf, open: current)) }
        }
        if !holds.isEmpty { segments = Self.holdingOut(holds, from: segments) }
        let principalDays = segments.reduce(Int128(0)) { $0 + Int128($1.open.minorUnits) * Int128($1.days) }
        let uncapped =
            disputed
            ? .zero
            : Money(
                minorUnits: Int64(
                    rounding.divide128(
                        principalDays * Int128(clause.rate.units),
                        by: Int128(clause.rate.denominator) * Int128(clause.basisDays))))
        let cap = clause.cap.map { c in
            Money(
                minorUnits: Int64(
                    rounding.divide128(
                        Int128(max(0, principal.minorUnits)) * Int128(c.units), by: Int128(c.denominator))))
        }
        let fee = cap.map { min(uncapped, $0) } ?? uncapped
        let lossNumerator = principalDays * Int128(lossRate.units)
        let lossDenominator = Int128(lossRate.denominator) * 365
        let loss = Money(minorUnits: Int64(rounding.divide128(lossNumerator, by: lossDenominator)))
        // fee > (1 + 30 %) × exact loss, compared on integers: fee × 10 × den > 13 × num.
        let above = LateFee.excessiveAbove
        let excessive =
            fee.isPositive
            && Int128(fee.minorUnits) * lossDenominator * Int128(above.denominator)
                > lossNumerator * Int128(above.denominator + above.units)
        return Accrual(
            dueOn: dueOn, clause: clause, daysLate: daysLate, principal: principal, open: open,
            segments: segments, principalDays: principalDays, uncapped: uncapped, cap: cap, fee: fee,
            loss: loss, excessive: excessive, disputed: disputed || holds.contains { $0.covers(asOf.ordinal) })
    }

    /// The fee of every invoice of `ledger` that is issued on or before the allocation's day and
    /// due before it, keyed by invoice position.
    ///
    /// `allocation` must come from `ledger.allocate(asOf:record: true)`: its applications give
    /// the days the principal changed. `clause(i)` gives invoice `i`'s clause, or nil to leave it
    /// out (an installment plan's rows, which follow the plan's terms).
    public func accrue(_ ledger: Ledger, _ allocation: Allocation, clause: (Int) -> Clause?) -> [Int: Accrual] {
        let asOf = allocation.asOf
        var applied: [Int: [(day: Day, amount: Money)]] = [:]
        for a in allocation.applications {
            applied[Int(a.invoice), default: []].append(
                (Day(ordinal: ledger.paymentDay[Int(a.payment)]), Money(minorUnits: a.amount)))
        }
        var out: [Int: Accrual] = [:]
        for i in 0..<ledger.invoiceCount {
            let due = Day(ordinal: ledger.invoiceDue[i])
            guard ledger.invoiceIssued[i] <= asOf.ordinal, due < asOf, let c = clause(i) else { continue }
            out[i] = accrue(
                amount: Money(minorUnits: ledger.invoiceAmount[i]), dueOn: due, payments: applied[i] ?? [],
                asOf: asOf, clause: c, holds: ledger.holds(i))
        }
        return out
    }

    /// What posting fees accrued to a day adds for one invoice: the accrued fee less the late fees
    /// already posted for it (waivers do not count: a waived fee is not charged again), never
    /// negative. Posting twice for the same day therefore adds nothing the second time.
    public static func increment(accrued: Money, posted: Money) -> Money {
        accrued > posted ? accrued - posted : .zero
    }
}

extension Rate {
    /// The rate as the decimal fraction it was written in: `0.0005`, `0.3`, `0`.
    public var fractionText: String {
        guard scale > 0 else { return String(units) }
        let digits = String(units)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        return String(padded.dropLast(scale)) + "." + String(padded.suffix(scale))
    }
}

extension LateFee {
    /// What is charged on one invoice in late fees: posted (positive charges), waived (the waivers'
    /// amounts, as a positive figure) and whether a fee is posted for the day asked about. The one
    /// rule for what is owed and what is still to post: `latefee show`, `latefee post` and the
    /// customer's file all use it.
    public struct Standing: Sendable, Hashable {
        public var posted: Money = .zero
        public var waived: Money = .zero
        public var postedOnDay = false

        /// Fees owed on the invoice: posted less waived, never below zero.
        public var owed: Money { posted > waived ? posted - waived : .zero }
        /// What posting `accrued` adds on the day: nothing when a fee is posted for that day already,
        /// else the increment over what is posted (`increment`).
        public func toPost(accrued: Money) -> Money {
            postedOnDay ? .zero : LateFee.increment(accrued: accrued, posted: posted)
        }

        public init() {}

        /// From one invoice's charges: (is a waiver, day, amount with its sign as stored).
        public init(_ charges: [(waiver: Bool, day: Day, amount: Money)], on day: Day) {
            for c in charges {
                if c.waiver { waived -= c.amount } else { posted += c.amount; if c.day == day { postedOnDay = true } }
            }
        }
    }
}

extension LateFee {
    /// The segments with the days and amounts disputes held out removed: each segment is cut where a
    /// hold starts or ends, and on held days its open principal is reduced by what is held (all of
    /// it for a hold of the whole invoice).
    static func holdingOut(_ holds: [Ledger.Hold], from segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        for s in segments {
            var cuts = Set<Int32>()
            for h in holds {
                if h.from > s.from.ordinal && h.from <= s.through.ordinal { cuts.insert(h.from) }
                if h.until > s.from.ordinal && h.until <= s.through.ordinal { cuts.insert(h.until) }
            }
            var starts = [s.from.ordinal] + cuts.sorted()
            starts.append(s.through.ordinal + 1)
            for k in 0..<(starts.count - 1) {
                let from = starts[k], through = starts[k + 1] - 1
                var held: Int64 = 0
                for h in holds where h.covers(from) { held = h.amount == 0 ? s.open.minorUnits : held + h.amount }
                let open = s.open.minorUnits - min(s.open.minorUnits, held)
                if open > 0 {
                    out.append(
                        Segment(from: Day(ordinal: from), through: Day(ordinal: through), open: Money(minorUnits: open))
                    )
                }
            }
        }
        return out
    }
}
