import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// Late fees under the contracts' breach clauses: accrued (`latefee show`), charged (`latefee post`),
/// waived (`latefee waive`) and listed (`latefee charges`). The rule is `LateFee`'s; docs/LATEFEES.md
/// states it for collectors.
extension Catalog {
    static var latefeeCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["latefee", "show"],
                    summary:
                        "late fees accrued on overdue invoices under their breach clauses, capped and checked against the actual loss",
                    discussion:
                        "Per invoice: days late after the clause's grace days, the daily rate, the fee accrued (simple, on the open principal, recomputed at each payment), the clause's cap and the actual loss at the policy's latefee.loss_rate. A fee more than 30 % above the actual loss is flagged (Civil Code art. 585 lets a court reduce it); it is never cut silently. Disputed invoices accrue nothing. Posted = late fees charged by 'latefee post'; to post = what 'latefee post' would add.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials (or --all)",
                            completion: .domain("customer"), optional: true, variadic: true)
                    ],
                    options: [OptionSpec("--all", help: "every customer"), .asOf, .format],
                    examples: [
                        "latefee show C000001", "latefee show 上海星辰科技有限公司 --as-of 2024-06-30",
                        "latefee show --all --format csv",
                    ])
            ) { inv in try Catalog.showLateFees(inv) },
            Command(
                spec: CommandSpec(
                    ["latefee", "post"],
                    summary:
                        "charge the late fees accrued to a day (one transaction; posting the same day again changes nothing)",
                    discussion:
                        "For each invoice the charge is the fee accrued to the day less the late fees already posted for it, so a later day adds only the increment; an invoice already posted for the day is left as it is. Without CUSTOMER, every customer's fees are posted.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "only this customer (id, name, part of a name or pinyin initials)",
                            completion: .domain("customer"), optional: true, variadic: true)
                    ],
                    options: [
                        OptionSpec(
                            "--as-of", value: "DATE",
                            help:
                                "the day fees are accrued to, YYYY-MM-DD (default: today, or the date pinned with 'set today')"
                        ),
                        OptionSpec("--detail", help: "list every charge posted, not only the summary"),
                        .format,
                    ],
                    examples: [
                        "latefee post --as-of 2024-06-30", "latefee post --detail --format csv",
                        "latefee post C000001 --as-of 2024-07-31",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in try Catalog.postLateFees(inv) },
            Command(
                spec: CommandSpec(
                    ["latefee", "waive"], summary: "waive charged late fees of a customer or an invoice, with a reason",
                    discussion:
                        "Records a negative charge. AMOUNT defaults to everything charged and not yet waived; it cannot be more. A waived fee is not charged again by a later 'latefee post'.",
                    arguments: [
                        ArgumentSpec(
                            "target", help: "an invoice id, or a customer (id, name or pinyin initials)",
                            completion: .domain("customer")),
                        ArgumentSpec(
                            "amount", help: "the amount waived, e.g. 100 or 100.50 (default: all that is charged)",
                            optional: true),
                    ],
                    options: [
                        OptionSpec("--reason", value: "TEXT", help: "why the fee is waived (required)"),
                        OptionSpec("--on", value: "DATE", help: "the day of the waiver (default today)"),
                    ],
                    examples: [
                        "latefee waive INV-002 100 --reason \"paid within a week of the call\"",
                        "latefee waive C000001 --reason \"settlement agreement\"",
                    ]), effect: { _ in .changesBooks }
            ) { inv in try Catalog.waiveLateFees(inv) },
            Command(
                spec: CommandSpec(
                    ["latefee", "charges"],
                    summary: "late fees charged and waived, with days, reasons and who recorded them",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials (or --all)",
                            completion: .domain("customer"), optional: true, variadic: true)
                    ],
                    options: [OptionSpec("--all", help: "every customer"), .format],
                    examples: ["latefee charges C000001", "latefee charges --all --format csv"])
            ) { inv in try Catalog.listCharges(inv) },
        ]
    }

    /// The customers an invocation names: the `customer` argument, every customer with `--all`, or
    /// (when `allByDefault`) every customer when none is named.
    static func lateFeeCustomers(_ inv: Invocation, allByDefault: Bool) throws -> [Customer] {
        let named = !inv.parsed.arguments("customer").isEmpty
        let all = inv.parsed.flag("--all")
        if named && all {
            throw ShellError("give a CUSTOMER or --all, not both", column: inv.parsed.column(ofOption: "--all"))
        }
        if named { return [try inv.resolveCustomer("customer")] }
        guard all || allByDefault else {
            throw ShellError(
                "'\(inv.parsed.spec.name)' needs a CUSTOMER or --all", hint: "e.g. \(inv.parsed.spec.name) C000001")
        }
        return try inv.store { () throws(StoreError) in try inv.workspace.customers() }
    }

    static func showLateFees(_ inv: Invocation) throws -> Outcome {
        let customers = try lateFeeCustomers(inv, allByDefault: false)
        let asOf = try inv.asOf()
        let fees = LateFees(try inv.services(asOf: asOf))
        var rows: [(LateFees.Row, customer: String)] = []
        var total = (
            open: Money.zero, fee: Money.zero, loss: Money.zero, posted: Money.zero, waived: Money.zero,
            toPost: Money.zero
        )
        var flagged = 0, capped = 0
        for c in customers {
            for r in try inv.service({ try fees.rows(c) }) {
                let a = r.accrual
                guard a.open.isPositive || a.fee.isPositive || !r.posted.isZero || !r.waived.isZero else { continue }
                rows.append((r, customer: c.id))
                total.open += a.open; total.fee += a.fee; total.loss += a.loss
                total.posted += r.posted; total.waived += r.waived; total.toPost += r.toPost
                if a.excessive { flagged += 1 }
                if a.capped { capped += 1 }
            }
        }
        // Waivers of a customer's fees as a whole name no invoice: they count in the total only.
        total.waived += try inv.service { try fees.wholeCustomerWaivers(customers) }
        return .output(
            .document([
                Section("late_fees", title: "Late fees as of \(asOf.iso)", .table(lateFeeShowSpec.table(rows))),
                Section(
                    "total", title: "Total",
                    .record([
                        Field("as_of", title: "As of", .text(asOf.iso)),
                        Field("invoices", title: "Invoices", .number(String(rows.count))),
                        Field("open", title: "Open", Invocation.money(total.open)),
                        Field("fee", title: "Fees accrued", Invocation.money(total.fee)),
                        Field("loss", title: "Actual loss", Invocation.money(total.loss)),
                        Field("capped", title: "Capped", .number(String(capped))),
                        Field(
                            "excessive", title: "Over the loss by more than 30 % (art. 585)", .number(String(flagged))),
                        Field("posted", title: "Posted", Invocation.money(total.posted)),
                        Field("waived", title: "Waived", Invocation.money(total.waived)),
                        Field("to_post", title: "To post", Invocation.money(total.toPost)),
                    ])),
            ]))
    }

    /// `latefee show`: one row per invoice with its fee accrued to the day (`LateFees.Row`) and its customer.
    static let lateFeeShowSpec = TableSpec<(LateFees.Row, customer: String)>(
        "latefee show",
        [
            .init(Column("Invoice", key: "invoice_id"), "the invoice's id") { .text($0.0.invoice.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customer) },
            .init(Column("Due", key: "due_on"), "the invoice's due date") { .text($0.0.accrual.dueOn.iso) },
            .init(
                Column("Days late", key: "days_late"),
                "days bearing a fee: after the grace days, to the day or to payment in full"
            ) { .number(String($0.0.accrual.daysLate)) },
            .init(Column("Grace", key: "grace_days"), "days after the due date the clause charges nothing for") {
                .number(String($0.0.accrual.clause.graceDays))
            },
            .init(Column("Rate/day", key: "daily_rate"), "the clause's fee per day, a fraction of the open principal") {
                .rate($0.0.accrual.clause.rate.fractionText, per: "/day")
            },
            .init(Column("Open", key: "open"), "the invoice's open amount on the day") {
                Invocation.money($0.0.accrual.open)
            },
            .init(Column("Fee", key: "fee"), "the late fee accrued to the day, capped (0 when disputed)") {
                Invocation.money($0.0.accrual.fee)
            },
            .init(Column("Cap", key: "cap"), "the clause's cap in money, if it has one") {
                Invocation.money($0.0.accrual.cap)
            },
            .init(Column("Capped", key: "capped"), "yes when the cap cut the fee") {
                .term($0.0.accrual.capped ? "yes" : "")
            },
            .init(Column("Loss", key: "loss"), "the actual loss over the same days at latefee.loss_rate") {
                Invocation.money($0.0.accrual.loss)
            },
            .init(
                Column("Excessive (art. 585)", key: "excessive"),
                "yes when the fee is more than 30 % above the actual loss (Civil Code art. 585)"
            ) { .term($0.0.accrual.excessive ? "yes" : "") },
            .init(Column("Disputed", key: "disputed"), "yes when a dispute holds the invoice (it accrues nothing)") {
                .term($0.0.accrual.disputed ? "yes" : "")
            },
            .init(Column("Posted", key: "posted"), "late fees charged on the invoice by latefee post") {
                Invocation.money($0.0.posted)
            },
            .init(Column("Waived", key: "waived"), "late fees waived on the invoice") { Invocation.money($0.0.waived) },
            .init(Column("To post", key: "to_post"), "what latefee post would add for the day") {
                Invocation.money($0.0.toPost)
            },
        ])

    static func postLateFees(_ inv: Invocation) throws -> Outcome {
        let customers = try lateFeeCustomers(inv, allByDefault: true)
        let asOf = try Catalog.day(inv, "--as-of")
        let (written, flags) = try inv.service { try LateFees(inv.services(asOf: asOf)).post(customers) }
        for c in Set(written.map(\.customerId)) { inv.session.touch(c) }
        guard !written.isEmpty else {
            return .output(.text("no late fees to post as of \(asOf.iso): none accrued beyond what is posted\n"))
        }
        let rows: [(Charge, accrued: Money?, excessive: Bool, asOf: Day)] = written.map { w in
            let a = flags[w.invoiceId ?? ""]
            return (w, accrued: a?.fee, excessive: a?.excessive == true, asOf: asOf)
        }
        let total = written.reduce(Money.zero) { $0 + $1.amount }
        let summary = Section(
            "total", title: "Late fees posted as of \(asOf.iso)",
            .record([
                Field("charges", title: "Charges", .number(String(written.count))),
                Field("customers", title: "Customers", .number(String(Set(written.map(\.customerId)).count))),
                Field("amount", title: "Charged now", Invocation.money(total)),
                Field(
                    "excessive", title: "Excessive (art. 585)",
                    .number(String(written.filter { flags[$0.invoiceId ?? ""]?.excessive == true }.count))),
            ]))
        // A night's run posts a fee on most overdue invoices: the summary, and the rows on request.
        guard inv.parsed.flag("--detail") else {
            return .output(.document([summary]))
        }
        return .output(
            .document([
                Section(
                    "posted", title: "Late fees posted as of \(asOf.iso)",
                    .table(lateFeePostSpec.table(rows))),
                summary,
            ]))
    }

    /// `latefee post --detail`: one row per charge written, with the invoice's fee accrued to the day.
    static let lateFeePostSpec = TableSpec<(Charge, accrued: Money?, excessive: Bool, asOf: Day)>(
        "latefee post --detail",
        [
            .init(Column("Invoice", key: "invoice_id"), "the invoice the fee accrued on") {
                .text($0.0.invoiceId ?? "")
            },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("As of", key: "as_of"), "the day the fees were accrued to") { .text($0.asOf.iso) },
            .init(Column("Accrued", key: "accrued"), "the late fee accrued on the invoice to the day") {
                Invocation.money($0.accrued)
            },
            .init(Column("Charged now", key: "amount"), "what this run charged: the accrued fee less what was posted") {
                Invocation.money($0.0.amount)
            },
            .init(
                Column("Excessive (art. 585)", key: "excessive"),
                "yes when the fee is more than 30 % above the actual loss (Civil Code art. 585)"
            ) { .term($0.excessive ? "yes" : "") },
        ])

    static func waiveLateFees(_ inv: Invocation) throws -> Outcome {
        guard let reason = inv.parsed.value("--reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ShellError(
                "'latefee waive' needs --reason TEXT",
                hint: "say why the fee is waived, e.g. --reason \"settlement agreement\"")
        }
        var amount: Money?
        if let text = inv.parsed.argument("amount") {
            let m = try inv.positiveAmount(text, column: inv.parsed.column(ofArgument: "amount"))
            amount = m
        }
        let target = inv.argument("target")
        let ws = inv.workspace
        let customer: Customer
        var invoice: String?
        if let c = try inv.store({ () throws(StoreError) in try ws.customer(id: target) }) {
            customer = c
        } else if let v = try inv.store({ () throws(StoreError) in try ws.invoice(id: target) }) {
            customer = try inv.store { () throws(StoreError) in try ws.customer(id: v.customerId) }!
            invoice = v.id
        } else {
            customer = try inv.resolveCustomer("target")
        }
        let on = try Catalog.day(inv, "--on")
        let charge = try inv.service(column: inv.parsed.column(ofArgument: amount == nil ? "target" : "amount")) {
            try LateFees(inv.services(asOf: on)).waive(
                customer: customer, invoice: invoice, amount: amount, reason: reason)
        }
        inv.session.touch(customer.id)
        return .output(
            .text(
                "waived \(-charge.amount) of late fees on \(invoice.map { "invoice \($0)" } ?? "customer \(customer.id)") on \(on.iso)\n"
            ))
    }

    static func listCharges(_ inv: Invocation) throws -> Outcome {
        let customers = try lateFeeCustomers(inv, allByDefault: false)
        let ws = inv.workspace
        let charges = try inv.store { () throws(StoreError) in
            customers.count == 1 ? try ws.charges(customer: customers[0].id) : try ws.charges()
        }
        return .output(.table(chargeTable(charges)))
    }

    /// Charges as a table (also what a customer's file can show).
    static func chargeTable(_ charges: [Charge]) -> Table { chargeSpec.table(charges) }

    /// `latefee charges`: one row per late fee charged or waived (also the `charges` section of `customer show`).
    static let chargeSpec = TableSpec<Charge>(
        "latefee charges",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(
                Column("Invoice", key: "invoice_id"),
                "the invoice the fee accrued on or the waiver names (empty: the customer's fees as a whole)"
            ) { Invocation.text($0.invoiceId) },
            .init(Column("Kind", key: "kind"), "late_fee or waiver") { .term($0.kind.rawValue) },
            .init(Column("As of", key: "as_of"), "the day the fee was accrued to, or the day of the waiver") {
                .text($0.asOf.iso)
            },
            .init(Column("Amount", key: "amount"), "positive for a late fee, negative for a waiver") {
                Invocation.money($0.amount)
            },
            .init(Column("Reason", key: "reason"), "why the fee was waived (empty for a late fee)") {
                Invocation.text($0.reason)
            },
            .init(Column("Operator", key: "operator"), "who recorded it") { .text($0.operator) },
        ])
}
