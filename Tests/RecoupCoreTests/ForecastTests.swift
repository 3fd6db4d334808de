import Testing
@testable import RecoupCore

/// The collections forecast (`Forecast`): hand-computed figures on a small ledger, then properties
/// on a generated portfolio.
@Suite struct ForecastTests {
    func d(_ s: String) -> Day { Day(s)! }
    func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }

    func inv(_ id: String, _ c: String, issued: String, due: String, _ amount: Money, contract: String? = nil) -> Invoice {
        Invoice(id: id, customerId: c, contractId: contract, issuedOn: d(issued), dueOn: d(due), amount: amount)
    }

    func pay(_ id: String, _ c: String, on: String, _ amount: Int64, invoice: String) -> Payment {
        Payment(id: id, customerId: c, receivedOn: d(on), amount: m(amount), invoiceId: invoice)
    }

    /// As of 2024-06-30 (matured = due on or before 2024-04-01; stale = due before 2023-07-01):
    ///
    /// - A pays on time: A1 due 01-31 paid 01-31, A2 due 02-29 paid 02-25 (early: 0), A3 due 03-31 paid
    ///   03-31. Delay 0, 3 matured all paid: rate 1. Open: A4 200.00 due 07-01, and plan row PL1#01
    ///   60.00 (issued after D) due 09-10.
    /// - B pays late: B1 due 01-15 paid 02-04 (20 days), B2 due 02-15 paid 03-16 (30), B3 due 03-01 paid
    ///   04-10 (40), 100.00 each: delay (2000+3000+4000)/300 = 30. B4 100.00 due 03-20 never paid:
    ///   matured 400, collected 300, rate 3/4. Open: B4 (overdue), B5 300.00 due 06-25.
    /// - C has no history: C1 99.99 due 08-15.
    /// - D has no paid invoice: D1 500.00 due 2023-02-01 (515 days overdue: half rate), D2 500.00 issued
    ///   2024-09-01 (after D) due 2025-03-01.
    ///
    /// Portfolio: delay over every application = (A: 300 × 0 + B: 9000) / 600 = 15 days;
    /// matured A 300 + B 400 + D 500 = 1200, collected 300 + 300 = 600: rate 1/2.
    var ledger: Ledger {
        let invoices = [
            inv("A1", "A", issued: "2024-01-01", due: "2024-01-31", m(100)), inv("A2", "A", issued: "2024-01-30", due: "2024-02-29", m(100)),
            inv("A3", "A", issued: "2024-03-01", due: "2024-03-31", m(100)), inv("A4", "A", issued: "2024-06-01", due: "2024-07-01", m(200)),
            inv("PL1#01", "A", issued: "2024-07-01", due: "2024-09-10", m(60), contract: "PL1"),
            inv("B1", "B", issued: "2023-12-15", due: "2024-01-15", m(100)), inv("B2", "B", issued: "2024-01-15", due: "2024-02-15", m(100)),
            inv("B3", "B", issued: "2024-02-01", due: "2024-03-01", m(100)), inv("B4", "B", issued: "2024-02-20", due: "2024-03-20", m(100)),
            inv("B5", "B", issued: "2024-05-25", due: "2024-06-25", m(300)),
            inv("C1", "C", issued: "2024-06-01", due: "2024-08-15", Money(minorUnits: 9999)),
            inv("D1", "D", issued: "2023-01-01", due: "2023-02-01", m(500)), inv("D2", "D", issued: "2024-09-01", due: "2025-03-01", m(500)),
        ]
        let payments = [
            pay("PA1", "A", on: "2024-01-31", 100, invoice: "A1"), pay("PA2", "A", on: "2024-02-25", 100, invoice: "A2"),
            pay("PA3", "A", on: "2024-03-31", 100, invoice: "A3"),
            pay("PB1", "B", on: "2024-02-04", 100, invoice: "B1"), pay("PB2", "B", on: "2024-03-16", 100, invoice: "B2"),
            pay("PB3", "B", on: "2024-04-10", 100, invoice: "B3"),
        ]
        return Ledger(customers: ["A", "B", "C", "D"], invoices: invoices, payments: payments)
    }

    @Test func profilesFromHistory() {
        let l = ledger
        let (portfolio, p) = Forecast.profiles(l, allocation: l.allocate(asOf: d("2024-06-30"), record: true))
        #expect(portfolio == Forecast.Profile(delayDays: 15, matured: m(1200), collected: m(600)))
        #expect(p[0] == Forecast.Profile(delayDays: 0, matured: m(300), collected: m(300)))                 // A: prompt
        #expect(p[1] == Forecast.Profile(delayDays: 30, matured: m(400), collected: m(300)))                // B: late
        #expect(p[2] == Forecast.Profile(delayDays: 15, matured: m(1200), collected: m(600), ownDelay: false, ownRate: false))  // C
        #expect(p[3] == Forecast.Profile(delayDays: 15, matured: m(1200), collected: m(600), ownDelay: false, ownRate: false))  // D
    }

    /// Six months from June 2024:
    /// - A4: 07-01 + 0 → July, 200.00 × 1 = 200.00; PL1#01: 09-10 → September, 60.00.
    /// - B4 (overdue, 102 days): 06-30 + 30 = 07-30 → July, 100.00 × 3/4 = 75.00; due in June.
    /// - B5 (overdue): 06-30 + 30 = 07-30 → July, 300.00 × 3/4 = 225.00: the delay moves it out of June.
    /// - C1: 08-15 + 15 = 08-30 → August, 99.99 × 1/2 = 49.995 → 50.00 (half-up, per item).
    /// - D1 (stale): 06-30 + 15 = 07-15 → July, 500.00 × 1/4 = 125.00; due in June.
    /// - D2: 2025-03-01 + 15 → after November: later, 250.00; due later 500.00.
    @Test func portfolioByMonth() {
        let f = Forecast.project(ledger, asOf: d("2024-06-30"), months: 6)
        #expect(f.months.map(\.month) == ["2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11"])
        #expect(f.months.map(\.expected) == [.zero, m(625), m(50), m(60), .zero, .zero])
        #expect(f.months.map(\.due) == [m(900), m(200), Money(minorUnits: 9999), m(60), .zero, .zero])
        #expect(f.later == m(250))
        #expect(f.laterDue == m(500))
        #expect(f.totalExpected == m(985))
        #expect(f.totalDue == m(1760) - Money(minorUnits: 1))  // 1,759.99
    }

    @Test func promptPayerKeepsTheDueMonth() {
        let f = Forecast.project(ledger, asOf: d("2024-06-30"), months: 4, customers: [0])
        #expect(f.months.map(\.expected) == [.zero, m(200), .zero, m(60)])
        #expect(f.months.map(\.due) == f.months.map(\.expected))
    }

    @Test func latePayerMovesToTheDelayMonth() {
        let f = Forecast.project(ledger, asOf: d("2024-06-30"), months: 3, customers: [1])
        #expect(f.months.map(\.due) == [m(400), .zero, .zero])       // B4 and B5 are overdue: June
        #expect(f.months.map(\.expected) == [.zero, m(300), .zero])  // 30 days later, at 3/4: July
        #expect(f.later == .zero)
    }

    @Test func noHistoryTakesThePortfolioFigures() {
        let f = Forecast.project(ledger, asOf: d("2024-06-30"), months: 3, customers: [2])
        #expect(f.months.map(\.expected) == [.zero, .zero, m(50)])
        #expect(f.portfolio.delayDays == 15)
    }

    @Test func afterTheHorizonIsLater() {
        let f = Forecast.project(ledger, asOf: d("2024-06-30"), months: 1, customers: [3])
        #expect(f.months == [Forecast.Month(month: "2024-06", expected: .zero, due: m(500))])
        #expect(f.later == m(375))          // D1 125.00 in July, D2 250.00
        #expect(f.laterDue == m(500))
        let year = Forecast.project(ledger, asOf: d("2024-06-30"), months: 12, customers: [3])
        #expect(year.months[1].expected == m(125))
        #expect(year.months.last!.month == "2025-05")
        #expect(year.months[9] == Forecast.Month(month: "2025-03", expected: m(250), due: m(500)))
        #expect(year.later == .zero)
    }

    @Test func filterAddsUp() {
        let all = Forecast.project(ledger, asOf: d("2024-06-30"), months: 6)
        let parts = (0..<4).map { Forecast.project(ledger, asOf: d("2024-06-30"), months: 6, customers: [$0]) }
        for k in 0..<6 {
            #expect(parts.map { $0.months[k].expected }.reduce(.zero, +) == all.months[k].expected)
            #expect(parts.map { $0.months[k].due }.reduce(.zero, +) == all.months[k].due)
        }
        #expect(Forecast.project(ledger, asOf: d("2024-06-30"), months: 6, customers: []).totalDue == .zero)
    }

    @Test func monthsCrossTheYear() {
        let f = Forecast.project(Ledger(), asOf: d("2024-11-15"), months: 4)
        #expect(f.months.map(\.month) == ["2024-11", "2024-12", "2025-01", "2025-02"])
        #expect(f.portfolio == Forecast.Profile(delayDays: 0, matured: .zero, collected: .zero))
        #expect(f.portfolio.collectionRate == 1)
    }

    // MARK: properties on a generated portfolio

    static let generated = PortfolioGenerator(customers: 400, seed: 7, end: Day("2024-12-31")!).generate()

    @Test(arguments: ["2024-03-31", "2024-09-15", "2024-12-31"])
    func expectedNeverExceedsDue(_ asOf: String) {
        let p = Self.generated
        let l = Ledger(customers: p.customers.map(\.id), invoices: p.invoices, payments: p.payments)
        let f = Forecast.project(l, asOf: d(asOf), months: 12)
        #expect(f.totalExpected <= f.totalDue)
        #expect(f.totalExpected.isPositive)
        #expect(f.months.allSatisfy { !$0.expected.isNegative && !$0.due.isNegative })
        #expect(!f.later.isNegative && !f.laterDue.isNegative)
        // Due is everything open as of the day, once.
        let open = l.allocate(asOf: d(asOf)).open.reduce(0, +)
        #expect(f.totalDue.minorUnits == open)
        let profiles = Forecast.profiles(l, allocation: l.allocate(asOf: d(asOf), record: true)).customers
        #expect(profiles.allSatisfy { $0.delayDays >= 0 && $0.collected <= $0.matured })
    }

    /// Every invoice due by 90 days before the day is settled on its due date (delay 0, rate 1 for
    /// everyone and for the portfolio); the rest are open. Expected then equals due, month by month.
    @Test func rateOneAndNoDelayGiveTheDueAmounts() {
        let asOf = d("2024-09-15")
        let invoices = Self.generated.invoices.map { v -> Invoice in
            var v = v
            v.disputed = false
            v.settledOn = v.dueOn <= asOf - 90 ? v.dueOn : nil
            return v
        }
        let l = Ledger(customers: Self.generated.customers.map(\.id), invoices: invoices, payments: [])
        let f = Forecast.project(l, asOf: asOf, months: 4)
        #expect(f.portfolio.delayDays == 0 && f.portfolio.collected == f.portfolio.matured)
        #expect(f.months.map(\.expected) == f.months.map(\.due))
        #expect(f.later == f.laterDue)
        #expect(f.totalDue.isPositive && f.months[0].due.isPositive && f.laterDue.isPositive)
    }
}

