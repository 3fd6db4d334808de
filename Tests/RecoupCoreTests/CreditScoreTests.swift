import Testing
@testable import RecoupCore

/// The internal credit score (docs/SCORING.md): behaviour as of a day, no peeking at later payments.
@Suite struct CreditScoreTests {
    let d = { (s: String) in Day(s)! }

    func invoices(_ c: String, _ n: Int) -> [Invoice] {
        (0..<n).map { k in Invoice(id: "\(c)-\(k)", customerId: c, issuedOn: d("2024-01-01") + 30 * k, dueOn: d("2024-01-31") + 30 * k, amount: Money(minorUnits: 100_00)) }
    }

    func payments(_ c: String, _ n: Int, late: Int) -> [Payment] {
        (0..<n).map { k in Payment(id: "P\(c)-\(k)", customerId: c, receivedOn: d("2024-01-31") + 30 * k + late, amount: Money(minorUnits: 100_00), invoiceId: "\(c)-\(k)") }
    }

    func scores(_ ledger: Ledger, asOf: String, bureau: [Int: Int] = [:]) -> [CreditScore] {
        CreditScore.scoreAll(ledger, ledger.allocate(asOf: d(asOf), record: true), bureau: { bureau[$0] })
    }

    @Test func promptPayersScoreAboveLatePayersAndNonPayers() {
        let ledger = Ledger(customers: ["A", "B", "C"], invoices: invoices("A", 6) + invoices("B", 6) + invoices("C", 6),
                            payments: payments("A", 6, late: -2) + payments("B", 6, late: 45))
        let s = scores(ledger, asOf: "2024-09-30")
        // A: 6 paid on time, nothing open: nothing taken off.
        #expect(s[0].score == 1000 && s[0].tier == "A" && s[0].paidLate == 0)
        // B: 6 of 6 paid 45 days late: 450 for the share, 45/120 x 150 = 56 for the days.
        #expect(s[1].paidInvoices == 6 && s[1].paidLate == 6 && s[1].score == 1000 - 450 - 56)
        #expect(s[1].reasons.first?.text == "paid 6 of 6 invoices after their due date")
        // Shown in the record: the late share of the last 12 months (all 6 invoices) and of the last 6
        // (the 3 due from April on).
        #expect(s[0].yearLateShare == 0 && s[1].yearLateShare == 1 && s[1].recentLateShare == 1)
        // C: nothing paid, everything overdue: the lowest.
        #expect(s[2].score < s[1].score && s[2].tier == "D")
    }

    /// A payment after the day does not count: as of the day the invoice is simply overdue.
    @Test func noPeekingAtLaterPayments() {
        let ledger = Ledger(customers: ["A"], invoices: invoices("A", 1), payments: payments("A", 1, late: 40))
        let before = scores(ledger, asOf: "2024-03-01")[0]   // 30 days past due, not yet paid
        #expect(before.paidInvoices == 0 && before.overdueDays == 30)
        let after = scores(ledger, asOf: "2024-03-15")[0]    // paid on 2024-03-11, 40 days late
        #expect(after.paidInvoices == 1 && after.paidLate == 1 && after.maxDaysLate == 40)
    }

    /// The bureau weighs more when there is little history of our own.
    @Test func bureauBlendsByHistory() {
        let ledger = Ledger(customers: ["A", "B"], invoices: invoices("B", 6), payments: payments("B", 6, late: 0))
        let s = scores(ledger, asOf: "2024-09-30", bureau: [0: 400, 1: 400])
        // A: no history (850 from behaviour), bureau 400 at weight 0.7: 535.
        #expect(s[0].score == 535)
        // B: 6 paid on time (1000), bureau at weight 0.2: 880.
        #expect(s[1].score == 880)
    }

    /// Tiers cut at the policy's scores. One invoice 60 days past due and never paid:
    /// 1000 - 450 (1 of 1 late) - 75 (60/120 x 150 days late) - 150 (all past due) - 50 (60/180 x 150) = 275.
    @Test func tiersCutAtThePolicysScores() {
        let ledger = Ledger(customers: ["A"], invoices: invoices("A", 1), payments: [])
        let allocation = ledger.allocate(asOf: d("2024-03-31"), record: true)
        let s = CreditScore.scoreAll(ledger, allocation, bureau: { _ in nil })[0]
        #expect(s.score == 275 && s.tier == "D")
        #expect(CreditScore.scoreAll(ledger, allocation, bureau: { _ in nil }, tiers: CreditScore.Tiers(a: 300, b: 275, c: 100))[0].tier == "B")
        #expect(CreditScore.scoreAll(ledger, allocation, bureau: { _ in nil }, tiers: CreditScore.Tiers(a: 300, b: 276, c: 275))[0].tier == "C")
    }

    /// One invoice a month, January to June 2024, issued the 1st and due the month's last day.
    func monthly(_ c: String, _ amount: Int64) -> [Invoice] {
        (1...6).map { m in
            let first = Day(year: 2024, month: m, day: 1)!
            return Invoice(id: "\(c)-\(m)", customerId: c, issuedOn: first, dueOn: first.addingMonths(1) - 1, amount: Money(minorUnits: amount))
        }
    }

