import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// Collections KPIs over a period: DSO (standard and count-back), best possible DSO, average days
/// delinquent, CEI, AR turnover, roll rates and payment delay by customer (the formulas are
/// `KPI`'s, see docs/KPI.md).
extension Catalog {
    static var kpiCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["kpi"],
                    summary:
                        "collections KPIs for a period: DSO, best possible DSO, days delinquent, CEI, turnover, roll rates, payment delay",
                    discussion:
                        "The period is a calendar month (--period, default: the last full month before today) or a range of days (--from and --to, both included). AR is the open amount of invoices issued by a day; credit sales are the invoices issued in the period (plan rows excluded); current AR is the part not yet due on the last day. DSO = AR at the end ÷ credit sales × days of the period; best possible DSO uses current AR; average days delinquent = DSO − best possible DSO; count-back DSO matches AR against the latest months' sales with their actual lengths. CEI = (BAR + S/N − EAR) ÷ (BAR + S/N − ECAR) × 100 with credit sales S divided by the number of months N the period touches. AR turnover = credit sales ÷ average of AR at the start and the end (for the period, not annualised). A roll rate is the share of a bucket's open amount one month before the last day that is open in a later bucket on the last day. Payment delay: days from due date to payment (early = 0) weighted by the amount applied, over payments received in the period; customers with the most amount × days first. Days and turnover are rounded half-up to 2 decimals, percentages to 1; a figure whose denominator is 0 is blank.",
                    options: [
                        OptionSpec(
                            "--period", value: "YYYY-MM",
                            help:
                                "a calendar month, e.g. 2024-05 (default: the last full month before today); not with --from/--to"
                        ),
                        OptionSpec("--from", value: "DATE", help: "first day of the period, YYYY-MM-DD (with --to)"),
                        OptionSpec(
                            "--to", value: "DATE", help: "last day of the period, included, YYYY-MM-DD (with --from)"),
                        OptionSpec(
                            "--customers", value: "N",
                            help: "rows in the payment delay table (default 10; 0 leaves it empty)"),
                        .format,
                    ],
                    examples: [
                        "kpi", "kpi --period 2024-05", "kpi --from 2024-01-01 --to 2024-03-31 --format json",
                        "kpi --period 2024-05 --customers 20 --format csv",
                    ])
            ) { inv in try Catalog.kpi(inv) }
        ]
    }

    static func kpi(_ inv: Invocation) throws -> Outcome {
        let period = try kpiPeriod(inv)
        let rows = try inv.integer("--customers", default: 10, range: 0...100_000)
        let ws = inv.workspace
        let ledger = try inv.portfolioLedger()
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        let r = KPI.report(ledger, period: period, agingBounds: policy.agingBounds)
        // Promise-kept rate: kept / (kept + broken) among promises decided in the period (pending and
        // cancelled ones left out).
        var kept = 0, broken = 0
        let promises = try inv.store { () throws(StoreError) in try ws.promises(customer: nil) }
        for s in CaseBook.standings(promises, ledger: ledger, policy: policy, asOf: period.to) {
            guard let d = s.decidedOn, d >= period.from, d <= period.to else { continue }
            if s.status == .kept { kept += 1 } else if s.status == .broken { broken += 1 }
        }
        let days = kpiDays, percent = kpiPercent
        let record: [Field] = [
            Field("period", title: "Period", .text(period.description)),
            Field("days", title: "Days", .number(String(period.days))),
            Field("months", title: "Months (CEI N)", .number(String(period.months))),
            Field("beginning_ar", title: "AR at start", Invocation.money(r.beginningReceivables)),
            Field("ending_ar", title: "AR at end", Invocation.money(r.endingReceivables)),
            Field("ending_current_ar", title: "Current AR at end", Invocation.money(r.endingCurrentReceivables)),
            Field("credit_sales", title: "Credit sales", Invocation.money(r.creditSales)),
            Field("collections", title: "Collections", Invocation.money(r.collections)),
            Field("dso", title: "DSO (days)", days(r.dso)),
            Field("dso_count_back", title: "Count-back DSO (days)", days(r.countBackDSO)),
            Field("best_possible_dso", title: "Best possible DSO (days)", days(r.bestPossibleDSO)),
            Field("average_days_delinquent", title: "Average days delinquent", days(r.averageDaysDelinquent)),
            Field("cei_percent", title: "CEI (%)", percent(r.ceiPercent)),
            Field("cei_variant", title: "CEI variant", .text(KPI.ceiVariant)),
            Field("ar_turnover", title: "AR turnover (period)", days(r.turnover)),
            Field("average_payment_delay_days", title: "Average payment delay (days)", days(r.averageDelay)),
            Field("roll_from", title: "Roll rates from", .text(r.rollFrom.iso)),
            Field("roll_to", title: "Roll rates to", .text(period.to.iso)),
            Field("promises_kept", title: "Promises kept", .number(String(kept))),
            Field("promises_broken", title: "Promises broken", .number(String(broken))),
            Field(
                "promise_kept_percent", title: "Promise-kept rate (%)",
                percent(Ratio(Int128(kept * 100), over: Int128(kept + broken)))),
        ]
        var delays: [(id: String, name: String?, delay: KPI.CustomerDelay)] = []
        for d in r.delays.prefix(rows) {
            let id = ledger.customerIds[d.customer]
            let name = try inv.store { () throws(StoreError) in try ws.customer(id: id) }?.name
            delays.append((id, name, d))
        }
        return .output(
            .document([
                Section("kpi", title: "Collections KPIs", .record(record)),
                Section("roll_rates", title: "Roll rates", .table(rollRateSpec.table(r.rolls))),
                Section("payment_delay", title: "Payment delay by customer", .table(paymentDelaySpec.table(delays))),
            ]))
    }

    /// A number of days (or a turnover) to 2 decimals, blank without a value.
    static func kpiDays(_ x: Ratio?) -> Cell { x.map { .number($0.decimal(places: 2)) } ?? .empty }
    /// A percentage to 1 decimal, blank without a value.
    static func kpiPercent(_ x: Ratio?) -> Cell { x.map { .number($0.decimal(places: 1)) } ?? .empty }

    /// `kpi`, roll rates: one row per bucket but the last, in bucket order.
    static let rollRateSpec = TableSpec<KPI.Roll>(
        "kpi (roll rates)",
        [
            .init(Column("From", key: "from_bucket"), "the aging bucket it rolls from (current, 1-30, ...)") {
                .text($0.from)
            },
            .init(Column("To", key: "to_bucket"), "the next bucket") { .text($0.to) },
            .init(Column("Amount", key: "amount_from"), "open in the from bucket a month before the last day") {
                Invocation.money($0.amount)
            },
            .init(
                Column("Rolled", key: "amount_rolled"), "the part of it open on the last day in the to bucket or later"
            ) { Invocation.money($0.rolled) },
            .init(
                Column("Rate %", key: "rate_percent"), "rolled ÷ amount × 100, blank when nothing was in the bucket"
            ) { kpiPercent($0.ratePercent) },
        ])

    /// `kpi`, payment delay: customers who paid in the period, most amount × days late first.
    static let paymentDelaySpec = TableSpec<(id: String, name: String?, delay: KPI.CustomerDelay)>(
        "kpi (payment delay)",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.id) },
            .init(Column("Name", key: "name"), "the customer's name") { Invocation.text($0.name) },
            .init(Column("Paid", key: "paid_amount"), "applied to their invoices by payments received in the period") {
                Invocation.money($0.delay.paid)
            },
            .init(
                Column("Delay (days)", key: "weighted_delay_days"),
                "days from due date to payment (early = 0), weighted by the amount applied"
            ) { kpiDays($0.delay.delay) },
        ])

    /// `--period YYYY-MM`, or `--from D --to D`, or the last full month before today.
    static func kpiPeriod(_ inv: Invocation) throws -> KPI.Period {
        let p = inv.parsed
        let month = p.value("--period"), fromText = p.value("--from"), toText = p.value("--to")
        if month != nil && (fromText != nil || toText != nil) {
            let other = fromText != nil ? "--from" : "--to"
            let column = max(p.column(ofOption: "--period") ?? 0, p.column(ofOption: other) ?? 0)
            throw ShellError(
                "--period cannot be combined with \(other)",
                hint: "give a month with --period YYYY-MM, or a range with --from DATE --to DATE",
                column: column)
        }
        if let month {
            guard let period = KPI.Period(month: month) else {
                throw ShellError(
                    "bad month '\(month)' for --period", hint: "write months as YYYY-MM, e.g. 2024-05",
                    column: p.column(ofOption: "--period"))
            }
            return period
        }
        if fromText == nil && toText == nil { return KPI.Period.monthBefore(try inv.session.today()) }
        func day(_ option: String, _ text: String?) throws -> Day {
            guard let text else {
                let given = option == "--from" ? "--to" : "--from"
                throw ShellError(
                    "\(given) needs \(option)",
                    hint: "give both ends of the range, e.g. --from 2024-01-01 --to 2024-03-31",
                    column: p.column(ofOption: given))
            }
            guard let d = Day(text) else {
                throw ShellError(
                    "bad date '\(text)' for \(option)", hint: "write dates as YYYY-MM-DD",
                    column: p.column(ofOption: option))
            }
            return d
        }
        let from = try day("--from", fromText), to = try day("--to", toText)
        guard from <= to else {
            throw ShellError(
                "--to \(to.iso) is before --from \(from.iso)",
                hint: "the period runs from --from to --to, both included",
                column: p.column(ofOption: "--to"))
        }
        return KPI.Period(from: from, to: to)
    }
}
