import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// The call and what comes of it: the contact log, promises to pay, disputes, complaints, legal
/// cases with the limitation watch and court fees, write-offs. Rules: docs/CASES.md.
extension Catalog {
    static let invoicesOption = OptionSpec(
        "--invoices", value: "ID,...", help: "the invoices it concerns (default: every open invoice of the customer)",
        completion: .domain("invoice"))

    static var caseCommands: [Command] {
        contactCommands + promiseCommands + disputeCommands + complaintCommands + legalCommands + writeoffCommands
            + [timelineCommand]
    }

    static var timelineCommand: Command {
        Command(
            spec: CommandSpec(
                ["customer", "timeline"], summary: "every event of a customer's case by day",
                discussion:
                    "Invoices, payments, plans, contacts, promises made and decided, disputes, complaints, legal steps and write-offs, oldest first.",
                arguments: [customerArgument], options: [.asOf, .format],
                examples: ["customer timeline C001", "customer timeline 上海星辰 --format csv"])
        ) { inv in
            let c = try inv.resolveCustomer("customer")
            let events = try inv.service { try CaseBook(inv.services()).timeline(c) }
            return .output(.table(timelineSpec.table(events)))
        }
    }

    /// `customer timeline`: one row per event of the customer's case, oldest first.
    static let timelineSpec = TableSpec<CaseBook.Event>(
        "customer timeline",
        [
            .init(Column("Day", key: "on"), "the day of the event") { .text($0.day.iso) },
            .init(
                Column("Kind", key: "kind"),
                "invoice, payment, plan, contact, promise, dispute, complaint, legal, writeoff, assignment, correction"
            ) { .text($0.kind) },
            .init(
                Column("Id", key: "id"),
                "the record's id (legal: the case's; assignment: the agent; correction: the entry reversed)"
            ) { .text($0.id) },
            .init(Column("Event", key: "event"), "what happened, in words") { .text($0.text) },
        ])

    // MARK: Shared helpers

    static func sharingPath(_ spec: CommandSpec) -> CommandSpec {
        var s = spec
        s.sharesPathWithSubcommands = true
        return s
    }

