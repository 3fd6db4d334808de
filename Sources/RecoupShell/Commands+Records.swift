import Foundation
import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    /// Contracts, invoices and payments, one or a list.
    static var recordCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["contract", "show"], summary: "one contract: its breach clauses and its invoices",
                    arguments: [ArgumentSpec("contract", help: "contract id", completion: .domain("contract"))],
                    options: [.asOf, .format], examples: ["contract show K000001-1"])
            ) { inv in
                let id = inv.argument("contract")
                guard let k = try inv.store({ () throws(StoreError) in try inv.workspace.contract(id: id) }) else {
                    throw ShellError(
                        "no contract '\(id)'", hint: "contract list --customer ID lists a customer's contracts",
                        column: inv.parsed.column(ofArgument: "contract"))
                }
                let invoices = try invoiceRows(
                    inv, customer: k.customerId, only: { $0.contractId == k.id }, openOnly: false)
                return .output(
                    .document([
                        Section("contract", title: "Contract", .table(contractTable([k]))),
                        Section("invoices", title: "Invoices", .table(invoices)),
                    ]))
            },
            Command(
                spec: CommandSpec(
                    ["contract", "list"], summary: "contracts, all or one customer's",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "only this customer's contracts",
                            completion: .domain("customer")), .format,
                    ],
                    examples: ["contract list --customer C000001"])
            ) { inv in
                if inv.parsed.value("--customer") != nil {
                    let c = try inv.resolveCustomer("--customer")
                    return .output(
                        .table(
                            contractTable(
                                try inv.store { () throws(StoreError) in try inv.workspace.contracts(customer: c.id) }))
                    )
                }
                let all = try inv.store { () throws(StoreError) in try inv.workspace.customers() }
                var rows: [Contract] = []
                for c in all {
                    rows += try inv.store { () throws(StoreError) in try inv.workspace.contracts(customer: c.id) }
                }
                return .output(.table(contractTable(rows)))
            },
            Command(
                spec: CommandSpec(
                    ["invoice", "show"], summary: "one invoice: amounts, dates, what has paid it",
                    arguments: [ArgumentSpec("invoice", help: "invoice id", completion: .domain("invoice"))],
                    options: [.asOf, .format], examples: ["invoice show INV-K000001-1-01"])
            ) { inv in try Catalog.showInvoice(inv) },
            Command(
                spec: CommandSpec(
                    ["invoice", "list"], summary: "a customer's invoices with their open amounts",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "the customer (id, name or initials)",
                            completion: .domain("customer")),
                        OptionSpec(
                            "--contract", value: "CONTRACT", help: "only this contract's invoices",
                            completion: .domain("contract")),
                        OptionSpec("--open", help: "only invoices still open as of the day"), .asOf, .format,
                    ],
                    examples: ["invoice list --customer C000001", "invoice list --customer 上海星辰科技有限公司 --open"])
            ) { inv in
                guard inv.parsed.value("--customer") != nil else {
                    throw ShellError("'invoice list' needs --customer", hint: "invoice list --customer ID [--open]")
                }
                let c = try inv.resolveCustomer("--customer")
                let contract = inv.parsed.value("--contract")
                return .output(
                    .table(
                        try invoiceRows(
                            inv, customer: c.id, only: { contract == nil || $0.contractId == contract },
                            openOnly: inv.parsed.flag("--open"))))
            },
            Command(
                spec: CommandSpec(
                    ["payment", "add"], summary: "record a payment received (bank transfer, Alipay, WeChat, cash, ...)",
                    discussion:
                        "The payment is allocated like an imported one: to the invoice it names, or to the plan it is made toward (oldest row first), then oldest due first; what is left is unapplied credit.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer")),
                        ArgumentSpec("amount", help: "the amount received, e.g. 2500 or 2500.50"),
                    ],
                    options: [
                        OptionSpec("--on", value: "DATE", help: "the day it was received (default today)"),
                        OptionSpec(
                            "--invoice", value: "INVOICE", help: "pay this invoice first",
                            completion: .domain("invoice")),
                        OptionSpec(
                            "--plan", value: "PLAN", help: "pay this installment plan's rows, oldest first",
                            completion: .domain("plan")),
                        OptionSpec(
                            "--method", value: "METHOD", help: "bank, alipay, wechat, card, cash, ...",
                            completion: .values(["bank", "alipay", "wechat", "card", "cash"])),
                        OptionSpec("--reference", value: "TEXT", help: "bank or gateway reference"),
                        OptionSpec("--id", value: "ID", help: "the payment's id (default: the next M00000001, ...)"),
                    ],
                    examples: [
                        "payment add C000001 2500 --on 2026-11-30 --method alipay --reference 2026113022001",
                        "payment add C001 1000 --plan PL000001",
                    ]), effect: { _ in .changesBooks }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let amount = try inv.positiveAmount(
                    inv.argument("amount"), column: inv.parsed.column(ofArgument: "amount"))
                guard inv.parsed.value("--invoice") == nil || inv.parsed.value("--plan") == nil else {
                    throw ShellError(
                        "give --invoice or --plan, not both", column: inv.parsed.column(ofOption: "--plan"))
                }
                let on = try Catalog.day(inv, "--on")
                // A promise is not a payment: money dated after today has not been received.
                let today = try inv.session.today()
                guard on <= today else {
                    throw ShellError(
                        "a payment dated \(on.iso) has not been received yet",
                        hint: "record a promise with: promise add \(c.id) \(amount) --by \(on.iso)",
                        column: inv.parsed.column(ofOption: "--on"))
                }
                // Without --id the id is allocated in the payment's own transaction, so shells never collide.
                let payment = Payment(
                    id: inv.parsed.value("--id") ?? "", customerId: c.id, receivedOn: on, amount: amount,
                    invoiceId: inv.parsed.value("--invoice"),
                    method: inv.parsed.value("--method"), reference: inv.parsed.value("--reference"),
                    planId: inv.parsed.value("--plan"))
                let id = try inv.store { () throws(StoreError) in
                    try inv.workspace.addPayment(payment, context: inv.change)
                }
                inv.session.touch(c.id)
                return .output(
                    inv.session.interactive
                        ? .text("recorded payment \(id): \(amount) from \(c.id) on \(on.iso)\n") : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["payment", "unmatched"],
                    summary: "payments with money not applied to any invoice: held unmatched cash and overpayments",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "only this customer's",
                            completion: .domain("customer")),
                        OptionSpec("--held", help: "only payments held by matching (matched to nothing)"), .format,
                    ],
                    examples: ["payment unmatched", "payment unmatched --held --format csv"])
            ) { inv in
                let customer = try inv.parsed.value("--customer").map { _ in try inv.resolveCustomer("--customer").id }
                let list = try inv.store { () throws(StoreError) in
                    try inv.workspace.unappliedPayments(customer: customer, heldOnly: inv.parsed.flag("--held"))
                }
                return .output(.table(unmatchedPaymentSpec.table(list)))
            },
            Command(
                spec: CommandSpec(
                    ["payment", "apply"], summary: "apply a payment's unapplied money to an invoice by hand",
                    arguments: [
                        ArgumentSpec(
                            "payment", help: "the payment id (see payment unmatched)", completion: .domain("payment")),
                        ArgumentSpec(
                            "invoice", help: "an open invoice of the same customer", completion: .domain("invoice")),
                        ArgumentSpec(
                            "amount",
                            help: "how much (default: what the payment has left, up to what the invoice has open)",
                            optional: true),
                    ],
                    examples: ["payment apply P00000042 INV-K000001-1-03", "payment apply M00000001 INV-002 500"]),
                effect: { _ in .changesBooks }
            ) { inv in
                var amount: Money?
                if let text = inv.parsed.argument("amount") {
                    let m = try inv.positiveAmount(text, column: inv.parsed.column(ofArgument: "amount"))
                    amount = m
                }
                let applied = try inv.store(column: inv.parsed.column(ofArgument: "payment")) { () throws(StoreError) in
                    try inv.workspace.applyPayment(
                        inv.argument("payment"), to: inv.argument("invoice"), amount: amount,
                        context: inv.change)
                }
                if let p = try? inv.workspace.invoice(id: inv.argument("invoice")) { inv.session.touch(p.customerId) }
                return .output(
                    inv.session.interactive
                        ? .text("applied \(applied) of \(inv.argument("payment")) to \(inv.argument("invoice"))\n")
                        : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["payment", "list"], summary: "a customer's payments and how each was applied",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "the customer (id, name or initials)",
                            completion: .domain("customer")), .asOf, .format,
                    ],
                    examples: ["payment list --customer C000001"])
            ) { inv in try Catalog.listPayments(inv) },
        ]
    }

    /// Invoices of one customer with open amounts as of the invocation's day.
    static func invoiceRows(_ inv: Invocation, customer id: String, only: (Invoice) -> Bool, openOnly: Bool) throws
        -> Table
    {
        let asOf = try inv.asOf()
        guard let c = try inv.store({ () throws(StoreError) in try inv.workspace.customer(id: id) }) else {
            throw ShellError("no customer '\(id)'")
        }
        let ledger = try inv.store { () throws(StoreError) in try inv.workspace.ledger(customer: c) }
        let allocation = ledger.allocate(asOf: asOf)
        let invoices = try inv.store { () throws(StoreError) in try inv.workspace.invoices(customer: id) }
        let position = Dictionary(uniqueKeysWithValues: ledger.invoiceIds.enumerated().map { ($1, $0) })
        var rows: [(Invoice, open: Money, late: Int)] = []
        for v in invoices where only(v) {
            let open = v.issuedOn <= asOf ? allocation.open[position[v.id]!] : 0
            if openOnly && open == 0 { continue }
            rows.append((v, Money(minorUnits: open), open > 0 ? max(0, asOf - v.dueOn) : 0))
        }
        return invoiceListSpec.table(rows)
    }

    /// `invoice list`: one row per invoice with what is open on the day.
    static let invoiceListSpec = TableSpec<(Invoice, open: Money, late: Int)>(
        "invoice list",
        [
            .init(Column("Invoice", key: "id"), "the invoice's id") { .text($0.0.id) },
            .init(Column("Contract", key: "contract_id"), "the contract it is billed under, if any") {
                Invocation.text($0.0.contractId)
            },
            .init(Column("Issued", key: "issued_on"), "issue date") { .text($0.0.issuedOn.iso) },
            .init(Column("Due", key: "due_on"), "due date") { .text($0.0.dueOn.iso) },
            .init(Column("Amount", key: "amount"), "the invoice's amount") { Invocation.money($0.0.amount) },
            .init(Column("Open", key: "open"), "what is not paid on the day (0.00 before the issue date)") {
                Invocation.money($0.open)
            },
            .init(Column("Days overdue", key: "days_overdue"), "days past the due date while open, else 0") {
                .number(String($0.late))
            },
            .init(Column("Disputed", key: "disputed"), "yes when imported as disputed") {
                .term($0.0.disputed ? "yes" : "")
            },
            .init(Column("Settled", key: "settled_on"), "the day it was settled outside the payments, if any") {
                Invocation.day($0.0.settledOn)
            },
        ])

    static func showInvoice(_ inv: Invocation) throws -> Outcome {
        let id = inv.argument("invoice")
        let column = inv.parsed.column(ofArgument: "invoice")
        guard let v = try inv.store({ () throws(StoreError) in try inv.workspace.invoice(id: id) }) else {
            throw ShellError(
                "no invoice '\(id)'", hint: "invoice list --customer ID lists a customer's invoices", column: column)
        }
        let asOf = try inv.asOf()
        let c = try inv.store { () throws(StoreError) in try inv.workspace.customer(id: v.customerId) }!
        let ledger = try inv.store { () throws(StoreError) in try inv.workspace.ledger(customer: c) }
        let allocation = ledger.allocate(asOf: asOf, record: true)
        let me = Int32(ledger.invoiceIds.firstIndex(of: v.id)!)
        let paidBy = allocation.applications.filter { $0.invoice == me }.map { a in
            let pid = ledger.paymentIds[Int(a.payment)]
            return (
                payment: pid.hasPrefix(Payment.settlementPrefix)
                    ? "(settled)" : pid.hasPrefix(Payment.restructurePrefix) ? "(restructured)" : pid,
                received: Day(ordinal: ledger.paymentDay[Int(a.payment)]), applied: Money(minorUnits: a.amount)
            )
        }
        let open = v.issuedOn <= asOf ? Money(minorUnits: allocation.open[Int(me)]) : .zero
        return .output(
            .document([
                Section(
                    "invoice", title: "Invoice",
                    .record([
                        Field("id", title: "Invoice", .text(v.id)),
                        Field("customer_id", title: "Customer", .text(c.id + " " + c.name)),
                        Field("contract_id", title: "Contract", Invocation.text(v.contractId)),
                        Field("issued_on", title: "Issued", .text(v.issuedOn.iso)),
                        Field("due_on", title: "Due", .text(v.dueOn.iso)),
                        Field("amount", title: "Amount", Invocation.money(v.amount)),
                        Field("as_of", title: "As of", .text(asOf.iso)),
                        Field("open", title: "Open", Invocation.money(open)),
                        Field(
                            "days_overdue", title: "Days overdue",
                            .number(String(open.isPositive ? max(0, asOf - v.dueOn) : 0))),
                        Field("disputed", title: "Disputed", .text(v.disputed ? "yes" : "no")),
                        Field("settled_on", title: "Settled", Invocation.day(v.settledOn)),
                    ])),
                Section("applied", title: "Paid by", .table(paidBySpec.table(paidBy))),
            ]))
    }

    static func listPayments(_ inv: Invocation) throws -> Outcome {
        guard inv.parsed.value("--customer") != nil else {
            throw ShellError("'payment list' needs --customer", hint: "payment list --customer ID")
        }
        let c = try inv.resolveCustomer("--customer")
        let asOf = try inv.asOf()
        let ledger = try inv.store { () throws(StoreError) in try inv.workspace.ledger(customer: c) }
        let allocation = ledger.allocate(asOf: asOf, record: true)
        let payments = try inv.store { () throws(StoreError) in try inv.workspace.payments(customer: c.id) }
        let details = Dictionary(uniqueKeysWithValues: payments.map { ($0.id, $0) })
        var applied = [Int64](repeating: 0, count: ledger.paymentIds.count)
        var targets = [[String]](repeating: [], count: ledger.paymentIds.count)
        for a in allocation.applications {
            applied[Int(a.payment)] += a.amount
            targets[Int(a.payment)].append(ledger.invoiceIds[Int(a.invoice)])
        }
        var rows: [PaymentLine] = []
        for (p, id) in ledger.paymentIds.enumerated() where ledger.paymentDay[p] <= asOf.ordinal {
            let d = details[id]
            let settled = id.hasPrefix(Payment.settlementPrefix)
            let restructured = id.hasPrefix(Payment.restructurePrefix)
            rows.append(
                PaymentLine(
                    id: settled ? "(settled)" : restructured ? "(restructured)" : id,
                    received: Day(ordinal: ledger.paymentDay[p]).iso,
                    amount: Money(minorUnits: ledger.paymentAmount[p]), applied: Money(minorUnits: applied[p]),
                    unapplied: Money(minorUnits: ledger.paymentAmount[p] - applied[p]),
                    invoices: targets[p].joined(separator: " "),
                    method: settled ? "settled_on" : restructured ? "plan" : d?.method,
                    reference: restructured
                        ? String(id.dropFirst(Payment.restructurePrefix.count).prefix { $0 != "~" }) : d?.reference))
        }
        // Voided payments stay listed, marked: they count in no balance (docs: Corrections).
        for k in try inv.store({ () throws(StoreError) in try inv.workspace.corrections(customer: c.id) })
        where k.kind == "payment.voided" {
            let undone = (try? JSONDecoder().decode([String: String].self, from: Data(k.undone.utf8))) ?? [:]
            let amount = Money(minorUnits: Int64(undone["amount"] ?? "") ?? 0)
            rows.append(
                PaymentLine(
                    id: k.target, received: undone["received_on"], amount: amount, applied: .zero, unapplied: .zero,
                    invoices: nil, method: nil,
                    reference: Invocation.tr("voided by \(k.by) on \(k.on.iso): \(k.reason)"),
                    voided: true))
        }
        return .output(.table(paymentListSpec.table(rows)))
    }

    /// One row of `payment list`: a payment as the allocation applied it, or a voided one.
    struct PaymentLine {
        /// The payment's id, `(settled)` or `(restructured)`.
        var id: String
        var received: String?
        var amount: Money
        var applied: Money
        var unapplied: Money
        /// The invoices it was applied to, by id; nil for a voided payment.
        var invoices: String?
        var method: String?
        var reference: String?
        var voided = false
    }

    /// `payment list`: a customer's payments received by the day and what each paid, then the voided ones.
    static let paymentListSpec = TableSpec<PaymentLine>(
        "payment list",
        [
            .init(Column("Payment", key: "id"), "the payment's id, (settled) or (restructured)") { .text($0.id) },
            .init(Column("Received", key: "received_on"), "the day it was received") { Invocation.text($0.received) },
            .init(Column("Amount", key: "amount"), "the amount received") { Invocation.money($0.amount) },
            .init(Column("Applied", key: "applied"), "the part applied to invoices by the day (0.00 if voided)") {
                Invocation.money($0.applied)
            },
            .init(Column("Unapplied", key: "unapplied"), "the part applied to none (0.00 if voided)") {
                Invocation.money($0.unapplied)
            },
            .init(Column("Invoices", key: "invoices"), "the ids of the invoices it was applied to") {
                Invocation.text($0.invoices)
            },
            .init(
                Column("Method", key: "method"),
                "how it was paid (bank, alipay, ...), settled_on, plan for a restructuring, or void"
            ) { $0.voided ? .term("void") : Invocation.text($0.method) },
            .init(
                Column("Reference", key: "reference"),
                "the bank or gateway reference, the plan of a restructuring, or who voided it, when and why"
            ) { Invocation.text($0.reference) },
        ])

    /// `payment unmatched`: one row per payment with money applied to no invoice.
    static let unmatchedPaymentSpec = TableSpec<UnappliedPayment>(
        "payment unmatched",
        [
            .init(Column("Payment", key: "id"), "the payment's id") { .text($0.payment.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.payment.customerId) },
            .init(Column("Received", key: "received_on"), "the day it was received") {
                .text($0.payment.receivedOn.iso)
            },
            .init(Column("Amount", key: "amount"), "the amount received") { Invocation.money($0.payment.amount) },
            .init(Column("Unapplied", key: "unapplied"), "what is left of it once every application counts") {
                Invocation.money($0.unapplied)
            },
            .init(Column("Held", key: "held"), "yes when held by matching (matched to no invoice on import)") {
                .term($0.payment.held ? "yes" : "")
            },
            .init(Column("Method", key: "method"), "how it was paid (bank, alipay, ...), if recorded") {
                Invocation.text($0.payment.method)
            },
            .init(Column("Reference", key: "reference"), "the bank or gateway reference, if any") {
                Invocation.text($0.payment.reference)
            },
        ])

    /// `invoice show`, paid by: one row per application of a payment to the invoice by the day.
    static let paidBySpec = TableSpec<(payment: String, received: Day, applied: Money)>(
        "invoice show",
        [
            .init(Column("Payment", key: "payment_id"), "the payment's id, (settled) or (restructured)") {
                .text($0.payment)
            },
            .init(Column("Received", key: "received_on"), "the day it was received") { .text($0.received.iso) },
            .init(Column("Applied", key: "applied"), "the part of it applied to this invoice") {
                Invocation.money($0.applied)
            },
        ])
}
