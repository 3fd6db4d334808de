/// An exact non-negative decimal fraction: `units / 10^scale` (6 % a year is `Rate(units: 6, scale: 2)`).
///
/// Rates never pass through `Double` on the way to money; only the annualized-rate search (an IRR,
/// which has no closed form) works in floating point, and it yields a rate, never an amount.
public struct Rate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var units: Int64
    public var scale: Int

    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }

    public static let zero = Rate(units: 0, scale: 0)

    /// Parses a percentage such as `6%`, `6`, `0.5%` or `15.678%` (the `%` is optional): 6 % is 0.06.
    public static func percent(_ text: String) -> Rate? {
        var t = Substring(text)
        if t.hasSuffix("%") { t = t.dropLast() }
        guard let r = fraction(String(t)) else { return nil }
        return Rate(units: r.units, scale: r.scale + 2)
    }

    /// Parses a plain decimal fraction such as `0.0005` or `0.3`.
    public static func fraction(_ text: String) -> Rate? {
        var units: Int64 = 0, scale = 0, digits = 0, dot = false
        for b in text.utf8 {
            if b == UInt8(ascii: ".") { if dot { return nil }; dot = true; continue }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 17 else { return nil }
            units = units * 10 + Int64(b - UInt8(ascii: "0")); digits += 1
            if dot { scale += 1 }
        }
        return digits > 0 ? Rate(units: units, scale: scale) : nil
    }

    public var isZero: Bool { units == 0 }

    /// 10^scale.
    public var denominator: Int64 { (0..<scale).reduce(Int64(1)) { p, _ in p * 10 } }

    /// For the IRR search and for display only.
    public var double: Double { Double(units) / Double(denominator) }

    /// This rate times `factor` (e.g. a monthly rate times 12), still exact.
    public func times(_ factor: Int64) -> Rate { Rate(units: units * factor, scale: scale) }

    /// The rate in percent with `decimals` places, rounded half-up: `Rate.percent("6%")!.percentText(4)` is `6.0000`.
    public func percentText(_ decimals: Int = 4) -> String {
        Rate.format(numerator: units * 100, denominator: denominator, decimals: decimals)
    }

    public var description: String { percentText(4) + "%" }

    public static func < (a: Rate, b: Rate) -> Bool {
        a.units * b.denominator < b.units * a.denominator
    }

    public static func == (a: Rate, b: Rate) -> Bool { a.units * b.denominator == b.units * a.denominator }

    public func hash(into hasher: inout Hasher) {
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        hasher.combine(u); hasher.combine(s)
    }

    /// `numerator / denominator` as a decimal string with `decimals` places, rounded half-up.
    static func format(numerator: Int64, denominator: Int64, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(Int64(1)) { p, _ in p * 10 }
        let v = RoundingMode.halfUp.divide(numerator * scale, by: denominator)
        let whole = v / scale, frac = v % scale
        guard decimals > 0 else { return String(whole) }
        let f = String(frac)
        return String(whole) + "." + String(repeating: "0", count: decimals - f.count) + f
    }
}

/// How a plan's installments are built.
public enum PlanMethod: String, Sendable, CaseIterable, Codable {
    /// 等额本息: level payments, interest on the declining balance.
    case annuity
    /// 等额本金: the same principal each period, falling payments.
    case equalPrincipal = "equal-principal"
    /// Interest on the original amount financed for the whole term, spread evenly.
    case flat
    /// No interest; fees may still apply.
    case interestFree = "interest-free"
}

/// How often installments fall due.
public enum Frequency: String, Sendable, CaseIterable, Codable {
    case month, week
    case twoWeeks = "2weeks"

    public var periodsPerYear: Int {
        switch self {
        case .month: return 12
        case .week: return 52
        case .twoWeeks: return 26
        }
    }

    /// The due date `periods` periods after `day` (months keep the day of month, clamped).
    public func advance(_ day: Day, by periods: Int) -> Day {
        switch self {
        case .month: return day.addingMonths(periods)
        case .week: return day + 7 * periods
        case .twoWeeks: return day + 14 * periods
        }
    }
}

/// How a period's interest is counted.
public enum DayCount: String, Sendable, CaseIterable, Codable {
    /// Every month is 30 days of a 360-day year: a monthly period is exactly the annual rate / 12.
    case thirty360 = "30/360"
    /// Actual days in the period over 365.
    case actual365 = "actual/365"
    /// Actual days over the actual length of the year the days fall in (366 in leap years).
    case actualActual = "actual/actual"
}

/// An amount, or a percentage of the amount financed.
public enum AmountOrPercent: Sendable, Hashable, Codable {
    case amount(Money)
    case percent(Rate)

