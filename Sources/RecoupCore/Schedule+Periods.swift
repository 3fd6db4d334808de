/// The validated, exact form of `PlanTerms` that the engine computes with (internal).
///
/// A period's interest on `balance` over days `[a, b)` inside period `k` is
/// `balance × units × weight(k, a, b) / (scale × divisor(k))`, one exact fraction rounded once.
struct PlanModel {
    let terms: PlanTerms
    let financed: Int64
    let down: Int64
    let upfrontFee: Int64
    let periodFee: Int64
    let n: Int
    /// `dues[0]` is the start; `dues[k]` is the due date of period k (1...n).
    let dues: [Day]
    /// The annual rate is `units / scale` (normalized, trailing zeros stripped; 0 for interest-free plans).
    let units: Int64
    let scale: Int64
    let multiple: Int64
    let irregularFirst: Bool

    static let maxTerm = 1200
    static let maxAmount: Int64 = 100_000_000_000_000_000  // 10^17 fen, Money.parse's 15 integer digits

    init(_ t: PlanTerms) throws(ScheduleError) {
        func bad(_ m: String) -> ScheduleError { .invalid(m) }
        guard t.term >= 1 else { throw bad("the term must be at least 1 installment (got \(t.term))") }
        guard t.term <= Self.maxTerm else { throw bad("the term must be at most \(Self.maxTerm) installments (got \(t.term))") }
        guard t.principal.isPositive else { throw bad("the principal must be positive (got '\(t.principal)')") }
        guard t.principal.minorUnits <= Self.maxAmount else { throw bad("the principal '\(t.principal)' is too large") }
        guard t.multiple.isPositive else { throw bad("the rounding multiple must be positive (got '\(t.multiple)')") }
        guard t.multiple <= t.principal else { throw bad("the rounding multiple '\(t.multiple)' exceeds the principal '\(t.principal)'") }
        for (name, v) in [("principal grace", t.gracePrincipal), ("interest grace", t.graceInterest), ("interest-free periods", t.interestFreePeriods)] {
            guard v >= 0 else { throw bad("\(name) must not be negative (got \(v))") }
        }
        guard t.gracePrincipal < t.term else { throw bad("principal grace (\(t.gracePrincipal)) must be shorter than the term (\(t.term))") }
        guard t.graceInterest < t.term else { throw bad("interest grace (\(t.graceInterest)) must be shorter than the term (\(t.term))") }
        guard t.interestFreePeriods <= t.term else { throw bad("interest-free periods (\(t.interestFreePeriods)) exceed the term (\(t.term))") }

        // Rate: exact, normalized, bounded so that every product below fits in 128 bits.
        var u = t.annualRate.units, s = t.annualRate.scale
        guard u >= 0 else { throw bad("the rate must not be negative") }
        while s < 0 && u <= Int64.max / 10 { u *= 10; s += 1 }
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        guard s >= 0, s <= 12, u <= 1_000_000_000_000 else { throw bad("the rate '\(t.annualRate)' is too precise or too large") }
        var pow: Int64 = 1
        for _ in 0..<s { pow *= 10 }
        guard t.method == .interestFree || u <= 10 * pow else { throw bad("the rate '\(t.annualRate)' exceeds 1000 % a year") }

        let p = t.principal.minorUnits
        func resolve(_ v: AmountOrPercent?, of base: Int64, _ name: String) throws(ScheduleError) -> Int64 {
            switch v {
            case nil: return 0
            case .amount(let m)?:
                guard !m.isNegative else { throw bad("the \(name) must not be negative (got '\(m)')") }
                guard m.minorUnits <= Self.maxAmount else { throw bad("the \(name) '\(m)' is too large") }
                return m.minorUnits
            case .percent(let r)?:
                guard r.units >= 0, r.scale >= 0, r.scale <= 15 else { throw bad("the \(name) percentage '\(r)' is not valid") }
                guard r.units <= r.denominator else { throw bad("the \(name) percentage '\(r)' exceeds 100 %") }
                return Int64(t.rounding.divide128(Int128(base) * Int128(r.units), by: Int128(r.denominator)))
            }
        }
        down = try resolve(t.down, of: p, "down payment")
        guard down < p else { throw bad("the down payment '\(Money(minorUnits: down))' must be less than the principal '\(t.principal)'") }
        financed = p - down
        upfrontFee = try resolve(t.fee, of: financed, "upfront fee")
        guard upfrontFee < financed else {
            throw bad("the upfront fee '\(Money(minorUnits: upfrontFee))' must be less than the amount financed '\(Money(minorUnits: financed))'")
        }
        periodFee = try resolve(t.installmentFee, of: financed, "installment fee")

        let regularFirst = t.frequency.advance(t.start, by: 1)
        let first = t.firstDue ?? regularFirst
        guard first > t.start else { throw bad("the first due date \(first) must be after the start \(t.start)") }
        guard first - t.start <= 3 * 366 else { throw bad("the first due date \(first) is more than three years after the start \(t.start)") }
        irregularFirst = first != regularFirst
        var d = [t.start]
        d.reserveCapacity(t.term + 1)
        for k in 1...t.term { d.append(t.frequency.advance(first, by: k - 1)) }
        dues = d
        terms = t
        n = t.term
        units = t.method == .interestFree ? 0 : u
        scale = pow
        multiple = t.multiple.minorUnits
    }

