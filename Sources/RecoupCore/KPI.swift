/// An exact ratio of two integers in lowest terms, for KPIs shown as decimals (days, percentages,
/// turnover).
///
/// Figures are computed from integer fen and whole days, so they are exact fractions; they are
/// rounded only when shown, by `decimal(places:)` (half-up, away from zero). `value` is a `Double`
/// for display and sorting only: no amount of money is ever computed from it.
///
/// ```swift
/// Ratio(5655, over: 225)!.decimal(places: 2)  // "25.13"
/// ```
public struct Ratio: Sendable, Hashable {
    /// In lowest terms with `denominator` (so equal ratios are `==`).
    public let numerator: Int128
    /// Positive.
    public let denominator: Int128

    /// The ratio `numerator / denominator`, or nil when the denominator is 0 (the figure is undefined).
    public init?(_ numerator: Int128, over denominator: Int128) {
        guard denominator != 0 else { return nil }
        var a = numerator.magnitude, b = denominator.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        let g = Int128(a), sign: Int128 = denominator < 0 ? -1 : 1
        (self.numerator, self.denominator) = (sign * numerator / g, sign * denominator / g)
    }

    /// The ratio rounded half-up (away from zero) to `places` decimals: `"73.71"`, `"-0.50"`, `"20"`.
    public func decimal(places: Int) -> String {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = RoundingMode.halfUp.divide128(numerator * scale, by: denominator)
        let digits = String(scaled.magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let sign = scaled < 0 ? "-" : ""
        guard places > 0 else { return sign + padded }
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    /// For display and ordering only.
    public var value: Double { Double(numerator) / Double(denominator) }
}

/// Collections KPIs: the standard formulas on exact inputs, and `KPI.report` computing them all for a
/// period from a `Ledger`. Amounts are `Money` (fen), periods whole days; every figure is a `Ratio`,
/// nil when its denominator is 0 (no sales in the period, say). See docs/KPI.md.
public enum KPI {
    // MARK: Formulas

    /// Days sales outstanding: `receivables ÷ creditSales × days` (receivables at the end of a period
    /// of `days` days in which `creditSales` were made).
    public static func dso(receivables: Money, creditSales: Money, days: Int) -> Ratio? {
        Ratio(Int128(receivables.minorUnits) * Int128(days), over: Int128(creditSales.minorUnits))
    }

    /// Best possible DSO: `currentReceivables ÷ creditSales × days`, where `currentReceivables` is the
    /// part of the receivables not yet due: the DSO if every customer paid on the due date.
    public static func bestPossibleDSO(currentReceivables: Money, creditSales: Money, days: Int) -> Ratio? {
        dso(receivables: currentReceivables, creditSales: creditSales, days: days)
    }

    /// Average days delinquent: DSO − best possible DSO, `(receivables − current) ÷ creditSales × days`.
    public static func averageDaysDelinquent(receivables: Money, currentReceivables: Money, creditSales: Money, days: Int) -> Ratio? {
        dso(receivables: receivables - currentReceivables, creditSales: creditSales, days: days)
    }

    /// One month of sales for the count-back method: the credit sales made in it and its length in days.
    public struct MonthSales: Sendable, Hashable {
        public var sales: Money
        public var days: Int
        public init(sales: Money, days: Int) { self.sales = sales; self.days = days }
    }

    /// Count-back DSO: `receivables` are matched against the sales of `months`, latest month first;
    /// each month whose sales the remaining receivables cover adds its whole length in days, and the
    /// first month they do not cover adds `remaining ÷ sales × days` and ends the count.
    ///
    /// Nil when the receivables are more than the sales of all the months given (the count runs out).
    /// Zero receivables give 0.
    public static func countBackDSO(receivables: Money, months: [MonthSales]) -> Ratio? {
        var remaining = receivables.minorUnits
        var days = 0
        if remaining <= 0 { return Ratio(0, over: 1) }
        for m in months {
            if remaining >= m.sales.minorUnits {
                remaining -= m.sales.minorUnits
                days += m.days
                if remaining == 0 { return Ratio(Int128(days), over: 1) }
            } else {
                return Ratio(Int128(days) * Int128(m.sales.minorUnits) + Int128(remaining) * Int128(m.days), over: Int128(m.sales.minorUnits))
            }
        }
        return nil
    }

    /// The variant of the collection effectiveness index that `cei` computes, as shown in reports.
    public static let ceiVariant = "(BAR + S/N - EAR) / (BAR + S/N - ECAR) x 100, credit sales S divided by the number of months N"

    /// Collection effectiveness index, in percent, with the period's credit sales divided by its
    /// number of months (the monthly-average variant):
    /// `(beginning + creditSales ÷ months − ending) ÷ (beginning + creditSales ÷ months − endingCurrent) × 100`,
    /// computed exactly as `(N·B + S − N·E) ÷ (N·B + S − N·C) × 100`.
    public static func cei(beginning: Money, creditSales: Money, months: Int, ending: Money, endingCurrent: Money) -> Ratio? {
        let n = Int128(months), b = Int128(beginning.minorUnits), s = Int128(creditSales.minorUnits)
        let available = n * b + s
        return Ratio((available - n * Int128(ending.minorUnits)) * 100, over: available - n * Int128(endingCurrent.minorUnits))
    }

    /// Receivables turnover over the period (not annualised): `creditSales ÷ ((beginning + ending) ÷ 2)`.
    public static func turnover(creditSales: Money, beginning: Money, ending: Money) -> Ratio? {
        Ratio(2 * Int128(creditSales.minorUnits), over: Int128(beginning.minorUnits) + Int128(ending.minorUnits))
    }

    /// Roll rate in percent: the share of an amount in one bucket that is in the next one a month later.
    public static func rollRate(from amount: Money, rolled: Money) -> Ratio? {
        Ratio(Int128(rolled.minorUnits) * 100, over: Int128(amount.minorUnits))
    }

    /// One payment applied to an invoice: its amount and the days from the invoice's due date to the
    /// payment (0 or less: on time).
    public struct Paid: Sendable, Hashable {
        public var amount: Money
        public var daysLate: Int
        public init(amount: Money, daysLate: Int) { self.amount = amount; self.daysLate = daysLate }
    }

    /// Amount-weighted average delay in days: `Σ amount × max(0, daysLate) ÷ Σ amount`.
    public static func weightedDelay(_ paid: [Paid]) -> Ratio? {
        var weighted: Int128 = 0, total: Int128 = 0
        for p in paid {
            weighted += Int128(p.amount.minorUnits) * Int128(max(0, p.daysLate))
            total += Int128(p.amount.minorUnits)
        }
        return Ratio(weighted, over: total)
    }
}

// MARK: Periods

extension KPI {
    /// A span of whole days, both ends included.
    public struct Period: Sendable, Hashable, CustomStringConvertible {
        public var from: Day
        /// Included; not before `from`.
        public var to: Day

        public init(from: Day, to: Day) {
            precondition(from <= to, "a period ends on or after its first day")
            self.from = from; self.to = to
        }

        /// The calendar month of `YYYY-MM` (`2024-02` is 2024-02-01 to 2024-02-29), or nil.
        public init?(month text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                  parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
                  let y = Int(parts[0]), let m = Int(parts[1]), let first = Day(year: y, month: m, day: 1) else { return nil }
            self.init(from: first, to: Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!)
        }

        /// The last full calendar month before `day`'s month.
        public static func monthBefore(_ day: Day) -> Period {
            let (y, m, _) = day.components
            let first = Day(year: y, month: m, day: 1)!.addingMonths(-1)
            return Period(from: first, to: Day(year: y, month: m, day: 1)! - 1)
        }

        /// Length in days, both ends counted.
        public var days: Int { to - from + 1 }

        /// The calendar months the period touches (3 for 2024-01-01 to 2024-03-31; 2 for 01-15 to 02-14):
        /// the N of the CEI.
        public var months: Int {
            let a = from.components, b = to.components
            return (b.year * 12 + b.month) - (a.year * 12 + a.month) + 1
        }

        /// `2024-05-01..2024-05-31`.
        public var description: String { from.iso + ".." + to.iso }
    }

    /// The month end (or same day) one month before `day`: the last day of the previous month when
    /// `day` ends its month (2024-03-31 → 2024-02-29), else `day.addingMonths(-1)`.
    public static func monthEarlier(_ day: Day) -> Day {
        let (y, m, d) = day.components
        if d == Day.daysIn(month: m, year: y) { return Day(year: y, month: m, day: 1)! - 1 }
        return day.addingMonths(-1)
    }
}

// MARK: A period's KPIs from the ledger

extension KPI {
    /// The roll of one aging bucket into the next over a month.
    public struct Roll: Sendable, Hashable {
        /// Bucket labels as `Aging.labels` gives them (`current`, `1-30`, ...).
        public var from: String, to: String
        /// Open in `from` at the earlier month end.
        public var amount: Money
        /// The part of it still open a month later and aged into `to` (or a later bucket).
        public var rolled: Money
        /// `rolled ÷ amount × 100`; nil when nothing was in `from`.
        public var ratePercent: Ratio? { KPI.rollRate(from: amount, rolled: rolled) }
    }

    /// How late one customer paid in the period.
    public struct CustomerDelay: Sendable, Hashable {
        /// Position in `Ledger.customerIds`.
        public var customer: Int
        /// Applied to the customer's invoices by payments received in the period.
        public var paid: Money
        /// Σ amount applied (fen) × days from the due date to the payment (early = 0).
        public var amountDays: Int128
        /// Amount-weighted days late: `amountDays ÷ paid`.
        public var delay: Ratio { Ratio(amountDays, over: Int128(paid.minorUnits))! }
    }

    /// Every KPI of a period, with the inputs they come from. See `KPI.report`.
    public struct Report: Sendable {
        public var period: Period
        /// Open receivables as of the day before the period (invoices issued by then).
        public var beginningReceivables: Money
        /// Open receivables as of the period's last day.
        public var endingReceivables: Money
        /// The part of `endingReceivables` not yet due on the last day (due on or after it).
        public var endingCurrentReceivables: Money
        /// Face value of the invoices issued in the period (plan rows excluded).
        public var creditSales: Money
        /// Cash received in the period: payments and settlements (restructurings into plans excluded).
        public var collections: Money
        /// Credit sales by calendar month, latest first: the month of the last day (up to that day),
        /// then the full months before it.
        public var salesByMonth: [MonthSales]
        /// Roll rates are measured from this day's aging to the period's last day's.
        public var rollFrom: Day
        /// Every bucket but the last, in bucket order.
        public var rolls: [Roll]
        /// Customers who paid something in the period, largest `amountDays` first, then by paid amount.
        public var delays: [CustomerDelay]
        /// The same delay over every customer.
        public var averageDelay: Ratio?

        public var dso: Ratio? { KPI.dso(receivables: endingReceivables, creditSales: creditSales, days: period.days) }
        public var countBackDSO: Ratio? { KPI.countBackDSO(receivables: endingReceivables, months: salesByMonth) }
        public var bestPossibleDSO: Ratio? {
            KPI.bestPossibleDSO(currentReceivables: endingCurrentReceivables, creditSales: creditSales, days: period.days)
        }
        public var averageDaysDelinquent: Ratio? {
            KPI.averageDaysDelinquent(receivables: endingReceivables, currentReceivables: endingCurrentReceivables,
                                      creditSales: creditSales, days: period.days)
        }
        public var ceiPercent: Ratio? {
            KPI.cei(beginning: beginningReceivables, creditSales: creditSales, months: period.months,
                    ending: endingReceivables, endingCurrent: endingCurrentReceivables)
        }
        public var turnover: Ratio? { KPI.turnover(creditSales: creditSales, beginning: beginningReceivables, ending: endingReceivables) }
    }

    /// Computes every KPI of `period` from the ledger (linear: three allocations and one pass over
    /// invoices, payments and applications).
    ///
    /// Receivables are the open amounts of invoices issued by the day (payments on or before it
    /// applied by the allocation rule; unapplied credit not netted; disputed invoices included).
    /// Roll rates age the open amounts with `agingBounds` at `KPI.monthEarlier(period.to)` and at
    /// `period.to`, invoice by invoice. Delays come from the applications of the payments received
    /// in the period. `countBackMonths` months of sales are kept for the count-back DSO.
    ///
    /// ```swift
    /// let r = KPI.report(ledger, period: KPI.Period(month: "2024-05")!, agingBounds: [30, 60, 90])
    /// r.dso?.decimal(places: 2)
    /// ```
    public static func report(_ ledger: Ledger, period: Period, agingBounds: [Int], countBackMonths: Int = 24) -> Report {
        let begin = period.from - 1, end = period.to, rollFrom = monthEarlier(end)
        let atBegin = ledger.allocate(asOf: begin)
        let atEnd = ledger.allocate(asOf: end, record: true)
        let atRoll = rollFrom == begin ? atBegin : ledger.allocate(asOf: rollFrom)
        var planRow = [Bool](repeating: false, count: ledger.invoiceCount)
        for rows in ledger.planObligations { for i in rows { planRow[Int(i)] = true } }

        // Month starts, latest first: month 0 is the last day's month.
        let (y, m, _) = end.components
        let firstOfEnd = Day(year: y, month: m, day: 1)!
        let starts = (0..<max(0, countBackMonths)).map { firstOfEnd.addingMonths(-$0).ordinal }
        var monthSales = [Int64](repeating: 0, count: starts.count)
        let oldest = starts.last ?? end.ordinal + 1

        let aging = Aging(bounds: agingBounds)
        let buckets = aging.labels.count
        var inBucket = [Int64](repeating: 0, count: buckets), rolled = [Int64](repeating: 0, count: buckets)
        var beginning: Int64 = 0, ending: Int64 = 0, current: Int64 = 0, sales: Int64 = 0
        let B = begin.ordinal, E = end.ordinal, R = rollFrom.ordinal, F = period.from.ordinal
        for i in 0..<ledger.invoiceCount {
            let issued = ledger.invoiceIssued[i], due = ledger.invoiceDue[i]
            if issued <= B { beginning += atBegin.open[i] }
            if issued <= E {
                ending += atEnd.open[i]
                if due >= E { current += atEnd.open[i] }
                if !planRow[i] {
                    if issued >= F { sales += ledger.invoiceAmount[i] }
                    if issued >= oldest {
                        var k = 0
                        while issued < starts[k] { k += 1 }
                        monthSales[k] += ledger.invoiceAmount[i]
                    }
                }
            }
            if issued <= R && atRoll.open[i] > 0 {
                let was = atRoll.open[i], k = aging.bucket(daysLate: Int(R - due))
                inBucket[k] += was
                if atEnd.open[i] > 0 && aging.bucket(daysLate: Int(E - due)) > k { rolled[k] += min(was, atEnd.open[i]) }
            }
        }

        var collections: Int64 = 0
        for p in 0..<ledger.paymentDay.count where ledger.paymentDay[p] >= F && ledger.paymentDay[p] <= E && !ledger.paymentIsRestructuring[p] {
            collections += ledger.paymentAmount[p]
        }

        var owner = [Int32](repeating: 0, count: ledger.invoiceCount)
        for c in 0..<ledger.customerCount {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) { owner[i] = Int32(c) }
        }
        var weighted = [Int128](repeating: 0, count: ledger.customerCount), paid = [Int64](repeating: 0, count: ledger.customerCount)
        for a in atEnd.applications {
            let p = Int(a.payment), i = Int(a.invoice)
            guard ledger.paymentDay[p] >= F, !ledger.paymentIsRestructuring[p] else { continue }
            let c = Int(owner[i])
            weighted[c] += Int128(a.amount) * Int128(max(0, ledger.paymentDay[p] - ledger.invoiceDue[i]))
            paid[c] += a.amount
        }
        var delays: [CustomerDelay] = []
        for c in 0..<ledger.customerCount where paid[c] > 0 {
            delays.append(CustomerDelay(customer: c, paid: Money(minorUnits: paid[c]), amountDays: weighted[c]))
        }
        delays.sort { a, b in
            if a.amountDays != b.amountDays { return a.amountDays > b.amountDays }
            if a.paid != b.paid { return a.paid > b.paid }
            return a.customer < b.customer
        }

        let labels = aging.labels
        return Report(
            period: period, beginningReceivables: Money(minorUnits: beginning), endingReceivables: Money(minorUnits: ending),
            endingCurrentReceivables: Money(minorUnits: current), creditSales: Money(minorUnits: sales),
            collections: Money(minorUnits: collections),
            salesByMonth: starts.indices.map { k in
                MonthSales(sales: Money(minorUnits: monthSales[k]), days: Int((k == 0 ? E + 1 : starts[k - 1]) - starts[k]))
            },
            rollFrom: rollFrom,
            rolls: (0..<buckets - 1).map { k in
                Roll(from: labels[k], to: labels[k + 1], amount: Money(minorUnits: inBucket[k]), rolled: Money(minorUnits: rolled[k]))
            },
            delays: delays,
            averageDelay: Ratio(weighted.reduce(0, +), over: Int128(paid.reduce(0, +))))
    }
}
