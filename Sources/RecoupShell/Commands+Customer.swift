import Foundation
import LineEditing
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

extension Catalog {
    /// Looking customers up during a call, and the portfolio list.
    static var customerCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["customer", "show"],
                    summary: "one customer's file: contacts, contracts, open invoices, payments, balance",
                    discussion:
                        "CUSTOMER is an id, a name, part of a name or the pinyin initials of a Chinese name (shxc finds 上海星辰科技有限公司); when several customers match, they are listed.",
                    arguments: [
                        ArgumentSpec(
                            "customer",
                            help:
                                "customer id, name, part of a name or pinyin initials; several words are one name (Acme Trading Ltd)",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [
                        .asOf, .format,
                        OptionSpec(
                            "--full",
                            help:
                                "every section in full: a table is otherwise folded to fit one screen (45 rows when not at a terminal)"
                        ),
                    ],
                    examples: [
                        "customer show C000001", "customer show 上海星辰科技有限公司", "customer show shxc --as-of 2024-06-30",
                        "customer show C000001 --full",
                        "customer show Acme Trading Ltd",
                    ])
            ) { inv in try Catalog.showCustomer(inv) },
            Command(
                spec: CommandSpec(
                    ["customer", "list"], summary: "every customer with open and overdue balances as of a day",
                    discussion:
                        "Open = invoices issued on or before the day and not yet paid as of that day; overdue = the part of it past its due date. Amounts have two decimals.",
                    options: [
                        .asOf,
                        OptionSpec(
                            "--sort", value: "KEY",
                            help: "id (default), name, balance, overdue or days (largest first)",
                            completion: .values(["id", "name", "balance", "overdue", "days"])),
                        OptionSpec("--overdue", help: "only customers with an overdue balance"),
                        OptionSpec("--open", help: "only customers with an open balance"),
                        OptionSpec("--min-balance", value: "AMOUNT", help: "only customers owing at least AMOUNT"),
                        OptionSpec("--min-days", value: "N", help: "only customers at least N days overdue"),
                        OptionSpec(
                            "--segment", value: "SEGMENT", help: "only this segment (enterprise, sme, individual, ...)"),
                        OptionSpec("--agent", value: "AGENT", help: "only accounts owned by this collector"),
                        .limit("customers"), .format,
                    ],
                    examples: [
                        "customer list --as-of 2024-05-31 --format csv",
                        "customer list --overdue --sort overdue --limit 20",
                        "customer list --agent A03 --min-days 60",
                    ])
            ) { inv in try Catalog.listCustomers(inv) },
            Command(
                spec: CommandSpec(
                    ["customer", "find"], summary: "find customers by id prefix, part of the name, or pinyin initials",
                    arguments: [
                        ArgumentSpec(
                            "text", help: "what to look for; several words are searched as one text",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [.limit("matches"), .format],
                    examples: ["customer find 星辰", "customer find shxc", "customer find C0001"])
            ) { inv in
                let limit = try inv.integer("--limit", default: 50)
                let matches = inv.session.index.matchCustomers(
                    inv.parsed.arguments("text").joined(separator: " "), limit: limit)
                if matches.isEmpty && inv.session.interactive {
                    return .output(
                        .text("no customer matches '\(inv.parsed.arguments("text").joined(separator: " "))'\n"))
                }
                return .output(.table(customerFindSpec.table(matches)))
            },
        ]
    }

