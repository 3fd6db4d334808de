import Testing
@testable import RecoupCore

/// Invariants over a few thousand seeded random plans (SplitMix64, the same plans on every run).
@Suite struct SchedulePropertyTests {
    static func randomTerms(_ rng: inout SplitMix64) -> PlanTerms {
        let principal = Money(minorUnits: Int64(100_000 + rng.below(500_000_000)))
        let rate = Rate(units: Int64(rng.below(36_001)), scale: 5)  // 0 ... 36.000 %
        let term = [1, 2, 3, 6, 12, 24, 36, 60, 120, 360][rng.below(10)] + (rng.below(4) == 0 ? rng.below(7) : 0)
        var t = PlanTerms(principal: principal, annualRate: rate, term: term, start: Day(ordinal: Int32(19_000 + rng.below(2_000))))
        t.method = PlanMethod.allCases[rng.below(4)]
        t.frequency = Frequency.allCases[rng.below(3)]
        t.dayCount = DayCount.allCases[rng.below(3)]
        t.nominalPeriodRate = rng.below(5) == 0
        t.rounding = RoundingMode.allCases[rng.below(3)]
        t.multiple = Money(minorUnits: [1, 1, 1, 100, 10_000][rng.below(5)])
        if rng.below(4) == 0 { t.down = rng.below(2) == 0 ? .percent(Rate(units: Int64(rng.below(60)), scale: 2)) : .amount(Money(minorUnits: principal.minorUnits / Int64(2 + rng.below(8)))) }
        if rng.below(4) == 0 { t.fee = rng.below(2) == 0 ? .percent(Rate(units: Int64(rng.below(500)), scale: 4)) : .amount(Money(minorUnits: Int64(rng.below(50_000)))) }
        if rng.below(4) == 0 { t.installmentFee = rng.below(2) == 0 ? .percent(Rate(units: Int64(rng.below(100)), scale: 4)) : .amount(Money(minorUnits: Int64(rng.below(5_000)))) }
        if rng.below(5) == 0 { t.gracePrincipal = rng.below(term) }
        if rng.below(5) == 0 { t.graceInterest = rng.below(term) }
        if rng.below(6) == 0 { t.interestFreePeriods = rng.below(term + 1) }
        if rng.below(6) == 0 { t.firstDue = t.start + 1 + rng.below(80) }
        return t
    }

    /// The schedule invariants every quote and every prepayment keeps.
    static func checkInvariants(_ s: Schedule, _ label: String) {
        let rows = s.installments
        let regular = rows.filter { $0.period >= 1 || $0.isPrepayment }
        #expect(regular.reduce(Money.zero) { $0 + $1.principal } == s.financed, "principal sums to the amount financed: \(label)")
        #expect(regular.last?.balance == .zero, "balance ends at zero: \(label)")
        var balance = s.financed, deferred = Money.zero
        for r in rows {
            #expect(!(r.payment.isNegative || r.principal.isNegative || r.interest.isNegative || r.fee.isNegative || r.balance.isNegative
                      || r.deferredInterest.isNegative), "no negative amount: \(label) period \(r.period)")
            #expect(r.payment == r.principal + r.interest + r.fee, "payment = principal + interest + fee: \(label)")
            if r.period >= 1 || r.isPrepayment {
                #expect(r.balance == balance - r.principal && r.balance <= balance, "balance never increases: \(label)")
                balance = r.balance
            }
            deferred += r.deferredInterest
        }
        #expect(s.totalPayable == rows.reduce(Money.zero) { $0 + $1.payment })
        #expect(s.totalInterest == rows.reduce(Money.zero) { $0 + $1.interest })
        #expect(s.totalFees == rows.reduce(Money.zero) { $0 + $1.fee })
        #expect(deferred <= s.totalInterest, "deferred interest is all paid: \(label)")
        #expect(s.lastDue == rows.last!.dueOn)
    }

    @Test func randomPlansKeepInvariants() throws {
        var rng = SplitMix64(seed: 20_240_101)
        var quoted = 0
        for i in 0..<3_000 {
            let t = Self.randomTerms(&rng)
            let s = try ScheduleEngine.quote(t)
            quoted += 1
            Self.checkInvariants(s, "plan \(i) \(t.method) \(t.frequency) \(t.term)")
            let regular = s.installments.filter { $0.period >= 1 }
            #expect(regular.count == t.term)
            #expect(zip(regular, regular.dropFirst()).allSatisfy { $0.dueOn < $1.dueOn })
            #expect(s.annualizedRate.isFinite && s.effectiveRate >= s.annualizedRate - 1e-9)
        }
        #expect(quoted == 3_000)
    }

    @Test func randomPrepaymentsAndPayoffsKeepInvariants() throws {
        var rng = SplitMix64(seed: 7)
        for i in 0..<1_500 {
            let t = Self.randomTerms(&rng)
            let s = try ScheduleEngine.quote(t)
            guard t.term >= 2 else { continue }
            let paid = rng.below(t.term - 1)
            let state = try ScheduleEngine.State(s, paid: paid)
            guard state.balance > 2 else { continue }
            let amount = Money(minorUnits: 1 + Int64(rng.below(Int(state.balance - 1))))
            let due = s.installments.first { $0.period == paid + 1 }!.dueOn
            let start = paid == 0 ? t.start : s.installments.first { $0.period == paid }!.dueOn
            let day = start + rng.below(max(1, due - start))
            for reduceTerm in [false, true] {
                let p = try ScheduleEngine.prepay(s, paidInstallments: paid, amount: amount, on: day, reduceTerm: reduceTerm)
                Self.checkInvariants(p, "prepay \(i) reduceTerm \(reduceTerm)")
                #expect(Array(p.installments.prefix { $0.period <= paid && !$0.isPrepayment }) == Array(s.installments.prefix { $0.period <= paid }))
                if reduceTerm { #expect(p.installments.count <= s.installments.count + 1) }
                else { #expect(p.installments.filter { !$0.isPrepayment }.count == s.installments.count) }
            }
            let payoff = try ScheduleEngine.payoff(s, paidInstallments: paid, on: day, toPeriodEnd: rng.below(2) == 0)
            #expect(payoff.amount.minorUnits >= state.balance && !payoff.interest.isNegative)
        }
    }

    /// PBOC annualized rate of a zero-fee annuity equals its nominal rate (within 0.01 percentage points).
    @Test func zeroFeeAnnuityRateIsNominal() throws {
        var rng = SplitMix64(seed: 42)
        for i in 0..<2_000 {
            var t = PlanTerms(principal: Money(minorUnits: Int64(1_000_000 + rng.below(1_000_000_000))),
                              annualRate: Rate(units: Int64(rng.below(36_001)), scale: 5), term: 1 + rng.below(360), start: Day("2024-01-31")!)
            t.rounding = RoundingMode.allCases[rng.below(3)]
            if rng.below(3) == 0 { t.frequency = rng.below(2) == 0 ? .week : .twoWeeks; t.nominalPeriodRate = true }
            let s = try ScheduleEngine.quote(t)
            #expect(abs(s.annualizedRate - t.annualRate.double * 100) < 0.01, "plan \(i): \(s.annualizedRate) vs \(t.annualRate)")
        }
    }
}
