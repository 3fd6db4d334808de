import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// The dunning run: the ladder applied to open invoices (`Dunning`), one document per customer from
/// the templates (`Letters`), and the steps recorded so that no step is sent twice. docs/DUNNING.md
/// states the rules for collectors.
extension Catalog {
    static var dunningCommands: [Command] {
        [
            Command(spec: CommandSpec(
                ["dun", "run"], summary: "apply the dunning ladder: write one letter (or call-list entry, or legal-review file) per customer and record the steps",
                discussion: "For each open, undisputed invoice, the most advanced step of the customer's tier's ladder (the policy's dunning.TIER; 'standard' is dunning.ladder) whose day (due date + offset) is on or before the day and that was not recorded before; milder steps due at the same time are recorded as passed and never sent. One document per customer, of the most severe action among its invoices (reminder 付款提醒, letter 催款函, final_notice 最后催告函, call: a call-list entry, legal_review: a file for legal review), with the statement of account, written as CUSTOMERID-ACTION.md and .txt. The steps are recorded in one transaction: running again the same day sends nothing new. --dry-run writes and records nothing.",
                options: [OptionSpec("--as-of", value: "DATE", help: "the day of the run, YYYY-MM-DD (default: today, or the date pinned with 'set today')"),
                          OptionSpec("--dry-run", help: "show what would be sent; write no file and record nothing"),
                          OptionSpec("--out", value: "DIR", help: "the folder for the documents (default: letters/YYYY-MM-DD under the current folder)", completion: .directory),
                          languageOption, templatesOption, payWithinOption, .format],
                examples: ["dun run --dry-run", "dun run --as-of 2024-06-30 --out letters/june", "dun run --language en --templates ~/recoup-templates"])
            , effect: { $0.flag("--dry-run") ? .reads : .outsideScenario }) { inv in try Catalog.runDunning(inv) },
            Command(spec: CommandSpec(
                ["dun", "preview"], summary: "show the document a dunning run would write for one customer, without writing or recording it",
                discussion: "The Markdown (or, with --text, the plain text) of the customer's document as 'dun run' on the same day would write it. A customer with nothing due is an error.",
                arguments: [ArgumentSpec("customer", help: "customer id, name, part of a name or pinyin initials", completion: .domain("customer"), variadic: true)],
                options: [.asOf, languageOption, templatesOption, payWithinOption, OptionSpec("--text", help: "the plain text instead of the Markdown")],
                examples: ["dun preview C000001", "dun preview 上海星辰 --as-of 2024-07-31 --language en --text"])
            ) { inv in try Catalog.previewDunning(inv) },
            Command(spec: CommandSpec(
                ["dun", "sent"], summary: "the dunning steps recorded: sent (with the document) or passed",
                arguments: [ArgumentSpec("customer", help: "only this customer (id, name, part of a name or pinyin initials)",
                                         completion: .domain("customer"), optional: true, variadic: true)],
                options: [.format],
                examples: ["dun sent", "dun sent C000001 --format csv"])
            ) { inv in try Catalog.listDunningSent(inv) },
        ]
    }

    static let languageOption = OptionSpec("--language", value: "LANG", help: "zh (催款函) or en (default: the policy's letters.language)", completion: .values(["zh", "en"]))
    static let templatesOption = OptionSpec("--templates", value: "DIR", help: "a folder of the team's own templates (zh/letter.mustache, ...) and letterhead.toml; see docs/DUNNING.md",
                                            completion: .directory)
    static let payWithinOption = OptionSpec("--pay-within", value: "DAYS", help: "the deadline to pay, in days after the run's day (default 7)")

    /// One customer's document for a run: the notice, its rendered text, and the rows to record.
    struct DunningDocument {
        var customer: Customer
        var notice: DunningNotice
        var markdown: String
        var text: String
    }

    /// What a run needs besides the books: the day, ladder, language, templates and deadline.
    struct DunningSetup {
        var asOf: Day
        var ladder: DunningLadder
        var language: String
        var letters: Letters
        var payWithin: Int
    }

