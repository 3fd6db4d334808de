import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// The dunning run: the ladder applied to open invoices (`Dunning`), one document per customer from
/// the templates (`Letters`), and the steps recorded so that no step is sent twice. docs/DUNNING.md
/// states the rules for collectors.
extension Catalog {
    static var dunningCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["dun", "run"],
                    summary:
                        "apply the dunning ladder: write one letter (or call-list entry, or legal-review file) per customer and record the steps",
                    discussion:
                        "For each open, undisputed invoice, the most advanced step of the customer's tier's ladder (the policy's dunning.TIER; 'standard' is dunning.ladder) whose day (due date + offset) is on or before the day and that was not recorded before; milder steps due at the same time are recorded as passed and never sent. One document per customer, of the most severe action among its invoices (reminder 付款提醒, letter 催款函, final_notice 最后催告函, call: a call-list entry, legal_review: a file for legal review), with the statement of account, written as CUSTOMERID-ACTION.md and .txt. The steps are recorded in one transaction: running again the same day sends nothing new. --dry-run writes and records nothing.",
                    options: [
                        OptionSpec(
                            "--as-of", value: "DATE",
                            help: "the day of the run, YYYY-MM-DD (default: today, or the date pinned with 'set today')"
                        ),
                        OptionSpec("--dry-run", help: "show what would be sent; write no file and record nothing"),
                        OptionSpec(
                            "--out", value: "DIR",
                            help: "the folder for the documents (default: letters/YYYY-MM-DD under the current folder)",
                            completion: .directory),
                        languageOption, templatesOption, payWithinOption, .format,
                    ],
                    examples: [
                        "dun run --dry-run", "dun run --as-of 2024-06-30 --out letters/june",
                        "dun run --language en --templates ~/recoup-templates",
                    ]), effect: { $0.flag("--dry-run") ? .reads : .outsideScenario }
            ) { inv in try Catalog.runDunning(inv) },
            Command(
                spec: CommandSpec(
                    ["dun", "preview"],
                    summary:
                        "show the document a dunning run would write for one customer, without writing or recording it",
                    discussion:
                        "The Markdown (or, with --text, the plain text) of the customer's document as 'dun run' on the same day would write it. A customer with nothing due is an error.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [
                        .asOf, languageOption, templatesOption, payWithinOption,
                        OptionSpec("--text", help: "the plain text instead of the Markdown"),
                    ],
                    examples: ["dun preview C000001", "dun preview 上海星辰 --as-of 2024-07-31 --language en --text"])
            ) { inv in try Catalog.previewDunning(inv) },
            Command(
                spec: CommandSpec(
                    ["dun", "sent"], summary: "the dunning steps recorded: sent (with the document) or passed",
                    discussion:
                        "With --delivered, the customer's dunning documents sent on or before DATE and not yet marked are recorded as one delivered demand (a contact by letter): it restarts the limitation period of the invoices they named.",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "only this customer (id, name, part of a name or pinyin initials)",
                            completion: .domain("customer"), optional: true, variadic: true)
                    ],
                    options: [
                        OptionSpec(
                            "--delivered", value: "DATE",
                            help:
                                "mark the customer's letters sent by then as delivered that day: a demand for the limitation period"
                        ),
                        OptionSpec(
                            "--proof", value: "REF", help: "the proof of delivery: a signature, waybill or message id"),
                        .format,
                    ],
                    examples: [
                        "dun sent", "dun sent C000001 --format csv",
                        "dun sent C000001 --delivered 2026-11-25 --proof SF1234567890",
                    ]),
                effect: { p in p.value("--delivered") == nil ? .reads : .outsideScenario }
            ) { inv in
                if inv.parsed.value("--delivered") != nil { return try Catalog.markDunningDelivered(inv) }
                return try Catalog.listDunningSent(inv)
            },
        ]
    }

    static let languageOption = OptionSpec(
        "--language", value: "LANG", help: "zh (催款函) or en (default: the policy's letters.language)",
        completion: .values(["zh", "en"]))
    static let templatesOption = OptionSpec(
        "--templates", value: "DIR",
        help: "a folder of the team's own templates (zh/letter.mustache, ...) and letterhead.toml; see docs/DUNNING.md",
        completion: .directory)
    static let payWithinOption = OptionSpec(
        "--pay-within", value: "DAYS", help: "the deadline to pay, in days after the run's day (default 7)")

    /// The dunning service for this invocation: the day, and the ladder, language, templates and
    /// deadline its options give.
    static func dunningRun(_ inv: Invocation, asOf: Day) throws -> DunningRun {
        let context = try inv.services(asOf: asOf)
        let payWithin = try inv.integer("--pay-within", default: 7, range: 1...365)
        let setup: DunningRun.Setup
        do {
            setup = try DunningRun.Setup(
                policy: context.policy, language: inv.parsed.value("--language"),
                templates: inv.parsed.value("--templates"),
                payWithin: payWithin)
        } catch let e as ServiceError {
            let column =
                e.message.hasPrefix("bad language")
                ? inv.parsed.column(ofOption: "--language")
                : e.message.contains("dunning.ladder") ? nil : inv.parsed.column(ofOption: "--templates")
            throw ShellError(e.message, hint: e.hint, column: column)
        }
        return DunningRun(context, setup: setup)
    }

    static func runDunning(_ inv: Invocation) throws -> Outcome {
        let dryRun = inv.parsed.flag("--dry-run")
        let asOf = dryRun ? try inv.asOf() : try Catalog.day(inv, "--as-of")
        let run = try dunningRun(inv, asOf: asOf)
        let out = inv.parsed.value("--out") ?? "letters/\(asOf.iso)"
        let ledger = try inv.portfolioLedger()
        let documents = try inv.service { try run.documents(ledger, customers: nil) }
        let files =
            dryRun
            ? documents.map { out + "/" + $0.notice.baseName + ".md" }
            : try inv.service(column: inv.parsed.column(ofOption: "--out")) { try run.send(documents, to: out) }
        let title =
            dryRun ? "Dunning as of \(asOf.iso) (dry run: nothing written or recorded)" : "Dunning as of \(asOf.iso)"
        return .output(
            .table(dunRunSpec.table(zip(documents, files).map { d, file in (document: d, file: file) }, title: title)))
    }

    /// `dun run`: one row per customer's document, with the file it was (or, in a dry run, would be) written to.
    static let dunRunSpec = TableSpec<(document: DunningRun.Document, file: String)>(
        "dun run",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.document.customer.id) },
            .init(Column("Name", key: "name"), "the customer's name") { .text($0.document.customer.name) },
            .init(
                Column("Action", key: "action"),
                "the document's kind: the most severe action among its invoices (reminder, letter, ...)"
            ) { .term($0.document.notice.action.rawValue) },
            .init(Column("Invoices", key: "invoices"), "the ids of the invoices it names") {
                .text($0.document.notice.items.map(\.invoiceId).joined(separator: " "))
            },
            .init(Column("Amount", key: "amount"), "the open amount of those invoices") {
                Invocation.money($0.document.notice.total)
            },
            .init(Column("File", key: "file"), "the Markdown file of the document") { .text($0.file) },
        ])

    static func previewDunning(_ inv: Invocation) throws -> Outcome {
        let c = try inv.resolveCustomer("customer")
        let asOf = try inv.asOf()
        let run = try dunningRun(inv, asOf: asOf)
        let ledger = try inv.portfolioLedger()
        guard let d = try inv.service({ try run.documents(ledger, customers: [c]) }).first else {
            throw ShellError(
                "nothing is due for '\(c.id)' on \(asOf.iso)",
                hint: "dun sent \(c.id) shows the steps already recorded",
                column: inv.parsed.column(ofArgument: "customer"))
        }
        return .output(.text(inv.parsed.flag("--text") ? d.text : d.markdown))
    }

    static func listDunningSent(_ inv: Invocation) throws -> Outcome {
        let customer = inv.parsed.arguments("customer").isEmpty ? nil : try inv.resolveCustomer("customer").id
        let records = try inv.store { () throws(StoreError) in try inv.workspace.dunningRecords(customer: customer) }
        return .output(.table(dunSentSpec.table(records)))
    }

    /// `dun sent`: one row per dunning step recorded for an invoice.
    static let dunSentSpec = TableSpec<DunningRecord>(
        "dun sent",
        [
            .init(Column("Customer", key: "customer_id"), "the invoice's customer") { .text($0.customerId) },
            .init(Column("Invoice", key: "invoice_id"), "the invoice's id") { .text($0.invoiceId) },
            .init(Column("Step", key: "step"), "the ladder step, OFFSET:ACTION") { .text($0.step) },
            .init(Column("Day", key: "sent_on"), "the run's day") { .text($0.sentOn.iso) },
            .init(Column("Action", key: "action"), "the step's action when it was taken, or passed") {
                .text($0.action)
            },
            .init(Column("File", key: "file"), "the document it went into (none for a passed step)") {
                Invocation.text($0.file)
            },
        ])
}
