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
    /// Late share over the last 6 months, when there were at least 2 paid invoices in them; over the
    /// last 12 months likewise (shown, not scored: the 6 months make the trend term).
    public var recentLateShare: Double?
    public var yearLateShare: Double?
    /// Invoices issued by the day with a dispute open on the day.
    public var disputed = 0
    /// Promises to pay kept and broken in the 365 days to the day (decided by then).
    public var keptPromises = 0, brokenPromises = 0
    public var bureau: Int?
    /// The credit line on file (the customer's own `credit_limit`), and what goes with it: the
    /// credit-line terms of the score (docs/SCORING.md, "Customers with a credit line").
    public var creditLimit: Money?
    /// Open as of the day against the credit limit (capped at 1.5).
    public var utilisation = 0.0
    /// Average monthly billing of the last 3 calendar months before the day's month against the limit
    /// (capped at 1.5).
    public var billingToLimit = 0.0
    /// Average billing of the months among the last 6 calendar months before the day's month in which
    /// the customer was billed at all: a contract that ended in the window does not make a customer
    /// small (every month of a credit line is billed, so there it is the plain 6-month average).
    public var monthlyBilling = Money.zero
    /// Of those 6 months, those in which something was due and unpaid and no payment came in.
    public var monthsWithoutPayment = 0
    /// The score, 0...1000, and its tier.
    public var score = 0
    public var tier = "C"
    /// The parts taken off 1000, largest first, in words a customer can be told.
    public var reasons: [Reason] = []

    public static func == (a: CreditScore, b: CreditScore) -> Bool {
        a.score == b.score && a.tier == b.tier && a.paidInvoices == b.paidInvoices
    }
    public func hash(into h: inout Hasher) { h.combine(score); h.combine(tier); h.combine(paidInvoices) }

    /// Tier cut-offs (score at least): A, B, C; below C is D. Also the policy's one model switch:
    /// whether the credit-line terms apply (`score.credit_line`).
    public struct Tiers: Sendable, Equatable {
        public var a = 800, b = 650, c = 500
        public var creditLine = true
        public init(a: Int = 800, b: Int = 650, c: Int = 500, creditLine: Bool = true) {
            self.a = a; self.b = b; self.c = c; self.creditLine = creditLine
        }
    }

    /// Every customer's score as of the allocation's day, in `customerIds` order.
    /// `bureau` gives each customer's bureau score known by the day (or nil); `creditLimit` the credit
    /// line on file in minor units (or nil: the credit-line terms are then left out); `promises` the
    /// promises kept and broken in the 365 days to the day.
    public static func scoreAll(
        _ ledger: Ledger, _ allocation: Allocation, bureau: (Int) -> Int?,
        creditLimit: (Int) -> Int64? = { _ in nil }, tiers: Tiers = Tiers(),
        promises: (Int) -> (kept: Int, broken: Int) = { _ in (0, 0) }, payments: Payments? = nil
    ) -> [CreditScore] {
        let asOf = allocation.asOf.ordinal
        let recentFrom = asOf - 182, yearFrom = asOf - 365
        let payments = payments ?? Payments(ledger, allocation, creditLine: tiers.creditLine)
        let paidOn = payments.paidOn, lateness = payments.lateness
        let paymentStart = payments.paymentStart, paymentDays = payments.paymentDays
        var out = [CreditScore](repeating: CreditScore(), count: ledger.customerCount)
        let months = monthsBefore(asOf)
        // Customer by customer, one range per core: each customer's score reads the shared arrays
        // and writes only its own slot.
        func score(_ c: Int) -> CreditScore {
            var s = CreditScore()
            var weightedSum = lateness[c].weighted, weightSum = lateness[c].weight
            var recentPaid = 0, recentLate = 0, yearPaid = 0, yearLate = 0
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                guard ledger.invoiceIssued[i] <= asOf else { continue }
                let due = ledger.invoiceDue[i]
                if due <= asOf { s.dueInvoices += 1 }
                if paidOn[i] != Int32.min && due <= asOf {
                    s.paidInvoices += 1
                    let late = Int(paidOn[i] - due)
                    if late > 0 { s.paidLate += 1; s.lateInvoices += 1; s.maxDaysLate = max(s.maxDaysLate, late) }
                    if due >= recentFrom { recentPaid += 1; if late > 0 { recentLate += 1 } }
                    if due >= yearFrom { yearPaid += 1; if late > 0 { yearLate += 1 } }
                }
                if ledger.isHeld(i, on: asOf) { s.disputed += 1 }
                let open = allocation.open[i]
                if open > 0 {
                    s.open.minorUnits += open
                    if due < asOf {
                        s.overdue.minorUnits += open
                        s.overdueDays = max(s.overdueDays, Int(asOf - due))
                        if paidOn[i] == Int32.min { s.lateInvoices += 1 }
                        // What is still unpaid past due weighs in the days late as well.
                        weightedSum += Double(open) * Double(asOf - due)
                        weightSum += Double(open)
                    }
                }
            }
            s.weightedDaysLate = weightSum > 0 ? weightedSum / weightSum : 0
            if recentPaid >= 2 { s.recentLateShare = Double(recentLate) / Double(recentPaid) }
            if yearPaid >= 2 { s.yearLateShare = Double(yearLate) / Double(yearPaid) }
            s.bureau = bureau(c)
            (s.keptPromises, s.brokenPromises) = promises(c)
            if tiers.creditLine, let limit = creditLimit(c), limit > 0 {
                s.creditLimit = Money(minorUnits: limit)
                creditLine(
                    &s, customer: c, ledger, asOf: asOf, months: months, paidOn: paidOn,
                    payments: paymentDays[Int(paymentStart[c])..<Int(paymentStart[c + 1])])
            }
            return s
        }
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Disjoint(buffer)
            Parallel.ranges(ledger.customerCount) { range in
                for c in range { slots.value[c] = score(c) }
            }
        }
        let line = CreditLine(out)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Disjoint(buffer)
            Parallel.ranges(buffer.count) { range in
                for c in range { slots.value[c].finish(tiers, line) }
            }
        }
        return out
    }

    /// What the score takes from the payments, made before the customers are scored (and, in
    /// `CreditScoring`, on another core while the books are read): when each invoice was paid in
    /// full, each customer's amount-weighted days late, and the days of each customer's cash payments.
    public struct Payments: Sendable {
        /// The day of the payment that paid invoice i in full (cash only; Int32.min: not paid).
        public let paidOn: [Int32]
        /// Per customer: the amounts paid times their days late, and the amounts.
        let lateness: [Lateness]
        /// Customer c's cash payment days are paymentDays[paymentStart[c]..<paymentStart[c + 1]]
        /// (only made when the credit-line terms apply).
        let paymentStart: [Int32], paymentDays: [Int32]

        struct Lateness: Sendable {
            var weighted = 0.0, weight = 0.0
        }

        public init(_ ledger: Ledger, _ allocation: Allocation, creditLine: Bool) {
            let asOf = allocation.asOf.ordinal
            // The applications come in payment order, which is no order of invoices: what one
            // application reads and writes of its invoice sits in one packed record (one cache
            // line, not five arrays: 130 ms -> 50 ms on a million).
            struct Paying {
                var remaining: Int64
                var due: Int32, paidOn: Int32, owner: Int32
            }
            var paying = [Paying](
                repeating: Paying(remaining: 0, due: 0, paidOn: Int32.min, owner: 0), count: ledger.invoiceCount)
            for c in 0..<ledger.customerCount {
                for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                    paying[i] = Paying(
                        remaining: ledger.invoiceAmount[i], due: ledger.invoiceDue[i], paidOn: Int32.min,
                        owner: Int32(c))
                }
            }
            var lateness = [Lateness](repeating: Lateness(), count: ledger.customerCount)
            paying.withUnsafeMutableBufferPointer { paying in
                lateness.withUnsafeMutableBufferPointer { lateness in
                    for a in allocation.applications where !ledger.paymentIsRestructuring[Int(a.payment)] {
                        let i = Int(a.invoice), day = ledger.paymentDay[Int(a.payment)]
                        paying[i].remaining -= a.amount
                        if paying[i].remaining <= 0 && paying[i].paidOn == Int32.min { paying[i].paidOn = day }
                        let late = max(0, Int(day) - Int(paying[i].due)), owner = Int(paying[i].owner)
                        lateness[owner].weighted += Double(a.amount) * Double(late)
                        lateness[owner].weight += Double(a.amount)
                    }
                }
            }
            paidOn = paying.map(\.paidOn)
            self.lateness = lateness
            // Cash payments on or before the day, counted and then placed by customer.
            var start = [Int32](repeating: 0, count: ledger.customerCount + 1)
            let n = creditLine ? ledger.paymentDay.count : 0
            func isCash(_ p: Int) -> Bool { !ledger.paymentIsRestructuring[p] && ledger.paymentDay[p] <= asOf }
            for p in 0..<n where isCash(p) { start[Int(ledger.paymentCustomer[p]) + 1] += 1 }
            for c in 0..<ledger.customerCount { start[c + 1] += start[c] }
            var days = [Int32](repeating: 0, count: Int(start[ledger.customerCount]))
            var fill = start
            for p in 0..<n where isCash(p) {
                let c = Int(ledger.paymentCustomer[p])
                days[Int(fill[c])] = ledger.paymentDay[p]
                fill[c] += 1
            }
            paymentStart = start
            paymentDays = days
        }
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
    static func creditLine(
        _ s: inout CreditScore, customer c: Int, _ ledger: Ledger, asOf: Int32, months: [(start: Int32, end: Int32)],
        paidOn: [Int32], payments: ArraySlice<Int32>
    ) {
        let limit = Double(s.creditLimit!.minorUnits)
        // Month k of the window is bit k (no arrays: this runs for every customer with a credit line).
        var billed: Int64 = 0, billedLast3: Int64 = 0, billedMonths: UInt8 = 0, owing: UInt8 = 0, paying: UInt8 = 0
        for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) where ledger.invoiceIssued[i] <= asOf {
            let issued = ledger.invoiceIssued[i], due = ledger.invoiceDue[i], paid = paidOn[i]
            for k in 0..<6 {
                let month = months[k]
                if issued >= month.start && issued <= month.end {
                    billed += ledger.invoiceAmount[i]; billedMonths |= 1 << k
                    if k >= 3 { billedLast3 += ledger.invoiceAmount[i] }
                }
                // Something was due by the month's end and not yet paid in full at its start.
                if due <= month.end && (paid == Int32.min || paid >= month.start) { owing |= 1 << k }
            }
        }
        for day in payments where day <= asOf {
            for k in 0..<6 where day >= months[k].start && day <= months[k].end { paying |= 1 << k }
        }
        s.monthsWithoutPayment = (owing & ~paying).nonzeroBitCount
        let n = Int64(billedMonths.nonzeroBitCount)
        s.monthlyBilling = Money(minorUnits: n == 0 ? 0 : billed / n)
        s.billingToLimit = min(1.5, Double(billedLast3) / 3 / limit)
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
            medianLimit = median(scores.compactMap { $0.creditLimit?.minorUnits })
            medianBilling = median(
                scores.compactMap {
                    $0.creditLimit != nil && $0.monthlyBilling.isPositive ? $0.monthlyBilling.minorUnits : nil
                })
        }
    }

    /// One part taken off 1000, with what it says to the customer. The words are made only when asked
    /// for (`text`): scoring 100,000 customers makes 700,000 parts and shows one or a few.
    public struct Reason: Sendable {
        public let points: Int
        let kind: Kind
        enum Kind: Sendable {
            case lateShare(late: Int, due: Int, paidLate: Int), daysLate(Int), trend, noHistory, overdueShare(Int),
                oldestOverdue(Int)
            case utilisation(Int), billing(Int), monthsWithoutPayment(Int), smallLimit(Money, median: Money),
                smallBilling(Money, median: Money), bureau(Int)
            case brokenPromises(Int)
        }
        public var text: String {
            switch kind {
            case let .lateShare(late, due, paidLate):
                return late == paidLate
                    ? "paid \(paidLate) of \(due) invoices after their due date"
                    : "\(late) of \(due) invoices paid late or still unpaid past their due date"
            case let .daysLate(d): return "paid on average \(d) days after the due date"
            case .trend: return "paying later in the last 6 months"
            case .noHistory: return "no payment history yet"
            case let .overdueShare(p): return "\(p) % of what is owed is past due"
            case let .oldestOverdue(d): return "an invoice \(d) days past due"
            case let .utilisation(p): return "owes \(p) % of its credit limit"
            case let .billing(p): return "billed \(p) % of its credit limit a month, last 3 months"
            case let .monthsWithoutPayment(n): return "\(n) of the last 6 months with something due and no payment"
            case let .smallLimit(m, median): return "a small credit limit (\(m); the median is \(median))"
            case let .smallBilling(m, median): return "small monthly billing (\(m); the median is \(median))"
            case let .bureau(b): return "third-party credit score \(b)"
            case let .brokenPromises(n): return "broke \(n) promise\(n == 1 ? "" : "s") to pay in the last 12 months"
            }
        }
    }

    /// Turns the features into the score, its reasons and its tier (weights: docs/SCORING.md).
    mutating func finish(_ tiers: Tiers, _ line: CreditLine = CreditLine([])) {
        var parts: [Reason] = []
        parts.reserveCapacity(10)
        func add(_ points: Int, _ kind: Reason.Kind) { parts.append(Reason(points: points, kind: kind)) }
        if dueInvoices > 0 {
            let lateShare = Double(lateInvoices) / Double(dueInvoices)
            add(Int((lateShare * 450).rounded()), .lateShare(late: lateInvoices, due: dueInvoices, paidLate: paidLate))
            add(Int((min(weightedDaysLate, 120) / 120 * 150).rounded()), .daysLate(Int(weightedDaysLate.rounded())))
            if let recent = recentLateShare, recent > lateShare {
                add(Int(((recent - lateShare) * 100).rounded()), .trend)
            }
        } else {
            add(150, .noHistory)
        }
        if open.isPositive && overdue.isPositive {
            let share = Double(overdue.minorUnits) / Double(open.minorUnits)
            add(Int((share * 150).rounded()), .overdueShare(Int((share * 100).rounded())))
            add(Int((min(Double(overdueDays), 180) / 180 * 150).rounded()), .oldestOverdue(overdueDays))
        }
        if let limit = creditLimit {
            // Weights fitted by logistic regression on the Taiwan credit-card data, in the behaviour
            // terms' points (docs/SCORING.md, docs/VALIDATION.md).
            add(Int((utilisation * 290).rounded()), .utilisation(Int((utilisation * 100).rounded())))
            add(Int((billingToLimit * 215).rounded()), .billing(Int((billingToLimit * 100).rounded())))
            add(monthsWithoutPayment * 150, .monthsWithoutPayment(monthsWithoutPayment))
            if line.medianLimit > 0 {
                let small = min(5, max(0, log(line.medianLimit / Double(limit.minorUnits))))
                add(
                    Int((small * 90).rounded()),
                    .smallLimit(limit, median: Money(minorUnits: Int64(line.medianLimit.rounded()))))
            }
            // Only a customer billed in the 6 months is compared: no billing at all is no history, not
            // a small customer (the "no payment history yet" term covers a new one).
            if line.medianBilling > 0 && monthlyBilling.isPositive {
                let small = min(5, max(0, log(line.medianBilling / max(Double(monthlyBilling.minorUnits), 100))))
                add(
                    Int((small * 105).rounded()),
                    .smallBilling(monthlyBilling, median: Money(minorUnits: Int64(line.medianBilling.rounded()))))
            }
        }
        // A broken promise says what the payment history may not yet: 60 points each, at most 3
        // (a judgement, not fitted: no public data set records promises; docs/SCORING.md).
        if brokenPromises > 0 { add(60 * min(3, brokenPromises), .brokenPromises(brokenPromises)) }
        let behaviour = max(0, 1000 - parts.reduce(0) { $0 + $1.points })
        if let b = bureau {
            // The bureau weighs more when there is little history of our own.
            let w = paidInvoices >= 6 ? 0.2 : paidInvoices >= 2 ? 0.4 : 0.7
            let blended = Int((Double(behaviour) * (1 - w) + Double(min(1000, max(0, b))) * w).rounded())
            if blended < behaviour { add(behaviour - blended, .bureau(b)) }
            score = blended
        } else {
            score = behaviour
        }
        parts.removeAll { $0.points <= 0 }
        parts.sort { $0.points > $1.points }
        reasons = parts
        tier = score >= tiers.a ? "A" : score >= tiers.b ? "B" : score >= tiers.c ? "C" : "D"
    }
}
