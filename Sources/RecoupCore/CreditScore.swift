import Foundation  // log for the credit-line terms (a score, never an amount)

/// The internal credit score, 0-1000 (higher is safer), from a customer's payment behaviour as of a
/// day, blended with a third-party bureau score when there is one; and the tier it falls in.
///
/// Only facts known on or before the day count: invoices that fell due by then and payments received
/// by then (the allocation as of the day), so a score never peeks at later payments. The model and
/// why it is built so: docs/SCORING.md.
public struct CreditScore: Sendable, Hashable {
    /// Paid invoices that fell due by the day, and how many of them were paid late.
    public var paidInvoices = 0, paidLate = 0
    /// Invoices that fell due by the day, and how many of them were paid late or are still unpaid
    /// past due: the late share counts both, so never paying is worse than paying late.
    public var dueInvoices = 0, lateInvoices = 0
    /// Amount-weighted average days late of what was paid (early counts as 0), and the most.
    public var weightedDaysLate = 0.0, maxDaysLate = 0
    /// Of what is open and past due as of the day: amount and the oldest item's days.
    public var overdue = Money.zero, overdueDays = 0
    /// What is open as of the day.
    public var open = Money.zero
    /// Late share over the last 6 months, when there were at least 2 paid invoices in them.
    public var recentLateShare: Double?
    public var bureau: Int?
    /// The credit line on file (the customer's own `credit_limit`), and what goes with it: the
    /// credit-line terms of the score (docs/SCORING.md, "Customers with a credit line").
    public var creditLimit: Money?
    /// Open as of the day against the credit limit (capped at 1.5).
    public var utilisation = 0.0
    /// Average monthly billing of the last 3 calendar months before the day's month against the limit
    /// (capped at 1.5).
    public var billingToLimit = 0.0
    /// Average monthly billing of the last 6 calendar months before the day's month.
    public var monthlyBilling = Money.zero
    /// Of those 6 months, those in which something was due and unpaid and no payment came in.
    public var monthsWithoutPayment = 0
    /// The score, 0...1000, and its tier.
    public var score = 0
    public var tier = "C"
    /// The parts taken off 1000, largest first, in words a customer can be told.
    public var reasons: [(points: Int, text: String)] = []

    public static func == (a: CreditScore, b: CreditScore) -> Bool { a.score == b.score && a.tier == b.tier && a.paidInvoices == b.paidInvoices }
    public func hash(into h: inout Hasher) { h.combine(score); h.combine(tier); h.combine(paidInvoices) }

    /// Tier cut-offs (score at least): A, B, C; below C is D.
    public struct Tiers: Sendable { public var a = 800, b = 650, c = 500; public init(a: Int = 800, b: Int = 650, c: Int = 500) { self.a = a; self.b = b; self.c = c } }

