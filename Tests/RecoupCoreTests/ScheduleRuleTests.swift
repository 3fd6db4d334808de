import Testing
@testable import RecoupCore

/// The engine's own rules (graces, prepayment modes, payoff parts) and its validation errors.
@Suite struct ScheduleRuleTests {
    /// Interest grace: interest is computed but deferred, then paid whole with the first installment after it;
    /// principal is as without the grace and the balance never grows.
    @Test func interestGraceDefersToTheFirstInstallmentAfter() throws {
        let plain = try ScheduleEngine.quote(terms("10000", "6", 12))
        let g = try ScheduleEngine.quote(terms("10000", "6", 12) { $0.graceInterest = 3 })
        #expect(g.installments.map(\.principal) == plain.installments.map(\.principal))
        #expect(g.installments.prefix(3).allSatisfy { $0.interest == .zero && $0.payment == $0.principal })
        #expect(g.installments.prefix(3).map(\.deferredInterest) == ["50.00", "45.95", "41.87"].map(m))
        #expect(g.installments[3].interest == m("37.78") + m("137.82"))
        #expect(g.totalInterest == plain.totalInterest)
    }

    /// Interest-free periods: no interest, and the level payment still amortizes exactly (one level for all).
    @Test func interestFreePeriodsKeepALevelPayment() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12) { $0.interestFreePeriods = 3 })
        #expect(s.installments.prefix(3).allSatisfy { $0.interest == .zero })
        let level = s.installments[0].payment
        #expect(s.installments.dropLast().allSatisfy { $0.payment == level })
        #expect(abs((s.installments[11].payment - level).minorUnits) <= 12)  // rounding drift, as C1's 860.70
        #expect(s.totalInterest < m("327.96"))
    }

    /// Principal grace on an annuity: interest only, then the annuity over the remaining periods.
    @Test func principalGraceOnAnnuity() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 15) { $0.gracePrincipal = 3 })
        #expect(s.installments.prefix(3).allSatisfy { $0.principal == .zero && $0.interest == m("50.00") })
        let after = try ScheduleEngine.quote(terms("10000", "6", 12))
        #expect(Array(s.installments[3...].map(\.payment)) == after.installments.map(\.payment))
    }

    /// Fees: upfront % of the amount financed in period 0 with the down payment; installment fee on every row.
    @Test func feesAndDownPayment() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12) {
            $0.down = .amount(m("2000")); $0.fee = .percent(Rate.percent("1%")!); $0.installmentFee = .amount(m("5"))
        })
        #expect(s.financed == m("8000"))
        let zero = s.installments[0]
        #expect(zero.period == 0 && zero.payment == m("2080") && zero.principal == m("2000") && zero.fee == m("80"))
        #expect(s.installments[1...].allSatisfy { $0.fee == m("5") })
        #expect(s.totalFees == m("140"))
        // The down payment is not credit: flows are +8,000 − 80 then the installments.
        let flows = [Int64(800_000 - 8_000)] + s.installments[1...].map { -$0.payment.minorUnits }
        let r = try #require(ScheduleEngine.rates(flows: flows, periodsPerYear: 12))
        #expect(abs(r.annualized - s.annualizedRate) < 1e-9)
    }

    @Test func firstDueAndWeeklyThirty360() throws {
        let s = try ScheduleEngine.quote(terms("10000", "36", 4) { $0.frequency = .week })
        #expect(s.installments[0].interest == m("70.00"))  // 10,000 × 36 % × 7/360
        #expect(s.installments.map(\.dueOn) == ["2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"].map { Day($0)! })
        let f = try ScheduleEngine.quote(terms("10000", "6", 3) { $0.firstDue = Day("2024-03-15")! })
        #expect(f.installments.map(\.dueOn) == ["2024-03-15", "2024-04-15", "2024-05-15"].map { Day($0)! })
        #expect(f.installments[0].interest == m("123.33"))  // 30E/360: 74 days, 10,000 × 6 % × 74/360
    }

    @Test func actualActualSplitsAcrossYears() throws {
        // 2023-12-15 .. 2024-01-15: 17 days of 2023 (/365) and 14 of 2024 (/366).
        let s = try ScheduleEngine.quote(terms("36500", "10", 1, start: "2023-12-15") { $0.dayCount = .actualActual })
        // 36,500 × 10 % × (17/365 + 14/366) = 170 + 139.617... = 309.62
        #expect(s.installments[0].interest == m("309.62"))
    }

    /// Reducing the term keeps the installment; reducing the installment keeps the number of periods.
    @Test func prepaymentModes() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12))
        let day = s.installments[2].dueOn
        let shorter = try ScheduleEngine.prepay(s, paidInstallments: 3, amount: m("3000"), on: day, reduceTerm: true)
        let regular = shorter.installments.filter { !$0.isPrepayment }
        #expect(regular.count < 12)
        #expect(regular.dropLast().allSatisfy { $0.payment == m("860.66") })
        let lower = try ScheduleEngine.prepay(s, paidInstallments: 3, amount: m("3000"), on: day, reduceTerm: false)
        #expect(lower.installments.filter { !$0.isPrepayment }.count == 12)
        #expect(lower.installments[4].payment < m("860.66"))
        #expect(lower.totalInterest < s.totalInterest && shorter.totalInterest < lower.totalInterest)
        // A prepayment inside the running period: interest on the whole balance until the day.
        let mid = try ScheduleEngine.prepay(s, paidInstallments: 3, amount: m("3000"), on: day + 10, reduceTerm: false)
        #expect(mid.installments[4].interest > lower.installments[4].interest)
    }

    /// Payoff: fees of installments due by the day, deferred interest, interest stops at the last due date.
    @Test func payoffParts() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12) { $0.installmentFee = .amount(m("5")); $0.graceInterest = 2 })
        let onStart = try ScheduleEngine.payoff(s, paidInstallments: 0, on: Day("2024-01-01")!, toPeriodEnd: true)
        #expect(onStart.amount == m("10000") && onStart.interest == .zero)
        // One installment paid (its 50.00 deferred), the second overdue by 14 days.
        let late = try ScheduleEngine.payoff(s, paidInstallments: 1, on: Day("2024-03-15")!, toPeriodEnd: false)
        let balance = s.installments[0].balance
        let feb = s.installments[1].deferredInterest + m("0.00")
        let march = Money(minorUnits: RoundingMode.halfUp.divide(balance.minorUnits * 5 * 14, by: 1000 * 31))
        #expect(late.interest == m("50.00") + feb + march)
        #expect(late.amount == balance + late.interest + m("5"))
    }

    static func invalidTerms() -> [(String, PlanTerms)] {
        func change(_ name: String, _ f: (inout PlanTerms) -> Void) -> (String, PlanTerms) {
            var t = terms("10000", "6", 12)
            f(&t)
            return (name, t)
        }
        return [
            change("term") { $0.term = 0 },
            change("principal") { $0.principal = m("-1") },
            change("zero principal") { $0.principal = .zero },
            change("down") { $0.down = .amount(m("10000")) },
            change("down %") { $0.down = .percent(Rate.percent("100%")!) },
            change("negative fee") { $0.fee = .amount(m("-1")) },
            change("fee >= financed") { $0.fee = .amount(m("10000")) },
            change("negative installment fee") { $0.installmentFee = .amount(m("-5")) },
            change("principal grace") { $0.gracePrincipal = 12 },
            change("interest grace") { $0.graceInterest = 12 },
            change("negative grace") { $0.gracePrincipal = -1 },
            change("interest-free") { $0.interestFreePeriods = 13 },
            change("multiple") { $0.multiple = .zero },
            change("first due") { $0.firstDue = Day("2024-01-01")! },
            change("rate") { $0.annualRate = Rate(units: 1, scale: 15) },
            change("long term") { $0.term = 5000 },
        ]
    }

    @Test(arguments: invalidTerms())
    func rejectsInvalidTerms(name: String, t: PlanTerms) {
        #expect(throws: ScheduleError.self, "\(name)") { try ScheduleEngine.quote(t) }
    }

    @Test func invalidTermsSayWhy() {
        var t = terms("1000", "6", 12)
        t.down = .amount(m("1000"))
        #expect(throws: ScheduleError.invalid("the down payment '1000.00' must be less than the principal '1000.00'")) {
            try ScheduleEngine.quote(t)
        }
    }

    @Test func rejectsInvalidPayoffsAndPrepayments() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12))
        #expect(throws: ScheduleError.self) { try ScheduleEngine.payoff(s, paidInstallments: 12, on: Day("2025-01-01")!, toPeriodEnd: false) }
        #expect(throws: ScheduleError.self) { try ScheduleEngine.payoff(s, paidInstallments: -1, on: Day("2024-02-01")!, toPeriodEnd: false) }
        #expect(throws: ScheduleError.self) { try ScheduleEngine.payoff(s, paidInstallments: 0, on: Day("2023-12-31")!, toPeriodEnd: false) }
        #expect(throws: ScheduleError.self) { try ScheduleEngine.prepay(s, paidInstallments: 1, amount: .zero, on: Day("2024-02-10")!, reduceTerm: false) }
        #expect(throws: ScheduleError.self) { try ScheduleEngine.prepay(s, paidInstallments: 1, amount: m("9999"), on: Day("2024-02-10")!, reduceTerm: false) }
        #expect(throws: ScheduleError.self) { try ScheduleEngine.prepay(s, paidInstallments: 1, amount: m("100"), on: Day("2024-03-02")!, reduceTerm: false) }
        let once = try ScheduleEngine.prepay(s, paidInstallments: 3, amount: m("100"), on: Day("2024-04-10")!, reduceTerm: false)
        #expect(throws: ScheduleError.self) { try ScheduleEngine.prepay(once, paidInstallments: 2, amount: m("100"), on: Day("2024-03-10")!, reduceTerm: false) }
        // A second prepayment later is fine, and the first stays.
        let twice = try ScheduleEngine.prepay(once, paidInstallments: 4, amount: m("100"), on: Day("2024-05-10")!, reduceTerm: true)
        #expect(twice.installments.filter(\.isPrepayment).count == 2)
    }

    @Test func ratesWithoutASolutionAreNil() {
        #expect(ScheduleEngine.rates(flows: [100, 50], periodsPerYear: 12) == nil)
        #expect(ScheduleEngine.rates(flows: [], periodsPerYear: 12) == nil)
        #expect(ScheduleEngine.rates(flows: [0, 0, 0], periodsPerYear: 12) == nil)
        #expect(ScheduleEngine.rates(flows: [100, -100], periodsPerYear: 12)?.annualized == 0)
    }
}