    static func showCustomer(_ inv: Invocation) throws -> Outcome {
        let c = try inv.resolveCustomer("customer")
        let asOf = try inv.asOf()
        let f = try inv.service { try CustomerFile(inv.services(asOf: asOf)).file(c) }
        let (balance, contracts, charges) = (f.balance, f.contracts, f.charges)
        let identity: [Field] = [
            Field("id", title: "ID", .text(c.id)), Field("name", title: "Name", .text(c.name)),
            Field("phone", title: "Phone", Invocation.text(c.phone)),
            Field("email", title: "Email", Invocation.text(c.email)),
            Field("tax_id", title: "Tax ID", Invocation.text(c.taxId)),
            Field("segment", title: "Segment", Invocation.text(c.segment)),
            Field("agent", title: "Agent", Invocation.text(c.agent)),
            Field("credit_limit", title: "Credit limit", Invocation.money(c.creditLimit)),
            Field("bureau_score", title: "Bureau score", Invocation.int(c.bureauScore)),
            Field("bureau_date", title: "Bureau date", Invocation.day(c.bureauDate)),
            Field("opened_on", title: "Customer since", Invocation.day(c.openedOn)),
        ]
        let money: [Field] = [
            Field("as_of", title: "As of", .text(asOf.iso)),
            Field("open_balance", title: "Open balance", Invocation.money(balance.open)),
            Field("overdue_balance", title: "Overdue", Invocation.money(balance.overdue)),
            Field("max_days_overdue", title: "Most days overdue", .number(String(balance.maxDaysOverdue))),
            Field("disputed_amount", title: "Disputed", Invocation.money(balance.disputed)),
            Field("unapplied_credit", title: "Unapplied credit", Invocation.money(balance.unapplied)),
            Field("open_invoices", title: "Open invoices", .number(String(balance.openInvoices))),
            Field("late_fees_charged", title: "Late fees charged", Invocation.money(f.feesCharged)),
            Field("late_fees_waived", title: "Late fees waived", Invocation.money(f.feesWaived)),
            Field("late_fees_owed", title: "Late fees owed (besides the open balance)", Invocation.money(f.feesOwed)),
            Field(
                "late_fees_accrued", title: "Late fees accrued, not yet posted", Invocation.money(f.feesAccrued)),
            Field("written_off", title: "Written off", Invocation.money(f.writtenOff)),
        ]
        let r = f.records
        let complaintDays =
            (f.records.complaints.isEmpty ? nil : try inv.store { () throws(StoreError) in try inv.workspace.policy() })
        let nearest = f.claims.first
        let legal = r.legalCases.last { !$0.isClosed } ?? r.legalCases.last
        let caseFields: [Field] = [
            // Each part its own field, so that a state shows in the interface's language.
            Field(
                "nearest_deadline", title: "Nearest limitation deadline",
                .text(nearest.map { $0.standing.deadline.iso } ?? "")),
            Field("nearest_claim", title: "Claim", .text(nearest.map { $0.claim } ?? "")),
            Field("nearest_claim_state", title: "State", nearest.map { .term($0.standing.status.rawValue) } ?? .empty),
            Field("legal_case", title: "Legal case", .text(legal.map { $0.id } ?? "")),
            Field(
                "legal_step", title: "Step", legal.map { .term($0.current?.step.rawValue ?? "opened") } ?? .empty),
            Field(
                "legal_step_on", title: "Since", .text(legal.map { ($0.current?.on ?? $0.openedOn).iso } ?? "")),
            Field(
                "pending_promises", title: "Pending promises",
                .number(String(f.promises.filter { $0.status == .pending }.count))),
            Field(
                "broken_promises", title: "Broken promises",
                .number(String(f.promises.filter { $0.status == .broken }.count))),
            Field(
                "open_disputes", title: "Open disputes",
                .number(String(r.disputes.filter { $0.isOpen(on: asOf) }.count))),
            Field(
                "open_complaints", title: "Open complaints",
                .number(
                    String(r.complaints.filter { $0.resolvedOn.map { $0 > asOf } ?? ($0.receivedOn <= asOf) }.count))),
        ]
        let lastContacts = Array(r.contacts.filter { $0.on <= asOf }.suffix(5).reversed())
        let pending = f.promises.filter {
            $0.status == .pending || ($0.status == .broken && ($0.decidedOn.map { asOf - $0 <= 30 } ?? false))
        }
        let openDisputes = r.disputes.filter { $0.isOpen(on: asOf) }
        let simple = complaintDays?.count("complaint.simple_days") ?? 15,
            complex = complaintDays?.count("complaint.complex_days") ?? 30
        let openComplaints = r.complaints.filter { $0.receivedOn <= asOf && ($0.resolvedOn.map { $0 > asOf } ?? true) }
        // Requests waiting for a second operator about this customer: shown only when there are some.
        let waiting = try inv.store { () throws(StoreError) in
            try inv.workspace.approvals(status: .pending, customer: c.id)
        }
        var approvalSection =
            waiting.isEmpty
            ? [] : [Section("approvals", title: "Waiting for approval", .table(approvalRows(waiting)))]
        // Reversals of mistaken entries, shown only when there are some.
        let corrected = try inv.store { () throws(StoreError) in try inv.workspace.corrections(customer: c.id) }
        if !corrected.isEmpty {
            approvalSection.append(
                Section("corrections", title: "Corrections", .table(fileCorrectionSpec.table(corrected))))
        }
        let sections: [Section] =
            [
                Section("customer", title: "Customer", .record(identity)),
                Section("balance", title: "Balance", .record(money)),
                Section("contracts", title: "Contracts", .table(contractTable(contracts))),
                Section("open_invoices", title: "Open invoices", .table(fileOpenInvoiceSpec.table(f.open))),
                Section(
                    "recent_payments", title: "Recent payments", .table(filePaymentSpec.table(f.recentPayments))),
                Section("charges", title: "Late fees and waivers", .table(Catalog.chargeTable(charges))),
                Section("case", title: "Case", .record(caseFields)),
                Section("contacts", title: "Last contacts", .table(contactTable(lastContacts))),
                Section(
                    "promises", title: "Promises (pending, and broken in the last 30 days)",
                    .table(promiseTable(pending))),
                Section("disputes", title: "Open disputes", .table(disputeTable(openDisputes, asOf: asOf))),
                Section(
                    "complaints", title: "Open complaints",
                    .table(
                        fileComplaintSpec.table(
                            openComplaints.map {
                                (complaint: $0, due: $0.due(simpleDays: simple, complexDays: complex))
                            }))),
            ] + approvalSection
        let format = inv.parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? inv.session.defaultFormat
        guard format == .table, !inv.parsed.flag("--full") else { return .output(.document(sections)) }
        return .output(.document(fitted(sections, customer: c.id, session: inv.session)))
    }