    /// Every customer's score as of the allocation's day, in `customerIds` order.
    /// `bureau` gives each customer's bureau score known by the day (or nil); `creditLimit` the credit
    /// line on file in minor units (or nil: the credit-line terms are then left out).
    public static func scoreAll(_ ledger: Ledger, _ allocation: Allocation, bureau: (Int) -> Int?,
                                creditLimit: (Int) -> Int64? = { _ in nil }, tiers: Tiers = Tiers()) -> [CreditScore] {
        let asOf = allocation.asOf.ordinal
        let recentFrom = asOf - 182
        var out = [CreditScore](repeating: CreditScore(), count: ledger.customerCount)
        // When each invoice was paid in full (the day of the payment that closed it), from the
        // applications in payment order.
        var paidOn = [Int32](repeating: Int32.min, count: ledger.invoiceCount)
        var remaining = ledger.invoiceAmount
        var weighted = [Double](repeating: 0, count: ledger.customerCount), weight = [Double](repeating: 0, count: ledger.customerCount)
        var owner = [Int32](repeating: 0, count: ledger.invoiceCount)
        for c in 0..<ledger.customerCount { for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) { owner[i] = Int32(c) } }
        for a in allocation.applications where !ledger.paymentIsRestructuring[Int(a.payment)] {
            let i = Int(a.invoice), day = ledger.paymentDay[Int(a.payment)]
            remaining[i] -= a.amount
            if remaining[i] <= 0 && paidOn[i] == Int32.min { paidOn[i] = day }
            let late = max(0, Int(day) - Int(ledger.invoiceDue[i]))
            weighted[Int(owner[i])] += Double(a.amount) * Double(late)
            weight[Int(owner[i])] += Double(a.amount)
        }
        // Days of the cash payments of each customer (for the months without a payment).
        var paymentsByCustomer = [[Int32]](repeating: [], count: ledger.customerCount)
        for p in 0..<ledger.paymentDay.count where !ledger.paymentIsRestructuring[p] && ledger.paymentDay[p] <= asOf {
            paymentsByCustomer[Int(ledger.paymentCustomer[p])].append(ledger.paymentDay[p])
        }
        var recentPaid = [Int](repeating: 0, count: ledger.customerCount), recentLate = [Int](repeating: 0, count: ledger.customerCount)
        for c in 0..<ledger.customerCount {
            var s = CreditScore()
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                guard ledger.invoiceIssued[i] <= asOf else { continue }
                let due = ledger.invoiceDue[i]
                if due <= asOf { s.dueInvoices += 1 }
                if paidOn[i] != Int32.min && due <= asOf {
                    s.paidInvoices += 1
                    let late = Int(paidOn[i] - due)
                    if late > 0 { s.paidLate += 1; s.lateInvoices += 1; s.maxDaysLate = max(s.maxDaysLate, late) }
                    if due >= recentFrom { recentPaid[c] += 1; if late > 0 { recentLate[c] += 1 } }
                }
                let open = allocation.open[i]
                if open > 0 {
                    s.open.minorUnits += open
                    if due < asOf {
                        s.overdue.minorUnits += open
                        s.overdueDays = max(s.overdueDays, Int(asOf - due))
                        if paidOn[i] == Int32.min { s.lateInvoices += 1 }
                        // What is still unpaid past due weighs in the days late as well.
                        weighted[c] += Double(open) * Double(asOf - due)
                        weight[c] += Double(open)
                    }
                }
            }
            s.weightedDaysLate = weight[c] > 0 ? weighted[c] / weight[c] : 0
            if recentPaid[c] >= 2 { s.recentLateShare = Double(recentLate[c]) / Double(recentPaid[c]) }
            s.bureau = bureau(c)
            if let limit = creditLimit(c), limit > 0 {
                s.creditLimit = Money(minorUnits: limit)
                creditLine(&s, customer: c, ledger, asOf: asOf, paidOn: paidOn, payments: paymentsByCustomer)
            }
            out[c] = s
        }
        let line = CreditLine(out)
        for c in out.indices { out[c].finish(tiers, line) }
        return out
    }

    /// The 6 calendar months before the day's month, oldest first: (first day, last day) ordinals.
    static func monthsBefore(_ asOf: Int32) -> [(start: Int32, end: Int32)] {
        let (y, m, _) = Day(ordinal: asOf).components
        let first = Day(year: y, month: m, day: 1)!
        return (1...6).reversed().map { k in
            let start = first.addingMonths(-k)
            return (start.ordinal, start.addingMonths(1).ordinal - 1)
        }
    }

    /// The credit-line features of one customer (docs/SCORING.md).
    static func creditLine(_ s: inout CreditScore, customer c: Int, _ ledger: Ledger, asOf: Int32, paidOn: [Int32], payments: [[Int32]]) {
        let limit = Double(s.creditLimit!.minorUnits)
        let months = monthsBefore(asOf)
        var billed = [Int64](repeating: 0, count: 6)
        var owing = [Bool](repeating: false, count: 6), paying = [Bool](repeating: false, count: 6)
        for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) where ledger.invoiceIssued[i] <= asOf {
            let issued = ledger.invoiceIssued[i], due = ledger.invoiceDue[i], paid = paidOn[i]
            for (k, month) in months.enumerated() {
                if issued >= month.start && issued <= month.end { billed[k] += ledger.invoiceAmount[i] }
                // Something was due by the month's end and not yet paid in full at its start.
                if due <= month.end && (paid == Int32.min || paid >= month.start) { owing[k] = true }
            }
        }
        for day in payments[c] where day <= asOf {
            for (k, month) in months.enumerated() where day >= month.start && day <= month.end { paying[k] = true }
        }
        s.monthsWithoutPayment = (0..<6).filter { owing[$0] && !paying[$0] }.count
        s.monthlyBilling = Money(minorUnits: billed.reduce(0, +) / 6)
        s.billingToLimit = min(1.5, Double(billed[3...].reduce(0, +)) / 3 / limit)
        s.utilisation = min(1.5, Double(s.open.minorUnits) / limit)
    }

    /// What the credit-line terms compare a customer with: the medians of the customers with a credit
    /// line on file, of their limits and of their monthly billing (of those billed in the 6 months).
    struct CreditLine {
        var medianLimit = 0.0, medianBilling = 0.0
        init(_ scores: [CreditScore]) {
            func median(_ v: [Int64]) -> Double {
                guard !v.isEmpty else { return 0 }
                let s = v.sorted(), n = s.count
                return n % 2 == 1 ? Double(s[n / 2]) : (Double(s[n / 2 - 1]) + Double(s[n / 2])) / 2
            }
            let lined = scores.filter { $0.creditLimit != nil }
            medianLimit = median(lined.map { $0.creditLimit!.minorUnits })
            medianBilling = median(lined.map { $0.monthlyBilling.minorUnits }.filter { $0 > 0 })
        }
    }

    /// Turns the features into the score, its reasons and its tier (weights: docs/SCORING.md).
    mutating func finish(_ tiers: Tiers, _ line: CreditLine = CreditLine([])) {
        var parts: [(Int, String)] = []
        if dueInvoices > 0 {
            let lateShare = Double(lateInvoices) / Double(dueInvoices)
            parts.append((Int((lateShare * 450).rounded()), lateInvoices == paidLate
                ? "paid \(paidLate) of \(dueInvoices) invoices after their due date"
                : "\(lateInvoices) of \(dueInvoices) invoices paid late or still unpaid past their due date"))
            parts.append((Int((min(weightedDaysLate, 120) / 120 * 150).rounded()), "paid on average \(Int(weightedDaysLate.rounded())) days after the due date"))
            if let recent = recentLateShare, recent > lateShare {
                parts.append((Int(((recent - lateShare) * 100).rounded()), "paying later in the last 6 months"))
            }
        } else {
            parts.append((150, "no payment history yet"))
        }
        if open.isPositive && overdue.isPositive {
            let share = Double(overdue.minorUnits) / Double(open.minorUnits)
            parts.append((Int((share * 150).rounded()), "\(Int((share * 100).rounded())) % of what is owed is past due"))
            parts.append((Int((min(Double(overdueDays), 180) / 180 * 150).rounded()), "an invoice \(overdueDays) days past due"))
        }
        if let limit = creditLimit {
            // Weights fitted by logistic regression on the Taiwan credit-card data, in the behaviour
            // terms' points (docs/SCORING.md, docs/VALIDATION.md).
            parts.append((Int((utilisation * 290).rounded()), "owes \(Int((utilisation * 100).rounded())) % of its credit limit"))
            parts.append((Int((billingToLimit * 215).rounded()), "billed \(Int((billingToLimit * 100).rounded())) % of its credit limit a month, last 3 months"))
            parts.append((monthsWithoutPayment * 150, "\(monthsWithoutPayment) of the last 6 months with something due and no payment"))
            if line.medianLimit > 0 {
                let small = min(5, max(0, log(line.medianLimit / Double(limit.minorUnits))))
                parts.append((Int((small * 90).rounded()), "a small credit limit (\(limit.description); the median is \(Money(minorUnits: Int64(line.medianLimit.rounded())).description))"))
            }
            // Only a customer billed in the 6 months is compared: no billing at all is no history, not
            // a small customer (the "no payment history yet" term covers a new one).
            if line.medianBilling > 0 && monthlyBilling.isPositive {
                let small = min(5, max(0, log(line.medianBilling / max(Double(monthlyBilling.minorUnits), 100))))
                parts.append((Int((small * 105).rounded()), "small monthly billing (\(monthlyBilling.description); the median is \(Money(minorUnits: Int64(line.medianBilling.rounded())).description))"))
            }
        }
        let behaviour = max(0, 1000 - parts.reduce(0) { $0 + $1.0 })
        if let b = bureau {
            // The bureau weighs more when there is little history of our own.
            let w = paidInvoices >= 6 ? 0.2 : paidInvoices >= 2 ? 0.4 : 0.7
            let blended = Int((Double(behaviour) * (1 - w) + Double(min(1000, max(0, b))) * w).rounded())
            if blended < behaviour { parts.append((behaviour - blended, "third-party credit score \(b)")) }
            score = blended
        } else {
            score = behaviour
        }
        reasons = parts.filter { $0.0 > 0 }.sorted { $0.0 > $1.0 }.map { (points: $0.0, text: $0.1) }
        tier = score >= tiers.a ? "A" : score >= tiers.b ? "B" : score >= tiers.c ? "C" : "D"
    }
}
