/// Today's calls: customers with an overdue amount, in priority order, each with the reasons a
/// collector reads.
///
/// The priority of a customer as of D (integer arithmetic, minor units; docs/OVERDUE.md):
///
/// ```
/// at risk  = overdue × band × (2 − rate)
/// trend    = max(0, overdue − overdue 30 days before)
/// priority = (at risk + trend) × up ÷ down, rounded half-up to the minor unit
/// ```
///
/// - `overdue`: the customer's overdue, undisputed open amount (`Overdue.evaluate`), `days` its
///   days overdue; `band` the aging bucket of `days` (with buckets 30,60,90: 1 for 1-30, 2 for
///   31-60, 3 for 61-90, 4 for 91+).
/// - `rate`: the collection rate of `Forecast.profiles` (collected ÷ matured; the portfolio's for
///   a customer with fewer than 3 matured invoices), so a customer who paid nothing that matured
///   counts double.
/// - `up` = 2 when one of the customer's plans is broken (a row open more than `plan.grace_days`
///   past due, as `plan show` says) or a promise was broken in the last `queue.promise_days` days
///   (`PromiseRule`), else 1.
/// - `down` = 2 when a dispute open on the day holds part of the customer's open amount, × 4 while
///   a promise is pending (to its promised date plus grace), else 1.
///
/// Customers whose overdue amount is below `queue.min_amount` are left out. Ties: larger overdue,
/// more days, then customer id bytes.
public struct Queue: Sendable {
    /// The policy figures the queue uses.
    public struct Settings: Sendable, Hashable {
        public var minAmount: Money
        public var promiseDays: Int
        public var planGraceDays: Int
        public var agingBounds: [Int]
        public var ladder: OverdueLadder
        public var defaultSuspendAfterDays: Int

        public init(
            minAmount: Money, promiseDays: Int, planGraceDays: Int, agingBounds: [Int], ladder: OverdueLadder,
            defaultSuspendAfterDays: Int
        ) {
            self.minAmount = minAmount; self.promiseDays = promiseDays; self.planGraceDays = planGraceDays
            self.agingBounds = agingBounds; self.ladder = ladder; self.defaultSuspendAfterDays = defaultSuspendAfterDays
        }

        public init(_ policy: Policy) {
            self.init(
                minAmount: policy.amount("queue.min_amount"), promiseDays: policy.count("queue.promise_days"),
                planGraceDays: policy.planGraceDays, agingBounds: policy.agingBounds,
                ladder: OverdueLadder(policy["overdue.ladder"]) ?? OverdueLadder(
                    "reminder:1,warning:15,suspend:contract,legal_review:90")!,
                defaultSuspendAfterDays: policy.count("clause.suspend_after_days"))
        }
    }

    /// One call to make.
    public struct Entry: Sendable, Hashable {
        public var customerId: String
        public var customer: Int
        public var overdue: Money
        public var days: Int
        /// The customer's overdue state (its most severe contract's).
        public var state: String
        public var priority: Money
        /// Short texts, most important first: "¥26,524.46 overdue 596 days", "up ¥1,000.00 in 30 days",
        /// "plan PL000003 broken", ...
        public var reasons: [String]

        public var reason: String { reasons.joined(separator: "; ") }
    }

    public var asOf: Day
    /// The first `limit` calls, in priority order, with their reasons.
    public var entries: [Entry]
    /// How many customers qualify in all (the overdue amount at least `queue.min_amount`).
    public var total: Int

    /// Days over which the trend (and broken promises) are looked back at.
    public static let trendDays = 30

