/// A promise to pay (承诺还款) as the books hold it.
///
/// Kept once `threshold` x `amount` has been appropriated to it by `promisedOn` plus the grace days, broken the
/// day after (Oracle Banking Collections: promise type Grace Days and Threshold %). Each promise is also an
/// acknowledgement of the debt that interrupts the limitation period (CC 195(2), SPC 14).
public struct Promise: Sendable, Hashable, Codable {
    /// `R00000001`-style; empty until the change is applied.
    public var id: String
    public var customerId: String
    /// The amount promised.
    public var amount: Money
    /// The day the promise was made: payments before it do not count towards it.
    public var madeOn: Day
    /// The day the money is promised by.
    public var promisedOn: Day
    /// The invoices the promise concerns; empty: the customer's open invoices.
    public var invoiceIds: [String]
    /// Days after `promisedOn` it may still be kept; nil: the policy's (`promise.grace_days`).
    public var graceDays: Int?
    /// Share of `amount` that keeps it; nil: the policy's (`promise.threshold`).
    public var threshold: Rate?
    /// The day it was cancelled (a pending promise only); payments from that day on do not count towards it.
    public var cancelledOn: Day?
    public var cancelReason: String?

    /// A promise of `amount` by `promisedOn`, made on `madeOn`.
    public init(
        id: String = "", customerId: String, amount: Money, madeOn: Day, promisedOn: Day, invoiceIds: [String] = [],
        graceDays: Int? = nil, threshold: Rate? = nil, cancelledOn: Day? = nil, cancelReason: String? = nil
    ) {
        self.id = id; self.customerId = customerId; self.amount = amount; self.madeOn = madeOn
        self.promisedOn = promisedOn; self.invoiceIds = invoiceIds; self.graceDays = graceDays
        self.threshold = threshold; self.cancelledOn = cancelledOn; self.cancelReason = cancelReason
    }
}

/// Where a promise stands on a day, and what was appropriated to it (Oracle Banking Collections, Promise
/// Tracking: FIFO appropriation, then kept or broken).
public struct PromiseStanding: Sendable, Hashable {
    /// Pending until decided: kept, broken, or cancelled while pending.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case pending, kept, broken, cancelled
    }

    public var promise: Promise
    public var status: Status
    /// What was appropriated to it as of the day.
    public var paid: Money
    /// Kept: the day it reached `needed`; broken: `lastDay + 1`; cancelled: `cancelledOn`; pending: nil.
    public var decidedOn: Day?
    /// The last day it may be kept: `promisedOn` plus its grace days.
    public var lastDay: Day
    /// What keeps it: threshold x amount, rounded up to the fen.
    public var needed: Money
}

/// How promises are kept: grace days after the promised day, and the share of the amount that keeps one (Oracle
/// Banking Collections promise types; the policy's `promise.grace_days` and `promise.threshold`).
public struct PromiseRule: Sendable, Hashable {
    /// Days after the promised day a promise may still be kept, for promises that state none.
    public var graceDays: Int
    /// Share of the amount that keeps a promise, for promises that state none.
    public var threshold: Rate

    /// A rule of `graceDays` and `threshold` (default: no grace, the whole amount).
    public init(graceDays: Int = 0, threshold: Rate = Rate(units: 1, scale: 0)) {
        self.graceDays = graceDays
        self.threshold = threshold
    }

    /// Standings of one customer's promises as of `asOf`, in the order given; promises made after `asOf` do not
    /// exist yet and are left out.
    ///
    /// Payments received on or before `asOf` (amounts above zero) are taken in day order, same-day payments in
    /// the order given. A payment on day d goes to the promises pending at d: made on or before d, not cancelled
    /// on or before d, not kept yet, and d on or before their last day (promisedOn + grace). It is appropriated
    /// oldest promised day first (ties: made first, then id), each taking at most its amount less what it has;
    /// what is left over is not appropriated (FIFO, Oracle Banking Collections). A promise is kept on the first
    /// day what it has reaches `needed` (threshold x amount rounded up to the fen, exactly) and takes no more
    /// money after the payment that kept it; a promise whose `needed` is zero is kept on the day it was made.
    /// As of `asOf`: kept if kept by then; else cancelled if cancelled on or before `asOf` while still pending
    /// (on or before its last day); else broken once `asOf` is past its last day (decided `lastDay + 1`); else
    /// pending.
    public func standings(_ promises: [Promise], payments: [(day: Day, amount: Money)], asOf: Day)
        -> [PromiseStanding]
    {
        let live = promises.filter { $0.madeOn <= asOf }
        let lastDay = live.map { $0.promisedOn + ($0.graceDays ?? graceDays) }
        let needed = live.map { PromiseRule.needed($0.amount, threshold: $0.threshold ?? threshold) }
        var paid = [Int64](repeating: 0, count: live.count)
        var keptOn = [Day?](repeating: nil, count: live.count)
        for k in live.indices where needed[k].minorUnits <= 0 { keptOn[k] = live[k].madeOn }
        let order = live.indices.sorted {
            (live[$0].promisedOn, live[$0].madeOn, live[$0].id) < (live[$1].promisedOn, live[$1].madeOn, live[$1].id)
        }
        let received = payments.enumerated()
            .filter { $0.element.day <= asOf && $0.element.amount.isPositive }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
        for r in received {
            let day = r.element.day
            var left = r.element.amount.minorUnits
            for k in order where left > 0 {
                let p = live[k]
                guard keptOn[k] == nil, p.madeOn <= day, day <= lastDay[k], p.cancelledOn.map({ $0 > day }) ?? true
                else { continue }
                let take = min(left, p.amount.minorUnits - paid[k])
                guard take > 0 else { continue }
                paid[k] += take
                left -= take
                if paid[k] >= needed[k].minorUnits { keptOn[k] = day }
            }
        }
        return live.indices.map { (k: Int) -> PromiseStanding in
            let p = live[k]
            var status = PromiseStanding.Status.pending
            var decided: Day? = nil
            if let kept = keptOn[k] {
                status = .kept
                decided = kept
            } else if let c = p.cancelledOn, c <= asOf, c <= lastDay[k] {
                status = .cancelled
                decided = c
            } else if asOf > lastDay[k] {
                status = .broken
                decided = lastDay[k] + 1
            }
            return PromiseStanding(
                promise: p, status: status, paid: Money(minorUnits: paid[k]), decidedOn: decided,
                lastDay: lastDay[k], needed: needed[k])
        }
    }

    /// What keeps a promise of `amount`: `threshold` x `amount`, exact in 128 bits, rounded up to the fen (a
    /// threshold is a floor: 90 % of 100.06 is 90.054, so 90.06 is needed).
    static func needed(_ amount: Money, threshold: Rate) -> Money {
        let product = Int128(amount.minorUnits) * Int128(threshold.units)
        return Money(minorUnits: Int64(RoundingMode.up.divide128(product, by: Int128(threshold.denominator))))
    }

    /// Promises decided in `from...through` (by `decidedOn`): how many were kept and how many broken; pending and
    /// cancelled promises are left out. The kept rate is kept / (kept + broken) (P4: 7 kept, 3 broken -> 70 %).
    public static func keptRate(_ s: [PromiseStanding], from: Day, through: Day) -> (kept: Int, broken: Int) {
        var kept = 0, broken = 0
        for x in s {
            guard let d = x.decidedOn, from <= d, d <= through else { continue }
            if x.status == .kept { kept += 1 } else if x.status == .broken { broken += 1 }
        }
        return (kept, broken)
    }
}
