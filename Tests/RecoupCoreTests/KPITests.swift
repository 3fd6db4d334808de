import Testing
@testable import RecoupCore

/// Collections KPIs (`KPI`): the published figures of ../shared/spec/test-vectors.md ("Collections
/// metrics"), then a period of a small ledger worked by hand.
@Suite struct KPITests {
    func d(_ s: String) -> Day { Day(s)! }
    func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }

    // MARK: Published figures (test-vectors.md, "Collections metrics")

    /// Source: test-vectors.md, "Count-back DSO": AR 212,000; sales in the last three 30-day months
    /// 100,000, 80,000, 70,000 -> 73.71 days (30 + 30 + 32,000/70,000 × 30).
    @Test func countBackDSOWithThirtyDayMonths() {
        let months = [100_000, 80_000, 70_000].map { KPI.MonthSales(sales: m($0), days: 30) }
        #expect(KPI.countBackDSO(receivables: m(212_000), months: months)?.decimal(places: 2) == "73.71")
    }

    /// Source: test-vectors.md, "Count-back DSO" with actual month lengths: AR 2,100,000; Mar 900,000
    /// (31 d), Feb 800,000 (28 d), Jan 700,000 (31 d) -> 76.71 (31 + 28 + 400,000/700,000 × 31).
    @Test func countBackDSOWithActualMonthLengths() {
        let months = [KPI.MonthSales(sales: m(900_000), days: 31), KPI.MonthSales(sales: m(800_000), days: 28),
                      KPI.MonthSales(sales: m(700_000), days: 31)]
        #expect(KPI.countBackDSO(receivables: m(2_100_000), months: months)?.decimal(places: 2) == "76.71")
    }

    /// Source: test-vectors.md, "DSO / best possible DSO / average days delinquent": AR 150,000 of which
    /// current 100,000, annual credit sales 1,800,000, 365 days -> DSO 30.42, BPDSO 20.28, ADD 10.14.
    @Test func dsoBestPossibleAndDaysDelinquent() {
        #expect(KPI.dso(receivables: m(150_000), creditSales: m(1_800_000), days: 365)?.decimal(places: 2) == "30.42")
        #expect(KPI.bestPossibleDSO(currentReceivables: m(100_000), creditSales: m(1_800_000), days: 365)?.decimal(places: 2) == "20.28")
        #expect(KPI.averageDaysDelinquent(receivables: m(150_000), currentReceivables: m(100_000), creditSales: m(1_800_000),
                                          days: 365)?.decimal(places: 2) == "10.14")
    }

    /// Source: test-vectors.md, "CEI": beginning AR 6,200; credit sales 10,890 over 3 months; ending AR
    /// 6,340; ending current AR 3,590 -> 55.9 % with sales divided by the number of months:
    /// (6,200 + 3,630 − 6,340) / (6,200 + 3,630 − 3,590) = 3,490 / 6,240.
    @Test func collectionEffectivenessIndex() {
        let cei = KPI.cei(beginning: m(6_200), creditSales: m(10_890), months: 3, ending: m(6_340), endingCurrent: m(3_590))
        #expect(cei?.decimal(places: 1) == "55.9")
        #expect(cei == Ratio(349_000, over: 6_240))
    }

    /// Source: test-vectors.md, "Roll rate": 1,000,000 in 31-60 at month end; 200,000 of it in 61-90 a
    /// month later -> 20 %.
    @Test func rollRate() {
        #expect(KPI.rollRate(from: m(1_000_000), rolled: m(200_000))?.decimal(places: 1) == "20.0")
        #expect(KPI.rollRate(from: m(1_000_000), rolled: m(200_000))?.decimal(places: 0) == "20")
    }

    /// Source: test-vectors.md, "Amount-weighted delay": 140 paid 7 days late and 85 paid 55 days late
    /// -> 25.13 days ((980 + 4,675) / 225).
    @Test func amountWeightedDelay() {
        let delay = KPI.weightedDelay([KPI.Paid(amount: m(140), daysLate: 7), KPI.Paid(amount: m(85), daysLate: 55)])
        #expect(delay?.decimal(places: 2) == "25.13")
        // Early payments count as 0 days, not as negative ones.
        #expect(KPI.weightedDelay([KPI.Paid(amount: m(100), daysLate: -10), KPI.Paid(amount: m(100), daysLate: 10)])?.decimal(places: 2) == "5.00")
    }

    // MARK: Edges of the formulas

    @Test func undefinedFiguresAreNil() {
        #expect(KPI.dso(receivables: m(100), creditSales: .zero, days: 31) == nil)
        #expect(KPI.rollRate(from: .zero, rolled: .zero) == nil)
        #expect(KPI.weightedDelay([]) == nil)
        #expect(KPI.turnover(creditSales: m(10), beginning: .zero, ending: .zero) == nil)
    }

    /// The count stops as soon as the receivables are used up; it runs out (nil) when they are more
    /// than every month's sales; a month without sales counts whole.
    @Test func countBackEdges() {
        let months = [KPI.MonthSales(sales: .zero, days: 31), KPI.MonthSales(sales: m(100), days: 30), KPI.MonthSales(sales: m(50), days: 31)]
        #expect(KPI.countBackDSO(receivables: m(100), months: months) == Ratio(61, over: 1))     // 31 + 30, exactly used up
        #expect(KPI.countBackDSO(receivables: m(125), months: months)?.decimal(places: 2) == "76.50")  // 61 + 25/50 × 31
        #expect(KPI.countBackDSO(receivables: m(151), months: months) == nil)
        #expect(KPI.countBackDSO(receivables: .zero, months: []) == Ratio(0, over: 1))
    }

    @Test func ratioDecimals() {
        #expect(Ratio(1, over: 8)!.decimal(places: 2) == "0.13")      // 0.125: half-up
        #expect(Ratio(-1, over: 8)!.decimal(places: 2) == "-0.13")    // away from zero
        #expect(Ratio(3, over: -4)!.decimal(places: 1) == "-0.8")
        #expect(Ratio(5, over: 2)!.decimal(places: 0) == "3")
        #expect(Ratio(1, over: 300)!.decimal(places: 2) == "0.00")
        #expect(Ratio(1, over: 0) == nil)
        #expect(Ratio(6, over: -4) == Ratio(-3, over: 2))           // lowest terms, positive denominator
        #expect(Ratio(-6, over: -4)!.numerator == 3)
    }

    @Test func periods() {
        let feb = KPI.Period(month: "2024-02")!
        #expect(feb.from == d("2024-02-01") && feb.to == d("2024-02-29") && feb.days == 29 && feb.months == 1)
        #expect(KPI.Period(month: "2024-13") == nil)
        #expect(KPI.Period(month: "2024-5") == nil)
        #expect(KPI.Period(month: "2024-05-01") == nil)
        #expect(KPI.Period.monthBefore(d("2024-06-30")) == KPI.Period(month: "2024-05")!)
        #expect(KPI.Period.monthBefore(d("2024-01-15")) == KPI.Period(month: "2023-12")!)
        #expect(KPI.Period(from: d("2024-01-15"), to: d("2024-02-14")).months == 2)
        #expect(KPI.Period(from: d("2024-01-01"), to: d("2024-03-31")).months == 3)
        #expect(KPI.monthEarlier(d("2024-03-31")) == d("2024-02-29"))
        #expect(KPI.monthEarlier(d("2024-04-30")) == d("2024-03-31"))
        #expect(KPI.monthEarlier(d("2024-04-15")) == d("2024-03-15"))
    }

    // MARK: A period of a small ledger, by hand

    /// - A1 issued 03-01 due 03-31, 1,000.00: paid by PA1 04-15 (15 days late).
    /// - A2 issued 04-01 due 04-30, 2,000.00: PA2 05-15 pays 1,500.00 (15 days late); 500.00 open.
    /// - A3 issued 05-10 due 06-09, 3,000.00: open, not yet due on 05-31.
    /// - B1 issued 02-01 due 03-02, 500.00: PB1 05-02 pays 300.00 (61 days late); 200.00 open.
    /// - B2 issued 05-20 due 05-25, 400.00: open, overdue on 05-31.
    var ledger: Ledger {
        func inv(_ id: String, _ c: String, _ issued: String, _ due: String, _ amount: Int64) -> Invoice {
            Invoice(id: id, customerId: c, issuedOn: d(issued), dueOn: d(due), amount: m(amount))
        }
        func pay(_ id: String, _ c: String, _ on: String, _ amount: Int64, _ invoice: String) -> Payment {
            Payment(id: id, customerId: c, receivedOn: d(on), amount: m(amount), invoiceId: invoice)
        }
        return Ledger(customers: ["A", "B"], invoices: [
            inv("A1", "A", "2024-03-01", "2024-03-31", 1_000), inv("A2", "A", "2024-04-01", "2024-04-30", 2_000),
            inv("A3", "A", "2024-05-10", "2024-06-09", 3_000), inv("B1", "B", "2024-02-01", "2024-03-02", 500),
            inv("B2", "B", "2024-05-20", "2024-05-25", 400),
        ], payments: [
            pay("PA1", "A", "2024-04-15", 1_000, "A1"), pay("PA2", "A", "2024-05-15", 1_500, "A2"),
            pay("PB1", "B", "2024-05-02", 300, "B1"),
        ])
    }

    /// May 2024 (31 days, N = 1):
    /// - AR on 04-30: A2 2,000 + B1 500 = 2,500. AR on 05-31: A2 500 + A3 3,000 + B1 200 + B2 400 = 4,100,
    ///   current (due on or after 05-31) A3 3,000. Credit sales A3 + B2 = 3,400. Collections 1,500 + 300.
    /// - DSO 4,100/3,400 × 31 = 37.38; BPDSO 3,000/3,400 × 31 = 27.35; ADD 1,100/3,400 × 31 = 10.03.
    /// - Count-back: May 3,400 (31 d) used up, 700 left of April's 2,000 (30 d): 31 + 10.5 = 41.50.
    /// - CEI (2,500 + 3,400 − 4,100) / (2,500 + 3,400 − 3,000) = 1,800 / 2,900 = 62.1 %.
    /// - Turnover 3,400 / ((2,500 + 4,100) / 2) = 1.03.
    /// - Rolls from 04-30: current A2 2,000 → 500 open on 05-31, 31 days late (31-60, a later bucket):
    ///   25.0 %; 31-60 B1 500 (59 days) → 200 open, 90 days (61-90): 40.0 %; 1-30 and 61-90 empty.
    /// - Delays of May's payments: A 1,500 × 15 days, B 300 × 61; A first (22,500 > 18,300 amount-days);
    ///   portfolio 40,800 / 1,800 = 22.67.
    @Test func monthOfASmallLedger() {
        let r = KPI.report(ledger, period: KPI.Period(month: "2024-05")!, agingBounds: [30, 60, 90])
        #expect(r.beginningReceivables == m(2_500))
        #expect(r.endingReceivables == m(4_100))
        #expect(r.endingCurrentReceivables == m(3_000))
        #expect(r.creditSales == m(3_400))
        #expect(r.collections == m(1_800))
        #expect(r.dso?.decimal(places: 2) == "37.38")
        #expect(r.bestPossibleDSO?.decimal(places: 2) == "27.35")
        #expect(r.averageDaysDelinquent?.decimal(places: 2) == "10.03")
        #expect(r.countBackDSO?.decimal(places: 2) == "41.50")
        #expect(r.ceiPercent?.decimal(places: 1) == "62.1")
        #expect(r.turnover?.decimal(places: 2) == "1.03")
        #expect(r.salesByMonth.prefix(4) == [KPI.MonthSales(sales: m(3_400), days: 31), KPI.MonthSales(sales: m(2_000), days: 30),
                                             KPI.MonthSales(sales: m(1_000), days: 31), KPI.MonthSales(sales: m(500), days: 29)])
        #expect(r.salesByMonth.count == 24)
        #expect(r.rollFrom == d("2024-04-30"))
        #expect(r.rolls.map(\.from) == ["current", "1-30", "31-60", "61-90"])
        #expect(r.rolls.map(\.to) == ["1-30", "31-60", "61-90", "91+"])
        #expect(r.rolls.map(\.amount) == [m(2_000), .zero, m(500), .zero])
        #expect(r.rolls.map(\.rolled) == [m(500), .zero, m(200), .zero])
        #expect(r.rolls.map { $0.ratePercent?.decimal(places: 1) } == ["25.0", nil, "40.0", nil])
        #expect(r.delays.map(\.customer) == [0, 1])
        #expect(r.delays.map(\.paid) == [m(1_500), m(300)])
        #expect(r.delays.map { $0.delay.decimal(places: 2) } == ["15.00", "61.00"])
        #expect(r.averageDelay?.decimal(places: 2) == "22.67")
    }

    /// 2024-04-01 to 2024-05-31 (61 days, N = 2): AR on 03-31 A1 1,000 + B1 500 = 1,500; credit sales
    /// A2 + A3 + B2 = 5,400; AR at the end as above. DSO 4,100/5,400 × 61 = 46.31; CEI
    /// (2 × 1,500 + 5,400 − 2 × 4,100) / (2 × 1,500 + 5,400 − 2 × 3,000) = 200/2,400 = 8.3 %; turnover
    /// 10,800/5,600 = 1.93. A's delay now also counts PA1 (1,000 × 15): 2,500 paid, 15.00 days.
    @Test func rangeOfTwoMonths() {
        let r = KPI.report(ledger, period: KPI.Period(from: d("2024-04-01"), to: d("2024-05-31")), agingBounds: [30, 60, 90])
        #expect(r.beginningReceivables == m(1_500))
        #expect(r.creditSales == m(5_400))
        #expect(r.collections == m(2_800))
        #expect(r.dso?.decimal(places: 2) == "46.31")
        #expect(r.ceiPercent?.decimal(places: 1) == "8.3")
        #expect(r.turnover?.decimal(places: 2) == "1.93")
        #expect(r.rollFrom == d("2024-04-30"))
        #expect(r.delays.map(\.paid) == [m(2_500), m(300)])
        #expect(r.delays.first?.delay.decimal(places: 2) == "15.00")
    }

    /// A month without sales: DSO and its companions are undefined (nil), count-back still counts.
    @Test func monthWithoutSales() {
        let r = KPI.report(ledger, period: KPI.Period(month: "2024-06")!, agingBounds: [30, 60, 90])
        #expect(r.creditSales == .zero)
        #expect(r.dso == nil && r.bestPossibleDSO == nil && r.averageDaysDelinquent == nil)
        #expect(r.countBackDSO?.decimal(places: 2) == "71.50")  // 4,100: June 0 (30 d) + May 3,400 (31 d) + 700/2,000 × 30
        #expect(r.delays.isEmpty && r.averageDelay == nil)
        #expect(r.collections == .zero)
    }

    // MARK: Properties on a generated portfolio

    @Test func generatedPortfolioIsConsistent() {
        let p = PortfolioGenerator(customers: 300, seed: 11, end: Day("2024-12-31")!).generate()
        let l = Ledger(customers: p.customers.map(\.id), invoices: p.invoices, payments: p.payments)
        let r = KPI.report(l, period: KPI.Period(month: "2024-10")!, agingBounds: [30, 60, 90])
        #expect(r.creditSales.isPositive && r.endingReceivables.isPositive)
        #expect(r.endingCurrentReceivables <= r.endingReceivables)
        #expect(r.rolls.allSatisfy { $0.rolled <= $0.amount && !$0.rolled.isNegative })
        #expect(r.rolls.contains { $0.rolled.isPositive })
        // The period's sales are the last month's of the count-back history.
        #expect(r.salesByMonth.first == KPI.MonthSales(sales: r.creditSales, days: 31))
        // The portfolio delay is the paid-weighted mean of the customers' delays.
        let paid = r.delays.map(\.paid.minorUnits).reduce(0, +)
        let weighted = r.delays.map(\.amountDays).reduce(0, +)
        #expect(r.averageDelay == Ratio(weighted, over: Int128(paid)))
        #expect(zip(r.delays, r.delays.dropFirst()).allSatisfy { $0.amountDays >= $1.amountDays })
        // ADD is DSO − BPDSO exactly.
        if let dso = r.dso, let best = r.bestPossibleDSO, let add = r.averageDaysDelinquent {
            #expect(add == Ratio(dso.numerator * best.denominator - best.numerator * dso.denominator, over: dso.denominator * best.denominator))
        } else {
            Issue.record("DSO figures missing")
        }
    }
}
