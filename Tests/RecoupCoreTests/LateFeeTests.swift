import Testing
@testable import RecoupCore

/// Late fees under breach clauses: shared/spec/test-vectors.md, "Late fees and dunning", and
/// hand-computed cases of the rule stated on `LateFee` and in docs/LATEFEES.md.
@Suite struct LateFeeTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }
    func fen(_ v: Int64) -> Money { Money(minorUnits: v) }
    func rate(_ s: String) -> Rate { Rate.fraction(s)! }

    /// The policy's defaults: loss 3.45 %/yr (1-year LPR), half-up.
    let rule = LateFee(lossRate: Rate.fraction("0.0345")!)
    let daily = LateFee.Clause(rate: Rate.fraction("0.0005")!)

    @Test func dailyRateFigureOfTheSpec() {
        // test-vectors.md, "Daily rate": 10,000 overdue 30 days at 0.05 %/day = 150.00.
        let a = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [], asOf: d("2024-03-31"), clause: daily)
        #expect(a.daysLate == 30)
        #expect(a.fee == y(150))
        #expect(a.segments == [LateFee.Segment(from: d("2024-03-02"), through: d("2024-03-31"), open: y(10_000))])
        #expect(a.open == y(10_000) && a.principal == y(10_000))
    }

    @Test func erpnextDunningInterestAsAnAnnualRate() {
        // test-vectors.md, "ERPNext test_dunning": 100 overdue 15 days at 10 %/yr simple actual/365:
        // interest 0.41 (100 × 0.10 × 15 / 365 = 0.4110). An annual rate is a clause with basisDays 365.
        let yearly = LateFee.Clause(rate: rate("0.10"), basisDays: 365)
        let a = rule.accrue(amount: y(100), dueOn: d("2024-01-01"), payments: [], asOf: d("2024-01-16"), clause: yearly)
        #expect(a.daysLate == 15)
        #expect(a.fee == fen(41))
        #expect(a.fee + y(10) == fen(1041))    // with ERPNext's dunning fee of 10: the dunning amount 10.41
    }

    @Test func partialPaymentsChangeThePrincipalFromTheirDay() {
        // 10,000 due 03-01 at 0.05 %/day; 4,000 paid 03-11, 3,000 paid 03-21; as of 03-31:
        // 03-02..03-11 10 days on 10,000 = 50.00; 03-12..03-21 10 days on 6,000 = 30.00;
        // 03-22..03-31 10 days on 3,000 = 15.00; fee 95.00 (30 days at 10,000 would be 150.00).
        let a = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"),
                            payments: [(d("2024-03-21"), y(3_000)), (d("2024-03-11"), y(4_000))],
                            asOf: d("2024-03-31"), clause: daily)
        #expect(a.segments.map(\.open) == [y(10_000), y(6_000), y(3_000)])
        #expect(a.segments.map(\.days) == [10, 10, 10])
        #expect(a.fee == y(95))
        #expect(a.open == y(3_000))
        #expect(a.principal == y(10_000))
        // A payment after the day asked for does not count yet.
        let earlier = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [(d("2024-03-21"), y(3_000))],
                                  asOf: d("2024-03-15"), clause: daily)
        #expect(earlier.fee == y(70))          // 14 days on 10,000
    }

    @Test func paidInFullStopsTheFee() {
        // Paid in full on 03-11: 10 days on 10,000 = 50.00, whatever the day asked for.
        for asOf in ["2024-03-11", "2024-04-30"] {
            let a = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [(d("2024-03-11"), y(10_000))], asOf: d(asOf), clause: daily)
            #expect(a.fee == y(50))
            #expect(a.open == .zero)
            #expect(a.daysLate == 10)           // the days that bore a fee, not the days since the due date
        }
    }

    @Test func roundedOncePerInvoiceByThePolicysRounding() {
        // 301.00 due 03-01, 200.00 paid 03-02, as of 03-03 at 0.05 %/day: 15.05 fen + 5.05 fen = 20.10 fen.
        let pay = [(day: d("2024-03-02"), amount: y(200))]
        let up = LateFee(lossRate: rate("0.0345"), rounding: .up)
        #expect(up.accrue(amount: y(301), dueOn: d("2024-03-01"), payments: pay, asOf: d("2024-03-03"), clause: daily).fee == fen(21))  // per segment it would be 16 + 6
        #expect(rule.accrue(amount: y(301), dueOn: d("2024-03-01"), payments: pay, asOf: d("2024-03-03"), clause: daily).fee == fen(20))
    }

    @Test func graceDaysBearNoFee() {
        let graced = LateFee.Clause(rate: rate("0.0005"), graceDays: 5)
        // 30 days overdue with 5 days' grace: 25 days accrue, from 03-07.
        let a = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [], asOf: d("2024-03-31"), clause: graced)
        #expect(a.daysLate == 25)
        #expect(a.fee == y(125))
        #expect(a.segments.first?.from == d("2024-03-07"))
        // Within the grace: nothing.
        let inGrace = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [], asOf: d("2024-03-06"), clause: graced)
        #expect(inGrace.fee == .zero && inGrace.daysLate == 0 && inGrace.segments.isEmpty)
        // A payment during the grace lowers the principal before fees start (6,000 × 25 days = 75.00).
        let paid = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [(d("2024-03-04"), y(4_000))], asOf: d("2024-03-31"), clause: graced)
        #expect(paid.fee == y(75))
        #expect(paid.principal == y(10_000))   // the cap's base is the amount open at the due date
    }

    @Test func capOfTheClauseOnThePrincipalAtTheDueDate() {
        let capped = LateFee.Clause(rate: rate("0.001"), cap: rate("0.2"))
        // 10,000 × 0.1 %/day × 300 days = 3,000.00, capped at 20 % of 10,000 = 2,000.00.
        let a = rule.accrue(amount: y(10_000), dueOn: d("2024-01-01"), payments: [], asOf: d("2024-10-27"), clause: capped)
        #expect(a.daysLate == 300)
        #expect(a.uncapped == y(3_000))
        #expect(a.cap == y(2_000))
        #expect(a.fee == y(2_000))
        #expect(a.capped)
        // 5,000 paid before the due date: the cap is 20 % of the 5,000 open then.
        let b = rule.accrue(amount: y(10_000), dueOn: d("2024-01-01"), payments: [(d("2023-12-20"), y(5_000))], asOf: d("2024-10-27"), clause: capped)
        #expect(b.principal == y(5_000) && b.cap == y(1_000) && b.fee == y(1_000))
        // Below the cap: not capped.
        let c = rule.accrue(amount: y(10_000), dueOn: d("2024-01-01"), payments: [], asOf: d("2024-01-31"), clause: capped)
        #expect(c.fee == y(300) && !c.capped)
        // No cap at all.
        let none = rule.accrue(amount: y(10_000), dueOn: d("2024-01-01"), payments: [], asOf: d("2024-10-27"), clause: LateFee.Clause(rate: rate("0.001")))
        #expect(none.cap == nil && none.fee == y(3_000) && !none.capped)
    }

    @Test func article585FlagAgainstTheActualLoss() {
        // 10,000 × 30 days = 300,000 yuan-days; fee 150.00 at 0.05 %/day.
        func accrual(_ loss: String) -> LateFee.Accrual {
            LateFee(lossRate: rate(loss)).accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [], asOf: d("2024-03-31"), clause: daily)
        }
        // Loss at the LPR 3.45 %/yr: 300,000 × 0.0345 / 365 = 28.36; 150.00 is far above 1.3 × 28.36.
        let lpr = accrual("0.0345")
        #expect(lpr.loss == fen(2836))
        #expect(lpr.excessive)
        #expect(lpr.fee == y(150))             // flagged, never cut
        // 14.03 %/yr: loss 115.32, × 1.3 = 149.91 < 150.00: flagged. 14.04 %/yr: 115.40 × 1.3 = 150.02: not.
        #expect(accrual("0.1403").excessive)
        #expect(!accrual("0.1404").excessive)
        #expect(accrual("0.1404").loss == fen(11540))
        // A loss rate of 0 makes any fee excessive; no fee is never excessive.
        #expect(accrual("0").excessive)
        let none = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [(d("2024-03-01"), y(10_000))], asOf: d("2024-03-31"), clause: daily)
        #expect(none.fee == .zero && !none.excessive)
    }

    @Test func disputedInvoiceAccruesNothing() {
        let a = rule.accrue(amount: y(10_000), dueOn: d("2024-03-01"), payments: [], asOf: d("2024-03-31"), clause: daily, disputed: true)
        #expect(a.disputed)
        #expect(a.daysLate == 30)
        #expect(a.fee == .zero && a.uncapped == .zero && a.loss == .zero)
        #expect(a.segments.isEmpty && !a.excessive)
        #expect(a.open == y(10_000))
    }

    @Test func overALedgerWithItsAllocation() {
        let invoices = [
            Invoice(id: "A", customerId: "C1", issuedOn: d("2024-02-01"), dueOn: d("2024-03-01"), amount: y(10_000)),
            Invoice(id: "B", customerId: "C1", issuedOn: d("2024-02-01"), dueOn: d("2024-03-11"), amount: y(1_000), settledOn: d("2024-03-21")),
            Invoice(id: "N", customerId: "C1", issuedOn: d("2024-03-01"), dueOn: d("2024-04-30"), amount: y(500)),
            Invoice(id: "D", customerId: "C1", issuedOn: d("2024-02-01"), dueOn: d("2024-03-01"), amount: y(2_000), disputed: true),
            Invoice(id: "P", customerId: "C1", issuedOn: d("2024-02-01"), dueOn: d("2024-03-01"), amount: y(300)),
        ]
        // 4,000 on 03-11 naming A.
        let ledger = Ledger(customers: ["C1"], invoices: invoices,
                            payments: [Payment(id: "P1", customerId: "C1", receivedOn: d("2024-03-11"), amount: y(4_000), invoiceId: "A")])
        let fees = rule.accrue(ledger, ledger.allocate(asOf: d("2024-03-31"), record: true)) { i in
            ledger.invoiceIds[i] == "P" ? nil : daily     // as a plan's row is left out
        }
        let byId = Dictionary(uniqueKeysWithValues: fees.map { (ledger.invoiceIds[$0.key], $0.value) })
        #expect(Set(byId.keys) == ["A", "B", "D"])        // N is not due yet, P left out
        #expect(byId["A"]?.fee == y(110))                 // 10 days on 10,000 (50.00) + 20 days on 6,000 (60.00)
        #expect(byId["A"]?.segments.map(\.days) == [10, 20])
        #expect(byId["B"]?.fee == y(5))                   // settled 03-21: 10 days on 1,000
        #expect(byId["B"]?.open == .zero)
        #expect(byId["D"]?.fee == .zero && byId["D"]?.disputed == true)
    }

    @Test func postingAddsOnlyTheIncrement() {
        #expect(LateFee.increment(accrued: y(150), posted: .zero) == y(150))
        #expect(LateFee.increment(accrued: y(150), posted: y(100)) == y(50))
        #expect(LateFee.increment(accrued: y(150), posted: y(150)) == .zero)
        #expect(LateFee.increment(accrued: y(100), posted: y(150)) == .zero)   // never a negative charge: reductions are waivers
    }

    @Test func clauseOfTheContractElseThePolicy() {
        var policy = Policy()
        try! policy.set("clause.late_fee_grace_days", "3")
        let k = Contract(id: "K", customerId: "C1", service: "saas", signedOn: d("2024-01-01"), lateFeeDailyRate: "0.001", lateFeeCap: "0.2")
        let c = LateFee.Clause(contract: k, policy: policy)
        #expect(c.rate == rate("0.001") && c.cap == rate("0.2") && c.graceDays == 3 && c.basisDays == 1)
        let none = LateFee.Clause(contract: nil, policy: Policy())
        #expect(none.rate == rate("0.0005") && none.cap == rate("0.3") && none.graceDays == 0)
        let rule = LateFee(policy: Policy())
        #expect(rule.lossRate == rate("0.0345") && rule.rounding == .halfUp)
    }

    @Test func ratesPrintAsWritten() {
        #expect(rate("0.0005").fractionText == "0.0005")
        #expect(rate("0.3").fractionText == "0.3")
        #expect(rate("0.10").fractionText == "0.10")
        #expect(rate("2").fractionText == "2")
        #expect(rate("1.25").fractionText == "1.25")
    }
}