    static func dunningSetup(_ inv: Invocation, asOf: Day) throws -> DunningSetup {
        let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
        guard let ladder = DunningLadder(policy["dunning.ladder"]) else {
            throw ShellError("the policy's dunning.ladder '\(policy["dunning.ladder"])' does not parse",
                             hint: "policy set dunning.ladder -3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review")
        }
        let language = inv.parsed.value("--language") ?? policy["letters.language"]
        guard ["zh", "en"].contains(language) else {
            throw ShellError("bad language '\(language)'", hint: "choose zh or en", column: inv.parsed.column(ofOption: "--language"))
        }
        let letters: Letters
        do { letters = try Letters(folder: inv.parsed.value("--templates")) } catch var e as ShellError {
            e.column = e.column ?? inv.parsed.column(ofOption: "--templates"); throw e
        }
        return DunningSetup(asOf: asOf, ladder: ladder, language: language, letters: letters,
                            payWithin: try inv.integer("--pay-within", default: 7, range: 1...365))
    }

    /// The documents due for `customers` (all candidates when nil) as of the setup's day.
    static func dunningDocuments(_ inv: Invocation, _ setup: DunningSetup, customers named: [Customer]?) throws -> [DunningDocument] {
        let ws = inv.workspace
        // Each customer's ladder is its tier's (the policy's dunning.TIER, 'standard' = dunning.ladder).
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        let (scoredLedger, scores) = try Catalog.scores(inv, asOf: setup.asOf)
        let tierOf = Dictionary(uniqueKeysWithValues: zip(scoredLedger.customerIds, scores.map(\.tier)))
        func ladder(_ customer: String) -> DunningLadder {
            tierOf[customer].flatMap { DunningLadder(policy.dunningLadder(tier: $0)) } ?? setup.ladder
        }
        let earliest = Policy.tierNames.compactMap { DunningLadder(policy.dunningLadder(tier: $0))?.steps.first?.offset }
            .min().map { min($0, setup.ladder.steps.first!.offset) } ?? setup.ladder.steps.first!.offset
        var customers = named ?? []
        if named == nil {
            // A first pass over the whole portfolio keeps the per-customer reads to the customers
            // with an open, undisputed invoice whose first step has come.
            let bulk = try inv.store { () throws(StoreError) in try inv.session.index.portfolioLedger() }
            let allocation = bulk.allocate(asOf: setup.asOf)
            let first = earliest
            var wanted = Set<String>()
            for c in 0..<bulk.customerCount {
                for i in Int(bulk.invoiceStart[c])..<Int(bulk.invoiceStart[c + 1])
                where allocation.open[i] > 0 && !bulk.invoiceDisputed[i] && bulk.invoiceIssued[i] <= setup.asOf.ordinal
                    && Int(bulk.invoiceDue[i]) + first <= Int(setup.asOf.ordinal) {
                    wanted.insert(bulk.customerIds[c]); break
                }
            }
            customers = try inv.store { () throws(StoreError) in try ws.customers() }.filter { wanted.contains($0.id) }
        }
        var out: [DunningDocument] = []
        for c in customers {
            let books = try customerBooks(inv, c, asOf: setup.asOf)
            let recorded = try inv.store { () throws(StoreError) in try ws.dunningSteps(customer: c.id) }
            let items = Dunning.due(books.ledger, books.allocation, ladder: ladder(c.id), skip: { books.invoices[books.ledger.invoiceIds[$0]] == nil },
                                    recorded: { recorded[$0] ?? [] })
            guard let notice = Dunning.notices(items).first else { continue }
            let history = try inv.store { () throws(StoreError) in try ws.dunningRecords(customer: c.id) }
            let context = letterContext(notice: notice, customer: c, books: books, history: history, setup: setup)
            let (markdown, text) = setup.letters.render(notice.action, language: setup.language, context: context)
            out.append(DunningDocument(customer: c, notice: notice, markdown: markdown, text: text))
        }
        return out
    }

    /// One customer's books as of a day: ledger, allocation, invoices (without plan rows), plan rows,
    /// contracts, payments and net late fees charged.
    struct CustomerBooks {
        var ledger: Ledger
        var allocation: Allocation
        var invoices: [String: Invoice]
        var planRows: [String: Invoice]
        var contracts: [Contract]
        var payments: [Payment]
        var lateFees: Money
    }