    /// Parses `300`, `300.50` or `0.6%`.
    public static func parse(_ text: String) -> AmountOrPercent? {
        if text.hasSuffix("%") { return Rate.percent(text).map { .percent($0) } }
        if case .success(let m) = Money.parseTyped(text), !m.isNegative { return .amount(m) }
        return nil
    }
}

/// Everything a schedule is computed from. Amounts in fen; rates exact.
public struct PlanTerms: Sendable, Hashable, Codable {
    /// The whole debt, before any down payment.
    public var principal: Money
    /// Nominal annual rate (a monthly rate of 0.5 % is 6 % a year).
    public var annualRate: Rate
    /// Number of installments after the down payment.
    public var term: Int
    public var frequency: Frequency = .month
    public var method: PlanMethod = .annuity
    /// The plan's start: the down payment and upfront fee fall due on it.
    public var start: Day
    /// The first installment's due date; nil means one period after `start`.
    public var firstDue: Day? = nil
    public var down: AmountOrPercent? = nil
    /// Upfront fee, paid on the start date; a percentage is of the amount financed.
    public var fee: AmountOrPercent? = nil
    /// Fee due with every installment; a percentage is of the amount financed.
    public var installmentFee: AmountOrPercent? = nil
    public var dayCount: DayCount = .thirty360
    public var rounding: RoundingMode = .halfUp
    /// Installments are rounded to a multiple of this (1 fen, 1 yuan = 100 fen, 100 yuan = 10,000 fen).
    public var multiple: Money = Money(minorUnits: 1)
    /// First periods in which no principal is due (interest is paid).
    public var gracePrincipal: Int = 0
    /// First periods in which interest is computed but deferred to later installments.
    public var graceInterest: Int = 0
    /// First periods that bear no interest at all.
    public var interestFreePeriods: Int = 0
    /// Every period bears exactly annual rate / periods per year, whatever its length and the day count
    /// (Fineract's "interest calculation period: same as repayment"; F5's 24 % / 52 a week). The day
    /// count is then unused; partial periods (payoff, prepayment) are pro-rated by actual days.
    public var nominalPeriodRate: Bool = false

    public init(principal: Money, annualRate: Rate, term: Int, start: Day) {
        self.principal = principal
        self.annualRate = annualRate
        self.term = term
        self.start = start
    }
}

/// One row of a schedule. Period 0 is the down payment (and upfront fee), when there is one.
public struct Installment: Sendable, Hashable, Codable {
    public var period: Int
    public var dueOn: Day
    /// principal + interest + fee.
    public var payment: Money
    public var principal: Money
    public var interest: Money
    public var fee: Money
    /// Principal still owed after this installment.
    public var balance: Money
    /// Interest accrued in this period but deferred by an interest grace (not part of `payment`:
    /// it is paid with the first installment after the grace).
    public var deferredInterest: Money = .zero
    /// An extra principal payment (`ScheduleEngine.prepay`), due on `dueOn`; `period` is the number
    /// of regular installments paid before it.
    public var isPrepayment: Bool = false

    public init(period: Int, dueOn: Day, payment: Money, principal: Money, interest: Money, fee: Money, balance: Money)
    {
        self.period = period; self.dueOn = dueOn; self.payment = payment; self.principal = principal
        self.interest = interest; self.fee = fee; self.balance = balance
    }
}

/// A computed plan: its installments and what they cost.
public struct Schedule: Sendable, Hashable {
    public var terms: PlanTerms
    /// The amount financed: principal less the down payment.
    public var financed: Money
    /// Period 0 (down payment / upfront fee) first when there is one, then periods 1...term.
    public var installments: [Installment]
    public var totalPayable: Money
    public var totalInterest: Money
    public var totalFees: Money
    /// IRR per period of the customer's cash flows times periods per year, in percent (PBOC 2021 No. 3).
    public var annualizedRate: Double
    /// (1 + IRR per period)^(periods per year) - 1, in percent.
    public var effectiveRate: Double
    public var lastDue: Day

    public init(
        terms: PlanTerms, financed: Money, installments: [Installment], totalPayable: Money, totalInterest: Money,
        totalFees: Money, annualizedRate: Double, effectiveRate: Double, lastDue: Day
    ) {
        self.terms = terms; self.financed = financed; self.installments = installments; self.totalPayable = totalPayable
        self.totalInterest = totalInterest; self.totalFees = totalFees; self.annualizedRate = annualizedRate
        self.effectiveRate = effectiveRate; self.lastDue = lastDue
    }
}

/// Why terms give no schedule, in words for the collector.
public enum ScheduleError: Error, Sendable, Equatable {
    case invalid(String)

    public var message: String {
        switch self {
        case .invalid(let m): return m
        }
    }
}
