/// Installment schedules: quotes, cost of a plan, payoff and prepayment (pure, exact money).
///
/// Rules, per method (amounts in fen, each division rounded by `terms.rounding`):
/// - **annuity** (等额本息): the level payment is the exact payment that amortizes the amount financed
///   under each period's own rate (see `PlanModel.levelPayment`), rounded to `multiple`; a period's
///   principal is the payment less that period's interest (rounded to the fen); the last installment
///   takes whatever principal remains.
/// - **equal principal** (等额本金): principal = financed / amortizing periods rounded to `multiple`;
///   interest is rounded to `multiple` too, so installments are multiples (Fineract F6); the last takes the rest.
/// - **flat**: total interest = financed × annual rate × interest-bearing periods / periods per year
///   (day count ignored), spread evenly to the fen; installment = (financed + total interest) / periods
///   rounded to `multiple` (F7); the last takes the remaining principal and interest.
/// - **interest-free**: the rate is ignored; principal spread evenly to `multiple`, the last takes the rest.
/// - **gracePrincipal N**: periods 1...N pay interest only; the method amortizes over the other periods.
/// - **graceInterest N**: interest of periods 1...N is computed (`Installment.deferredInterest`) but not
///   paid; all of it is paid with installment N + 1. It is never capitalized, so the balance never grows.
/// - **interestFreePeriods N**: periods 1...N accrue no interest (the annuity's level payment knows it).
/// - Rounding to a large `multiple` never makes an amount negative: a principal is clamped to
///   `0...balance`, and the installment is whatever principal + interest + fee then is.
public enum ScheduleEngine {
    /// The full schedule of `terms`, or why not (term < 1, negative amounts, down payment >= principal, grace >= term, ...).
    ///
    /// Period 0 (due on `terms.start`) exists when there is a down payment or an upfront fee:
    /// payment = down + fee, principal = down, balance = amount financed.
    public static func quote(_ terms: PlanTerms) throws(ScheduleError) -> Schedule {
        let model = try PlanModel(terms)
        var rows: [Installment] = []
        rows.reserveCapacity(model.n + 1)
        if model.down > 0 || model.upfrontFee > 0 {
            rows.append(Installment(period: 0, dueOn: terms.start, payment: Money(minorUnits: model.down + model.upfrontFee),
                                    principal: Money(minorUnits: model.down), interest: .zero,
                                    fee: Money(minorUnits: model.upfrontFee), balance: Money(minorUnits: model.financed)))
        }
        let segment = Segment(model: model, first: 1, last: model.n, balance: model.financed)
        rows += model.rows(segment, rule: model.regularRule(segment))
        return summarize(model, rows)
    }

    /// Totals and cost rates of `rows`.
    static func summarize(_ model: PlanModel, _ rows: [Installment]) -> Schedule {
        var payable = Money.zero, interest = Money.zero, fees = Money.zero
        var flows: [(t: Double, amount: Double)] = [(0, Double(model.financed - model.upfrontFee))]
        flows.reserveCapacity(rows.count + 1)
        for r in rows {
            payable += r.payment; interest += r.interest; fees += r.fee
            if r.period == 0 && !r.isPrepayment { continue }
            let t = r.isPrepayment ? model.time(of: r.dueOn) : Double(r.period)
            flows.append((t, -Double(r.payment.minorUnits)))
        }
        let rates = irr(flows).map { annualize($0, periodsPerYear: model.terms.frequency.periodsPerYear) }
        return Schedule(terms: model.terms, financed: Money(minorUnits: model.financed), installments: rows, totalPayable: payable,
                        totalInterest: interest, totalFees: fees, annualizedRate: rates?.annualized ?? .nan,
                        effectiveRate: rates?.effective ?? .nan, lastDue: rows.last?.dueOn ?? model.terms.start)
    }
}

/// Periods `first...last` of a plan, starting from `balance` (internal).
struct Segment {
    var first: Int
    var last: Int
    var balance: Int64
    /// Deferred interest already owed when the segment starts (interest grace).
    var deferred: Int64 = 0
    /// Added to period `first`'s interest numerator (interest on a prepaid amount until its day).
    var extra: Int128 = 0
    /// Stop as soon as the balance is paid (prepayment reducing the term).
    var stopWhenPaid = false

