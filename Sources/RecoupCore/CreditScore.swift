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
    /// `bureau` gives each customer's bureau score known by the day (or nil).
    public static func scoreAll(_ ledger: Ledger, _ allocation: Allocation, bureau: (Int) -> Int?, tiers: Tiers = Tiers()) -> [CreditScore] {
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
            s.finish(tiers)
            out[c] = s
        }
        return out
    }

    /// Turns the features into the score, its reasons and its tier (weights: docs/SCORING.md).
    mutating func finish(_ tiers: Tiers) {
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
