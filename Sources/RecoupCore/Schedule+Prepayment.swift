extension ScheduleEngine {
    /// What closes a plan on `day` after `paid` installments have been paid in full: remaining principal + interest to `day` (`toPeriodEnd: false`) or to the end of the running period (true) + fees due so far. Returns the amount and its interest part.
    ///
    /// - Interest accrues on the remaining principal over each unpaid period up to `day`: a whole
    ///   period's interest is the schedule's; a partial one is pro-rated by actual days inside the
    ///   period (30/360: 14 of February 2024's 29 days, Fineract F4). Interest stops at the last due date.
    /// - `toPeriodEnd` charges the period running on `day` (start < day < end) in full.
    /// - Interest deferred by an interest grace and not yet paid is added to the interest.
    /// - Fees: the installment fee of every unpaid installment due on or before `day`.
    public static func payoff(_ schedule: Schedule, paidInstallments: Int, on day: Day, toPeriodEnd: Bool) throws(ScheduleError) -> (amount: Money, interest: Money) {
        let model = try PlanModel(schedule.terms)
        let state = try State(schedule, paid: paidInstallments)
        guard day >= model.dues[0] else { throw .invalid("the payoff day \(day) is before the plan's start \(model.dues[0])") }
        var interest: Int64 = 0
        for k in (paidInstallments + 1)...state.lastPeriod {
            let s = model.dues[k - 1], e = model.dues[k]
            guard day > s else { break }
            if day >= e || toPeriodEnd {
                interest += model.interest(state.balance, k)
            } else {
                let num = model.accrual(state.balance, k, from: s, to: day)
                interest += Int64(model.terms.rounding.divide128(num, by: model.denominator(k)))
            }
        }
        var fees: Int64 = 0
        for r in schedule.installments where !r.isPrepayment && r.period > paidInstallments && r.dueOn <= day {
            fees += r.fee.minorUnits
        }
        let totalInterest = interest + state.deferred
        return (Money(minorUnits: state.balance + totalInterest + fees), Money(minorUnits: totalInterest))
    }

    /// The schedule after an extra principal payment `amount` on `day`, once `paidInstallments` regular installments are paid: `reduceTerm` keeps the installment and shortens the plan; otherwise the remaining installments are recomputed over the same number of periods. Rows already paid are kept as they were.
    ///
    /// The prepayment is a row of its own (`isPrepayment`, `period` = `paidInstallments`, due on `day`).
    /// `day` may fall before the last paid installment's due date (installments paid early) but not
    /// after the next one's. When `day` falls inside the next period, that period's interest is on
    /// the whole balance until `day` and on the reduced balance after it (flat plans: flat interest on
    /// the reduced balance). A payment that covers an installment and more (F5: 4,000 paid in
    /// period 2 of installments of 2,528.91) is `paidInstallments: 2, amount: 1,471.09`.
    public static func prepay(_ schedule: Schedule, paidInstallments: Int, amount: Money, on day: Day, reduceTerm: Bool) throws(ScheduleError) -> Schedule {
        let model = try PlanModel(schedule.terms)
        let state = try State(schedule, paid: paidInstallments)
        let p = paidInstallments
        guard amount.isPositive else { throw .invalid("the prepayment must be positive (got '\(amount)')") }
        guard amount.minorUnits < state.balance else {
            throw .invalid("the prepayment '\(amount)' is not less than the remaining principal '\(Money(minorUnits: state.balance))': quote a payoff instead")
        }
        guard day >= model.dues[0] else { throw .invalid("the prepayment day \(day) is before the plan's start \(model.dues[0])") }
        guard day <= model.dues[p + 1] else {
            throw .invalid("installment \(p + 1) falls due on \(model.dues[p + 1]), before the prepayment day \(day): count it as paid first")
        }
        if let later = schedule.installments.first(where: { $0.isPrepayment && ($0.period > p || $0.dueOn > day) }) {
            throw .invalid("a later prepayment exists (after installment \(later.period), on \(later.dueOn))")
        }
        var rows = Array(schedule.installments.prefix { $0.period <= p })
        let balance = state.balance - amount.minorUnits
        var extra = Installment(period: p, dueOn: day, payment: amount, principal: amount, interest: .zero, fee: .zero,
                                balance: Money(minorUnits: balance))
        extra.isPrepayment = true
        rows.append(extra)

        var segment = Segment(model: model, first: p + 1, last: state.lastPeriod, balance: balance)
        segment.deferred = state.deferred
        if day > model.dues[p] {
            segment.extra = Int128(amount.minorUnits) * Int128(model.units) * Int128(model.weight(p + 1, from: model.dues[p], to: day))
        }
        var rule = model.regularRule(segment)
        if reduceTerm, let kept = state.regularRule(model, schedule) {
            segment.stopWhenPaid = true
            if case .flat(_, _, _, _) = rule, case .fixed(let q) = kept {
                // Flat interest on the reduced balance, the same principal per period.
                let each = model.terms.rounding.divide128(Int128(balance) * Int128(model.units),
                                                          by: Int128(model.scale) * Int128(model.terms.frequency.periodsPerYear))
                rule = .flat(payment: q + Int64(each), principal: q, interest: Int64(each), total: nil)
            } else {
                rule = kept
            }
        }
        rows += model.rows(segment, rule: rule)
        return summarize(model, rows)
    }

    /// Where a schedule stands after `paid` regular installments (internal).
    struct State {
        /// Principal owed after the rows of periods ≤ paid (prepayments included).
        var balance: Int64
        /// Interest deferred by an interest grace and not yet paid.
        var deferred: Int64
        /// The last regular period of the schedule.
        var lastPeriod: Int
        /// Regular installments paid.
        var paid: Int

        init(_ schedule: Schedule, paid: Int) throws(ScheduleError) {
            let regular = schedule.installments.filter { !$0.isPrepayment && $0.period >= 1 }
            lastPeriod = regular.last?.period ?? 0
            self.paid = paid
            guard paid >= 0 else { throw .invalid("paid installments must not be negative (got \(paid))") }
            guard paid < lastPeriod else { throw .invalid("all \(lastPeriod) installments are paid: nothing remains") }
            balance = schedule.financed.minorUnits
            deferred = 0
            for r in schedule.installments where r.period <= paid {
                balance = r.balance.minorUnits
                if r.isPrepayment || r.period == 0 { continue }
                deferred = r.period > schedule.terms.graceInterest ? 0 : deferred + r.deferredInterest.minorUnits
            }
        }

        /// The principal rule of the unpaid regular installments (for a prepayment that keeps it), or nil
        /// when no regular, non-final amortizing installment remains.
        func regularRule(_ model: PlanModel, _ schedule: Schedule) -> PrincipalRule? {
            var pending: Int64 = 0
            for r in schedule.installments where !r.isPrepayment && r.period >= 1 {
                let carried = r.period > model.terms.graceInterest ? pending : 0
                pending = r.period > model.terms.graceInterest ? 0 : pending + r.deferredInterest.minorUnits
                guard r.period > paid, r.period > model.terms.gracePrincipal, r.period < lastPeriod else { continue }
                switch model.terms.method {
                case .annuity:
                    let own = r.period <= model.terms.graceInterest ? r.deferredInterest.minorUnits : r.interest.minorUnits - carried
                    return .level(r.principal.minorUnits + own)
                case .equalPrincipal, .interestFree, .flat:
                    return .fixed(r.principal.minorUnits)
                }
            }
            return nil
        }
    }
}