    /// The customers to call (among `customers`, positions in the ledger; nil: everyone), the
    /// first `limit` of them in priority order with their reasons. Linear in the ledger: two
    /// allocations, passes over invoices and payments, then a sort of the customers who qualify.
    public static func build(
        _ ledger: Ledger, asOf: Day, settings: Settings, suspendAfterDays: [String: Int],
        plans: Set<String> = [], promises: [PromiseStanding] = [], customers: Set<Int>? = nil, limit: Int = .max
    ) -> Queue {
        let D = asOf.ordinal
        let allocation = ledger.allocate(asOf: asOf, record: true)
        let now = Overdue.evaluate(
            ledger, allocation: allocation, ladder: settings.ladder, suspendAfterDays: suspendAfterDays,
            defaultSuspendAfterDays: settings.defaultSuspendAfterDays)
        let before = Overdue.amounts(ledger, allocation: ledger.allocate(asOf: asOf - trendDays))
        let profiles = Forecast.profiles(ledger, allocation: allocation).customers

        // Disputed open amounts and broken plans, per customer.
        let planIndexes =
            plans.isEmpty
            ? [] : Set(ledger.contractIds.indices.filter { plans.contains(ledger.contractIds[$0]) }.map { Int32($0) })
        var disputed = [Int64](repeating: 0, count: ledger.customerCount)
        var broken: [Int: [String]] = [:]
        for c in 0..<ledger.customerCount {
            var lastPlan: Int32 = -1
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1])
            where allocation.open[i] > 0 && ledger.invoiceIssued[i] <= D {
                disputed[c] += ledger.heldAmount(i, on: D, open: allocation.open[i])
                let k = ledger.invoiceContract[i]
                if k >= 0, k != lastPlan, !planIndexes.isEmpty, planIndexes.contains(k),
                    PlanState.breaks(daysPastDue: Int(D - ledger.invoiceDue[i]), graceDays: settings.planGraceDays)
                {
                    let id = ledger.contractIds[Int(k)]
                    if !(broken[c]?.contains(id) ?? false) { broken[c, default: []].append(id) }
                    lastPlan = k
                }
            }
        }

        // Promises, by customer: a pending one lowers the rank; one broken lately raises it.
        var byCustomer: [Int: [Int]] = [:]
        if !promises.isEmpty {
            let position = Dictionary(ledger.customerIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for (k, p) in promises.enumerated() {
                if let c = position[p.promise.customerId] { byCustomer[c, default: []].append(k) }
            }
        }

        let aging = Aging(bounds: settings.agingBounds)
        /// The priority of one customer and, when asked, the reasons for it.
        func score(_ o: OverdueCustomer, reasons wanted: Bool) -> (Money, [String]) {
            let c = o.customer
            let (num, den) = profiles[c].rate
            let band = Int128(aging.bucket(daysLate: o.days))
            let atRisk = Int128(o.amount.minorUnits) * band * Int128(max(den, 2 * den - num))
            let change = o.amount.minorUnits - before[c]
            var up: Int128 = 1, down: Int128 = 1
            var reasons: [String] = []
            func say(_ text: @autoclosure () -> String) { if wanted { reasons.append(text()) } }
            say("¥\(o.amount.grouped) overdue \(o.days) day\(o.days == 1 ? "" : "s")")
            if change > 0 { say("up ¥\(Money(minorUnits: change).grouped) in \(trendDays) days") }
            if change < 0 { say("down ¥\(Money(minorUnits: -change).grouped) in \(trendDays) days") }
            if profiles[c].ownRate && num < den { say("paid \(num * 100 / den) % of what fell due 90+ days ago") }
            for plan in broken[c] ?? [] { up = 2; say("plan \(plan) broken") }
            var promisedLower = false
            for k in byCustomer[c] ?? [] {
                let s = promises[k], p = s.promise
                if s.status == .broken, let d = s.decidedOn, d <= asOf, asOf - d < max(1, settings.promiseDays) {
                    up = 2; say("broke a promise of ¥\(p.amount.grouped) due \(p.promisedOn.iso)")
                } else if s.status == .pending && !promisedLower {
                    promisedLower = true; down *= 4
                    if s.paid.isPositive {
                        say(
                            "promised ¥\(p.amount.grouped) by \(p.promisedOn.iso), ¥\(s.paid.grouped) paid so far (ranked lower)")
                    } else {
                        say("promised ¥\(p.amount.grouped) by \(p.promisedOn.iso) (ranked lower)")
                    }
                }
            }
            if disputed[c] > 0 { down *= 2; say("¥\(Money(minorUnits: disputed[c]).grouped) disputed (ranked lower)") }
            if !o.suspended.isEmpty {
                let contracts = o.suspended.map { $0.hasPrefix("customer:") ? "(no contract)" : $0 }
                say("suspended \(contracts.joined(separator: ", "))")
            }
            if o.credit.isPositive { say("¥\(o.credit.grouped) unapplied credit") }
            let raw = atRisk + Int128(max(0, change)) * Int128(den)
            return (Money(minorUnits: Int64(RoundingMode.halfUp.divide128(raw * up, by: Int128(den) * down))), reasons)
        }
        var ranked: [(priority: Money, k: Int)] = []
        for (k, o) in now.customers.enumerated() {
            if let customers, !customers.contains(o.customer) { continue }
            guard o.amount.isPositive, o.amount >= settings.minAmount else { continue }
            ranked.append((score(o, reasons: false).0, k))
        }
        ranked.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            let x = now.customers[a.k], y = now.customers[b.k]
            if x.amount != y.amount { return x.amount > y.amount }
            if x.days != y.days { return x.days > y.days }
            return x.customer < y.customer  // ledger order is id byte order
        }
        let out = ranked.prefix(max(0, limit)).map { r -> Entry in
            let o = now.customers[r.k]
            return Entry(
                customerId: o.customerId, customer: o.customer, overdue: o.amount, days: o.days, state: o.state,
                priority: r.priority, reasons: score(o, reasons: true).1)
        }
        return Queue(asOf: asOf, entries: out, total: ranked.count)
    }
}
