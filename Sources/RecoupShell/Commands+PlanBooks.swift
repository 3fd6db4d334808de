import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// Plans on the books: created from overdue invoices, shown, listed, paid off and prepaid.
///
/// A plan's rows stand in balances, aging and the customer's file as obligations with ids
/// `PLAN#SEQ` (issued on the plan's day, due on their due dates); the restructured invoices are
/// closed on the plan's day by the amount they brought in. A plan is broken when a row has stayed
/// unpaid more than the policy's `plan.grace_days` past its due date: then, as the plan's terms say,
/// the whole open balance is due.
extension Catalog {
    static var planBookCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["plan", "create"],
                    summary: "turn a customer's overdue invoices into an installment plan on the books",
                    discussion:
                        "The plan's amount is what the invoices owe on the plan's day (--start, default today): by default every overdue, undisputed invoice. The invoices are closed by the plan and its installments become the customer's obligations. Takes the options of 'plan quote'.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer"))
                    ],
                    options: [
                        OptionSpec(
                            "--invoices", value: "ID,...",
                            help: "the invoices to restructure (default: all overdue and undisputed)"),
                        OptionSpec("--term", value: "N", help: "number of installments"),
                        OptionSpec(
                            "--method", value: "METHOD",
                            help: "annuity (default), equal-principal, flat or interest-free",
                            completion: .values(PlanMethod.allCases.map(\.rawValue))),
                    ] + planOptions.filter { !["--customer", "--principal", "--as-of"].contains($0.name) },
                    examples: [
                        "plan create C000117 --term 6 --rate 6%",
                        "plan create C001 --invoices INV-002,INV-004 --term 3 --method interest-free --start 2024-06-30",
                    ]), effect: { _ in .changesBooks }
            ) { inv in try Catalog.createPlan(inv) },
            Command(
                spec: CommandSpec(
                    ["plan", "show"], summary: "one plan: its rows, what is paid and open, and its status",
                    arguments: [ArgumentSpec("plan", help: "plan id", completion: .domain("plan"))],
                    options: [
                        .asOf,
                        OptionSpec(
                            "--order", value: "PARTS",
                            help:
                                "how a row's payments are split among fee, interest and principal (default: the policy's allocation.order)"
                        ),
                        .format,
                    ],
                    examples: [
                        "plan show PL000001", "plan show PL000001 --order interest,fee,principal --as-of 2024-08-01",
                    ])
            ) { inv in try Catalog.showPlan(inv) },
            Command(
                spec: CommandSpec(
                    ["plan", "list"],
                    summary: "plans with what is paid and open, and their status (active, broken, completed)",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "only this customer's plans",
                            completion: .domain("customer")),
                        OptionSpec(
                            "--status", value: "STATUS", help: "only active, broken or completed plans",
                            completion: .values(["active", "broken", "completed"])),
                        .asOf, .format,
                    ],
                    examples: ["plan list", "plan list --status broken"])
            ) { inv in try Catalog.listPlans(inv) },
            Command(
                spec: CommandSpec(
                    ["plan", "payoff"], summary: "the amount that closes a plan on a day",
                    arguments: [ArgumentSpec("plan", help: "plan id", completion: .domain("plan"))],
                    options: [
                        OptionSpec("--on", value: "DATE", help: "the payoff day (default today)"),
                        OptionSpec(
                            "--interest", value: "WHEN",
                            help: "to-date (default: interest to the payoff day) or to-period-end",
                            completion: .values(["to-date", "to-period-end"])), .format,
                    ],
                    examples: ["plan payoff PL000001 --on 2024-08-15", "plan payoff PL000001 --interest to-period-end"])
            ) { inv in try Catalog.payoffPlan(inv) },
            Command(
                spec: CommandSpec(
                    ["plan", "prepay"],
                    summary:
                        "what an early payment does to a plan: new schedule and interest saved (--commit records it)",
                    arguments: [
                        ArgumentSpec("plan", help: "plan id", completion: .domain("plan")),
                        ArgumentSpec("amount", help: "the extra amount paid toward principal"),
                    ],
                    options: [
                        OptionSpec("--on", value: "DATE", help: "the day of the payment (default today)"),
                        OptionSpec(
                            "--reduce", value: "WHAT",
                            help:
                                "term (keep the installment, finish sooner) or installment (default: same end, smaller installments)",
                            completion: .values(["term", "installment"])),
                        OptionSpec("--commit", help: "record the payment and the new schedule (one transaction)"),
                        .format,
                    ],
                    examples: [
                        "plan prepay PL000001 10000 --on 2024-09-01 --reduce term",
                        "plan prepay PL000001 10000 --commit",
                    ]), effect: { $0.flag("--commit") ? .changesBooks : .reads }
            ) { inv in try Catalog.prepayPlan(inv) },
        ]
    }

    /// Where a plan stands on `asOf` (`PlanState`, the one status rule, through the PlanBooks service).
    static func planState(_ inv: Invocation, _ plan: PlanRecord, asOf: Day) throws -> PlanState {
        try PlanBooks(inv.services(asOf: asOf)).state(of: plan)
    }

    static func findPlan(_ inv: Invocation) throws -> PlanRecord {
        let id = inv.argument("plan")
        guard let plan = try inv.store({ () throws(StoreError) in try inv.workspace.plan(id: id) }) else {
            throw ShellError(
                "no plan '\(id)'", hint: "plan list shows the plans", column: inv.parsed.column(ofArgument: "plan"))
        }
        return plan
    }

    /// The date of `option`, or today (the typed change a scenario keeps holds the day itself).
    static func day(_ inv: Invocation, _ option: String) throws -> Day {
        guard let t = inv.parsed.value(option) else { return try inv.session.today() }
        guard let d = Day(t) else {
            throw ShellError(
                "bad date '\(t)' for \(option)", hint: "write dates as YYYY-MM-DD",
                column: inv.parsed.column(ofOption: option))
        }
        return d
    }

    /// Plan rows as a table: a schedule's columns, and with `state` what is paid of each part (in
    /// `order`, the allocation order) and what is open.
    static func rowsTable(
        _ rows: [PlanState.Row], state: Bool,
        order: [RowPart] = RowPart.allCases
    ) -> Table {
        guard state else { return planScheduleSpec.table(rows.map { PlanRowLine(entry: $0) }) }
        return planRowsSpec(order: order).table(
            rows.map { PlanRowLine(entry: $0, paidParts: RowPart.split($0.paid, of: $0.row, order: order)) })
    }

    /// One plan row, with what is paid of each of its parts (empty for a schedule).
    struct PlanRowLine {
        var entry: PlanState.Row
        var paidParts: [RowPart: Money] = [:]
    }

    /// The columns of a plan's schedule, the first of every table of plan rows.
    static let planScheduleColumns: [TableSpec<PlanRowLine>.Col] = [
        .init(
            Column("Period", key: "period"),
            "the installment's number (0: down payment and upfront fee; N+: a prepayment after row N)"
        ) { .text($0.entry.row.isPrepayment ? "\($0.entry.row.period)+" : String($0.entry.row.period)) },
        .init(Column("Due on", key: "due_on"), "the day it falls due") { .text($0.entry.row.dueOn.iso) },
        .init(Column("Payment", key: "payment"), "principal + interest + fee") {
            Invocation.money($0.entry.row.payment)
        },
        .init(Column("Principal", key: "principal"), "the part that repays principal") {
            Invocation.money($0.entry.row.principal)
        },
        .init(Column("Interest", key: "interest"), "the part that is interest") {
            Invocation.money($0.entry.row.interest)
        },
        .init(Column("Fee", key: "fee"), "the part that is fees") { Invocation.money($0.entry.row.fee) },
        .init(Column("Balance", key: "balance"), "principal still owed after it") {
            Invocation.money($0.entry.row.balance)
        },
    ]

    /// `plan create` and `plan prepay`, section `schedule`: the rows of a schedule.
    static let planScheduleSpec = TableSpec<PlanRowLine>("plan create, plan prepay", planScheduleColumns)

    /// What `plan show` adds to a schedule's columns: what is paid, of each part, and what is open.
    static let planPaidColumn = TableSpec<PlanRowLine>.Col(
        Column("Paid", key: "paid"), "paid toward the row on the day"
    ) { Invocation.money($0.entry.paid) }
    static let planPartColumns: [RowPart: TableSpec<PlanRowLine>.Col] = [
        .fee: .init(Column("Paid fee", key: "paid_fee"), "of what is paid, the part covering the row's fee") {
            Invocation.money($0.paidParts[.fee] ?? .zero)
        },
        .interest: .init(
            Column("Paid interest", key: "paid_interest"), "of what is paid, the part covering the row's interest"
        ) { Invocation.money($0.paidParts[.interest] ?? .zero) },
        .principal: .init(
            Column("Paid principal", key: "paid_principal"), "of what is paid, the part covering the row's principal"
        ) { Invocation.money($0.paidParts[.principal] ?? .zero) },
    ]
    static let planOpenColumn = TableSpec<PlanRowLine>.Col(Column("Open", key: "open"), "still open on the day") {
        Invocation.money($0.entry.open)
    }

    /// `plan show`, section `rows`: the schedule's columns, then what is paid, one column per part in
    /// `order` (the policy's allocation.order, or --order), and what is open. Made at run time from
    /// the static columns, since the parts' order is the policy's (`docs/OUTPUT.md` shows the usual order).
    static func planRowsSpec(order: [RowPart] = RowPart.allCases) -> TableSpec<PlanRowLine> {
        let parts: [TableSpec<PlanRowLine>.Col] = order.map { planPartColumns[$0]! }
        return TableSpec("plan show", planScheduleColumns + [planPaidColumn] + parts + [planOpenColumn])
    }

    static func createPlan(_ inv: Invocation) throws -> Outcome {
        let customer = try inv.resolveCustomer("customer")
        guard inv.parsed.value("--term") != nil else {
            throw ShellError("'plan create' needs --term N", hint: "e.g. --term 6")
        }
        let term = try inv.integer("--term", default: 0, range: 1...1200)
        let method = inv.parsed.value("--method").map { PlanMethod(rawValue: $0)! } ?? .annuity
        let start = try day(inv, "--start")
        let books = PlanBooks(try inv.services(asOf: start))
        let named = inv.parsed.value("--invoices").map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let chosen = try inv.service(column: inv.parsed.column(ofOption: "--invoices")) {
            try books.invoicesToRestructure(customer, start: start, named: named)
        }
        let principal = chosen.reduce(Money.zero) { $0 + $1.amount }
        var terms = try planTerms(inv, term: term, method: method, principal: principal)
        terms.start = start
        let schedule = try Catalog.schedule(inv, terms)
        let id = try inv.service {
            try books.create(customer, start: start, terms: terms, schedule: schedule, invoices: chosen)
        }.id
        inv.session.touch(customer.id)
        return .output(
            .document([
                Section(
                    "plan", title: "Plan \(id) created",
                    .record([
                        Field("id", title: "Plan", .text(id)),
                        Field("customer_id", title: "Customer", .text(customer.id + " " + customer.name)),
                        Field("created_on", title: "Day", .text(start.iso)),
                        Field("principal", title: "Restructured", Invocation.money(principal)),
                        Field("invoices", title: "Invoices", .text(chosen.map(\.id).joined(separator: " "))),
                        Field("total_payable", title: "Total payable", Invocation.money(schedule.totalPayable)),
                        Field(
                            "annualized_rate", title: "Annualized rate (%)", .number(percent(schedule.annualizedRate))),
                    ])),
                Section(
                    "schedule", title: "Schedule",
                    .table(
                        rowsTable(
                            schedule.installments.enumerated().map {
                                PlanState.Row(seq: $0 + 1, row: $1, paid: .zero, open: $1.payment)
                            }, state: false))),
            ]))
    }

    static func showPlan(_ inv: Invocation) throws -> Outcome {
        let plan = try findPlan(inv)
        let asOf = try inv.asOf()
        let state = try planState(inv, plan, asOf: asOf)
        var fields: [Field] = [
            Field("id", title: "Plan", .text(plan.id)), Field("customer_id", title: "Customer", .text(plan.customerId)),
            Field("created_on", title: "Day", .text(plan.createdOn.iso)),
            Field(
                "terms", title: "Terms",
                .text(
                    "\(plan.terms.method.rawValue), \(plan.terms.term) × \(plan.terms.frequency.rawValue), \(plan.terms.annualRate.percentText(4))% a year"
                )),
            Field("financed", title: "Amount financed", Invocation.money(plan.financed)),
            Field(
                "invoices", title: "Restructured",
                .text(plan.invoices.map { "\($0.id) \($0.amount)" }.joined(separator: "; "))),
            Field("as_of", title: "As of", .text(asOf.iso)), Field("paid", title: "Paid", Invocation.money(state.paid)),
            Field("open", title: "Open", Invocation.money(state.open)),
            Field("status", title: "Status", .term(state.status.rawValue)),
        ]
        if let since = state.brokenSince {
            fields.append(Field("broken_since", title: "Broken since", .text(since.iso)))
            fields.append(Field("due_now", title: "Due now (whole balance)", Invocation.money(state.open)))
        }
        let text =
            try inv.parsed.value("--order")
            ?? inv.store { () throws(StoreError) in try inv.workspace.policy() }["allocation.order"]
        guard let order = RowPart.order(text),
            inv.parsed.value("--order").map({ !$0.split(separator: ",").contains("penalty") }) ?? true
        else {
            throw ShellError(
                "bad --order '\(inv.parsed.value("--order")!)'",
                hint: "each of fee, interest, principal once, e.g. fee,interest,principal",
                column: inv.parsed.column(ofOption: "--order"))
        }
        return .output(
            .document([
                Section("plan", title: "Plan", .record(fields)),
                Section("rows", title: "Rows", .table(rowsTable(state.rows, state: true, order: order))),
            ]))
    }

    static func listPlans(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        var customer: String?
        if inv.parsed.value("--customer") != nil { customer = try inv.resolveCustomer("--customer").id }
        var status: PlanState.Status?
        if let wanted = inv.parsed.value("--status") {
            guard let st = PlanState.Status(rawValue: wanted) else {
                throw ShellError(
                    "bad --status '\(wanted)'", hint: "active, broken or completed",
                    column: inv.parsed.column(ofOption: "--status"))
            }
            status = st
        }
        let listed = try inv.service {
            try PlanBooks(inv.services(asOf: asOf)).list(customer: customer, status: status)
        }
        return .output(.table(planListSpec.table(listed)))
    }

    /// `plan list`: one row per plan with where it stands on the day.
    static let planListSpec = TableSpec<(plan: PlanRecord, state: PlanState)>(
        "plan list",
        [
            .init(Column("Plan", key: "id"), "the plan's id") { .text($0.plan.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.plan.customerId) },
            .init(Column("Day", key: "created_on"), "the day the plan was created") { .text($0.plan.createdOn.iso) },
            .init(Column("Financed", key: "financed"), "the amount financed") { Invocation.money($0.plan.financed) },
            .init(Column("Rows", key: "rows"), "the plan's rows") { .number(String($0.plan.installments.count)) },
            .init(Column("Paid", key: "paid"), "paid toward its rows on the day") { Invocation.money($0.state.paid) },
            .init(Column("Open", key: "open"), "still open on the day") { Invocation.money($0.state.open) },
            .init(Column("Status", key: "status"), "active, broken or completed") { .term($0.state.status.rawValue) },
        ])

    static func payoffPlan(_ inv: Invocation) throws -> Outcome {
        let plan = try findPlan(inv)
        let on = try day(inv, "--on")
        let toPeriodEnd = inv.parsed.value("--interest") == "to-period-end"
        let p = try inv.service { try PlanBooks(inv.services(asOf: on)).payoff(plan, on: on, toPeriodEnd: toPeriodEnd) }
        let (interest, partial, total) = (p.interest, p.paidTowardLaterRows, p.amount)
        return .output(
            .record([
                Field("plan", title: "Plan", .text(plan.id)), Field("on", title: "Payoff day", .text(on.iso)),
                Field(
                    "interest_basis", title: "Interest",
                    .text(toPeriodEnd ? "to the end of the period" : "to the payoff day")),
                Field("installments_paid", title: "Installments paid", .number(String(p.installmentsPaid))),
                Field("interest", title: "Interest included", Invocation.money(interest)),
                Field("already_paid_toward_later_rows", title: "Paid toward later rows", Invocation.money(partial)),
                Field("payoff_amount", title: "Payoff amount", Invocation.money(total)),
            ]))
    }

    static func prepayPlan(_ inv: Invocation) throws -> Outcome {
        let plan = try findPlan(inv)
        let on = try day(inv, "--on")
        let amount = try inv.positiveAmount(inv.argument("amount"), column: inv.parsed.column(ofArgument: "amount"))
        let reduceTerm = inv.parsed.value("--reduce") == "term"
        let p = try inv.service {
            try PlanBooks(inv.services(asOf: on)).prepay(
                plan, amount: amount, on: on, reduceTerm: reduceTerm, commit: inv.parsed.flag("--commit"))
        }
        let (after, keep, newRows, saved) = (p.schedule, p.kept, p.newRows, p.interestSaved)
        return .output(
            .document([
                Section(
                    "prepayment",
                    title: inv.parsed.flag("--commit")
                        ? "Prepayment recorded" : "Prepayment (quote: add --commit to record it)",
                    .record([
                        Field("plan", title: "Plan", .text(plan.id)), Field("on", title: "Day", .text(on.iso)),
                        Field("amount", title: "Amount", Invocation.money(amount)),
                        Field("reduce", title: "Reduces", .text(reduceTerm ? "term" : "installment")),
                        Field("interest_saved", title: "Interest saved", Invocation.money(saved)),
                        Field(
                            "last_due_on", title: "Last installment", .text(after.installments.last?.dueOn.iso ?? "")),
                    ])),
                Section(
                    "schedule", title: "New rows",
                    .table(
                        rowsTable(
                            newRows.enumerated().map {
                                PlanState.Row(seq: keep + $0 + 1, row: $1, paid: .zero, open: $1.payment)
                            }, state: false))),
            ]))
    }
}
