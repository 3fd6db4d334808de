import Testing
@testable import RecoupCore

/// Money from canonical text: `m("860.66")`.
func m(_ text: String) -> Money { try! Money.parse(text).get() }

/// Terms with the usual defaults of these tests (monthly from 2024-01-01, 30/360, half-up).
func terms(_ principal: String, _ rate: String, _ term: Int, method: PlanMethod = .annuity, rounding: RoundingMode = .halfUp,
           start: String = "2024-01-01", configure: (inout PlanTerms) -> Void = { _ in }) -> PlanTerms {
    var t = PlanTerms(principal: m(principal), annualRate: Rate.percent(rate)!, term: term, start: Day(start)!)
    t.method = method
    t.rounding = rounding
    configure(&t)
    return t
}

/// Every schedule figure of spec/test-vectors.md, each named by its source, asserted to the fen.
@Suite struct ScheduleFigureTests {
    // C1: equal installment (等额本息), half-up: 10,000 at 6 %/yr, 12 monthly.
    @Test func c1EqualInstallment() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12))
        let rows = s.installments
        #expect(rows.count == 12)
        #expect(rows.dropLast().allSatisfy { $0.payment == m("860.66") })
        #expect(rows.map(\.interest) == ["50.00", "45.95", "41.87", "37.78", "33.66", "29.53", "25.37", "21.20", "17.00",
                                          "12.78", "8.54", "4.28"].map(m))
        #expect(rows[11].payment == m("860.70") && rows[11].principal == m("856.42") && rows[11].interest == m("4.28"))
        #expect(s.totalInterest == m("327.96"))
        #expect(s.totalPayable == m("10327.96") && s.totalFees == .zero && s.lastDue == Day("2025-01-01")!)
        #expect(abs(s.annualizedRate - 6) < 0.01)
    }

    // C2: equal principal (等额本金), same terms.
    @Test func c2EqualPrincipal() throws {
        let s = try ScheduleEngine.quote(terms("10000", "6", 12, method: .equalPrincipal))
        let rows = s.installments
        #expect(rows.dropLast().allSatisfy { $0.principal == m("833.33") })
        #expect(rows[11].principal == m("833.37"))
        #expect(rows[0].payment == m("883.33") && rows[1].payment == m("879.16") && rows[2].payment == m("875.00"))
        #expect(rows[10].payment == m("841.66") && rows[11].payment == m("837.54"))
        #expect(s.totalInterest == m("325.00"))
    }

    // C3: loankit README, 1,000,000 at 3.25 %, 12 months, both methods.
    @Test func c3Loankit() throws {
        let a = try ScheduleEngine.quote(terms("1000000", "3.25", 12))
        #expect(a.installments.dropLast().allSatisfy { $0.payment == m("84807.62") })
        #expect(a.installments[11].payment == m("84807.63"))
        #expect(a.totalInterest == m("17691.45"))
        let e = try ScheduleEngine.quote(terms("1000000", "3.25", 12, method: .equalPrincipal))
        #expect(e.installments[0].payment == m("86041.66"))
        #expect(e.installments[11].payment == m("83559.06"))
        #expect(e.totalInterest == m("17604.16"))
    }

    // F1: Apache Fineract ProgressiveEMICalculatorTest, 30/360, half-even.
    @Test func f1Fineract30360() throws {
        let s = try ScheduleEngine.quote(terms("100", "9.4822", 6, rounding: .halfEven))
        #expect(s.installments.allSatisfy { $0.payment == m("17.13") })
        #expect(s.installments.map(\.interest) == ["0.79", "0.66", "0.53", "0.40", "0.27", "0.13"].map(m))
        #expect(s.installments.map(\.principal) == ["16.34", "16.47", "16.60", "16.73", "16.86", "17.00"].map(m))
    }

    // F2: same Fineract test file, actual/365 with unequal months. The level payment is the exact payment
    // under each month's actual-day rate (the nominal rate / 12 would give 17.44 and miss every later figure).
    @Test func f2FineractActual365() throws {
        let s = try ScheduleEngine.quote(terms("100", "15.678", 6, rounding: .halfEven) { $0.dayCount = .actual365 })
        #expect(s.installments.dropLast().allSatisfy { $0.payment == m("17.43") })
        #expect(s.installments.map(\.interest) == ["1.33", "1.05", "0.90", "0.66", "0.46", "0.22"].map(m))
        #expect(s.installments[5].payment == m("17.47"))
    }

    // F4: Fineract Loan.feature payoff quote, 100 at 7 %, daily interest, 30/360, 6 monthly from 2024-01-01.
    @Test func f4PayoffQuote() throws {
        let s = try ScheduleEngine.quote(terms("100", "7", 6, rounding: .halfEven))
        #expect(s.installments.map(\.payment) == ["17.01", "17.01", "17.01", "17.01", "17.01", "17.00"].map(m))
        #expect(s.installments[0].dueOn == Day("2024-02-01")!)
        let toDay = try ScheduleEngine.payoff(s, paidInstallments: 1, on: Day("2024-02-15")!, toPeriodEnd: false)
        #expect(toDay.amount == m("83.81") && toDay.interest == m("0.24"))
        let toEnd = try ScheduleEngine.payoff(s, paidInstallments: 1, on: Day("2024-02-15")!, toPeriodEnd: true)
        #expect(toEnd.amount == m("84.06") && toEnd.interest == m("0.49"))
        // Half-up gives the same figures.
        let h = try ScheduleEngine.quote(terms("100", "7", 6))
        #expect(try ScheduleEngine.payoff(h, paidInstallments: 1, on: Day("2024-02-15")!, toPeriodEnd: false).amount == m("83.81"))
    }

    // F5: Fineract ClientLoanIntegrationTest, 10,000 at 2 %/month = 24 %/yr, 4 weekly periods of 24/52 %.
    // Fineract's "interest calculation period: same as repayment" is `nominalPeriodRate` (30/360 weeks
    // would be 24 % × 7/360 = 0.4667 %/week and give 46.67).
    @Test func f5PrepaymentReducingInstallments() throws {
        let t = terms("10000", "24", 4, rounding: .halfEven) { $0.frequency = .week; $0.nominalPeriodRate = true }
        let s = try ScheduleEngine.quote(t)
        #expect(s.installments.map(\.principal) == ["2482.76", "2494.22", "2505.73", "2517.29"].map(m))
        #expect(s.installments.map(\.interest) == ["46.15", "34.69", "23.18", "11.62"].map(m))
        // Period 1 paid; 4,000 paid in period 2 = installment 2 (2,528.91) + 1,471.09 extra principal.
        let extra = m("4000") - s.installments[1].payment
        #expect(extra == m("1471.09"))
        let after = try ScheduleEngine.prepay(s, paidInstallments: 2, amount: extra, on: Day("2024-01-10")!, reduceTerm: false)
        let rows = after.installments
        #expect(rows.count == 5 && rows[2].isPrepayment && rows[2].balance == m("3551.93"))
        #expect(Array(rows[0...1]) == Array(s.installments[0...1]))
        #expect(rows[3].principal == m("1771.88") && rows[3].interest == m("16.39"))
        #expect(rows[4].principal == m("1780.05") && rows[4].interest == m("8.22"))
        #expect(rows[1].payment + rows[2].payment == m("4000"))
    }

    // F6: Fineract ClientLoanIntegrationTest, equal principal in multiples of 100: 10,000,000 at 2 %/month, 24 monthly.
    @Test func f6EqualPrincipalInMultiples() throws {
        let s = try ScheduleEngine.quote(terms("10000000", "24", 24, method: .equalPrincipal, rounding: .halfEven) { $0.multiple = m("100") })
        #expect(s.installments.dropLast().allSatisfy { $0.principal == m("416700") })
        #expect(s.installments.prefix(4).map(\.interest) == ["200000", "191700", "183300", "175000"].map(m))
        #expect(s.installments.allSatisfy { $0.interest.minorUnits % 10_000 == 0 })
        // With 5 periods of principal grace.
        let g = try ScheduleEngine.quote(terms("10000000", "24", 24, method: .equalPrincipal, rounding: .halfEven) {
            $0.multiple = m("100"); $0.gracePrincipal = 5
        })
        #expect(g.installments.prefix(5).allSatisfy { $0.principal == .zero && $0.interest == m("200000") && $0.payment == m("200000") })
        #expect(g.installments[5...22].allSatisfy { $0.principal == m("526300") })
        #expect(g.installments[5].interest == m("200000") && g.installments[23].balance == .zero)
    }

    // F7: Fineract LoanInstallmentMultiplesOfTest, half-even, whole units.
    @Test(arguments: [PlanMethod.flat, .interestFree])
    func f7ZeroRateInWholeUnits(method: PlanMethod) throws {
        let s = try ScheduleEngine.quote(terms("1250", "0", 4, method: method, rounding: .halfEven) { $0.multiple = m("1") })
        #expect(s.installments.map(\.payment) == ["312", "312", "312", "314"].map(m))
    }

    // F7: 1,250 at 12 %/yr flat, 3 monthly, whole units: 429.0, 429.0, 429.5.
    @Test func f7FlatInWholeUnits() throws {
        let s = try ScheduleEngine.quote(terms("1250", "12", 3, method: .flat, rounding: .halfEven) { $0.multiple = m("1") })
        #expect(s.installments.map(\.payment) == ["429.00", "429.00", "429.50"].map(m))
        #expect(s.totalInterest == m("37.50") && s.installments.map(\.interest) == ["12.50", "12.50", "12.50"].map(m))
    }

    // F8: Fineract LoanDownPayment.feature, 1,000 at 0 %, 3 monthly, 25 % down.
    @Test(arguments: [PlanMethod.interestFree, .annuity])
    func f8DownPayment(method: PlanMethod) throws {
        let s = try ScheduleEngine.quote(terms("1000", "0", 3, method: method) { $0.down = .percent(Rate.percent("25%")!) })
        #expect(s.financed == m("750"))
        let zero = s.installments[0]
        #expect(zero.period == 0 && zero.dueOn == Day("2024-01-01")! && zero.payment == m("250") && zero.principal == m("250"))
        #expect(zero.balance == m("750"))
        #expect(s.installments[1...].map(\.payment) == ["250", "250", "250"].map(m))
        #expect(s.installments[1...].map(\.dueOn) == ["2024-02-01", "2024-03-01", "2024-04-01"].map { Day($0)! })
        #expect(s.totalPayable == m("1000") && s.annualizedRate == 0)
    }

    // C4: PBOC 2021 No. 3 cost of a plan: 12,000 over 12 months, fee 0.6 % of the amount per month (72), payment 1,072.
    @Test func c4InstallmentFeeRate() throws {
        let s = try ScheduleEngine.quote(terms("12000", "0", 12, method: .interestFree) { $0.installmentFee = .percent(Rate.percent("0.6%")!) })
        #expect(s.installments.allSatisfy { $0.payment == m("1072") && $0.fee == m("72") })
        #expect(abs(s.annualizedRate - 13.0342) < 0.0001)
        #expect(abs(s.effectiveRate - 13.8418) < 0.0001)
        #expect(abs(s.annualizedRate / 12 - 1.0862) < 0.0001)
        #expect(s.totalFees == m("864"))
        let r = try #require(ScheduleEngine.rates(flows: [1_200_000] + Array(repeating: -107_200, count: 12), periodsPerYear: 12))
        #expect(abs(r.annualized - 13.0342) < 0.0001 && abs(r.effective - 13.8418) < 0.0001)
    }

    // C5: 12,000 financed, upfront fee 300 withheld, 0 % interest, 12 × 1,000.
    @Test func c5UpfrontFeeRate() throws {
        let s = try ScheduleEngine.quote(terms("12000", "0", 12, method: .interestFree) { $0.fee = .amount(m("300")) })
        #expect(s.installments[0].period == 0 && s.installments[0].payment == m("300") && s.installments[0].fee == m("300"))
        #expect(s.installments[1...].allSatisfy { $0.payment == m("1000") })
        #expect(abs(s.annualizedRate - 4.7000) < 0.0001)
        #expect(abs(s.effectiveRate - 4.8026) < 0.0001)
        #expect(s.totalFees == m("300") && s.totalPayable == m("12300"))
        let r = try #require(ScheduleEngine.rates(flows: [1_170_000] + Array(repeating: -100_000, count: 12), periodsPerYear: 12))
        #expect(abs(r.annualized - 4.7000) < 0.0001)
    }
}