    /// The customer's file folded to fit one screen, for the call: records on a line or two (zero
    /// amounts and counts left out), empty sections named in one line, and the longest tables cut (to no fewer
    /// than 3 rows each, oldest due kept) with a line saying how many more `--full` shows. The
    /// screen is the terminal's height, or 45 rows when not at a terminal (one line kept for the
    /// prompt); the width, the terminal's or 150.
    static func fitted(_ sections: [Section], customer: String, session: Session) -> [Section] {
        let width = session.interactive ? Terminal.width : 150
        let budget = (session.interactive ? max(20, Terminal.height) : 45) - 1
        var folded = sections.map { s -> Section in
            var s = s
            s.folded = true
            if case .record(let fields) = s.content {
                s.content = .record(
                    fields.filter {
                        switch $0.value {
                        case .money(let m): m != "0.00"
                        case .number(let n): n != "0"
                        default: true
                        }
                    })
            }
            return s
        }
        func height() -> Int {
            Renderer.render(.document(folded).translated(session.tr), as: .table, width: width)
                .reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        }
        var excess = height() - budget
        while excess > 0 {
            // The longest table that can still give rows.
            let candidates = folded.indices.compactMap { k -> (Int, Int)? in
                guard case .table(let t) = folded[k].content, t.rows.count > 3 else { return nil }
                return (k, t.rows.count)
            }
            guard let (k, rows) = candidates.max(by: { $0.1 < $1.1 }) else { break }
            guard case .table(var t) = folded[k].content else { break }
            let total = rows + (t.footer == nil ? 0 : Int(t.footer!.split(separator: " ")[1]) ?? 0)
            let keep = max(3, rows - excess - (t.footer == nil ? 1 : 0))
            t.rows = Array(t.rows.prefix(keep))
            t.footer = "… \(total - keep) more: customer show \(customer) --full"
            folded[k].content = .table(t)
            excess = height() - budget
        }
        return folded
    }

    static func contractTable(_ contracts: [Contract]) -> Table { contractListSpec.table(contracts) }

