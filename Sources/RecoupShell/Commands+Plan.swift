import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

extension Catalog {
    /// The options that describe a plan, shared by `plan quote` and `plan compare`.
    static let planOptions: [OptionSpec] = [
        OptionSpec(
            "--customer", value: "CUSTOMER",
            help: "quote for this customer: the amount defaults to their overdue balance",
            completion: .domain("customer")),
        OptionSpec(
            "--principal", value: "AMOUNT", help: "the amount to spread (instead of a customer's overdue balance)"),
        OptionSpec("--rate", value: "RATE", help: "nominal annual interest rate, e.g. 6% (default 0%)"),
        OptionSpec("--monthly-rate", value: "RATE", help: "monthly interest rate, e.g. 0.5% (the same as --rate 6%)"),
        OptionSpec(
            "--every", value: "PERIOD", help: "month (default), week or 2weeks",
            completion: .values(Frequency.allCases.map(\.rawValue))),
        OptionSpec(
            "--start", value: "DATE", help: "the plan's start: down payment and upfront fee fall due (default today)"),
        OptionSpec(
            "--first-due", value: "DATE", help: "the first installment's due date (default one period after the start)"),
        OptionSpec("--down", value: "AMOUNT|PCT", help: "down payment due on the start date, e.g. 20% or 5000"),
        OptionSpec(
            "--fee", value: "AMOUNT|PCT",
            help: "upfront fee paid on the start date; a percentage is of the amount financed"),
        OptionSpec(
            "--installment-fee", value: "AMOUNT|PCT",
            help: "fee with every installment; a percentage is of the amount financed"),
        OptionSpec(
            "--day-count", value: "BASIS", help: "30/360 (default), actual/365 or actual/actual",
            completion: .values(DayCount.allCases.map(\.rawValue))),
        OptionSpec(
            "--rounding", value: "MODE", help: "half-up (default, the Chinese retail convention), half-even or up",
            completion: .values(RoundingMode.allCases.map(\.rawValue))),
        OptionSpec(
            "--multiple", value: "AMOUNT", help: "round installments to a multiple: 0.01 (default), 1 or 100",
            completion: .values(["0.01", "1", "100"])),
        OptionSpec("--grace-principal", value: "N", help: "first N periods pay interest only"),
        OptionSpec("--grace-interest", value: "N", help: "first N periods' interest is computed but deferred"),
        OptionSpec("--interest-free", value: "N", help: "first N periods bear no interest"),
        OptionSpec(
            "--rate-decimals", value: "N",
            help: "decimals of the annualized and effective rates in a table (default 2; CSV and JSON give 4)"),
        OptionSpec(
            "--nominal-period-rate",
            help:
                "charge every period the annual rate / periods a year, whatever its days (weekly plans as Fineract computes them)"
        ),
        .asOf, .format,
    ]