    static func idList(_ inv: Invocation, _ option: String) -> [String] {
        (inv.parsed.value(option) ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    static func requiredText(_ inv: Invocation, _ option: String, example: String) throws -> String {
        guard let t = inv.parsed.value(option)?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
            throw ShellError("\(option) is required", hint: "e.g. \(option) \(example)")
        }
        return t
    }

    static func optionalDay(_ inv: Invocation, _ option: String) throws -> Day? {
        inv.parsed.value(option) == nil ? nil : try Catalog.day(inv, option)
    }

    /// A day an event happened on (`--on`, default today; `--delivered`): never after today, since
    /// what has not happened cannot be on the record (a promise for later is `promise add --by`).
    static func pastDay(
        _ inv: Invocation, _ option: String, _ what: String, hint: String = "record it once it has happened"
    ) throws -> Day? {
        guard option == "--on" || inv.parsed.value(option) != nil else { return nil }
        let day = try Catalog.day(inv, option), today = try inv.session.today()
        guard day <= today else {
            throw ShellError(
                "\(what) dated \(day.iso) has not happened yet (today is \(today.iso))",
                hint: hint,
                column: inv.parsed.column(ofOption: option))
        }
        return day
    }

    static func caseRecords(_ inv: Invocation, customer: String?) throws -> CaseRecords {
        try inv.store { () throws(StoreError) in try inv.workspace.caseRecords(customer: customer) }
    }

    /// The optional customer argument of a list, resolved.
    static func optionalCustomer(_ inv: Invocation) throws -> Customer? {
        inv.parsed.argument("customer") == nil ? nil : try inv.resolveCustomer("customer")
    }

    /// The ledger a case reading needs: the customer's own, or the whole portfolio's.
    static func caseLedger(_ inv: Invocation, _ customer: Customer?, ids: Bool = false) throws -> Ledger {
        if let customer {
            return try inv.store { () throws(StoreError) in try inv.workspace.ledger(customer: customer) }
        }
        if ids { return try inv.store { () throws(StoreError) in try inv.workspace.ledgerWithInvoiceIds() } }
        return try inv.portfolioLedger()
    }

    static func said(_ inv: Invocation, _ text: String) -> Outcome {
        .output(inv.session.interactive ? .text(text + "\n") : .empty)
    }

    // MARK: Contacts

    static var contactCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["contact", "log"], summary: "log a call, visit, message or letter with a customer",
                    discussion:
                        "--demand marks a demand for payment (催告): it interrupts the limitation period only once delivered (--delivered DATE, with --proof: a signature, waybill or message id). --acknowledged records that the customer acknowledged the debt in a way that can be proved. The contact guard: a call, visit, SMS or WeChat message to the customer within contact.min_interval_days of the last one, or one logged now outside contact.hours, is refused unless --force REASON (letters, e-mail and inbound contacts are not held back).",
                    arguments: [customerArgument],
                    options: [
                        OptionSpec(
                            "--channel", value: "CHANNEL", help: "phone, visit, sms, wechat, email or letter",
                            completion: .values(Contact.Channel.allCases.map(\.rawValue))),
                        OptionSpec(
                            "--direction", value: "out|in", help: "out (default: we contacted them) or in",
                            completion: .values(["out", "in"])),
                        OptionSpec("--person", value: "NAME", help: "who was spoken to, e.g. 财务王经理"),
                        OptionSpec("--outcome", value: "TEXT", help: "what came of it, e.g. \"promised Friday\""),
                        OptionSpec("--note", value: "TEXT", help: "anything else worth keeping"),
                        OptionSpec("--on", value: "DATE", help: "the day of the contact (default today)"),
                        invoicesOption,
                        OptionSpec("--demand", help: "a demand for payment (催告)"),
                        OptionSpec(
                            "--delivered", value: "DATE", help: "the day the demand or letter reached the customer"),
                        OptionSpec(
                            "--proof", value: "REF",
                            help: "proof of delivery or acknowledgement: signature, waybill, message id"),
                        OptionSpec("--acknowledged", help: "the customer acknowledged the debt, provably"),
                        OptionSpec("--force", value: "REASON", help: "log it despite the contact guard, saying why"),
                    ],
                    examples: [
                        "contact log C001 --channel phone --person 王经理 --outcome \"will pay Friday\"",
                        "contact log C001 --channel letter --demand --on 2026-11-20 --delivered 2026-11-23 --proof SF1234567890",
                    ]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                guard let channelText = inv.parsed.value("--channel") else {
                    throw ShellError("--channel is required", hint: "one of phone, visit, sms, wechat, email, letter")
                }
                guard let channel = Contact.Channel(rawValue: channelText) else {
                    throw ShellError(
                        "unknown channel '\(channelText)'", hint: "one of phone, visit, sms, wechat, email, letter",
                        column: inv.parsed.column(ofOption: "--channel"))
                }
                let direction = Contact.Direction(rawValue: inv.parsed.value("--direction") ?? "out") ?? .out
                let on = try pastDay(
                    inv, "--on", "a contact",
                    hint: "log contacts when they happen; a promise for later is: promise add \(c.id) AMOUNT --by DATE")!
                let contact = Contact(
                    customerId: c.id, on: on, channel: channel, direction: direction,
                    person: inv.parsed.value("--person"), outcome: inv.parsed.value("--outcome"),
                    note: inv.parsed.value("--note"), invoiceIds: idList(inv, "--invoices"),
                    demand: inv.parsed.flag("--demand"), deliveredOn: try pastDay(inv, "--delivered", "a delivery"),
                    proof: inv.parsed.value("--proof"), acknowledged: inv.parsed.flag("--acknowledged"),
                    forcedReason: inv.parsed.value("--force"), loggedBy: inv.session.operatorName)
                // Calling hours apply to a contact made now: logged for the calendar's today, no date pinned
                // (by this shell or the workspace), by the machine's clock in its time zone.
                var minute: Int?
                let pinned = inv.session.pinnedToday != nil || ((try? inv.workspace.setting("today")) ?? nil) != nil
                if inv.parsed.value("--on") == nil && !pinned {
                    let now = Calendar.current.dateComponents([.hour, .minute], from: Date())
                    minute = (now.hour ?? 12) * 60 + (now.minute ?? 0)
                }
                let id = try inv.service {
                    try CaseBook(inv.services(asOf: on)).logContact(contact, minuteOfDay: minute)
                }
                inv.session.touch(c.id)
                var text = "contact \(id): \(channel.rawValue) \(direction.rawValue) \(c.id) \(c.name) on \(on.iso)"
                if contact.demand && contact.deliveredOn == nil {
                    text +=
                        "\nnote: a demand counts for the limitation period only once delivered; record it with --delivered DATE --proof REF"
                }
                return said(inv, text)
            },
            Command(
                spec: CommandSpec(
                    ["contact", "list"], summary: "the contact log: one customer's, or everyone's, by day",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "a customer (default: all)", completion: .domain("customer"),
                            optional: true)
                    ],
                    options: [
                        OptionSpec("--from", value: "DATE", help: "contacts on or after this day"),
                        OptionSpec("--to", value: "DATE", help: "contacts on or before this day"), .format,
                    ],
                    examples: ["contact list C001", "contact list --from 2026-11-01 --format csv"])
            ) { inv in
                let c = try optionalCustomer(inv)
                let from = try optionalDay(inv, "--from"), to = try optionalDay(inv, "--to")
                let rows = try caseRecords(inv, customer: c?.id).contacts.filter {
                    k in (from.map { f in k.on >= f } ?? true) && (to.map { t in k.on <= t } ?? true)
                }
                return .output(.table(contactTable(rows)))
            },
        ]
    }

    static func contactTable(_ rows: [Contact]) -> Table { contactSpec.table(rows) }

    /// `contact list`: one row per contact logged (also the customer file's last contacts).
    static let contactSpec = TableSpec<Contact>(
        "contact list",
        [
            .init(Column("Id", key: "id"), "the contact's id") { .text($0.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("Day", key: "on"), "the day of the contact") { .text($0.on.iso) },
            .init(Column("Channel", key: "channel"), "phone, visit, sms, wechat, email or letter") {
                .term($0.channel.rawValue)
            },
            .init(Column("Dir", key: "direction"), "out (we contacted them) or in") { .term($0.direction.rawValue) },
            .init(Column("Person", key: "person"), "who was spoken to, if recorded") { Invocation.text($0.person) },
            .init(Column("Outcome", key: "outcome"), "what came of it, if recorded") { Invocation.text($0.outcome) },
            .init(Column("Demand", key: "demand"), "yes for a demand for payment (催告)") {
                .term($0.demand ? "yes" : "")
            },
            .init(
                Column("Delivered", key: "delivered_on"),
                "the day the demand or letter reached the customer, if recorded"
            ) { Invocation.day($0.deliveredOn) },
            .init(Column("Ack", key: "acknowledged"), "yes when the customer provably acknowledged the debt") {
                .term($0.acknowledged ? "yes" : "")
            },
            .init(
                Column("Invoices", key: "invoices", detail: true),
                "the invoices it concerns, space-separated (empty: every open invoice of the customer)"
            ) { .text($0.invoiceIds.joined(separator: " ")) },
            .init(Column("Proof", key: "proof", detail: true), "proof of delivery or acknowledgement, if any") {
                Invocation.text($0.proof)
            },
            .init(Column("Note", key: "note", detail: true), "anything else recorded") { Invocation.text($0.note) },
            .init(Column("By", key: "operator", detail: true), "the operator who logged it") { .text($0.loggedBy) },
            .init(
                Column("Forced", key: "forced_reason", detail: true), "why the contact guard was overridden, if it was"
            ) { Invocation.text($0.forcedReason) },
        ])

    /// `dun sent CUSTOMER --delivered DATE`: the letters sent by then and not yet marked, as one
    /// delivered demand.
    static func markDunningDelivered(_ inv: Invocation) throws -> Outcome {
        guard !inv.parsed.arguments("customer").isEmpty else {
            throw ShellError(
                "--delivered needs the customer whose letters arrived",
                hint: "dun sent C000001 --delivered 2026-11-25 --proof SF1234567890")
        }
        let c = try inv.resolveCustomer("customer")
        let delivered = try Catalog.day(inv, "--delivered")
        let sent = try inv.store { () throws(StoreError) in try inv.workspace.dunningRecords(customer: c.id) }
            .filter { $0.file != nil && $0.action != DunningRecord.passed && $0.sentOn <= delivered }
        let marked = Set(
            try caseRecords(inv, customer: c.id).contacts.compactMap(\.note).flatMap {
                $0.split(separator: " ").map(String.init)
            })
        let open = sent.filter { !marked.contains($0.file!) }
        guard let first = open.map(\.sentOn).max() else {
            throw ShellError(
                "no dunning letter of \(c.id) sent by \(delivered.iso) is waiting to be marked delivered",
                hint: "dun sent \(c.id) lists what was sent")
        }
        let files = Array(Set(open.map { $0.file! })).sorted()
        let contact = Contact(
            customerId: c.id, on: first, channel: .letter, direction: .out, outcome: "dunning letter delivered",
            note: "dunning " + files.joined(separator: " "), invoiceIds: Array(Set(open.map(\.invoiceId))).sorted(),
            demand: true, deliveredOn: delivered, proof: inv.parsed.value("--proof"),
            forcedReason: "dunning letter already sent", loggedBy: inv.session.operatorName)
        let id = try inv.service { try CaseBook(inv.services(asOf: delivered)).record(.contactLogged(contact)) }
        return said(
            inv,
            "contact \(id): \(files.count) dunning letter\(files.count == 1 ? "" : "s") of \(c.id) delivered \(delivered.iso): a demand for \(contact.invoiceIds.joined(separator: " "))"
        )
    }

    // MARK: Promises

    static var promiseCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["promise", "add"], summary: "record a promise to pay (承诺还款) by a day",
                    discussion:
                        "Payments received on or after the day the promise is made are appropriated to the customer's pending promises, oldest promised date first. Kept once threshold x amount has arrived by the promised date plus the grace days (policy promise.threshold, promise.grace_days, or --threshold, --grace); broken the day after. A promise is an acknowledgement of the debt: it restarts the limitation period.",
                    arguments: [customerArgument, ArgumentSpec("amount", help: "the amount promised, e.g. 5000")],
                    options: [
                        OptionSpec("--by", value: "DATE", help: "the day the money is promised by (required)"),
                        OptionSpec("--on", value: "DATE", help: "the day the promise was made (default today)"),
                        invoicesOption,
                        OptionSpec(
                            "--grace", value: "N",
                            help: "days after --by it may still be kept (default promise.grace_days)"),
                        OptionSpec(
                            "--threshold", value: "PCT",
                            help: "share that keeps it, e.g. 90% (default promise.threshold)"),
                    ],
                    examples: [
                        "promise add C000198 5000 --by 2026-12-04",
                        "promise add C001 20000 --by 2026-12-31 --threshold 90%",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let amount = try positiveAmount(inv, "amount")
                guard inv.parsed.value("--by") != nil else {
                    throw ShellError(
                        "--by DATE is required", hint: "the day the money is promised by, e.g. --by 2026-12-04")
                }
                let by = try Catalog.day(inv, "--by"), on = try pastDay(inv, "--on", "a promise")!
                var threshold: Rate?
                if let t = inv.parsed.value("--threshold") {
                    guard let r = Policy.ratio(t), r <= Rate(units: 1, scale: 0), !r.isZero else {
                        throw ShellError(
                            "bad threshold '\(t)'", hint: "a share like 90% or 0.9",
                            column: inv.parsed.column(ofOption: "--threshold"))
                    }
                    threshold = r
                }
                let grace =
                    inv.parsed.value("--grace") == nil ? nil : try inv.integer("--grace", default: 0, range: 0...365)
                let promise = Promise(
                    id: "", customerId: c.id, amount: amount, madeOn: on, promisedOn: by,
                    invoiceIds: idList(inv, "--invoices"), graceDays: grace, threshold: threshold)
                let id = try inv.service { try CaseBook(inv.services(asOf: on)).record(.promiseMade(promise)) }
                inv.session.touch(c.id)
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                let rule = PromiseRule(policy: policy)
                let last = by + (grace ?? rule.graceDays)
                return said(
                    inv, "promise \(id): \(c.id) promised \(amount) by \(by.iso); broken if not kept by \(last.iso)")
            },
            Command(
                spec: CommandSpec(
                    ["promise", "cancel"], summary: "cancel a pending promise, saying why",
                    arguments: [ArgumentSpec("promise", help: "the promise's id", completion: .domain("promise"))],
                    options: [
                        OptionSpec("--reason", value: "TEXT", help: "why (required), e.g. \"replaced by a plan\""),
                        OptionSpec("--on", value: "DATE", help: "the day (default today)"),
                    ],
                    examples: ["promise cancel R00000001 --reason \"replaced by plan PL000003\""]),
                effect: { _ in .changesBooks }
            ) { inv in
                let reason = try requiredText(inv, "--reason", example: "\"replaced by a plan\"")
                let on = try pastDay(inv, "--on", "a cancellation")!
                let id = inv.argument("promise")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "promise")) {
                    try CaseBook(inv.services(asOf: on)).record(.promiseCancelled(id: id, on: on, reason: reason))
                }
                return said(inv, "promise \(id) cancelled")
            },
            Command(
                spec: CommandSpec(
                    ["promise", "list"], summary: "promises with their standing and what was appropriated to them",
                    discussion:
                        "Default: the pending promises. paid is what was appropriated to the promise as of the day; needed is what keeps it.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "a customer (default: all)", completion: .domain("customer"),
                            optional: true)
                    ],
                    options: [
                        OptionSpec(
                            "--status", value: "STATUS", help: "pending, kept, broken or cancelled",
                            completion: .values(PromiseStanding.Status.allCases.map(\.rawValue))),
                        OptionSpec("--all", help: "every promise, whatever its status"), .asOf, .format,
                    ],
                    examples: [
                        "promise list", "promise list C001 --all",
                        "promise list --status broken --as-of 2026-11-30 --format csv",
                    ])
            ) { inv in
                let c = try optionalCustomer(inv)
                let ledger = try caseLedger(inv, c)
                var rows = try inv.service {
                    try CaseBook(inv.services()).promiseStandings(customer: c?.id, ledger: ledger)
                }
                if let s = inv.parsed.value("--status") {
                    guard let status = PromiseStanding.Status(rawValue: s) else {
                        throw ShellError(
                            "unknown status '\(s)'", hint: "pending, kept, broken or cancelled",
                            column: inv.parsed.column(ofOption: "--status"))
                    }
                    rows = rows.filter { $0.status == status }
                } else if !inv.parsed.flag("--all") {
                    rows = rows.filter { $0.status == .pending }
                }
                return .output(.table(promiseTable(rows)))
            },
            Command(
                spec: CommandSpec(
                    ["promise", "check"],
                    summary: "record the promises kept and broken by the day and print them (nightly)",
                    discussion:
                        "Each promise is decided once: a run prints only what was decided since the last one, and journals it.",
                    options: [.asOf, .format], examples: ["promise check", "promise check --as-of 2026-11-30"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let ledger = try inv.portfolioLedger()
                let fresh = try inv.service { try CaseBook(inv.services()).checkPromises(ledger: ledger, record: true) }
                return .output(.table(promiseTable(fresh)))
            },
        ]
    }

    static func promiseTable(_ rows: [PromiseStanding]) -> Table { promiseSpec.table(rows) }

    /// `promise list`: one row per promise with its standing (also `promise check` and the customer file).
    static let promiseSpec = TableSpec<PromiseStanding>(
        "promise list",
        [
            .init(Column("Id", key: "id"), "the promise's id") { .text($0.promise.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.promise.customerId) },
            .init(Column("Amount", key: "amount"), "the amount promised") { Invocation.money($0.promise.amount) },
            .init(Column("Made", key: "made_on"), "the day the promise was made") { .text($0.promise.madeOn.iso) },
            .init(Column("By", key: "promised_on"), "the day the money is promised by") {
                .text($0.promise.promisedOn.iso)
            },
            .init(
                Column("Last day", key: "last_day"), "the last day it may be kept: the promised day plus grace days"
            ) { .text($0.lastDay.iso) },
            .init(Column("Status", key: "status"), "pending, kept, broken or cancelled") { .term($0.status.rawValue) },
            .init(Column("Paid", key: "paid"), "what was appropriated to it as of the day") {
                Invocation.money($0.paid)
            },
            .init(Column("Needed", key: "needed"), "what keeps it: threshold x amount, rounded up to the fen") {
                Invocation.money($0.needed)
            },
            .init(
                Column("Decided", key: "decided_on"), "the day it was kept, broken or cancelled; empty while pending"
            ) { Invocation.day($0.decidedOn) },
            .init(
                Column("Invoices", key: "invoices", detail: true),
                "the invoices it concerns, space-separated (empty: the customer's open invoices)"
            ) { .text($0.promise.invoiceIds.joined(separator: " ")) },
            .init(Column("Reason", key: "cancel_reason", detail: true), "why it was cancelled, if it was") {
                Invocation.text($0.promise.cancelReason)
            },
        ])

    // MARK: Disputes

    static var disputeCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["dispute", "open"], summary: "open a dispute (异议) on an invoice, dated",
                    discussion:
                        "The disputed amount (default: all that is open) is held out of dunning, late fees, the queue's priority and the overdue ladder from the opening day through the day before it is resolved; it stays in aging and balances, shown as disputed.",
                    arguments: [ArgumentSpec("invoice", help: "the invoice disputed", completion: .domain("invoice"))],
                    options: [
                        OptionSpec("--amount", value: "AMOUNT", help: "the part disputed (default: the whole invoice)"),
                        OptionSpec(
                            "--reason", value: "REASON",
                            help: Dispute.Reason.allCases.map(\.rawValue).joined(separator: ", "),
                            completion: .values(Dispute.Reason.allCases.map(\.rawValue))),
                        OptionSpec("--on", value: "DATE", help: "the day it was raised (default today)"),
                        OptionSpec("--note", value: "TEXT", help: "what the customer says"),
                    ],
                    examples: [
                        "dispute open INV-0042 --reason price --note 单价与合同不符",
                        "dispute open INV-0042 --amount 1500 --reason quantity",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in
                guard let r = inv.parsed.value("--reason") else {
                    throw ShellError(
                        "--reason is required", hint: Dispute.Reason.allCases.map(\.rawValue).joined(separator: ", "))
                }
                guard let reason = Dispute.Reason(rawValue: r) else {
                    throw ShellError(
                        "unknown reason '\(r)'", hint: Dispute.Reason.allCases.map(\.rawValue).joined(separator: ", "),
                        column: inv.parsed.column(ofOption: "--reason"))
                }
                let on = try pastDay(inv, "--on", "a dispute")!
                let amount = try inv.amount("--amount")
                let d = Dispute(
                    invoiceId: inv.argument("invoice"), customerId: "", amount: amount, reason: reason, openedOn: on,
                    note: inv.parsed.value("--note"))
                let id = try inv.service(column: inv.parsed.column(ofArgument: "invoice")) {
                    try CaseBook(inv.services(asOf: on)).record(.disputeOpened(d))
                }
                return said(
                    inv,
                    "dispute \(id) open on \(d.invoiceId) from \(on.iso): held out of dunning, late fees and the queue until resolved"
                )
            },
            Command(
                spec: CommandSpec(
                    ["dispute", "resolve"],
                    summary: "resolve a dispute: --valid (optionally with a credit note) or --invalid",
                    discussion:
                        "A valid dispute resolved with --credit AMOUNT records a credit note that reduces what the invoice owes. Either way the hold ends on the day resolved: late fees, dunning and the queue take the invoice up again from that day.",
                    arguments: [ArgumentSpec("dispute", help: "the dispute's id", completion: .domain("dispute"))],
                    options: [
                        OptionSpec("--valid", help: "the customer was right"),
                        OptionSpec("--invalid", help: "the customer was wrong"),
                        OptionSpec("--credit", value: "AMOUNT", help: "a credit note for a valid dispute"),
                        OptionSpec("--on", value: "DATE", help: "the day resolved (default today)"),
                        OptionSpec("--note", value: "TEXT", help: "how it was resolved"),
                    ],
                    examples: [
                        "dispute resolve D00000001 --invalid --note 核实单价无误",
                        "dispute resolve D00000002 --valid --credit 1500",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in
                let valid = inv.parsed.flag("--valid"), invalid = inv.parsed.flag("--invalid")
                guard valid != invalid else {
                    throw ShellError(
                        "give --valid or --invalid", hint: "dispute resolve ID --valid [--credit AMOUNT] | --invalid")
                }
                let on = try pastDay(inv, "--on", "a resolution")!
                let credit = try inv.amount("--credit")
                let id = inv.argument("dispute")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "dispute")) {
                    try CaseBook(inv.services(asOf: on)).record(
                        .disputeResolved(
                            id: id, outcome: valid ? .valid : .invalid, credit: credit, on: on,
                            note: inv.parsed.value("--note")))
                }
                return said(
                    inv,
                    "dispute \(id) resolved \(valid ? "valid" : "invalid") on \(on.iso)\(credit.map { ": credit note \($0)" } ?? "")"
                )
            },
            Command(
                spec: CommandSpec(
                    ["dispute", "list"], summary: "disputes: open ones by default",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "a customer (default: all)", completion: .domain("customer"),
                            optional: true)
                    ],
                    options: [
                        OptionSpec(
                            "--status", value: "STATUS", help: "open or resolved",
                            completion: .values(["open", "resolved"])),
                        OptionSpec("--all", help: "every dispute"), .asOf, .format,
                    ],
                    examples: ["dispute list", "dispute list C001 --all --format csv"])
            ) { inv in
                let c = try optionalCustomer(inv)
                let asOf = try inv.asOf()
                var rows = try caseRecords(inv, customer: c?.id).disputes.filter { $0.openedOn <= asOf }
                let status = inv.parsed.value("--status") ?? (inv.parsed.flag("--all") ? nil : "open")
                if let status {
                    guard status == "open" || status == "resolved" else {
                        throw ShellError("unknown status '\(status)'", hint: "open or resolved")
                    }
                    rows = rows.filter { $0.isOpen(on: asOf) == (status == "open") }
                }
                return .output(.table(disputeTable(rows, asOf: asOf)))
            },
            Command(
                spec: CommandSpec(
                    ["dispute", "show"], summary: "one dispute and its whole history",
                    arguments: [ArgumentSpec("dispute", help: "the dispute's id", completion: .domain("dispute"))],
                    options: [.format], examples: ["dispute show D00000001"])
            ) { inv in
                let id = inv.argument("dispute")
                guard let d = try caseRecords(inv, customer: nil).disputes.first(where: { $0.id == id }) else {
                    throw ShellError(
                        "no dispute '\(id)'", hint: "dispute list --all shows every dispute",
                        column: inv.parsed.column(ofArgument: "dispute"))
                }
                let today = try inv.session.today()
                var history = [
                    DisputeEvent(
                        on: d.openedOn, event: "opened",
                        detail: "\(d.reason.rawValue): \(d.amount.map { "\($0) disputed" } ?? "the whole invoice")",
                        note: d.note)
                ]
                if let r = d.resolvedOn {
                    history.append(
                        DisputeEvent(
                            on: r, event: Invocation.tr("resolved \(d.outcome?.rawValue ?? "")"),
                            detail: d.credit.map { "credit note \($0)" } ?? "", note: d.resolution))
                }
                let days = (d.resolvedOn ?? today + 1) - d.openedOn
                return .output(
                    .document([
                        Section(
                            "dispute", title: "Dispute \(d.id)",
                            .record([
                                Field("id", .text(d.id)), Field("invoice_id", .text(d.invoiceId)),
                                Field("customer_id", .text(d.customerId)),
                                Field("amount", d.amount.map { Invocation.money($0) } ?? .text("all")),
                                Field("reason", .term(d.reason.rawValue)),
                                Field("status", .text(d.resolvedOn == nil ? "open" : "resolved")),
                                Field("days_held", .number(String(max(0, days)))),
                            ])),
                        Section("history", title: "History", .table(disputeHistorySpec.table(history))),
                    ]))
            },
        ]
    }

    /// One line of a dispute's history in `dispute show`: its opening, then its resolution if any.
    struct DisputeEvent {
        var on: Day
        var event: String
        var detail: String
        var note: String?
    }

    /// `dispute show`: the dispute's history.
    static let disputeHistorySpec = TableSpec<DisputeEvent>(
        "dispute show",
        [
            .init(Column("Day", key: "on"), "the day it was opened or resolved") { .text($0.on.iso) },
            .init(Column("Event", key: "event"), "opened, or resolved with the outcome (valid, invalid)") {
                .text($0.event)
            },
            .init(
                Column("Detail", key: "detail"),
                "opened: the reason and the amount disputed; resolved: the credit note, if any"
            ) { .text($0.detail) },
            .init(Column("Note", key: "note"), "what the customer said, or how it was resolved, if recorded") {
                Invocation.text($0.note)
            },
        ])

    static func disputeTable(_ rows: [Dispute], asOf: Day) -> Table {
        disputeListSpec.table(
            rows.map { d -> (Dispute, open: Bool, daysHeld: Int) in
                let end = d.resolvedOn.map { min($0, asOf + 1) } ?? asOf + 1
                return (d, open: d.isOpen(on: asOf), daysHeld: max(0, end - d.openedOn))
            })
    }

    /// `dispute list`: one row per dispute with its standing on the day (also the customer file's open disputes).
    static let disputeListSpec = TableSpec<(Dispute, open: Bool, daysHeld: Int)>(
        "dispute list",
        [
            .init(Column("Id", key: "id"), "the dispute's id") { .text($0.0.id) },
            .init(Column("Invoice", key: "invoice_id"), "the invoice disputed") { .text($0.0.invoiceId) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("Amount", key: "amount"), "the amount disputed, or all for the whole of what is open") {
                $0.0.amount.map { m in Invocation.money(m) } ?? .text("all")
            },
            .init(
                Column("Reason", key: "reason"), "goods, quantity, price, invoice, delivery, duplicate, paid or service"
            ) { .term($0.0.reason.rawValue) },
            .init(Column("Opened", key: "opened_on"), "the day it was raised") { .text($0.0.openedOn.iso) },
            .init(Column("Status", key: "status"), "open or resolved on the day") {
                .text($0.open ? "open" : "resolved")
            },
            .init(Column("Resolved", key: "resolved_on"), "the day it was resolved, if it was") {
                Invocation.day($0.0.resolvedOn)
            },
            .init(Column("Outcome", key: "outcome"), "valid or invalid, once resolved") {
                Invocation.term($0.0.outcome?.rawValue)
            },
            .init(Column("Credit", key: "credit"), "the credit note a valid dispute was resolved with, if any") {
                Invocation.money($0.0.credit)
            },
            .init(
                Column("Days held", key: "days_held"),
                "days held from the opening day through the day, or the day before it was resolved"
            ) { .number(String($0.daysHeld)) },
            .init(Column("Note", key: "note", detail: true), "what the customer said, else how it was resolved") {
                Invocation.text($0.0.note ?? $0.0.resolution)
            },
        ])

    // MARK: Complaints

    static var complaintCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["complaint", "open"], summary: "record a complaint (投诉), due by its tier's days",
                    discussion:
                        "Due 15 days (simple) or 30 days (complex) after the day received, that day not counted (policy complaint.simple_days, complaint.complex_days; CBIRC 2020 No. 3). The operator a complaint is about may not resolve it.",
                    arguments: [customerArgument],
                    options: [
                        OptionSpec(
                            "--tier", value: "TIER", help: "simple or complex",
                            completion: .values(["simple", "complex"])),
                        OptionSpec("--on", value: "DATE", help: "the day received (default today)"),
                        OptionSpec("--note", value: "TEXT", help: "what the complaint is (required)"),
                        OptionSpec("--about", value: "OPERATOR", help: "the operator it is about"),
                    ],
                    examples: ["complaint open C001 --tier simple --note 催收电话过于频繁 --about zhang"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                guard let t = inv.parsed.value("--tier"), let tier = ComplaintTier(rawValue: t) else {
                    throw ShellError(
                        "--tier simple or --tier complex is required", column: inv.parsed.column(ofOption: "--tier"))
                }
                let note = try requiredText(inv, "--note", example: "催收电话过于频繁")
                let on = try pastDay(inv, "--on", "a complaint")!
                let complaint = Complaint(
                    customerId: c.id, tier: tier, receivedOn: on, note: note, about: inv.parsed.value("--about"))
                let ctx = try inv.services(asOf: on)
                let id = try inv.service { try CaseBook(ctx).record(.complaintOpened(complaint)) }
                let due = complaint.due(
                    simpleDays: ctx.policy.count("complaint.simple_days"),
                    complexDays: ctx.policy.count("complaint.complex_days"))
                return said(inv, "complaint \(id) (\(tier.rawValue)) from \(c.id): answer due \(due.iso)")
            },
            Command(
                spec: CommandSpec(
                    ["complaint", "extend"], summary: "extend a complaint's due date, saying why",
                    arguments: [
                        ArgumentSpec("complaint", help: "the complaint's id", completion: .domain("complaint"))
                    ],
                    options: [
                        OptionSpec(
                            "--days", value: "N", help: "days added (at most complaint.max_extension_days in all)"),
                        OptionSpec("--reason", value: "TEXT", help: "why (required)"),
                    ],
                    examples: ["complaint extend Q00000001 --days 30 --reason 需调取通话录音"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let days = try inv.integer("--days", default: 0, range: 1...365)
                let reason = try requiredText(inv, "--reason", example: "需调取通话录音")
                let id = inv.argument("complaint")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "complaint")) {
                    try CaseBook(inv.services()).record(.complaintExtended(id: id, days: days, reason: reason))
                }
                return said(inv, "complaint \(id) extended by \(days) days")
            },
            Command(
                spec: CommandSpec(
                    ["complaint", "resolve"], summary: "resolve a complaint (not by the operator it is about)",
                    arguments: [
                        ArgumentSpec("complaint", help: "the complaint's id", completion: .domain("complaint"))
                    ],
                    options: [
                        OptionSpec("--note", value: "TEXT", help: "the answer given (required)"),
                        OptionSpec("--on", value: "DATE", help: "the day resolved (default today)"),
                    ],
                    examples: ["complaint resolve Q00000001 --note 已致歉并调整联系频率"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let note = try requiredText(inv, "--note", example: "已致歉并调整联系频率")
                let on = try pastDay(inv, "--on", "a resolution")!
                let id = inv.argument("complaint")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "complaint")) {
                    try CaseBook(inv.services(asOf: on)).record(.complaintResolved(id: id, on: on, note: note))
                }
                return said(inv, "complaint \(id) resolved on \(on.iso)")
            },
            Command(
                spec: CommandSpec(
                    ["complaint", "list"], summary: "complaints with their due dates: open ones by default",
                    options: [
                        OptionSpec("--overdue", help: "only open complaints past their due date"),
                        OptionSpec("--all", help: "every complaint, resolved ones too"), .asOf, .format,
                    ],
                    examples: ["complaint list", "complaint list --overdue", "complaint list --all --format csv"])
            ) { inv in
                let asOf = try inv.asOf()
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                let simple = policy.count("complaint.simple_days"), complex = policy.count("complaint.complex_days")
                var rows = try caseRecords(inv, customer: nil).complaints.filter { $0.receivedOn <= asOf }
                func open(_ c: Complaint) -> Bool { c.resolvedOn.map { $0 > asOf } ?? true }
                if inv.parsed.flag("--overdue") {
                    rows = rows.filter { open($0) && $0.due(simpleDays: simple, complexDays: complex) < asOf }
                } else if !inv.parsed.flag("--all") {
                    rows = rows.filter(open)
                }
                return .output(
                    .table(
                        complaintListSpec.table(
                            rows.map { c -> (Complaint, due: Day, status: String) in
                                let due = c.due(simpleDays: simple, complexDays: complex)
                                return (c, due: due, status: !open(c) ? "resolved" : due < asOf ? "overdue" : "open")
                            })))
            },
        ]
    }

    /// `complaint list`: one row per complaint with its due date and standing on the day.
    static let complaintListSpec = TableSpec<(Complaint, due: Day, status: String)>(
        "complaint list",
        [
            .init(Column("Id", key: "id"), "the complaint's id") { .text($0.0.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("Tier", key: "tier"), "simple or complex") { .term($0.0.tier.rawValue) },
            .init(Column("Received", key: "received_on"), "the day it was received") { .text($0.0.receivedOn.iso) },
            .init(Column("Due", key: "due_on"), "the day the answer is due, extensions included") {
                .text($0.due.iso)
            },
            .init(Column("Extended", key: "extended_days"), "days the due date was extended by") {
                .number(String($0.0.extendedDays))
            },
            .init(Column("Status", key: "status"), "open, overdue (open past its due date) or resolved, on the day") {
                .text($0.status)
            },
            .init(Column("Resolved", key: "resolved_on"), "the day it was resolved, if it was") {
                Invocation.day($0.0.resolvedOn)
            },
            .init(Column("About", key: "about"), "the operator it is about, if any") { Invocation.text($0.0.about) },
            .init(Column("Note", key: "note"), "what the complaint is") { .text($0.0.note) },
            .init(Column("Resolution", key: "resolution", detail: true), "the answer given, once resolved") {
                Invocation.text($0.0.resolution)
            },
            .init(Column("By", key: "resolved_by", detail: true), "the operator who resolved it") {
                Invocation.text($0.0.resolvedBy)
            },
        ])

    // MARK: Legal cases, the limitation watch, court fees

    static var legalCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["legal", "open"], summary: "open a legal case (法律程序) against a customer",
                    arguments: [customerArgument],
                    options: [
                        OptionSpec(
                            "--contract", value: "CONTRACT", help: "the contract sued on",
                            completion: .domain("contract")),
                        invoicesOption, OptionSpec("--on", value: "DATE", help: "the day opened (default today)"),
                    ],
                    examples: ["legal open C001 --contract K001", "legal open C001 --invoices INV-001,INV-002"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let on = try pastDay(inv, "--on", "a legal case")!
                let k = LegalCase(
                    customerId: c.id, contractId: inv.parsed.value("--contract"), invoiceIds: idList(inv, "--invoices"),
                    openedOn: on)
                let id = try inv.service { try CaseBook(inv.services(asOf: on)).record(.legalCaseOpened(k)) }
                return said(
                    inv,
                    "legal case \(id) against \(c.id) \(c.name) opened \(on.iso); next: legal step \(id) lawyer-letter --on DATE --delivered DATE"
                )
            },
            Command(
                spec: CommandSpec(
                    ["legal", "step"], summary: "record a step of a legal case, with the statutory clock it starts",
                    discussion:
                        "Mediation, payment order, preservation, suit and enforcement interrupt the limitation period on their day; a demand or lawyer's letter only once delivered (--delivered DATE).",
                    arguments: [
                        ArgumentSpec("case", help: "the case's id", completion: .domain("case")),
                        ArgumentSpec(
                            "step", help: LegalCase.Step.allCases.map(\.rawValue).joined(separator: ", "),
                            completion: .values(LegalCase.Step.allCases.map(\.rawValue))),
                    ],
                    options: [
                        OptionSpec("--on", value: "DATE", help: "the day of the step (default today)"),
                        OptionSpec("--delivered", value: "DATE", help: "for a letter: the day it reached the customer"),
                        OptionSpec("--court", value: "NAME", help: "the court or mediator"),
                        OptionSpec("--note", value: "TEXT", help: "what happened"),
                    ],
                    examples: [
                        "legal step L00000001 lawyer-letter --on 2026-11-02 --delivered 2026-11-04",
                        "legal step L00000001 payment-order --on 2026-11-20 --court 上海市浦东新区人民法院",
                    ]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let s = inv.argument("step")
                guard let step = LegalCase.Step(rawValue: s) else {
                    throw ShellError(
                        "unknown step '\(s)'", hint: LegalCase.Step.allCases.map(\.rawValue).joined(separator: ", "),
                        column: inv.parsed.column(ofArgument: "step"))
                }
                let on = try pastDay(inv, "--on", "a legal step")!
                let e = LegalCase.Entry(
                    step: step, on: on, note: inv.parsed.value("--note"), court: inv.parsed.value("--court"),
                    deliveredOn: try pastDay(inv, "--delivered", "a delivery"))
                let id = inv.argument("case")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "case")) {
                    try CaseBook(inv.services(asOf: on)).record(.legalStepRecorded(caseId: id, step: e))
                }
                var text = "case \(id): \(step.rawValue) on \(on.iso)"
                if let clock = step.clock(from: on) { text += "\nclock: \(clock.text): by \(clock.due.iso)" }
                if (step == .demandLetter || step == .lawyerLetter) && e.deliveredOn == nil {
                    text +=
                        "\nnote: the letter interrupts the limitation period only once delivered; record the step again with --delivered DATE when it arrives"
                }
                return said(inv, text)
            },
            Command(
                spec: CommandSpec(
                    ["legal", "show"],
                    summary: "a legal case: its steps with their clocks, and its claims' limitation deadlines",
                    arguments: [ArgumentSpec("case", help: "the case's id", completion: .domain("case"))],
                    options: [.asOf, .format],
                    examples: ["legal show L00000001"])
            ) { inv in
                let id = inv.argument("case")
                guard let k = try caseRecords(inv, customer: nil).legalCases.first(where: { $0.id == id }) else {
                    throw ShellError(
                        "no legal case '\(id)'", hint: "legal list shows the cases",
                        column: inv.parsed.column(ofArgument: "case"))
                }
                let c = try inv.store { () throws(StoreError) in try inv.workspace.customer(id: k.customerId) }
                let ledger = try caseLedger(inv, c)
                let claims = try inv.service { try CaseBook(inv.services()).claims(ledger, customer: k.customerId) }
                    .filter { k.invoiceIds.isEmpty || k.invoiceIds.contains($0.claim) }
                return .output(
                    .document([
                        Section(
                            "case", title: "Case \(k.id) against \(k.customerId) \(c?.name ?? "")",
                            .record([
                                Field("id", .text(k.id)), Field("customer_id", .text(k.customerId)),
                                Field("contract_id", Invocation.text(k.contractId)),
                                Field(
                                    "invoices",
                                    .text(k.invoiceIds.isEmpty ? "all open" : k.invoiceIds.joined(separator: " "))),
                                Field("opened_on", .text(k.openedOn.iso)),
                                Field("step", .term(k.current?.step.rawValue ?? "opened")),
                            ])),
                        Section("steps", title: "Steps", .table(legalStepSpec.table(k.steps))),
                        Section("limitation", title: "Limitation", .table(claimTable(claims, asOf: try inv.asOf()))),
                    ]))
            },
            Command(
                spec: CommandSpec(
                    ["legal", "list"], summary: "legal cases with their current step", options: [.format],
                    examples: ["legal list"])
            ) { inv in
                let cases = try caseRecords(inv, customer: nil).legalCases
                return .output(.table(legalListSpec.table(cases)))
            },
            Command(
                spec: CommandSpec(
                    ["legal", "fee"], summary: "court fees for a claim under the 2006 fee rules (诉讼费用交纳办法)",
                    discussion:
                        "case: the property case fee (progressive bands, art. 13); summary: half of it (summary procedure or mediation, arts. 15-16); payment_order: a third; preservation: the preservation fee, at most 5,000; enforcement: the enforcement fee (art. 14).",
                    arguments: [ArgumentSpec("amount", help: "the amount claimed, e.g. 300000")], options: [.format],
                    examples: ["legal fee 300000", "legal fee 1234567.89 --format csv"])
            ) { inv in
                let amount = try positiveAmount(inv, "amount")
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                let f = CourtFees(claim: amount, rounding: policy.rounding)
                return .output(
                    .record([
                        Field("case", title: "Case fee (案件受理费)", Invocation.money(f.caseFee)),
                        Field("summary", title: "Summary procedure or mediation (减半)", Invocation.money(f.summary)),
                        Field("payment_order", title: "Payment order (支付令, 1/3)", Invocation.money(f.paymentOrder)),
                        Field("preservation", title: "Preservation (保全, cap 5,000)", Invocation.money(f.preservation)),
                        Field("enforcement", title: "Enforcement (执行)", Invocation.money(f.enforcement)),
                    ]))
            },
            Command(
                spec: CommandSpec(
                    ["legal", "watch"],
                    summary: "claims whose limitation period (诉讼时效) runs out soon, or every open claim",
                    discussion:
                        "Each claim (an invoice; an installment plan from its last installment) runs 3 years from its due date, restarted by each delivered demand, acknowledgement (a promise, a part payment, a plan, a recorded acknowledgement) and legal step (Civil Code arts. 188, 189, 195; SPC rules arts. 8, 9, 14). status: running, expired, or expired_acknowledged (acknowledged after it ran out, art. 192). Expired claims are listed, never dropped. limitation.weekends and limitation.holidays move a deadline to the next working day.",
                    options: [
                        OptionSpec(
                            "--within", value: "DAYS",
                            help: "deadlines within this many days (default 180); expired claims are always listed"),
                        OptionSpec("--all", help: "every open claim"), .asOf, .format,
                    ],
                    examples: [
                        "legal watch", "legal watch --within 90", "legal watch --all --as-of 2026-11-30 --format csv",
                    ])
            ) { inv in
                let within = try inv.integer("--within", default: 180, range: 0...36500)
                let asOf = try inv.asOf()
                let ledger = try caseLedger(inv, nil, ids: true)
                var claims = try inv.service { try CaseBook(inv.services()).claims(ledger) }
                if !inv.parsed.flag("--all") {
                    claims = claims.filter { $0.standing.status != .running || $0.standing.deadline - asOf <= within }
                }
                claims.sort {
                    ($0.standing.deadline, $0.customerId, $0.claim) < ($1.standing.deadline, $1.customerId, $1.claim)
                }
                return .output(.table(claimTable(claims, asOf: asOf)))
            },
        ]
    }

    /// `legal show`: the case's steps with the statutory clocks they start.
    static let legalStepSpec = TableSpec<LegalCase.Entry>(
        "legal show",
        [
            .init(Column("Day", key: "on"), "the day of the step") { .text($0.on.iso) },
            .init(
                Column("Step", key: "step"),
                LegalCase.Step.allCases.map(\.rawValue).joined(separator: ", ")
            ) { .term($0.step.rawValue) },
            .init(
                Column("Delivered", key: "delivered_on"), "for a letter: the day it reached the customer, if recorded"
            ) { Invocation.day($0.deliveredOn) },
            .init(Column("Court", key: "court"), "the court or mediator, if recorded") { Invocation.text($0.court) },
            .init(Column("Clock", key: "clock"), "the statutory clock the step starts, in words, if any") {
                Invocation.text($0.step.clock(from: $0.on)?.text)
            },
            .init(Column("By", key: "clock_due"), "the day that clock runs out") {
                Invocation.day($0.step.clock(from: $0.on)?.due)
            },
            .init(Column("Note", key: "note"), "what happened, if recorded") { Invocation.text($0.note) },
        ])

    /// `legal list`: one row per legal case with its latest step.
    static let legalListSpec = TableSpec<LegalCase>(
        "legal list",
        [
            .init(Column("Id", key: "id"), "the case's id") { .text($0.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("Contract", key: "contract_id"), "the contract sued on, if any") {
                Invocation.text($0.contractId)
            },
            .init(Column("Opened", key: "opened_on"), "the day the case was opened") { .text($0.openedOn.iso) },
            .init(Column("Step", key: "step"), "the latest step, or opened before any") {
                .term($0.current?.step.rawValue ?? "opened")
            },
            .init(Column("Since", key: "step_on"), "the day of the latest step") { Invocation.day($0.current?.on) },
            .init(
                Column("Clock by", key: "clock_due"),
                "the day the latest step's statutory clock runs out, if it starts one"
            ) { Invocation.day($0.current.flatMap { e in e.step.clock(from: e.on)?.due }) },
        ])

    static func claimTable(_ claims: [CaseBook.Claim], asOf: Day) -> Table {
        claimSpec.table(claims.map { c in (c, daysLeft: c.standing.daysLeft(asOf: asOf)) })
    }

    /// `legal watch`: one row per claim with its limitation standing on the day (also `legal show`'s limitation).
    static let claimSpec = TableSpec<(CaseBook.Claim, daysLeft: Int)>(
        "legal watch",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("Claim", key: "claim"), "the invoice's id, or the installment plan's") { .text($0.0.claim) },
            .init(Column("Kind", key: "kind"), "invoice or plan") { .text($0.0.isPlan ? "plan" : "invoice") },
            .init(Column("Open", key: "open"), "what is open on it on the day") { Invocation.money($0.0.open) },
            .init(
                Column("Runs from", key: "start"),
                "the day the period runs from: the due date, or a plan's last installment"
            ) { .text($0.0.standing.start.iso) },
            .init(Column("Deadline", key: "deadline"), "the last day of the limitation period") {
                .text($0.0.standing.deadline.iso)
            },
            .init(
                Column("Days left", key: "days_left"), "days from the day to the deadline, negative once it has run out"
            ) { .number(String($0.daysLeft)) },
            .init(Column("Status", key: "status"), "running, expired or expired_acknowledged") {
                .term($0.0.standing.status.rawValue)
            },
            .init(
                Column("Last interruption", key: "last_interruption"),
                "the interruption the period runs from, or the acknowledgement after it ran out, in words"
            ) { Invocation.text(($0.0.standing.acknowledgedAfterExpiry ?? $0.0.standing.lastInterruption)?.note) },
            .init(Column("On", key: "interrupted_on"), "the day of that interruption or acknowledgement") {
                Invocation.day(($0.0.standing.acknowledgedAfterExpiry ?? $0.0.standing.lastInterruption)?.day)
            },
        ])

    // MARK: Write-offs

    static var writeoffCommands: [Command] {
        [
            Command(
                spec: Self.sharingPath(
                    CommandSpec(
                        ["writeoff"], summary: "write off (核销) an invoice, or a customer's open invoices, as bad debt",
                        discussion:
                            "Not dated in the future, nor before the claim's last payment. The amount leaves the open balance, aging and the queue but stays on the record (writeoff list); money received later is a recovery. Journaled; approvals come with operators and roles.",
                        arguments: [
                            ArgumentSpec(
                                "target", help: "an invoice, or a customer (oldest due first)",
                                completion: .domain("customer"))
                        ],
                        options: [
                            OptionSpec("--amount", value: "AMOUNT", help: "how much (default: all that is open)"),
                            OptionSpec("--reason", value: "TEXT", help: "why (required), e.g. 债务人注销"),
                            OptionSpec(
                                "--evidence", value: "REF",
                                help: "the evidence kept: a ruling, a deregistration notice, ..."),
                            OptionSpec(
                                "--revenue", value: "AMOUNT", help: "the year's revenue, for the small-amount tax basis"
                            ),
                            OptionSpec("--on", value: "DATE", help: "the day (default today)"),
                        ],
                        examples: [
                            "writeoff INV-0042 --reason 债务人注销 --evidence 注销公告2026-118",
                            "writeoff C001 --amount 3000 --reason 和解差额",
                        ])),
                effect: { _ in .changesBooks }
            ) { inv in
                let reason = try requiredText(inv, "--reason", example: "债务人注销")
                let on = try Catalog.day(inv, "--on")
                let today = try inv.session.today()
                guard on <= today else {
                    throw ShellError(
                        "a write-off cannot be dated in the future (\(on.iso); today is \(today.iso))",
                        column: inv.parsed.column(ofOption: "--on"))
                }
                let target = inv.argument("target")
                let invoice = try inv.store { () throws(StoreError) in try inv.workspace.invoice(id: target) }
                let customer = try invoice.map { $0.customerId } ?? inv.resolveCustomer("target").id
                let request = WriteOffRequest(
                    customerId: customer, invoiceId: invoice?.id, amount: try inv.amount("--amount"), on: on,
                    reason: reason,
                    evidence: inv.parsed.value("--evidence"), revenue: try inv.amount("--revenue"))
                let id = try inv.service(column: inv.parsed.column(ofArgument: "target")) {
                    try CaseBook(inv.services(asOf: on)).record(.writtenOff(request))
                }
                inv.session.touch(customer)
                return said(inv, "write-off \(id) for \(customer) on \(on.iso); writeoff list shows its tax basis")
            },
            Command(
                spec: CommandSpec(
                    ["writeoff", "list"], summary: "write-offs with their tax basis and what was recovered since",
                    discussion:
                        "tax_basis (国家税务总局公告2011年第25号): art23 for a receivable overdue 3 years or more; art24 for one overdue 1 year or more and at most max(50,000, revenue / 10,000) (--revenue, else the write-off's own); none: finance needs the evidence of art. 22. recovered: money received after the write-off that no open invoice took.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "a customer (default: all)", completion: .domain("customer"),
                            optional: true)
                    ],
                    options: [
                        OptionSpec("--revenue", value: "AMOUNT", help: "the year's revenue for the small-amount basis"),
                        .asOf, .format,
                    ],
                    examples: ["writeoff list", "writeoff list --revenue 800000000 --format csv"])
            ) { inv in
                let c = try optionalCustomer(inv)
                let revenue = try inv.amount("--revenue")
                let ledger = try caseLedger(inv, c)
                let rows = try inv.service { try CaseBook(inv.services()).writeOffs(customer: c?.id, ledger: ledger) }
                return .output(
                    .table(
                        writeOffListSpec.table(
                            rows.map { r -> (WriteOff, recovered: Money, basis: WriteOff.TaxBasis) in
                                var w = r.writeOff
                                if let revenue { w.revenue = revenue }
                                return (w, recovered: r.recovered, basis: w.taxBasis())
                            })))
            },
        ]
    }

    /// `writeoff list`: one row per write-off with its tax basis and what was recovered since.
    static let writeOffListSpec = TableSpec<(WriteOff, recovered: Money, basis: WriteOff.TaxBasis)>(
        "writeoff list",
        [
            .init(Column("Id", key: "id"), "the write-off's id") { .text($0.0.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("Day", key: "on"), "the day written off") { .text($0.0.on.iso) },
            .init(Column("Amount", key: "amount"), "the amount written off") { Invocation.money($0.0.amount) },
            .init(Column("Invoices", key: "invoices"), "each invoice written off and its amount, separated by \"; \"") {
                .text($0.0.parts.map { p in "\(p.invoiceId) \(p.amount)" }.joined(separator: "; "))
            },
            .init(
                Column("Tax basis", key: "tax_basis"),
                "art23, art24 or none (国家税务总局公告2011年第25号; --revenue sets the small-amount limit)"
            ) { .term($0.basis.rawValue) },
            .init(
                Column("Recovered", key: "recovered"),
                "money received since that no open invoice took, up to the amount written off"
            ) { Invocation.money($0.recovered) },
            .init(Column("Reason", key: "reason"), "why it was written off") { .text($0.0.reason) },
            .init(Column("Evidence", key: "evidence", detail: true), "the evidence kept, if any") {
                Invocation.text($0.0.evidence)
            },
            .init(Column("Basis in words", key: "tax_basis_text", detail: true), "the tax basis in words") {
                .text($0.basis.text)
            },
        ])
}
