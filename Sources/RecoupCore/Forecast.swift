/// Expected collections by calendar month, projected from what is open and how each customer pays.
///
/// The model, as of a day D (every figure in whole days and integer minor units):
///
/// 1. **Payment history.** Payments are allocated as of D (`Ledger.allocate(asOf:record:)`). A
///    customer's *delay* is the amount-weighted mean, over every application of a payment to one of
///    their invoices, of the payment's day minus the invoice's due day (early payments count as 0),
///    rounded half-up to whole days. Their *collection rate* is `collected ÷ matured`: `matured` is
///    the face value of their invoices due on or before D − 90 days, `collected` the part of it paid
///    by D.
/// 2. **Too little history.** A customer with fewer than `minimumHistory` (3) invoices paid in full
///    by D takes the portfolio's delay; one with fewer than 3 matured invoices takes the portfolio's
///    collection rate. The portfolio's figures are the same sums over every customer of the ledger
///    (whatever the customer filter); with no applications at all its delay is 0, with nothing
///    matured its rate is 1.
/// 3. **Obligations.** Every invoice of a projected customer with an open amount as of D counts:
///    issued on or before D, or issued later but already in the ledger (plan rows, ids `PLAN#SEQ`,
///    and future invoices) from its due date. It falls due on `max(due, D)` and is expected on
///    `max(due, D) + delay`, for `open × rate`; an amount already more than 365 days overdue on D
///    is expected at half the rate (`open × collected ÷ (2 × matured)`).
/// 4. **Months.** `months` calendar months starting with D's month (`YYYY-MM`); an expected day
///    in none of them (after the last) is summed in `later`, as is the due amount (`laterDue`).
///    The expected amount of each invoice is rounded half-up to the minor unit, exactly (128-bit);
///    totals are sums of those rounded amounts. `due` is the open (undiscounted) amount by the month
///    it falls due, amounts already overdue in D's month.
///
/// 5. **Promises.** What a customer's pending promises still expect (amount less what was
///    appropriated, oldest promised date first, at most what is open) is expected in full on the
///    promised day (D if that has passed), taken from the customer's open amounts oldest due first;
///    the rest of those amounts follows rule 3.
///
/// Not modelled: unapplied credit is not netted against what is open; disputed invoices are
/// projected like any other; an invoice restructured into a plan counts as paid on the plan's day
/// (the bulk ledger does not tell that entry from cash).
///
/// The work is linear in the ledger's size: one allocation, one pass over its applications, one
/// over its invoices.
///
/// ```swift
/// let f = Forecast.project(ledger, asOf: Day("2024-06-30")!, months: 12)
/// f.months[0].month     // "2024-06"
/// f.months[1].expected  // what July should bring in
/// ```
public struct Forecast: Sendable, Hashable {
    /// One calendar month of the projection.
    public struct Month: Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        /// Sum of the rounded expected amounts landing in this month.
        public var expected: Money
        /// Open amount falling due this month (everything already overdue in the first month).
        public var due: Money
        /// The part of `expected` that pending promises to pay bring in this month.
        public var promised = Money.zero

