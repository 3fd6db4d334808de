import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

extension Catalog {
    /// Credit review: the internal score from payment behaviour (blended with the bureau's), tiers.
    static var creditCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["credit", "score"],
                    summary: "score every customer as of a day (0-1000, higher is safer) and keep the result",
                    discussion:
                        "Only facts known on or before the day count. The score, its tiers (the policy's score.tier_*) and the model: docs/SCORING.md. --format csv prints customer_id,score,tier and the features behind them (the credit-line ones for customers with a credit limit on file).",
                    options: [
                        OptionSpec("--all", help: "every customer (the only scope for now)"), .asOf,
                        OptionSpec("--dry-run", help: "show the scores without keeping them"), .format,
                    ],
                    examples: ["credit score --all --as-of 2012-09-30 --format csv", "credit score --all"]),
                effect: { $0.flag("--dry-run") ? .reads : .records }
            ) { inv in try Catalog.scoreAll(inv) },
            Command(
                spec: CommandSpec(
                    ["credit", "show"],
                    summary:
                        "a customer's credit record: payment behaviour, overdue, bureau score, internal score, tier and why",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [.asOf, .format], examples: ["credit show C000001", "credit show shxc --as-of 2024-06-30"])
            ) { inv in try Catalog.showCredit(inv) },
            Command(
                spec: CommandSpec(
                    ["credit", "history"], summary: "how a customer's kept scores and tiers moved",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [.format], examples: ["credit history C000001"])
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let history = try inv.store { () throws(StoreError) in try inv.workspace.scoreHistory(customer: c.id) }
                return .output(.table(scoreHistorySpec.table(history)))
            },
        ]
    }

    /// Scores of every customer as of a day under `policy` (read from the workspace when not given),
    /// with the customers in ledger order (the CreditScoring service over the shell's cached ledger).
    static func scores(_ inv: Invocation, asOf: Day, policy: Policy? = nil) throws -> (
        ledger: Ledger, scores: [CreditScore]
    ) {
        let ledger = try inv.portfolioLedger()
        let context = try inv.store { () throws(StoreError) in
            try ServiceContext(books: inv.workspace, asOf: asOf, change: inv.change, policy: policy)
        }
        return (ledger, try inv.service { try CreditScoring(context).scores(ledger) })
    }

    /// Every customer's score from a whole-portfolio ledger and its allocation (made with `record`),
    /// as the store reads the bureau scores and limits now (inside `readingBooks`: the books').
    static func scores(_ inv: Invocation, ledger: Ledger, allocation: Allocation, asOf: Day, tiers: CreditScore.Tiers)
        throws -> [CreditScore]
    {
        try inv.service {
            try CreditScoring(inv.services(asOf: asOf)).scores(ledger, allocation: allocation, tiers: tiers)
        }
    }

    /// One decimal, half away from zero, without Foundation's formatter (100,000 rows a run).
    static func oneDecimal(_ v: Double) -> String {
        let t = Int64((v * 10).rounded(.toNearestOrAwayFromZero))
        return (t < 0 ? "-" : "") + String(t.magnitude / 10) + "." + String(t.magnitude % 10)
    }

    static func scoreAll(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        let (ledger, scores) = try Catalog.scores(inv, asOf: asOf)
        if !inv.parsed.flag("--dry-run") && inv.session.scenario == nil {
            try inv.service { try CreditScoring(inv.services(asOf: asOf)).record(ledger, scores) }
        }
        return .output(
            .table(scoreSpec.table(zip(ledger.customerIds, scores).map { ScoreRow(id: $0, score: $1) })))
    }

    /// `credit score --all`: one row per customer.
    /// One row of `credit score --all`: an object, so that a cell borrows it (a tuple or a struct
    /// is copied, retaining its strings and arrays, for each of the 1,400,000 cells).
    final class ScoreRow {
        let id: String
        let score: CreditScore
        init(id: String, score: CreditScore) {
            self.id = id
            self.score = score
        }
    }

    static let scoreSpec = TableSpec<ScoreRow>(
        "credit score --all",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.id) },
            .init(Column("Score", key: "score"), "credit score, 0-1000, higher is safer") {
                .number(String($0.score.score))
            },
            .init(Column("Tier", key: "tier"), "tier A-D from the score (policy tier.*_min)") { .text($0.score.tier) },
            .init(Column("Paid", key: "paid_invoices"), "paid invoices that fell due by the day") {
                .number(String($0.score.paidInvoices))
            },
            .init(Column("Paid late", key: "paid_late"), "of them, paid after their due date") {
                .number(String($0.score.paidLate))
            },
            .init(
                Column("Avg days late", key: "weighted_days_late"),
                "amount-weighted average days late of what was paid (early counts as 0)"
            ) {
                .number(oneDecimal($0.score.weightedDaysLate))
            },
            .init(Column("Overdue", key: "overdue"), "overdue balance on the day") {
                Invocation.money($0.score.overdue)
            },
            .init(Column("Bureau", key: "bureau_score", detail: true), "bureau score on file, if any") {
                Invocation.int($0.score.bureau)
            },
            .init(Column("Limit", key: "credit_limit", detail: true), "credit limit on file, if any") {
                Invocation.money($0.score.creditLimit)
            },
            .init(
                Column("Used %", key: "utilisation_pct", detail: true),
                "open balance against the credit limit, percent (capped at 150)"
            ) {
                $0.score.creditLimit != nil ? .number(oneDecimal($0.score.utilisation * 100)) : .empty
            },
            .init(
                Column("Billed/limit %", key: "billing_to_limit_pct", detail: true),
                "average monthly billing of the last 3 months against the limit, percent (capped at 150)"
            ) { $0.score.creditLimit != nil ? .number(oneDecimal($0.score.billingToLimit * 100)) : .empty },
            .init(
                Column("Monthly billing", key: "monthly_billing", detail: true),
                "average billing of the billed months among the last 6 (customers with a limit)"
            ) { $0.score.creditLimit != nil ? Invocation.money($0.score.monthlyBilling) : .empty },
            .init(
                Column("Months no pay", key: "months_without_payment", detail: true),
                "of those 6 months, those with something due and unpaid and no payment (customers with a limit)"
            ) { $0.score.creditLimit != nil ? .number(String($0.score.monthsWithoutPayment)) : .empty },
            .init(Column("Main reason", key: "main_reason"), "what weighs most in the score, in words") {
                .text($0.score.reasons.first?.text ?? "")
            },
        ])

    /// `credit history`: one row per kept score, oldest first.
    static let scoreHistorySpec = TableSpec<(asOf: Day, score: Int, tier: String)>(
        "credit history",
        [
            .init(Column("As of", key: "as_of"), "the day the score was as of") { .text($0.asOf.iso) },
            .init(Column("Score", key: "score"), "credit score, 0-1000, higher is safer") { .number(String($0.score)) },
            .init(Column("Tier", key: "tier"), "tier A-D from the score") { .text($0.tier) },
        ])

    /// `credit show`, why: one row per part taken off 1000.
    static let creditReasonSpec = TableSpec<CreditScore.Reason>(
        "credit show",
        [
            .init(Column("Points", key: "points"), "points it takes off 1000") { .number(String($0.points)) },
            .init(Column("Reason", key: "reason"), "why, in words") { .text($0.text) },
        ])

    static func showCredit(_ inv: Invocation) throws -> Outcome {
        let c = try inv.resolveCustomer("customer")
        let asOf = try inv.asOf()
        let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
        let (ledger, scores) = try Catalog.scores(inv, asOf: asOf, policy: policy)
        guard let k = ledger.customerIds.firstIndex(of: c.id) else { throw ShellError("no customer '\(c.id)'") }
        let s = scores[k]
        return .output(
            .document([
                Section(
                    "credit", title: "Credit record of \(c.id) \(c.name) as of \(asOf.iso)",
                    .record([
                        Field("paid_invoices", title: "Invoices paid", .number(String(s.paidInvoices))),
                        Field("paid_on_time", title: "Paid on time", .number(String(s.paidInvoices - s.paidLate))),
                        Field("paid_late", title: "Paid late", .number(String(s.paidLate))),
                        Field(
                            "weighted_days_late", title: "Average days late (by amount)",
                            .number(oneDecimal(s.weightedDaysLate))),
                        Field("max_days_late", title: "Most days late", .number(String(s.maxDaysLate))),
                        Field(
                            "late_share", title: "Late share, all invoices due",
                            s.dueInvoices == 0
                                ? .empty
                                : .number(
                                    String(format: "%.0f%%", Double(s.lateInvoices) / Double(s.dueInvoices) * 100))),
                        Field(
                            "recent_late_share", title: "Late share, last 6 months",
                            s.recentLateShare.map { .number(String(format: "%.0f%%", $0 * 100)) } ?? .empty),
                        Field(
                            "year_late_share", title: "Late share, last 12 months",
                            s.yearLateShare.map { .number(String(format: "%.0f%%", $0 * 100)) } ?? .empty),
                        Field("disputed", title: "Disputed invoices", .number(String(s.disputed))),
                        Field("promises_kept", title: "Promises kept (12 months)", .number(String(s.keptPromises))),
                        Field(
                            "promises_broken", title: "Promises broken (12 months)", .number(String(s.brokenPromises))),
                        Field("open", title: "Open", Invocation.money(s.open)),
                        Field("overdue", title: "Overdue", Invocation.money(s.overdue)),
                        Field("overdue_days", title: "Oldest overdue (days)", .number(String(s.overdueDays))),
                        Field("credit_limit", title: "Credit limit", Invocation.money(s.creditLimit)),
                        Field(
                            "utilisation_pct", title: "Owed of the limit (%)",
                            s.creditLimit == nil ? .empty : .number(oneDecimal(s.utilisation * 100))),
                        Field(
                            "billing_to_limit_pct", title: "Billed a month of the limit, last 3 months (%)",
                            s.creditLimit == nil ? .empty : .number(oneDecimal(s.billingToLimit * 100))),
                        Field(
                            "monthly_billing", title: "Monthly billing, last 6 months",
                            s.creditLimit == nil ? .empty : Invocation.money(s.monthlyBilling)),
                        Field(
                            "months_without_payment", title: "Months with something due and no payment (of 6)",
                            s.creditLimit == nil ? .empty : .number(String(s.monthsWithoutPayment))),
                        Field("bureau_score", title: "Bureau score", Invocation.int(c.bureauScore)),
                        Field("bureau_date", title: "Bureau date", Invocation.day(c.bureauDate)),
                        Field("score", title: "Internal score (0-1000)", .number(String(s.score))),
                        Field("tier", title: "Tier", .text(s.tier)),
                    ])),
                Section("reasons", title: "Why (points off 1000)", .table(creditReasonSpec.table(s.reasons))),
                tierPolicySection(policy, tier: s.tier, ownLimit: c.creditLimit),
            ]))
    }

    /// What the tier means for this customer under the policy: deposit ratio per service, credit limit,
    /// payment terms on a new contract, dunning cadence (a contract's own ratio and the customer's own
    /// limit still win; `contract check` works them out for one contract).
    static func tierPolicySection(_ policy: Policy, tier: String, ownLimit: Money?) -> Section {
        var fields = (Policy.depositServices + ["other"]).map { service in
            Field(
                "deposit_\(service)", title: "Deposit ratio, \(service)",
                .number(policy.depositRatio(tier: tier, service: service).percentText(2) + "%"))
        }
        let limit: String
        if let ownLimit {
            limit = ownLimit.description + " (its own)"
        } else {
            switch policy.creditLimit(tier: tier) {
            case .amount(let m)?: limit = m.description + " (limit.\(tier))"
            case .multipleOfMonthlyBilling?:
                limit = policy["limit.\(tier)"] + " average monthly billing (limit.\(tier))"
            case nil: limit = ""
            }
        }
        fields.append(Field("credit_limit_rule", title: "Credit limit", .text(limit)))
        fields.append(
            Field(
                "terms_days", title: "Payment terms on a new contract (days)",
                .number(String(policy.termsDays(tier: tier)))))
        fields.append(Field("dunning", title: "Dunning cadence", .text(policy.dunningLadder(tier: tier))))
        return Section("tier_policy", title: "Tier \(tier) under the policy", .record(fields))
    }
}