    static var planCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["plan", "quote"],
                    summary: "quote an installment plan: schedule, total cost and annualized rate (nothing is written)",
                    discussion: """
                        Each period's interest is rounded to the fen; the level payment is rounded by --rounding to
                        --multiple; the last installment absorbs the remainder, so principal sums exactly to the
                        amount financed. The annualized rate is the IRR per period of the customer's cash flows times
                        the periods in a year (as PBOC 2021 No. 3 requires lenders to show); the effective rate
                        compounds it. --format csv prints period,due_on,payment,principal,interest,fee,balance
                        (period 0 is the down payment and upfront fee, when there are any); --format json prints
                        {"schedule": [...], "summary": {...}} with amounts and rates (percent) as decimal strings.
                        """,
                    options: [
                        OptionSpec("--term", value: "N", help: "number of installments"),
                        OptionSpec(
                            "--method", value: "METHOD",
                            help: "annuity (等额本息, default), equal-principal (等额本金), flat or interest-free",
                            completion: .values(PlanMethod.allCases.map(\.rawValue))),
                    ] + planOptions,
                    examples: [
                        "plan quote --principal 48000 --rate 6% --term 12",
                        "plan quote --customer C000001 --term 6 --method equal-principal --down 20%",
                        "plan quote --principal 12000 --term 12 --method interest-free --installment-fee 0.6% --format json",
                    ])
            ) { inv in try Catalog.quotePlan(inv) },
            Command(
                spec: CommandSpec(
                    ["plan", "compare"], summary: "several quotes side by side: every term with every method",
                    options: [
                        OptionSpec("--term", value: "N,N,...", help: "terms to compare, e.g. 3,6,12"),
                        OptionSpec(
                            "--method", value: "METHOD,...",
                            help: "methods to compare, comma-separated: annuity, equal-principal, flat, interest-free"),
                    ] + planOptions,
                    examples: [
                        "plan compare --principal 48000 --rate 6% --term 3,6,12 --method annuity,equal-principal"
                    ])
            ) { inv in try Catalog.comparePlans(inv) },
        ]
    }

    /// The terms the options describe, for one term and method.
    static func planTerms(_ inv: Invocation, term: Int, method: PlanMethod, principal fixed: Money? = nil) throws
        -> PlanTerms
    {
        let p = inv.parsed
        func bad(_ option: String, _ text: String, _ hint: String) -> ShellError {
            ShellError("bad value '\(text)' for \(option)", hint: hint, column: p.column(ofOption: option))
        }
        func day(_ option: String) throws -> Day? {
            guard let t = p.value(option) else { return nil }
            guard let d = Day(t) else { throw bad(option, t, "write dates as YYYY-MM-DD") }
            return d
        }
        func count(_ option: String) throws -> Int { try inv.integer(option, default: 0, range: 0...1200) }
        func amountOrPercent(_ option: String) throws -> AmountOrPercent? {
            guard let t = p.value(option) else { return nil }
            guard let v = AmountOrPercent.parse(t) else {
                throw bad(option, t, "an amount like 300 or a percentage like 0.6%")
            }
            return v
        }
        var principal: Money
        if fixed == nil, p.value("--principal") != nil, p.value("--customer") != nil {
            throw ShellError(
                "give --principal or --customer, not both",
                hint: "--customer quotes the customer's overdue balance; --principal quotes an amount of your own",
                column: p.column(ofOption: "--principal"))
        }
        if let fixed {
            principal = fixed
        } else if let text = p.value("--principal") {
            guard case .success(let m) = Money.parseTyped(text), m.isPositive else {
                throw bad("--principal", text, "a positive amount like 48000 or 48000.50")
            }
            principal = m
        } else if p.value("--customer") != nil {
            let c = try inv.resolveCustomer("--customer")
            let ledger = try inv.store { () throws(StoreError) in try inv.workspace.ledger(customer: c) }
            principal = ledger.balances(ledger.allocate(asOf: try inv.asOf())).first?.overdue ?? .zero
            guard principal.isPositive else {
                throw ShellError(
                    "customer '\(c.id)' has nothing overdue as of \(try inv.asOf().iso)",
                    hint: "give the amount with --principal",
                    column: p.column(ofOption: "--customer"))
            }
        } else {
            throw ShellError(
                "'\(p.spec.name)' needs --principal AMOUNT or --customer ID",
                hint: "e.g. \(p.spec.name) --principal 48000 --rate 6% --term 12")
        }
        var rate = Rate.zero
        if let t = p.value("--rate") {
            guard let r = Rate.percent(t) else { throw bad("--rate", t, "an annual rate like 6% or 3.25%") }
            rate = r
        }
        if let t = p.value("--monthly-rate") {
            guard p.value("--rate") == nil else {
                throw ShellError(
                    "give --rate or --monthly-rate, not both", column: p.column(ofOption: "--monthly-rate"))
            }
            guard let r = Rate.percent(t) else { throw bad("--monthly-rate", t, "a monthly rate like 0.5%") }
            rate = r.times(12)
        }
        var terms = PlanTerms(
            principal: principal, annualRate: rate, term: term, start: try day("--start") ?? inv.session.today())
        terms.method = method
        if let t = p.value("--every") { terms.frequency = Frequency(rawValue: t)! }
        terms.firstDue = try day("--first-due")
        terms.down = try amountOrPercent("--down")
        terms.fee = try amountOrPercent("--fee")
        terms.installmentFee = try amountOrPercent("--installment-fee")
        if let t = p.value("--day-count") { terms.dayCount = DayCount(rawValue: t)! }
        if let t = p.value("--rounding") { terms.rounding = RoundingMode(rawValue: t)! }
        if let t = p.value("--multiple") {
            guard case .success(let m) = Money.parseTyped(t), m.isPositive else {
                throw bad("--multiple", t, "0.01, 1 or 100")
            }
            terms.multiple = m
        }
        terms.gracePrincipal = try count("--grace-principal")
        terms.graceInterest = try count("--grace-interest")
        terms.interestFreePeriods = try count("--interest-free")
        terms.nominalPeriodRate = p.flag("--nominal-period-rate")
        return terms
    }

    /// The schedule of `terms`, refused when its annualized rate (the customer's whole cost, fees
    /// included) is above the policy's `plan.max_rate`: a collector cannot quote, compare or record a
    /// plan the company does not offer.
    static func schedule(_ inv: Invocation, _ terms: PlanTerms) throws -> Schedule {
        let s: Schedule
        do { s = try ScheduleEngine.quote(terms) } catch {
            throw ShellError(error.message, hint: "see 'help \(inv.parsed.spec.name)'")
        }
        let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
        let cap = policy.planMaxRate
        // Compared in hundredths of a basis point, the precision the rates are shown with.
        if (s.annualizedRate * 10_000).rounded() > (cap.double * 1_000_000).rounded() {
            throw ShellError(
                "the plan's annualized rate \(percent(s.annualizedRate, places: 2))% is above the policy's plan.max_rate \(cap.percentText(2))%",
                hint: "lower --rate or the fees, or ask for the policy to change (policy set plan.max_rate)",
                column: inv.parsed.column(ofOption: "--rate") ?? inv.parsed.column(ofOption: "--fee"))
        }
        return s
    }

    static func quotePlan(_ inv: Invocation) throws -> Outcome {
        let term = try inv.integer("--term", default: 0, range: 1...1200)
        guard inv.parsed.value("--term") != nil else {
            throw ShellError("'plan quote' needs --term N", hint: "e.g. --term 12")
        }
        let method = try inv.parsed.value("--method").map { PlanMethod(rawValue: $0)! } ?? .annuity
        let s = try schedule(inv, try planTerms(inv, term: term, method: method))
        let places = try inv.integer("--rate-decimals", default: 2, range: 0...8)
        let format = inv.parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? inv.session.defaultFormat
        let json = format == .json
        func amount(_ m: Money) -> Cell { quoteAmount(m, json: json) }
        let table = planQuoteSpec.table(s.installments.map { (installment: $0, json: json) })
        let summary: [Field] = [
            Field("amount_financed", title: "Amount financed", amount(s.financed)),
            Field("total_payable", title: "Total payable", amount(s.totalPayable)),
            Field("total_interest", title: "Total interest", amount(s.totalInterest)),
            Field("total_fees", title: "Total fees", amount(s.totalFees)),
            Field(
                "annualized_rate", title: "Annualized rate (%)",
                json
                    ? .text(percent(s.annualizedRate))
                    : .number(percent(s.annualizedRate, places: format == .table ? places : 4))),
            Field(
                "effective_rate", title: "Effective annual rate (%)",
                json
                    ? .text(percent(s.effectiveRate))
                    : .number(percent(s.effectiveRate, places: format == .table ? places : 4))),
            Field("last_due_on", title: "Last installment", .text(s.lastDue.iso)),
        ]
        // Quoted for a customer: who, and the late fees they owe besides the plan's principal (posted
        // and not waived, plus accrued to the day and not yet posted), so the collector quotes the
        // whole debt on the call.
        var debtor: [Field] = []
        if inv.parsed.value("--customer") != nil {
            let c = try inv.resolveCustomer("--customer")
            let file = try inv.service { try CustomerFile(inv.services(asOf: try inv.asOf())).file(c, payments: 0) }
            debtor = [
                Field("customer_id", title: "Customer", .text(c.id)),
                Field("customer_name", title: "Name", .text(c.name)),
                Field(
                    "late_fees_owed", title: "Late fees owed (besides the plan)",
                    amount(file.feesOwed + file.feesAccrued)),
            ]
        }
        switch format {
        case .csv: return .output(.table(table))
        case .json:
            return .output(
                .document([Section("schedule", .table(table)), Section("summary", .record(debtor + summary))]))
        case .table:
            return .output(
                .document([
                    Section(
                        "summary",
                        title:
                            "Plan: \(s.terms.method.rawValue), \(s.terms.term) × \(s.terms.frequency.rawValue), \(s.terms.annualRate.percentText(2))% a year",
                        .record(debtor + summary)),
                    Section("schedule", title: "Schedule", .table(table)),
                ]))
        }
    }

    /// An amount of a quote: money, or a decimal string in JSON (`plan quote --format json`).
    static func quoteAmount(_ m: Money, json: Bool) -> Cell { json ? .text(m.description) : .money(m.description) }

    /// `plan quote`, section `schedule`: one row per installment (amounts as strings in JSON).
    static let planQuoteSpec = TableSpec<(installment: Installment, json: Bool)>(
        "plan quote",
        [
            .init(Column("Period", key: "period"), "the installment's number (0: down payment and upfront fee)") {
                .number(String($0.installment.period))
            },
            .init(Column("Due on", key: "due_on"), "the day it falls due") { .text($0.installment.dueOn.iso) },
            .init(Column("Payment", key: "payment"), "principal + interest + fee") {
                quoteAmount($0.installment.payment, json: $0.json)
            },
            .init(Column("Principal", key: "principal"), "the part that repays principal") {
                quoteAmount($0.installment.principal, json: $0.json)
            },
            .init(Column("Interest", key: "interest"), "the part that is interest") {
                quoteAmount($0.installment.interest, json: $0.json)
            },
            .init(Column("Fee", key: "fee"), "the part that is fees") {
                quoteAmount($0.installment.fee, json: $0.json)
            },
            .init(Column("Balance", key: "balance"), "principal still owed after it") {
                quoteAmount($0.installment.balance, json: $0.json)
            },
        ])

    static func comparePlans(_ inv: Invocation) throws -> Outcome {
        let p = inv.parsed
        guard let termText = p.value("--term") else {
            throw ShellError("'plan compare' needs --term N,N,...", hint: "e.g. --term 3,6,12")
        }
        var terms: [Int] = []
        for t in termText.split(separator: ",") {
            guard let n = Int(t.trimmingCharacters(in: .whitespaces)), (1...1200).contains(n) else {
                throw ShellError(
                    "bad term '\(t)' in --term", hint: "whole numbers from 1 to 1200, separated by commas",
                    column: p.column(ofOption: "--term"))
            }
            terms.append(n)
        }
        var methods: [PlanMethod] = []
        for m in (p.value("--method") ?? "annuity").split(separator: ",") {
            guard let method = PlanMethod(rawValue: m.trimmingCharacters(in: .whitespaces)) else {
                throw ShellError(
                    "bad method '\(m)' in --method",
                    hint: "choose from \(PlanMethod.allCases.map(\.rawValue).joined(separator: ", "))",
                    column: p.column(ofOption: "--method"))
            }
            methods.append(method)
        }
        var rows: [PlanQuoteLine] = []
        for method in methods {
            for term in terms {
                let s = try schedule(inv, try planTerms(inv, term: term, method: method))
                let regular = s.installments.filter { $0.period > 0 }
                rows.append(
                    PlanQuoteLine(
                        method: method, term: term, first: regular.first?.payment ?? .zero,
                        last: regular.last?.payment ?? .zero, schedule: s))
            }
        }
        return .output(.table(planCompareSpec.table(rows)))
    }

    /// One quote of `plan compare`.
    struct PlanQuoteLine {
        var method: PlanMethod
        var term: Int
        /// The first and last regular installments (period 0, a down payment, left out).
        var first: Money
        var last: Money
        var schedule: Schedule
    }

    /// `plan compare`: one row per method and term.
    static let planCompareSpec = TableSpec<PlanQuoteLine>(
        "plan compare",
        [
            .init(Column("Method", key: "method"), "annuity, equal-principal, flat or interest-free") {
                .term($0.method.rawValue)
            },
            .init(Column("Term", key: "term"), "number of installments") { .number(String($0.term)) },
            .init(Column("First", key: "first_payment"), "the first regular installment (after any down payment)") {
                Invocation.money($0.first)
            },
            .init(Column("Last", key: "last_payment"), "the last installment") { Invocation.money($0.last) },
            .init(Column("Total payable", key: "total_payable"), "everything the customer pays") {
                Invocation.money($0.schedule.totalPayable)
            },
            .init(Column("Interest", key: "total_interest"), "the interest in all") {
                Invocation.money($0.schedule.totalInterest)
            },
            .init(Column("Fees", key: "total_fees"), "the fees in all") { Invocation.money($0.schedule.totalFees) },
            .init(
                Column("Annualized %", key: "annualized_rate"),
                "the annualized rate, fees included (IRR per period × periods a year), percent"
            ) { .number(percent($0.schedule.annualizedRate)) },
            .init(Column("Effective %", key: "effective_rate"), "the annualized rate compounded, percent") {
                .number(percent($0.schedule.effectiveRate))
            },
            .init(Column("Last due", key: "last_due_on"), "the day the last installment falls due") {
                .text($0.schedule.lastDue.iso)
            },
        ])

    /// A rate given in percent (`13.03421`) with `places` decimals (`13.0342` with 4, `13.03` with 2), rounded half-up.
    static func percent(_ value: Double, places: Int = 4) -> String {
        let unit = (0..<places).reduce(Int64(1)) { p, _ in p * 10 }
        let v = Int64((value * Double(unit)).rounded(.toNearestOrAwayFromZero))
        let sign = v < 0 ? "-" : ""
        let m = v.magnitude
        let scale = UInt64(unit)
        guard places > 0 else { return sign + String(m) }
        let frac = String(m % scale)
        return sign + String(m / scale) + "." + String(repeating: "0", count: places - frac.count) + frac
    }
}