        public init(month: String, expected: Money = .zero, due: Money = .zero) {
            self.month = month; self.expected = expected; self.due = due
        }
    }

    /// How a customer pays: the figures a projection weights their open amounts by.
    public struct Profile: Sendable, Hashable {
        /// Days after the due date a payment is expected (amount-weighted mean, rounded half-up, ≥ 0).
        public var delayDays: Int
        /// Face value that fell due at least 90 days before the day (the rate's denominator).
        public var matured: Money
        /// The part of `matured` paid by the day (the rate's numerator).
        public var collected: Money
        /// False when the delay is the portfolio's (too few invoices paid in full).
        public var ownDelay: Bool
        /// False when the collection rate is the portfolio's (too few matured invoices).
        public var ownRate: Bool

        public init(delayDays: Int, matured: Money, collected: Money, ownDelay: Bool = true, ownRate: Bool = true) {
            self.delayDays = delayDays; self.matured = matured; self.collected = collected
            self.ownDelay = ownDelay; self.ownRate = ownRate
        }

        /// `collected ÷ matured` as a numerator and a positive denominator (1 ÷ 1 when nothing matured).
        var rate: (numerator: Int64, denominator: Int64) {
            matured.isPositive ? (collected.minorUnits, matured.minorUnits) : (1, 1)
        }

        /// The collection rate for display only (never applied to money as a `Double`).
        public var collectionRate: Double {
            let r = rate
            return Double(r.numerator) / Double(r.denominator)
        }
    }

    /// Fewer invoices than this (paid in full for the delay, matured for the rate) and a customer
    /// takes the portfolio's figure.
    public static let minimumHistory = 3
    /// An invoice counts toward the collection rate once due at least this many days before the day.
    public static let maturityDays = 90
    /// Amounts more than this many days overdue are expected at half the collection rate.
    public static let staleDays = 365

    public var asOf: Day
    /// `months` calendar months, the first containing `asOf`.
    public var months: [Month]
    /// Expected after the last month.
    public var later: Money
    /// Open amount falling due after the last month.
    public var laterDue: Money
    /// The portfolio's figures, taken by customers with too little history.
    public var portfolio: Profile

    /// Expected in all, `later` included.
    public var totalExpected: Money { months.reduce(later) { $0 + $1.expected } }
    /// Open in all, `laterDue` included.
    public var totalDue: Money { months.reduce(laterDue) { $0 + $1.due } }

    /// Projects the open amounts of `customers` (positions in `ledger.customerIds`; nil means every
    /// customer) over `months` (≥ 1) calendar months from `asOf`'s month. See `Forecast` for the rules.
    public static func project(
        _ ledger: Ledger, asOf: Day, months: Int, customers: Set<Int>? = nil,
        promised: [Int: [(day: Day, amount: Money)]] = [:]
    ) -> Forecast {
        precondition(months >= 1, "a forecast covers at least one month")
        let allocation = ledger.allocate(asOf: asOf, record: true)
        let (portfolio, profiles) = Self.profiles(ledger, allocation: allocation)
        let (y, m, _) = asOf.components
        let first = y * 12 + (m - 1)
        var out = Forecast(
            asOf: asOf,
            months: (0..<months).map { k in
                let total = first + k
                let month = total % 12 + 1
                return Month(month: pad(total / 12, 4) + "-" + pad(month, 2))
            }, later: .zero, laterDue: .zero, portfolio: portfolio)

        func monthIndex(_ day: Int32) -> Int {
            let c = Day(ordinal: day).components
            return c.year * 12 + (c.month - 1) - first
        }
        let D = asOf.ordinal
        let positions: [Int] =
            customers.map { $0.filter { $0 >= 0 && $0 < ledger.customerCount }.sorted() }
            ?? Array(0..<ledger.customerCount)
        for c in positions {
            let profile = profiles[c]
            let (num, den) = profile.rate
            var promises = (promised[c] ?? []).sorted { $0.day < $1.day }.map {
                (day: max($0.day.ordinal, D), left: $0.amount.minorUnits)
            }
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                var open = allocation.open[i]
                guard open > 0 else { continue }
                // What pending promises expect comes first, on their days, in full.
                while open > 0, let k = promises.firstIndex(where: { $0.left > 0 }) {
                    let take = min(open, promises[k].left)
                    promises[k].left -= take
                    let due = monthIndex(max(ledger.invoiceDue[i], D)), at = monthIndex(promises[k].day)
                    if due < months { out.months[due].due.minorUnits += take } else { out.laterDue.minorUnits += take }
                    if at < months {
                        out.months[at].expected.minorUnits += take; out.months[at].promised.minorUnits += take
                    } else {
                        out.later.minorUnits += take
                    }
                    open -= take
                }
                guard open > 0 else { continue }
                let falls = max(ledger.invoiceDue[i], D)
                let stale = Int(D) - Int(ledger.invoiceDue[i]) > staleDays
                let expected = RoundingMode.halfUp.divide128(
                    Int128(open) * Int128(num), by: Int128(den) * (stale ? 2 : 1))
                let dueMonth = monthIndex(falls)
                let expectedMonth = monthIndex(falls + Int32(profile.delayDays))
                if dueMonth < months {
                    out.months[dueMonth].due.minorUnits += open
                } else {
                    out.laterDue.minorUnits += open
                }
                if expectedMonth < months {
                    out.months[expectedMonth].expected.minorUnits += Int64(expected)
                } else {
                    out.later.minorUnits += Int64(expected)
                }
            }
        }
        return out
    }

    /// Every customer's figures as of the allocation's day (portfolio figures filled in where a
    /// customer has too little history), in `customerIds` order, and the portfolio's own.
    public static func profiles(_ ledger: Ledger, allocation: Allocation) -> (portfolio: Profile, customers: [Profile])
    {
        let n = ledger.customerCount
        var owner = [Int32](repeating: 0, count: ledger.invoiceCount)
        for c in 0..<n {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) { owner[i] = Int32(c) }
        }
        // Delay: amount × days late, and amount, per customer.
        var weighted = [Int128](repeating: 0, count: n), applied = [Int128](repeating: 0, count: n)
        // What restructurings into plans closed: not cash, so out of the history (the plan's rows,
        // which are obligations of their own, carry it on).
        var restructured = [Int64](repeating: 0, count: ledger.invoiceCount)
        for a in allocation.applications where ledger.paymentIsRestructuring[Int(a.payment)] {
            restructured[Int(a.invoice)] += a.amount
        }
        for a in allocation.applications where !ledger.paymentIsRestructuring[Int(a.payment)] {
            let i = Int(a.invoice), c = Int(owner[i])
            let late = max(0, Int(ledger.paymentDay[Int(a.payment)]) - Int(ledger.invoiceDue[i]))
            weighted[c] += Int128(a.amount) * Int128(late)
            applied[c] += Int128(a.amount)
        }
        // Rate and history sizes.
        let D = allocation.asOf.ordinal
        let maturedBy = D - Int32(maturityDays)
        var matured = [Int64](repeating: 0, count: n), collected = [Int64](repeating: 0, count: n)
        var paidCount = [Int](repeating: 0, count: n), maturedCount = [Int](repeating: 0, count: n)
        for c in 0..<n {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                if restructured[i] == ledger.invoiceAmount[i] { continue }  // wholly moved into a plan, no cash
                if allocation.open[i] == 0 && restructured[i] == 0 { paidCount[c] += 1 }
                if ledger.invoiceDue[i] <= maturedBy && ledger.invoiceIssued[i] <= D {
                    maturedCount[c] += 1
                    matured[c] += ledger.invoiceAmount[i] - restructured[i]
                    collected[c] += ledger.invoiceAmount[i] - restructured[i] - allocation.open[i]
                }
            }
        }
        func delay(_ w: Int128, _ a: Int128) -> Int { a > 0 ? Int(RoundingMode.halfUp.divide128(w, by: a)) : 0 }
        let portfolio = Profile(
            delayDays: delay(weighted.reduce(0, +), applied.reduce(0, +)),
            matured: Money(minorUnits: matured.reduce(0, +)), collected: Money(minorUnits: collected.reduce(0, +)))
        let customers = (0..<n).map { c -> Profile in
            let ownDelay = paidCount[c] >= minimumHistory, ownRate = maturedCount[c] >= minimumHistory
            return Profile(
                delayDays: ownDelay ? delay(weighted[c], applied[c]) : portfolio.delayDays,
                matured: ownRate ? Money(minorUnits: matured[c]) : portfolio.matured,
                collected: ownRate ? Money(minorUnits: collected[c]) : portfolio.collected,
                ownDelay: ownDelay, ownRate: ownRate)
        }
        return (portfolio, customers)
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
}