    func paidOnDue(_ invoices: [Invoice]) -> [Payment] {
        invoices.map { Payment(id: "P\($0.id)", customerId: $0.customerId, receivedOn: $0.dueOn, amount: $0.amount, invoiceId: $0.id) }
    }

    /// The credit-line terms (docs/SCORING.md) for customers with a credit limit on file, scored as of
    /// 2024-07-01, so the 6 months are January to June and the last 3 April to June.
    @Test func creditLineTerms() {
        let inv = monthly("A", 100_00) + monthly("B", 100_00) + monthly("C", 10_00)
        let ledger = Ledger(customers: ["A", "B", "C", "D", "E"], invoices: inv + monthly("D", 100_00),
                            payments: paidOnDue(monthly("A", 100_00)) + paidOnDue(monthly("C", 10_00)) + paidOnDue(monthly("D", 100_00)))
        let limits: [Int: Int64] = [0: 2_000_00, 1: 2_000_00, 2: 500_00, 4: 2_000_00]
        let s = CreditScore.scoreAll(ledger, ledger.allocate(asOf: d("2024-07-01"), record: true), bureau: { _ in nil }, creditLimit: { limits[$0] })
        // A: billed 100.00 a month against 2,000.00: 5 % x 215 = 11 points; nothing open, a payment every month.
        #expect(s[0].monthlyBilling == Money(minorUnits: 100_00) && s[0].monthsWithoutPayment == 0 && s[0].score == 989)
        // B: never paid: 600.00 open = 30 % of the limit (87 points) and 6 months with something due and no payment.
        #expect(s[1].utilisation == 0.3 && s[1].monthsWithoutPayment == 6 && s[1].score == 0)
        #expect(s[1].reasons.contains { $0.points == 900 && $0.text == "6 of the last 6 months with something due and no payment" })
        #expect(s[1].reasons.contains { $0.points == 87 && $0.text == "owes 30 % of its credit limit" })
        // C: a limit of 500.00 against the median 2,000.00 (ln 4 x 90 = 125), billing 10.00 against the
        // median 100.00 of those billed (ln 10 x 105 = 242), 2 % of its limit a month (2 % x 215 = 4): 1000 - 371.
        #expect(s[2].score == 629)
        #expect(s[2].reasons.map(\.points) == [242, 125, 4])
        // D: no credit limit on file: no credit-line terms.
        #expect(s[3].score == 1000 && s[3].creditLimit == nil)
        // E: a limit but never billed: no history, and no billing to call small.
        #expect(s[4].score == 850 && s[4].reasons.count == 1)
        // The policy's score.credit_line off: the limits are ignored, C is a prompt payer again.
        let off = CreditScore.scoreAll(ledger, ledger.allocate(asOf: d("2024-07-01"), record: true), bureau: { _ in nil },
                                       creditLimit: { limits[$0] }, tiers: CreditScore.Tiers(creditLine: false))
        #expect(off[2].score == 1000 && off[2].creditLimit == nil && off[1].monthsWithoutPayment == 0)
    }

    /// Monthly billing averages the months billed: a contract that ended in the window does not make
    /// its customer small against one billed every month for the same amount.
    @Test func monthlyBillingAveragesTheBilledMonths() {
        let ended = Array(monthly("A", 100_00).prefix(2)), running = monthly("B", 100_00)
        let ledger = Ledger(customers: ["A", "B"], invoices: ended + running, payments: paidOnDue(ended) + paidOnDue(running))
        let s = CreditScore.scoreAll(ledger, ledger.allocate(asOf: d("2024-07-01"), record: true), bureau: { _ in nil }, creditLimit: { _ in 2_000_00 })
        #expect(s[0].monthlyBilling == Money(minorUnits: 100_00) && s[1].monthlyBilling == Money(minorUnits: 100_00))
        #expect(!s[0].reasons.contains { $0.text.hasPrefix("small monthly billing") })
        // Nothing billed in April to June: nothing billed against the limit there either.
        #expect(s[0].billingToLimit == 0 && s[1].billingToLimit == 0.05)
    }

    /// A payment received after the day does not make a month one with a payment.
    @Test func monthsWithoutPaymentDoNotPeek() {
        let inv = monthly("A", 100_00)
        let late = inv.map { Payment(id: "P\($0.id)", customerId: "A", receivedOn: d("2024-07-02"), amount: $0.amount, invoiceId: $0.id) }
        let ledger = Ledger(customers: ["A"], invoices: inv, payments: late)
        let before = CreditScore.scoreAll(ledger, ledger.allocate(asOf: d("2024-07-01"), record: true), bureau: { _ in nil }, creditLimit: { _ in 1_000_00 })[0]
        #expect(before.monthsWithoutPayment == 6 && before.utilisation == 0.6)
        // As of August the window is February to July: July had a payment, February to June did not.
        let after = CreditScore.scoreAll(ledger, ledger.allocate(asOf: d("2024-08-01"), record: true), bureau: { _ in nil }, creditLimit: { _ in 1_000_00 })[0]
        #expect(after.monthsWithoutPayment == 5 && after.utilisation == 0)
    }
}
