import Testing
@testable import RecoupCore

/// The call queue's priority formula (`Queue`) on hand-built ledgers: order, figures and reasons.
@Suite struct QueueTests {
    func d(_ s: String) -> Day { Day(s)! }
    func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }
    let asOf = Day("2024-06-30")!
    let settings = Queue.Settings(
        minAmount: Money(minorUnits: 10000), promiseDays: 30, planGraceDays: 15, agingBounds: [30, 60, 90],
        ladder: OverdueLadder("reminder:1,warning:15,suspend:contract,legal_review:90")!, defaultSuspendAfterDays: 60)

    func inv(
        _ id: String, _ c: String, issued: String, due: String, _ amount: Int64, contract: String? = nil,
        disputed: Bool = false
    ) -> Invoice {
        Invoice(
            id: id, customerId: c, contractId: contract, issuedOn: d(issued), dueOn: d(due), amount: m(amount),
            disputed: disputed)
    }

    func pay(_ id: String, _ c: String, on: String, _ amount: Int64, invoice: String? = nil) -> Payment {
        Payment(id: id, customerId: c, receivedOn: d(on), amount: m(amount), invoiceId: invoice)
    }

    /// As of 2024-06-30 (30 days before: 2024-05-31). Nothing fell due 90 days before, so every
    /// collection rate is 1 and `at risk` is overdue × band:
    ///
    /// - A: 1,000.00 due 06-20 (10 days, band 1), not overdue on 05-31: 1,000 + 1,000 = 2,000.00.
    /// - B: 600.00 due 04-20 (71 days, band 3), as overdue on 05-31: 600 × 3 = 1,800.00.
    /// - C: plan row PLC#01 300.00 due 06-01 (29 days, band 1) open past the 15 grace days: plan
    ///   broken, (300 + 300) × 2 = 1,200.00.
    /// - E: 2,400.00 due 06-01 (band 1) and a disputed 500.00: (2,400 + 2,400) ÷ 2 = 2,400.00.
    /// - P: 3,000.00 due 06-25, promised on 06-28 for 07-05: (3,000 + 3,000) ÷ 4 = 1,500.00.
    /// - Q: 500.00 due 05-15, 100.00 paid 06-15 toward a promise of 400.00 due 06-20: broken.
    ///   400 overdue 46 days (band 2), down 100 in 30 days: 400 × 2 × 2 = 1,600.00.
    /// - G: 50.00 overdue, under queue.min_amount (100.00): left out. H: nothing overdue.
    var ledger: Ledger {
        Ledger(
            customers: ["A", "B", "C", "E", "G", "H", "P", "Q"],
            invoices: [
                inv("A1", "A", issued: "2024-05-20", due: "2024-06-20", 1000),
                inv("B1", "B", issued: "2024-03-20", due: "2024-04-20", 600),
                inv("PLC#01", "C", issued: "2024-05-01", due: "2024-06-01", 300, contract: "PLC"),
                inv("E1", "E", issued: "2024-05-01", due: "2024-06-01", 2400, contract: "KE"),
                inv("E2", "E", issued: "2024-04-01", due: "2024-05-01", 500, contract: "KE", disputed: true),
                inv("G1", "G", issued: "2024-05-01", due: "2024-06-01", 50),
                inv("H1", "H", issued: "2024-06-01", due: "2024-07-01", 5000),
                inv("P1", "P", issued: "2024-05-25", due: "2024-06-25", 3000),
                inv("Q1", "Q", issued: "2024-04-15", due: "2024-05-15", 500),
            ], payments: [pay("Q-PAY", "Q", on: "2024-06-15", 100)])
    }
    /// P promised 3,000 on 06-28 by 07-05: pending on the day. Q promised 400 on 06-10 by 06-20 and
    /// paid 100 on 06-15: broken on 06-21 (grace 0, threshold 100 %).
    var promises: [PromiseStanding] {
        let rule = PromiseRule()
        let p = Promise(
            id: "R1", customerId: "P", amount: Money(minorUnits: 300000), madeOn: Day("2024-06-28")!,
            promisedOn: Day("2024-07-05")!)
        let q = Promise(
            id: "R2", customerId: "Q", amount: Money(minorUnits: 40000), madeOn: Day("2024-06-10")!,
            promisedOn: Day("2024-06-20")!)
        let l = ledger
        return rule.standings([p], payments: l.cashPayments(customer: l.customerIds.firstIndex(of: "P")!), asOf: asOf)
            + rule.standings([q], payments: l.cashPayments(customer: l.customerIds.firstIndex(of: "Q")!), asOf: asOf)
    }

    @Test func priorityOrderAndFigures() {
        let q = Queue.build(
            ledger, asOf: asOf, settings: settings, suspendAfterDays: [:], plans: ["PLC"], promises: promises
        ).entries
        #expect(q.map(\.customerId) == ["E", "A", "B", "Q", "P", "C"])
        #expect(q.map(\.priority) == [m(2400), m(2000), m(1800), m(1600), m(1500), m(1200)])
        #expect(q.map(\.overdue) == [m(2400), m(1000), m(600), m(400), m(3000), m(300)])
        #expect(q.map(\.days) == [29, 10, 71, 46, 5, 29])
        #expect(q.map(\.state) == ["warning", "reminder", "suspend", "warning", "reminder", "warning"])
    }

    @Test func reasonsACollectorReads() {
        let q = Queue.build(
            ledger, asOf: asOf, settings: settings, suspendAfterDays: [:], plans: ["PLC"], promises: promises
        ).entries
        let reasons = Dictionary(uniqueKeysWithValues: q.map { ($0.customerId, $0.reason) })
        #expect(reasons["E"] == "¥2,400.00 overdue 29 days; up ¥2,400.00 in 30 days; ¥500.00 disputed (ranked lower)")
        #expect(reasons["A"] == "¥1,000.00 overdue 10 days; up ¥1,000.00 in 30 days")
        #expect(reasons["B"] == "¥600.00 overdue 71 days; suspended (no contract)")
        #expect(
            reasons["Q"]
                == "¥400.00 overdue 46 days; down ¥100.00 in 30 days; broke a promise of ¥400.00 due 2024-06-20")
        #expect(
            reasons["P"]
                == "¥3,000.00 overdue 5 days; up ¥3,000.00 in 30 days; promised ¥3,000.00 by 2024-07-05 (ranked lower)")
        #expect(reasons["C"] == "¥300.00 overdue 29 days; up ¥300.00 in 30 days; plan PLC broken")
    }

    /// Without the promises and the plan, P and C lose their factors: P rises to the top, C halves.
    @Test func factorsAreWhatMoveTheRank() {
        let q = Queue.build(ledger, asOf: asOf, settings: settings, suspendAfterDays: [:]).entries
        #expect(q.map(\.customerId) == ["P", "E", "A", "B", "Q", "C"])
        #expect(q.first { $0.customerId == "P" }?.priority == m(6000))
        #expect(q.first { $0.customerId == "C" }?.priority == m(600))
        #expect(q.first { $0.customerId == "Q" }?.priority == m(800))
    }

    /// The collection rate: F has three invoices matured (due by 2024-04-01), two paid: rate 2/3,
    /// factor 2 − 2/3 = 4/3. 100.00 overdue 91 days (band 4): 100 × 4 × 4/3 = 533.33 (half-up).
    @Test func collectionRateWeighsTheAmountAtRisk() {
        let ledger = Ledger(
            customers: ["F"],
            invoices: [
                inv("F1", "F", issued: "2024-01-01", due: "2024-01-31", 100),
                inv("F2", "F", issued: "2024-02-01", due: "2024-02-29", 100),
                inv("F3", "F", issued: "2024-03-01", due: "2024-03-31", 100),
            ],
            payments: [
                pay("X1", "F", on: "2024-01-31", 100, invoice: "F1"),
                pay("X2", "F", on: "2024-02-29", 100, invoice: "F2"),
            ])
        let q = Queue.build(ledger, asOf: asOf, settings: settings, suspendAfterDays: [:]).entries
        #expect(q.count == 1)
        #expect(q[0].priority == Money(minorUnits: 53333))
        #expect(
            q[0].reason == "¥100.00 overdue 91 days; paid 66 % of what fell due 90+ days ago; suspended (no contract)")
        #expect(q[0].state == "legal_review")
    }

    /// `--limit`: the first calls with their reasons, and how many qualify in all.
    @Test func limitKeepsTheFirstCalls() {
        let q = Queue.build(
            ledger, asOf: asOf, settings: settings, suspendAfterDays: [:], plans: ["PLC"], promises: promises, limit: 2)
        #expect(q.entries.map(\.customerId) == ["E", "A"])
        #expect(q.total == 6)
        #expect(q.entries[1].reason == "¥1,000.00 overdue 10 days; up ¥1,000.00 in 30 days")
    }

    /// The customer filter (`--agent`) and the minimum amount.
    @Test func filters() {
        let q = Queue.build(ledger, asOf: asOf, settings: settings, suspendAfterDays: [:], customers: [0, 1, 4]).entries
        #expect(q.map(\.customerId) == ["A", "B"])
        var low = settings
        low.minAmount = .zero
        #expect(
            Queue.build(ledger, asOf: asOf, settings: low, suspendAfterDays: [:], customers: [4]).entries.map(
                \.customerId) == ["G"])
    }
}