/// A restructuring into a plan is not cash: it leaves the customer's paying history alone.
@Suite struct ForecastRestructuringTests {
    @Test func restructuringsAreNotPaymentsInTheHistory() {
        let d = { (s: String) in Day(s)! }
        let invoices = (1...4).map { k in
            Invoice(id: "I\(k)", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-01-31"), amount: Money(minorUnits: 100_00))
        }
        // I1..I3 restructured on 2024-03-01 (non-cash), I4 open: nothing was ever paid in cash.
        let restructurings = (1...3).map { k in
            Payment(id: Payment.restructurePrefix + "PL1~I\(k)", customerId: "C1", receivedOn: d("2024-03-01"), amount: Money(minorUnits: 100_00), invoiceId: "I\(k)")
        }
        let ledger = Ledger(customers: ["C1"], invoices: invoices, payments: restructurings)
        #expect(ledger.paymentIsRestructuring == [true, true, true])
        let (_, customers) = Forecast.profiles(ledger, allocation: ledger.allocate(asOf: d("2024-06-30"), record: true))
        // Counted as payments, C1 would show 3 invoices paid 30 days late and a rate of 3/4;
        // left out, C1 has no paid history of its own and one matured invoice, all still open.
        #expect(!customers[0].ownDelay)
        #expect(!customers[0].ownRate)
    }
}