    static func customerBooks(_ inv: Invocation, _ c: Customer, asOf: Day) throws -> CustomerBooks {
        let ws = inv.workspace
        return try inv.store { () throws(StoreError) in
            let ledger = try ws.ledger(customer: c)
            let invoices = try ws.invoices(customer: c.id)
            return CustomerBooks(ledger: ledger, allocation: ledger.allocate(asOf: asOf),
                                 invoices: Dictionary(uniqueKeysWithValues: invoices.map { ($0.id, $0) }),
                                 planRows: Dictionary(uniqueKeysWithValues: try ws.planObligations(customer: c.id).invoices.map { ($0.id, $0) }),
                                 contracts: try ws.contracts(customer: c.id),
                                 payments: try ws.payments(customer: c.id) + invoices.compactMap(Payment.settlement(of:)),
                                 lateFees: try ws.netLateFees(customer: c.id))
        }
    }

    static func runDunning(_ inv: Invocation) throws -> Outcome {
        let dryRun = inv.parsed.flag("--dry-run")
        let asOf = dryRun ? try inv.asOf() : try Catalog.day(inv, "--as-of")
        let setup = try dunningSetup(inv, asOf: asOf)
        let out = inv.parsed.value("--out") ?? "letters/\(asOf.iso)"
        let documents = try dunningDocuments(inv, setup, customers: nil)
        var records: [DunningRecord] = []
        var rows: [[Cell]] = []
        for d in documents {
            let file = out + "/" + d.notice.baseName + ".md"
            if !dryRun {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    try d.markdown.write(toFile: file, atomically: true, encoding: .utf8)
                    try d.text.write(toFile: out + "/" + d.notice.baseName + ".txt", atomically: true, encoding: .utf8)
                } catch {
                    throw ShellError("cannot write '\(file)': \(error.localizedDescription)", hint: "check the folder given with --out; nothing was recorded",
                                     column: inv.parsed.column(ofOption: "--out"))
                }
            }
            for item in d.notice.items {
                records.append(DunningRecord(invoiceId: item.invoiceId, customerId: d.customer.id, step: item.step.key, sentOn: asOf,
                                             action: item.step.action.rawValue, file: file))
                records += item.passed.map { DunningRecord(invoiceId: item.invoiceId, customerId: d.customer.id, step: $0.key, sentOn: asOf,
                                                           action: DunningRecord.passed, file: nil) }
            }
            rows.append([.text(d.customer.id), .text(d.customer.name), .text(d.notice.action.rawValue),
                         .text(d.notice.items.map(\.invoiceId).joined(separator: " ")), Invocation.money(d.notice.total), .text(file)])
        }
        if !dryRun && !records.isEmpty {
            try inv.store { () throws(StoreError) in try inv.workspace.recordDunning(records, asOf: asOf, context: inv.change) }
        }
        let title = dryRun ? "Dunning as of \(asOf.iso) (dry run: nothing written or recorded)" : "Dunning as of \(asOf.iso)"
        return .output(.table(Table(title: title, columns: [
            Column("Customer", key: "customer_id"), Column("Name", key: "name"), Column("Action", key: "action"),
            Column("Invoices", key: "invoices"), Column("Amount", key: "amount"), Column("File", key: "file"),
        ], rows: rows)))
    }

    static func previewDunning(_ inv: Invocation) throws -> Outcome {
        let c = try inv.resolveCustomer("customer")
        let setup = try dunningSetup(inv, asOf: try inv.asOf())
        guard let d = try dunningDocuments(inv, setup, customers: [c]).first else {
            throw ShellError("nothing is due for '\(c.id)' on \(setup.asOf.iso)", hint: "dun sent \(c.id) shows the steps already recorded",
                             column: inv.parsed.column(ofArgument: "customer"))
        }
        return .output(.text(inv.parsed.flag("--text") ? d.text : d.markdown))
    }

    static func listDunningSent(_ inv: Invocation) throws -> Outcome {
        let customer = inv.parsed.arguments("customer").isEmpty ? nil : try inv.resolveCustomer("customer").id
        let records = try inv.store { () throws(StoreError) in try inv.workspace.dunningRecords(customer: customer) }
        return .output(.table(Table(columns: [
            Column("Customer", key: "customer_id"), Column("Invoice", key: "invoice_id"), Column("Step", key: "step"),
            Column("Day", key: "sent_on"), Column("Action", key: "action"), Column("File", key: "file"),
        ], rows: records.map { [.text($0.customerId), .text($0.invoiceId), .text($0.step), .text($0.sentOn.iso), .text($0.action), Invocation.text($0.file)] })))
    }

    // MARK: The template variables (docs/DUNNING.md lists them)

    static func letterContext(notice: DunningNotice, customer c: Customer, books: CustomerBooks, history: [DunningRecord],
                              setup: DunningSetup) -> [String: Any] {
        let lang = setup.language, asOf = setup.asOf
        let deadline = asOf + setup.payWithin
        var creditor: [String: Any] = [:]
        for key in Letters.letterheadKeys { creditor[key] = setup.letters.letterhead[key].flatMap { $0.isEmpty ? nil : $0 } ?? Letters.placeholder(key, lang) }
        let customer: [String: Any] = [
            "id": c.id, "name": c.name, "tax_id": c.taxId ?? Letters.placeholder("tax_id", lang),
            "phone": c.phone ?? "", "email": c.email ?? "", "agent": c.agent ?? "",
        ]
        let items: [[String: Any]] = notice.items.map { item in
            ["invoice_id": item.invoiceId, "contract_id": books.invoices[item.invoiceId]?.contractId ?? "", "issued_on": item.issuedOn.iso,
             "due_on": item.dueOn.iso, "amount": item.amount.grouped, "open": item.open.grouped, "days_overdue": item.daysOverdue,
             "overdue": item.daysOverdue > 0, "overdue_text": Letters.overdueText(item.daysOverdue, lang), "step": item.step.key,
             "action": item.step.action.rawValue, "action_title": Letters.title(item.step.action, lang)]
        }
        let named = Set(notice.items.compactMap { books.invoices[$0.invoiceId]?.contractId })
        let contracts: [[String: Any]] = books.contracts.filter { named.contains($0.id) }.map { k in
            ["id": k.id, "service": k.service, "signed_on": k.signedOn.iso,
             "has_late_fee": k.lateFeeDailyRate != nil, "late_fee_daily_rate": k.lateFeeDailyRate.map(Letters.percent) ?? "",
             "has_grace": (k.lateFeeGraceDays ?? 0) > 0, "late_fee_grace_days": k.lateFeeGraceDays ?? 0,
             "has_cap": k.lateFeeCap != nil, "late_fee_cap": k.lateFeeCap.map(Letters.percent) ?? "",
             "has_suspend": k.suspendAfterDays != nil, "suspend_after_days": k.suspendAfterDays ?? 0]
        }
        let due = notice.total + books.lateFees
        // Steps taken (passed ones are left out); a written demand is a step that went into a letter.
        let taken = history.filter { $0.action != DunningRecord.passed }
        let demands = taken.filter { r in DunningAction.allCases.contains { $0.isLetter && (r.file ?? "").hasSuffix("-\($0.rawValue).md") } }
        let (statement, overdue) = statementContext(c, books: books, asOf: asOf, lang: lang)
        let itemsOverdue = notice.items.filter { $0.daysOverdue > 0 }.reduce(Money.zero) { $0 + $1.open }
        return [
            "language": lang, "kind": notice.action.rawValue, "title": Letters.title(notice.action, lang),
            "is_reminder": notice.action == .reminder, "is_letter": notice.action == .letter, "is_call": notice.action == .call,
            "is_final_notice": notice.action == .finalNotice, "is_legal_review": notice.action == .legalReview,
            "reference": "RC-\(asOf.iso.replacingOccurrences(of: "-", with: ""))-\(c.id)",
            "date": asOf.iso, "date_text": Letters.date(asOf, lang), "deadline": deadline.iso, "deadline_text": Letters.date(deadline, lang),
            "pay_within_days": setup.payWithin,
            "creditor": creditor, "customer": customer,
            "items": items, "items_count": items.count, "items_total": notice.total.grouped, "items_total_capitals": notice.total.chineseCapitals,
            "any_overdue": notice.items.contains { $0.daysOverdue > 0 }, "any_not_yet_due": notice.items.contains { $0.daysOverdue <= 0 },
            "has_late_fees": books.lateFees.isPositive, "late_fees": books.lateFees.grouped,
            "amount_due": due.grouped, "amount_due_capitals": due.chineseCapitals,
            "contracts": contracts, "has_contracts": !contracts.isEmpty,
            "has_suspend_clause": contracts.contains { $0["has_suspend"] as? Bool == true },
            "overdue_total": overdue.grouped, "has_other_overdue": overdue > itemsOverdue,
            "contract_ids": contracts.map { $0["id"] as! String }.joined(separator: lang == "en" ? ", " : "、"),
            "history": taken.map { ["sent_on": $0.sentOn.iso, "invoice_id": $0.invoiceId, "step": $0.step, "action": $0.action, "file": $0.file ?? ""] },
            "has_history": !taken.isEmpty,
            "has_last_demand": !demands.isEmpty, "last_demand": demands.map(\.sentOn).max().map { Letters.date($0, lang) } ?? "",
            "statement": statement,
        ]
    }

    /// The statement of account (对账单): every open invoice and plan row issued by the day, the
    /// last 10 payments, totals; and the overdue, undisputed open amount.
    static func statementContext(_ c: Customer, books: CustomerBooks, asOf: Day, lang: String) -> ([String: Any], Money) {
        var invoices: [[String: Any]] = []
        var total = (amount: Money.zero, open: Money.zero, overdue: Money.zero, disputed: Money.zero, overdueUndisputed: Money.zero)
        for (i, id) in books.ledger.invoiceIds.enumerated() {
            let open = Money(minorUnits: books.allocation.open[i])
            guard open.isPositive, let v = books.invoices[id] ?? books.planRows[id], v.issuedOn <= asOf else { continue }
            let late = max(0, asOf - v.dueOn)
            let note = v.disputed ? (lang == "en" ? "disputed" : "争议中") : books.planRows[id] != nil ? (lang == "en" ? "installment" : "分期") : ""
            invoices.append(["invoice_id": v.id, "contract_id": v.contractId ?? "", "issued_on": v.issuedOn.iso, "due_on": v.dueOn.iso,
                             "amount": v.amount.grouped, "open": open.grouped, "days_overdue": late, "disputed": v.disputed, "note": note])
            total.amount += v.amount; total.open += open
            if late > 0 { total.overdue += open; if !v.disputed { total.overdueUndisputed += open } }
            if v.disputed { total.disputed += open }
        }
        let payments = books.payments.filter { $0.receivedOn <= asOf && !$0.isRestructuring }
            .sorted { ($0.receivedOn, $0.id) > ($1.receivedOn, $1.id) }.prefix(10)
        let unapplied = Money(minorUnits: books.allocation.unapplied.first ?? 0)
        return ([
            "as_of": asOf.iso, "as_of_text": Letters.date(asOf, lang), "invoices": invoices,
            "total_amount": total.amount.grouped, "total_open": total.open.grouped, "total_overdue": total.overdue.grouped,
            "total_disputed": total.disputed.grouped, "has_disputed": total.disputed.isPositive,
            "late_fees": books.lateFees.grouped, "has_late_fees": books.lateFees.isPositive,
            "unapplied": unapplied.grouped, "has_unapplied": unapplied.isPositive,
            "payments": payments.map { p -> [String: Any] in
                ["payment_id": p.isSettlement ? (lang == "en" ? "(settled)" : "（结清）") : p.id, "received_on": p.receivedOn.iso,
                 "amount": p.amount.grouped, "invoice_id": p.invoiceId ?? "", "method": p.method ?? ""]
            },
            "has_payments": !payments.isEmpty,
            "total_overdue_undisputed": total.overdueUndisputed.grouped,
        ], total.overdueUndisputed)
    }
}