    /// Period k runs over `[dues[k-1], dues[k])`.
    func periodStart(_ k: Int) -> Day { dues[k - 1] }
    func days(_ k: Int) -> Int { dues[k] - dues[k - 1] }

    /// The divisor of period k's accrual fraction (times `scale`); see the type's summary.
    func divisor(_ k: Int) -> Int64 {
        if terms.nominalPeriodRate {
            // annual / ppy per regular period, pro-rated by actual days inside it.
            let base = (k == 1 && irregularFirst) ? terms.frequency.advance(terms.start, by: 1) - terms.start : days(k)
            return Int64(terms.frequency.periodsPerYear * base)
        }
        switch terms.dayCount {
        case .thirty360:
            return terms.frequency == .month ? Int64(12 * days(k) * (k == 1 && irregularFirst ? 30 : 1)) : 360
        case .actual365: return 365
        case .actualActual: return 365 * 366
        }
    }

    /// The accrual weight of days `[a, b)` inside period k (0 in interest-free periods).
    func weight(_ k: Int, from a: Day, to b: Day) -> Int64 {
        guard k > terms.interestFreePeriods, b > a else { return 0 }
        let d = Int64(b - a)
        if terms.nominalPeriodRate { return d }
        switch terms.dayCount {
        case .thirty360:
            guard terms.frequency == .month else { return d }
            return k == 1 && irregularFirst ? d * Int64(Self.days360(dues[0], dues[1])) : d
        case .actual365: return d
        case .actualActual:
            var w: Int64 = 0, x = a
            while x < b {
                let y = x.components.year
                let next = min(b, Day(year: y + 1, month: 1, day: 1)!)
                w += Int64(next - x) * (Day.isLeap(y) ? 365 : 366)
                x = next
            }
            return w
        }
    }

    func fullWeight(_ k: Int) -> Int64 { weight(k, from: dues[k - 1], to: dues[k]) }

    /// The exact interest numerator of `balance` over `[a, b)` of period k; divide by `denominator(k)`.
    func accrual(_ balance: Int64, _ k: Int, from a: Day, to b: Day) -> Int128 {
        Int128(balance) * Int128(units) * Int128(weight(k, from: a, to: b))
    }

    func denominator(_ k: Int) -> Int128 { Int128(scale) * Int128(divisor(k)) }

    /// Interest of period k on `balance` for the whole period, rounded to `unit` fen.
    func interest(_ balance: Int64, _ k: Int, extra: Int128 = 0, unit: Int64 = 1) -> Int64 {
        let num = Int128(balance) * Int128(units) * Int128(fullWeight(k)) + extra
        return Int64(terms.rounding.divide128(num, by: denominator(k) * Int128(unit))) * unit
    }

    /// 30E/360 day count between two days.
    static func days360(_ a: Day, _ b: Day) -> Int {
        let x = a.components, y = b.components
        return 360 * (y.year - x.year) + 30 * (y.month - x.month) + (min(y.day, 30) - min(x.day, 30))
    }
}

