import Foundation
import RecoupCore
import RecoupStore

/// A dunning run: the steps of each customer's ladder (its tier's, under the policy) that have come
/// due and are not recorded yet, one document per customer (Mustache templates, Chinese or English),
/// the files written and the steps recorded in one transaction. `dun preview` renders one customer's.
public struct DunningRun: Sendable {
    public let context: ServiceContext
    public let setup: Setup
    public init(_ context: ServiceContext, setup: Setup) { self.context = context; self.setup = setup }

    /// One customer's document for a run: the notice, its rendered text, and the rows to record.
    public struct Document: Sendable {
        public var customer: Customer
        public var notice: DunningNotice
        public var markdown: String
        public var text: String
    }

    /// What a run needs besides the books: the ladder, language, templates and deadline.
    public struct Setup: Sendable {
        public var ladder: DunningLadder
        public var language: String
        public var letters: Letters
        public var payWithin: Int

        /// The policy's ladder and language unless given; `templates`: the team's own folder. A ladder
        /// that does not parse, another language, or a template with an error is a `ServiceError`.
        public init(policy: Policy, language: String?, templates: String?, payWithin: Int) throws {
            guard let ladder = DunningLadder(policy["dunning.ladder"]) else {
                throw ServiceError(
                    "the policy's dunning.ladder '\(policy["dunning.ladder"])' does not parse",
                    hint:
                        "policy set dunning.ladder -3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review"
                )
            }
            let language = language ?? policy["letters.language"]
            guard ["zh", "en"].contains(language) else {
                throw ServiceError("bad language '\(language)'", hint: "choose zh or en")
            }
            self.ladder = ladder
            self.language = language
            self.letters = try Letters(folder: templates)
            self.payWithin = payWithin
        }
    }

    /// The documents due on the context's day for `named` customers (all candidates when nil), from a
    /// whole-portfolio ledger (for the tiers and the first pass).
    public func documents(_ bulk: Ledger, customers named: [Customer]?) throws -> [Document] {
        let books = context.books, policy = context.policy, asOf = context.asOf
        // Each customer's ladder is its tier's (the policy's dunning.TIER, 'standard' = dunning.ladder).
        let scores = try CreditScoring(context).scores(bulk)
        let tierOf = Dictionary(uniqueKeysWithValues: zip(bulk.customerIds, scores.map(\.tier)))
        func ladder(_ customer: String) -> DunningLadder {
            tierOf[customer].flatMap { DunningLadder(policy.dunningLadder(tier: $0)) } ?? setup.ladder
        }
        let earliest =
            Policy.tierNames.compactMap { DunningLadder(policy.dunningLadder(tier: $0))?.steps.first?.offset }
            .min().map { min($0, setup.ladder.steps.first!.offset) } ?? setup.ladder.steps.first!.offset
        var customers = named ?? []
        if named == nil {
            // A first pass over the whole portfolio keeps the per-customer reads to the customers
            // with an open, undisputed invoice whose first step has come.
            let allocation = bulk.allocate(asOf: asOf)
            var wanted = Set<String>()
            for c in 0..<bulk.customerCount {
                for i in Int(bulk.invoiceStart[c])..<Int(bulk.invoiceStart[c + 1])
                where allocation.open[i] > bulk.heldAmount(i, on: asOf.ordinal, open: allocation.open[i])
                    && bulk.invoiceIssued[i] <= asOf.ordinal
                    && Int(bulk.invoiceDue[i]) + earliest <= Int(asOf.ordinal)
                {
                    wanted.insert(bulk.customerIds[c]); break
                }
            }
            customers = try books.customers().filter { wanted.contains($0.id) }
        }
        // A customer with a promise pending (to its promised date plus grace) is not dunned meanwhile.
        let waiting = Set(
            CaseBook.standings(
                try books.promises(customer: nil), ledger: bulk, policy: policy, asOf: asOf
            ).filter { $0.status == .pending }.map(\.promise.customerId))
        var out: [Document] = []
        for c in customers where !waiting.contains(c.id) {
            let mine = try customerBooks(c)
            let recorded = try books.dunningSteps(customer: c.id)
            let items = Dunning.due(
                mine.ledger, mine.allocation, ladder: ladder(c.id),
                skip: { mine.invoices[mine.ledger.invoiceIds[$0]] == nil },
                recorded: { recorded[$0] ?? [] })
            guard let notice = Dunning.notices(items).first else { continue }
            let history = try books.dunningRecords(customer: c.id)
            let variables = Self.letterContext(
                notice: notice, customer: c, books: mine, history: history, setup: setup, asOf: asOf)
            let (markdown, text) = setup.letters.render(notice.action, language: setup.language, context: variables)
            out.append(Document(customer: c, notice: notice, markdown: markdown, text: text))
        }
        return out
    }