    init(model: PlanModel, first: Int, last: Int, balance: Int64) {
        self.first = first; self.last = last; self.balance = balance
    }

    /// The periods of this segment that amortize principal (after the principal grace).
    func amortizing(_ model: PlanModel) -> [Int] { Array(max(first, model.terms.gracePrincipal + 1)...last) }
}

/// How a segment's principal is set (internal).
enum PrincipalRule {
    /// Annuity: principal = payment − the period's interest.
    case level(Int64)
    /// The same principal every period.
    case fixed(Int64)
    /// Flat: interest `interest` each interest-bearing period (the last one takes `total` − the others
    /// when `total` is known), principal = `payment` − `interest`.
    case flat(payment: Int64, principal: Int64, interest: Int64, total: Int64?)
}

extension PlanModel {
    /// The rule that amortizes `s.balance` over the segment's periods with the plan's method.
    func regularRule(_ s: Segment) -> PrincipalRule {
        let periods = s.amortizing(self)
        let m = Int64(periods.count)
        let mode = terms.rounding
        switch terms.method {
        case .annuity:
            return .level(levelPayment(balance: s.balance, periods: periods))
        case .equalPrincipal, .interestFree:
            return .fixed(mode.divide(s.balance, by: m * multiple) * multiple)
        case .flat:
            let bearing = Int64(s.last - max(s.first - 1, terms.interestFreePeriods))
            let ppy = Int64(terms.frequency.periodsPerYear)
            let total = bearing > 0 ? Int64(mode.divide128(Int128(s.balance) * Int128(units) * Int128(bearing), by: Int128(scale) * Int128(ppy))) : 0
            let each = bearing > 0 ? mode.divide(total, by: bearing) : 0
            let payment = mode.divide(s.balance + m * each, by: m * multiple) * multiple
            return .flat(payment: payment, principal: payment - each, interest: each, total: total)
        }
    }

    /// The rows of segment `s` under `rule`.
    func rows(_ s: Segment, rule: PrincipalRule) -> [Installment] {
        var out: [Installment] = []
        out.reserveCapacity(s.last - s.first + 1)
        var balance = s.balance, deferred = s.deferred
        let unit: Int64 = terms.method == .equalPrincipal ? multiple : 1
        for k in s.first...s.last {
            // This period's own interest.
            var own: Int64
            switch rule {
            case .flat(_, _, let each, let total):
                if k <= terms.interestFreePeriods { own = 0 }
                else if k == s.last, let total {
                    let bearing = Int64(s.last - max(s.first - 1, terms.interestFreePeriods))
                    own = total - each * (bearing - 1)
                } else { own = each }
            default:
                own = interest(balance, k, extra: k == s.first ? s.extra : 0, unit: unit)
            }
            var principal: Int64
            if k <= terms.gracePrincipal { principal = 0 }
            else if k == s.last { principal = balance }
            else {
                switch rule {
                case .level(let p): principal = p - own
                case .fixed(let q): principal = q
                case .flat(_, let q, _, _): principal = q
                }
                principal = min(max(principal, 0), balance)
            }
            balance -= principal
            var rowInterest = own, rowDeferred: Int64 = 0
            let closing = s.stopWhenPaid && balance == 0
            if k <= terms.graceInterest && !closing {
                deferred += own; rowInterest = 0; rowDeferred = own
            } else {
                rowInterest = own + deferred; deferred = 0
            }
            var row = Installment(period: k, dueOn: dues[k], payment: Money(minorUnits: principal + rowInterest + periodFee),
                                  principal: Money(minorUnits: principal), interest: Money(minorUnits: rowInterest),
                                  fee: Money(minorUnits: periodFee), balance: Money(minorUnits: balance))
            row.deferredInterest = Money(minorUnits: rowDeferred)
            out.append(row)
            if closing { break }
        }
        return out
    }

    /// `day` in periods since the start: k − 1 + the elapsed fraction of period k (for the IRR of prepayments).
    func time(of day: Day) -> Double {
        if day <= dues[0] { return 0 }
        for k in 1...n where day <= dues[k] {
            return Double(k - 1) + Double(day - dues[k - 1]) / Double(max(1, days(k)))
        }
        return Double(n) + Double(day - dues[n]) / Double(max(1, days(n)))
    }
}