    /// `contract list` (and `contract show`, and the contracts of `customer show`): one row per contract.
    static let contractListSpec = TableSpec<Contract>(
        "contract list",
        [
            .init(Column("Contract", key: "id"), "the contract's id") { .text($0.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("Service", key: "service"), "the service type (saas, consulting, hardware, ...)") {
                .text($0.service)
            },
            .init(Column("Signed", key: "signed_on"), "the day it was signed") { .text($0.signedOn.iso) },
            .init(
                Column("Terms (days)", key: "payment_terms_days"),
                "days from invoice to due date (30 if it states none)"
            ) { Invocation.int($0.paymentTermsDays ?? 30) },
            .init(
                Column("Late fee/day", key: "late_fee_daily_rate"),
                "its late fee per day, a fraction of the overdue amount, if it states one"
            ) { $0.lateFeeDailyRate.map { Cell.rate($0, per: "/day") } ?? .empty },
            .init(
                Column("Grace", key: "late_fee_grace_days"), "days after the due date before late fees start, if stated"
            ) { Invocation.int($0.lateFeeGraceDays) },
            .init(
                Column("Fee cap", key: "late_fee_cap"),
                "its cap on late fees, a fraction of the overdue principal, if stated"
            ) { $0.lateFeeCap.map { Cell.rate($0, per: "") } ?? .empty },
            .init(
                Column("Suspend after", key: "suspend_after_days"),
                "days overdue from which its service is suspended, if stated"
            ) { Invocation.int($0.suspendAfterDays) },
            .init(
                Column("Prepay", key: "prepay_ratio"),
                "the deposit required before service, a fraction, if stated (else the policy's for tier and service)"
            ) { $0.prepayRatio.map { Cell.rate($0, per: "") } ?? .empty },
        ])

    static func listCustomers(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        let minBalance = try inv.amount("--min-balance")
        let minDays = try inv.integer("--min-days", default: 0, range: 0...100_000)
        let limit = try inv.integer("--limit", default: Int.max, range: 1...Int.max)
        let ws = inv.workspace
        let ledger = try inv.portfolioLedger()
        let balances = ledger.balances(ledger.allocate(asOf: asOf))
        let customers = try inv.store { () throws(StoreError) in try ws.customers() }
        var rows: [(Customer, Balance)] = []
        for (i, c) in customers.enumerated() {
            let b = balances[i]
            if inv.parsed.flag("--overdue") && !b.overdue.isPositive { continue }
            if inv.parsed.flag("--open") && !b.open.isPositive { continue }
            if let m = minBalance, b.open < m { continue }
            if b.maxDaysOverdue < minDays { continue }
            if let s = inv.parsed.value("--segment"), c.segment != s { continue }
            if let a = inv.parsed.value("--agent"), c.agent != a { continue }
            rows.append((c, b))
        }
        switch inv.parsed.value("--sort") ?? "id" {
        case "name": rows.sort { $0.0.name < $1.0.name }
        case "balance": rows.sort { ($0.1.open, $1.0.id) > ($1.1.open, $0.0.id) }
        case "overdue": rows.sort { ($0.1.overdue, $1.0.id) > ($1.1.overdue, $0.0.id) }
        case "days": rows.sort { ($0.1.maxDaysOverdue, $0.1.overdue) > ($1.1.maxDaysOverdue, $1.1.overdue) }
        default: break
        }
        return .output(.table(customerListSpec.table(Array(rows.prefix(limit)))))
    }

    /// The output declared with `TableSpec`, for `docs/OUTPUT.md`.
    static var outputReferences: [OutputReference] {
        [customerListSpec.reference, scoreSpec.reference, invoiceListSpec.reference] + caseOutputReferences
            + bookOutputReferences + reportOutputReferences
    }

    /// `customer list`: one row per customer with their balances on the day.
    static let customerListSpec = TableSpec<(Customer, Balance)>(
        "customer list",
        [
            .init(Column("ID", key: "id"), "the customer's id") { .text($0.0.id) },
            .init(Column("Name", key: "name"), "the customer's name") { .text($0.0.name) },
            .init(Column("Open", key: "open_balance"), "invoices issued by the day and not paid on it") {
                Invocation.money($0.1.open)
            },
            .init(Column("Overdue", key: "overdue_balance"), "the part of the open balance past its due date") {
                Invocation.money($0.1.overdue)
            },
            .init(Column("Days", key: "max_days_overdue"), "days overdue of the oldest overdue invoice") {
                .number(String($0.1.maxDaysOverdue))
            },
            .init(Column("Disputed", key: "disputed_balance"), "the part of the open balance a dispute holds") {
                Invocation.money($0.1.disputed)
            },
            .init(Column("Unapplied", key: "unapplied_credit"), "money received and not applied to any invoice") {
                Invocation.money($0.1.unapplied)
            },
            .init(Column("Segment", key: "segment"), "the customer's segment, if any") {
                Invocation.text($0.0.segment)
            },
            .init(Column("Agent", key: "agent"), "the collector the customer is assigned to, if any") {
                Invocation.text($0.0.agent)
            },
        ])

    /// `customer find`: one row per match, best first.
    static let customerFindSpec = TableSpec<CompletionIndex.Match>(
        "customer find",
        [
            .init(Column("ID", key: "id"), "the customer's id") { .text($0.id) },
            .init(Column("Name", key: "name"), "the customer's name") { .text($0.name) },
        ])

    /// `customer show`, open invoices: one row per invoice or plan row issued by the day and open on it.
    static let fileOpenInvoiceSpec = TableSpec<CustomerFile.OpenItem>(
        "customer show (open invoices)",
        [
            .init(Column("Invoice", key: "id"), "the invoice's (or plan row's) id") { .text($0.invoice.id) },
            .init(Column("Contract", key: "contract_id"), "the contract it is billed under, if any") {
                Invocation.text($0.invoice.contractId)
            },
            .init(Column("Issued", key: "issued_on"), "issue date") { .text($0.invoice.issuedOn.iso) },
            .init(Column("Due", key: "due_on"), "due date") { .text($0.invoice.dueOn.iso) },
            .init(Column("Amount", key: "amount"), "the invoice's amount") { Invocation.money($0.invoice.amount) },
            .init(Column("Open", key: "open"), "what is not paid on the day") { Invocation.money($0.open) },
            .init(Column("Days overdue", key: "days_overdue"), "days past the due date on the day, 0 before it") {
                .number(String($0.daysOverdue))
            },
            .init(Column("Disputed", key: "disputed"), "the part of the open amount a dispute open on the day holds") {
                $0.disputed.isPositive ? Invocation.money($0.disputed) : .empty
            },
        ])

    /// `customer show`, recent payments: the last payments received by the day, newest first.
    static let filePaymentSpec = TableSpec<Payment>(
        "customer show (recent payments)",
        [
            .init(Column("Payment", key: "id"), "the payment's id, or (settled) for an invoice settled outside them") {
                $0.isSettlement ? .term("(settled)") : .text($0.id)
            },
            .init(Column("Received", key: "received_on"), "the day it was received") { .text($0.receivedOn.iso) },
            .init(Column("Amount", key: "amount"), "the amount received") { Invocation.money($0.amount) },
            .init(Column("Invoice", key: "invoice_id"), "the invoice it pays first, if it names one") {
                Invocation.text($0.invoiceId)
            },
            .init(Column("Method", key: "method"), "how it was paid (bank, alipay, ...; settled), if recorded") {
                Invocation.text($0.method)
            },
            .init(Column("Reference", key: "reference"), "the bank or gateway reference, if any") {
                Invocation.text($0.reference)
            },
        ])

    /// `customer show`, open complaints, with the day each must be answered by under the policy.
    static let fileComplaintSpec = TableSpec<(complaint: Complaint, due: Day)>(
        "customer show (open complaints)",
        [
            .init(Column("Id", key: "id"), "the complaint's id") { .text($0.complaint.id) },
            .init(Column("Tier", key: "tier"), "simple or complex") { .term($0.complaint.tier.rawValue) },
            .init(Column("Received", key: "received_on"), "the day it was received") {
                .text($0.complaint.receivedOn.iso)
            },
            .init(
                Column("Due", key: "due_on"),
                "the day it must be answered by (the policy's days for its tier, plus any extension)"
            ) { .text($0.due.iso) },
            .init(Column("Note", key: "note"), "what the complaint says") { .text($0.complaint.note) },
        ])

    /// `customer show`, corrections: the reversals of mistaken entries about the customer.
    static let fileCorrectionSpec = TableSpec<Correction>(
        "customer show (corrections)",
        [
            .init(Column("Kind", key: "kind"), "what was reversed (payment.voided, writeoff.reversed, ...)") {
                .text($0.kind)
            },
            .init(Column("Target", key: "target"), "the id of the entry reversed") { .text($0.target) },
            .init(Column("On", key: "on"), "the day of the reversal") { .text($0.on.iso) },
            .init(Column("By", key: "by"), "the operator who reversed it") { .text($0.by) },
            .init(Column("Reason", key: "reason"), "why it was a mistake") { .text($0.reason) },
        ])
}