    /// Writes each document into `folder` (`NAME.md` and `NAME.txt`) and records every step it
    /// carries (and the milder steps it passes) in one transaction; returns each document's file.
    /// A file that cannot be written stops the run before anything is recorded.
    public func send(_ documents: [Document], to folder: String) throws -> [String] {
        var records: [DunningRecord] = []
        var files: [String] = []
        for d in documents {
            let file = folder + "/" + d.notice.baseName + ".md"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try d.markdown.write(toFile: file, atomically: true, encoding: .utf8)
                try d.text.write(toFile: folder + "/" + d.notice.baseName + ".txt", atomically: true, encoding: .utf8)
            } catch {
                throw ServiceError(
                    "cannot write '\(file)': \(error.localizedDescription)",
                    hint: "check the folder given with --out; nothing was recorded")
            }
            files.append(file)
            records += Self.records(d, file: file, on: context.asOf)
        }
        if !records.isEmpty { try context.books.recordDunning(records, asOf: context.asOf, context: context.change) }
        return files
    }

    /// The rows a document records: each step sent, and each milder step it passed.
    static func records(_ d: Document, file: String, on day: Day) -> [DunningRecord] {
        d.notice.items.flatMap { item in
            [
                DunningRecord(
                    invoiceId: item.invoiceId, customerId: d.customer.id, step: item.step.key, sentOn: day,
                    action: item.step.action.rawValue, file: file)
            ]
                + item.passed.map {
                    DunningRecord(
                        invoiceId: item.invoiceId, customerId: d.customer.id, step: $0.key, sentOn: day,
                        action: DunningRecord.passed, file: nil)
                }
        }
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

    func customerBooks(_ c: Customer) throws -> CustomerBooks {
        let ws = context.books
        let ledger = try ws.ledger(customer: c)
        let invoices = try ws.invoices(customer: c.id)
        return CustomerBooks(
            ledger: ledger, allocation: ledger.allocate(asOf: context.asOf),
            invoices: Dictionary(uniqueKeysWithValues: invoices.map { ($0.id, $0) }),
            planRows: Dictionary(
                uniqueKeysWithValues: try ws.planObligations(customer: c.id).invoices.map { ($0.id, $0) }),
            contracts: try ws.contracts(customer: c.id),
            payments: try ws.payments(customer: c.id) + invoices.compactMap(Payment.settlement(of:)),
            lateFees: try ws.netLateFees(customer: c.id))
    }

    // MARK: The template variables (docs/DUNNING.md lists them)

    static func letterContext(
        notice: DunningNotice, customer c: Customer, books: CustomerBooks, history: [DunningRecord],
        setup: Setup, asOf: Day
    ) -> [String: Any] {
        let lang = setup.language
        let deadline = asOf + setup.payWithin
        var creditor: [String: Any] = [:]
        for key in Letters.letterheadKeys {
            creditor[key] =
                setup.letters.letterhead[key].flatMap { $0.isEmpty ? nil : $0 } ?? Letters.placeholder(key, lang)
        }
        let customer: [String: Any] = [
            "id": c.id, "name": c.name, "tax_id": c.taxId ?? Letters.placeholder("tax_id", lang),
            "phone": c.phone ?? "", "email": c.email ?? "", "agent": c.agent ?? "",
        ]
        let items: [[String: Any]] = notice.items.map { item in
            [
                "invoice_id": item.invoiceId, "contract_id": books.invoices[item.invoiceId]?.contractId ?? "",
                "issued_on": item.issuedOn.iso,
                "due_on": item.dueOn.iso, "amount": item.amount.grouped, "open": item.open.grouped,
                "days_overdue": item.daysOverdue,
                "overdue": item.daysOverdue > 0, "overdue_text": Letters.overdueText(item.daysOverdue, lang),
                "step": item.step.key,
                "action": item.step.action.rawValue, "action_title": Letters.title(item.step.action, lang),
            ]
        }
        let named = Set(notice.items.compactMap { books.invoices[$0.invoiceId]?.contractId })
        let contracts: [[String: Any]] = books.contracts.filter { named.contains($0.id) }.map { k in
            [
                "id": k.id, "service": k.service, "signed_on": k.signedOn.iso,
                "has_late_fee": k.lateFeeDailyRate != nil,
                "late_fee_daily_rate": k.lateFeeDailyRate.map(Letters.percent) ?? "",
                "has_grace": (k.lateFeeGraceDays ?? 0) > 0, "late_fee_grace_days": k.lateFeeGraceDays ?? 0,
                "has_cap": k.lateFeeCap != nil, "late_fee_cap": k.lateFeeCap.map(Letters.percent) ?? "",
                "has_suspend": k.suspendAfterDays != nil, "suspend_after_days": k.suspendAfterDays ?? 0,
            ]
        }
        let due = notice.total + books.lateFees
        // Steps taken (passed ones are left out); a written demand is a step that went into a letter.
        let taken = history.filter { $0.action != DunningRecord.passed }
        let demands = taken.filter { r in
            DunningAction.allCases.contains { $0.isLetter && (r.file ?? "").hasSuffix("-\($0.rawValue).md") }
        }
        let (statement, overdue) = statementContext(c, books: books, asOf: asOf, lang: lang)
        let itemsOverdue = notice.items.filter { $0.daysOverdue > 0 }.reduce(Money.zero) { $0 + $1.open }
        return [
            "language": lang, "kind": notice.action.rawValue, "title": Letters.title(notice.action, lang),
            "is_reminder": notice.action == .reminder, "is_letter": notice.action == .letter,
            "is_call": notice.action == .call,
            "is_final_notice": notice.action == .finalNotice, "is_legal_review": notice.action == .legalReview,
            "reference": "RC-\(asOf.iso.replacingOccurrences(of: "-", with: ""))-\(c.id)",
            "date": asOf.iso, "date_text": Letters.date(asOf, lang), "deadline": deadline.iso,
            "deadline_text": Letters.date(deadline, lang),
            "pay_within_days": setup.payWithin,
            "creditor": creditor, "customer": customer,
            "items": items, "items_count": items.count, "items_total": notice.total.grouped,
            "items_total_capitals": notice.total.chineseCapitals,
            "any_overdue": notice.items.contains { $0.daysOverdue > 0 },
            "any_not_yet_due": notice.items.contains { $0.daysOverdue <= 0 },
            "has_late_fees": books.lateFees.isPositive, "late_fees": books.lateFees.grouped,
            "amount_due": due.grouped, "amount_due_capitals": due.chineseCapitals,
            "contracts": contracts, "has_contracts": !contracts.isEmpty,
            "has_suspend_clause": contracts.contains { $0["has_suspend"] as? Bool == true },
            "overdue_total": overdue.grouped, "has_other_overdue": overdue > itemsOverdue,
            "contract_ids": contracts.map { $0["id"] as! String }.joined(separator: lang == "en" ? ", " : "、"),
            "history": taken.map {
                [
                    "sent_on": $0.sentOn.iso, "invoice_id": $0.invoiceId, "step": $0.step, "action": $0.action,
                    "file": $0.file ?? "",
                ]
            },
            "has_history": !taken.isEmpty,
            "has_last_demand": !demands.isEmpty,
            "last_demand": demands.map(\.sentOn).max().map { Letters.date($0, lang) } ?? "",
            "statement": statement,
        ]
    }

    /// The statement of account (对账单): every open invoice and plan row issued by the day, the
    /// last 10 payments, totals; and the overdue, undisputed open amount.
    static func statementContext(_ c: Customer, books: CustomerBooks, asOf: Day, lang: String) -> ([String: Any], Money)
    {
        var invoices: [[String: Any]] = []
        var total = (
            amount: Money.zero, open: Money.zero, overdue: Money.zero, disputed: Money.zero,
            overdueUndisputed: Money.zero
        )
        for (i, id) in books.ledger.invoiceIds.enumerated() {
            let open = Money(minorUnits: books.allocation.open[i])
            guard open.isPositive, let v = books.invoices[id] ?? books.planRows[id], v.issuedOn <= asOf else {
                continue
            }
            let late = max(0, asOf - v.dueOn)
            let note =
                v.disputed
                ? (lang == "en" ? "disputed" : "争议中")
                : books.planRows[id] != nil ? (lang == "en" ? "installment" : "分期") : ""
            invoices.append([
                "invoice_id": v.id, "contract_id": v.contractId ?? "", "issued_on": v.issuedOn.iso,
                "due_on": v.dueOn.iso,
                "amount": v.amount.grouped, "open": open.grouped, "days_overdue": late, "disputed": v.disputed,
                "note": note,
            ])
            total.amount += v.amount; total.open += open
            if late > 0 { total.overdue += open; if !v.disputed { total.overdueUndisputed += open } }
            if v.disputed { total.disputed += open }
        }
        let payments = books.payments.filter { $0.receivedOn <= asOf && !$0.isRestructuring }
            .sorted { ($0.receivedOn, $0.id) > ($1.receivedOn, $1.id) }.prefix(10)
        let unapplied = Money(minorUnits: books.allocation.unapplied.first ?? 0)
        return (
            [
                "as_of": asOf.iso, "as_of_text": Letters.date(asOf, lang), "invoices": invoices,
                "total_amount": total.amount.grouped, "total_open": total.open.grouped,
                "total_overdue": total.overdue.grouped,
                "total_disputed": total.disputed.grouped, "has_disputed": total.disputed.isPositive,
                "late_fees": books.lateFees.grouped, "has_late_fees": books.lateFees.isPositive,
                "unapplied": unapplied.grouped, "has_unapplied": unapplied.isPositive,
                "payments": payments.map { p -> [String: Any] in
                    [
                        "payment_id": p.isSettlement ? (lang == "en" ? "(settled)" : "（结清）") : p.id,
                        "received_on": p.receivedOn.iso,
                        "amount": p.amount.grouped, "invoice_id": p.invoiceId ?? "", "method": p.method ?? "",
                    ]
                },
                "has_payments": !payments.isEmpty,
                "total_overdue_undisputed": total.overdueUndisputed.grouped,
            ], total.overdueUndisputed
        )
    }
}
