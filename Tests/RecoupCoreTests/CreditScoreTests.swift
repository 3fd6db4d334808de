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
}
