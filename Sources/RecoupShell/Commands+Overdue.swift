import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// Overdue states per contract with their transitions since the last run, and the daily call
/// queue (rules and formula: `Overdue`, `Queue`, docs/OVERDUE.md). Both start from the whole
/// portfolio's ledger, loaded once, and make linear passes over it.
extension Catalog {
    static var overdueCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["overdue"],
                    summary: "overdue state of every contract and customer, and the transitions since the last run",
                    discussion:
                        "A contract's days overdue count from the due date of its earliest open, undisputed overdue invoice; its state is the most severe rung of the policy's overdue.ladder whose days it has reached ('contract' is the contract's suspend_after_days, else clause.suspend_after_days). Invoices without a contract count under customer:ID, plan rows under their plan. A customer's state is its most severe contract's; suspension applies to that contract only. Transitions compare with the states the last run recorded, one row per rung passed, up or down, with the reason. The run records its states (one transaction, journaled) unless --dry-run or inside a what-if scenario.",
                    options: [
                        .asOf,
                        OptionSpec(
                            "--changes", help: "only the transitions since the last run (what a nightly script prints)"),
                        OptionSpec("--dry-run", help: "show the states and transitions without recording them"),
                        OptionSpec(
                            "--detail",
                            help: "every overdue contract and customer and every transition, not the summary"),
                        .format,
                    ],
                    examples: [
                        "overdue", "overdue --changes --format csv", "overdue --detail --as-of 2024-07-31 --dry-run",
                    ]),
                effect: { $0.flag("--dry-run") ? .reads : .records }
            ) { inv in try Catalog.overdue(inv) },
            Command(
                spec: CommandSpec(
                    ["queue"], summary: "today's calls in priority order, with the reasons for each",
                    discussion:
                        "Priority = (overdue × aging band × (2 − collection rate) + rise of the overdue amount over 30 days) × 2 when a plan is broken or a promise was broken in the last queue.promise_days, ÷ 2 while a dispute holds part of what is owed, ÷ 4 while a promise is pending. The overdue amount leaves what disputes hold out; the band is the aging bucket of the days overdue (1 for 1-30 with the default buckets, 4 for 91+); the collection rate is the forecast's. Customers owing less than the policy's queue.min_amount are left out. A collector sees their own customers unless --agent or --all; requests waiting for the caller's approval are counted in the title.",
                    options: [
                        OptionSpec("--agent", value: "AGENT", help: "only accounts owned by this collector"),
                        OptionSpec(
                            "--all", help: "every collector's customers (a collector sees their own by default)"),
                        OptionSpec(
                            "--take", value: "N",
                            help:
                                "claim the N highest-priority customers not held by a colleague, for queue.lease_minutes (two collectors never get the same one)"
                        ),
                        OptionSpec("--release", help: "end your claims (logging a contact ends that customer's)"),
                        .asOf, .limit("calls (default 25)"), .format,
                    ],
                    examples: [
                        "queue", "queue --agent A01 --limit 10", "queue --as-of 2024-06-30 --format csv",
                        "queue --take 5",
                        "queue --release",
                    ]),
                effect: { $0.value("--take") != nil || $0.flag("--release") ? .outsideScenario : .reads }
            ) { inv in try Catalog.queue(inv) },
        ]
    }

    static func overdue(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        let ledger = try inv.portfolioLedger()
        let record = !inv.parsed.flag("--dry-run") && inv.session.scenario == nil
        let run = try inv.service { try OverdueRun(inv.services(asOf: asOf)).run(ledger, record: record) }
        let (ladder, evaluation, transitions) = (run.ladder, run.evaluation, run.transitions)
        let changes = overdueChangesSpec.table(transitions)
        if inv.parsed.flag("--changes") { return .output(.table(changes)) }
        func rank(_ state: String, _ days: Int, _ key: String) -> (Int, Int, String) {
            (-(ladder.severity(of: state) ?? -1), -days, key)
        }
        let scopes = evaluation.scopes.filter { $0.state != OverdueLadder.clear }
            .sorted { a, b in rank(a.state, a.days, a.scope) < rank(b.state, b.days, b.scope) }
        let customers = evaluation.customers.filter { $0.state != OverdueLadder.clear }
            .sorted { a, b in rank(a.state, a.days, a.customerId) < rank(b.state, b.days, b.customerId) }
        let note =
            inv.session.scenario != nil
            ? "what-if: not recorded" : inv.parsed.flag("--dry-run") ? "dry run: not recorded" : ""
        guard inv.parsed.flag("--detail") else {
            // The summary: each rung of the ladder reached, most severe first, and how many moved.
            let states = Set(scopes.map(\.state)).sorted { rank($0, 0, $0) < rank($1, 0, $1) }
            let rows: [OverdueStateRow] = states.map { state in
                let these = scopes.filter { $0.state == state }
                return OverdueStateRow(
                    state: state, contracts: these.count, customers: customers.filter { $0.state == state }.count,
                    amount: these.reduce(Money.zero) { $0 + $1.amount }, suspended: these.filter(\.suspended).count)
            }
            let up = transitions.filter { (ladder.severity(of: $0.to) ?? -1) > (ladder.severity(of: $0.from) ?? -1) }
            return .output(
                .document([
                    Section(
                        "states",
                        title: (note.isEmpty ? "Overdue as of \(asOf.iso)" : "Overdue as of \(asOf.iso) (\(note))"),
                        .table(overdueStatesSpec.table(rows))),
                    Section(
                        "transitions", title: "Transitions since the last run (overdue --changes lists them)",
                        .record([
                            Field("transitions", title: "Transitions", .number(String(transitions.count))),
                            Field("worse", title: "To a worse state", .number(String(up.count))),
                            Field("better", title: "To a better state", .number(String(transitions.count - up.count))),
                        ])),
                ]))
        }
        return .output(
            .document([
                Section(
                    "contracts", title: "Overdue contracts as of \(asOf.iso)",
                    .table(overdueContractsSpec.table(scopes))),
                Section("customers", title: "Customers", .table(overdueCustomersSpec.table(customers))),
                Section(
                    "transitions",
                    title: note.isEmpty ? "Transitions since the last run" : "Transitions since the last run (\(note))",
                    .table(changes)),
            ]))
    }

    /// `overdue --changes` (and the `transitions` of `overdue --detail`): one row per rung passed since the last run.
    static let overdueChangesSpec = TableSpec<OverdueTransition>(
        "overdue --changes",
        [
            .init(
                Column("Scope", key: "scope"), "the contract or plan id, or customer:ID for invoices without a contract"
            ) {
                .text($0.scope)
            },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("From", key: "from"), "the state the step leaves") { .term($0.from) },
            .init(Column("To", key: "to"), "the state it reaches, one rung up or down") { .term($0.to) },
            .init(Column("Days", key: "days"), "the scope's days overdue now (0 when nothing is overdue)") {
                .number(String($0.days))
            },
            .init(Column("Amount", key: "amount"), "the scope's overdue amount now") { Invocation.money($0.amount) },
            .init(Column("Note", key: "note"), "why, in words") { .text($0.note) },
        ])

    /// One rung of the ladder in the `overdue` summary.
    struct OverdueStateRow {
        var state: String
        var contracts: Int
        var customers: Int
        var amount: Money
        var suspended: Int
    }

    /// `overdue`: the summary, one row per rung of the ladder reached, most severe first.
    static let overdueStatesSpec = TableSpec<OverdueStateRow>(
        "overdue",
        [
            .init(Column("State", key: "state"), "a rung of the overdue ladder (policy overdue.ladder)") {
                .term($0.state)
            },
            .init(Column("Contracts", key: "contracts"), "contracts, plans and customer:ID scopes in that state") {
                .number(String($0.contracts))
            },
            .init(Column("Customers", key: "customers"), "customers whose most severe contract is in it") {
                .number(String($0.customers))
            },
            .init(Column("Amount", key: "amount"), "the overdue amount of those contracts") {
                Invocation.money($0.amount)
            },
            .init(Column("Suspended", key: "suspended"), "of those contracts, the ones suspended") {
                .number(String($0.suspended))
            },
        ])

    /// `overdue --detail`, section `contracts`: every contract (or plan, or customer:ID scope) not clear.
    static let overdueContractsSpec = TableSpec<OverdueScope>(
        "overdue --detail (contracts)",
        [
            .init(
                Column("Scope", key: "scope"), "the contract or plan id, or customer:ID for invoices without a contract"
            ) {
                .text($0.scope)
            },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("State", key: "state"), "the rung of the overdue ladder reached") { .term($0.state) },
            .init(
                Column("Days", key: "days"), "days since the due date of its earliest overdue, undisputed open invoice"
            ) { .number(String($0.days)) },
            .init(Column("Amount", key: "amount"), "open amount of its overdue, undisputed invoices") {
                Invocation.money($0.amount)
            },
            .init(Column("Since", key: "earliest_due"), "the due date of the earliest of them") {
                .text($0.earliestDue.iso)
            },
            .init(
                Column("Suspend after", key: "suspend_after_days"),
                "days overdue from which it is suspended (the contract's, else clause.suspend_after_days)"
            ) { .number(String($0.suspendAfterDays)) },
            .init(Column("Suspended", key: "suspended"), "yes when the ladder's suspension is reached") {
                .term($0.suspended ? "yes" : "")
            },
        ])

    /// `overdue --detail`, section `customers`: every customer not clear, at its most severe contract's state.
    static let overdueCustomersSpec = TableSpec<OverdueCustomer>(
        "overdue --detail (customers)",
        [
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.customerId) },
            .init(Column("State", key: "state"), "the state of its most severe contract") { .term($0.state) },
            .init(Column("Days", key: "days"), "the most days overdue of its contracts") { .number(String($0.days)) },
            .init(Column("Amount", key: "amount"), "its contracts' overdue amounts summed") {
                Invocation.money($0.amount)
            },
            .init(Column("Suspended", key: "suspended"), "the contracts suspended, separated by spaces") {
                .text($0.suspended.joined(separator: " "))
            },
            .init(
                Column("Credit", key: "unapplied_credit"), "payments not applied to any invoice (shown, not netted)"
            ) { Invocation.money($0.credit) },
        ])

    static func queue(_ inv: Invocation) throws -> Outcome {
        let me = inv.session.operatorName
        if inv.parsed.flag("--release") {
            let n = try inv.store { () throws(StoreError) in try inv.workspace.releaseClaims(agent: me, customer: nil) }
            return confirm("released \(n) customer\(n == 1 ? "" : "s") you had taken")
        }
        let asOf = try inv.asOf()
        var take: Int?
        if inv.parsed.value("--take") != nil { take = try inv.integer("--take", default: 1, range: 1...1000) }
        let limit = take == nil ? try inv.integer("--limit", default: 25) : Int.max
        let ledger = try inv.portfolioLedger()
        // A collector's queue is their own customers unless they ask for another's or everyone's.
        var agent = inv.parsed.value("--agent")
        if agent == nil, !inv.parsed.flag("--all"), let me = inv.session.acting, me.role == .collector {
            agent = me.login
        }
        var (calls, total) = try inv.service {
            try CallQueue(inv.services(asOf: asOf)).calls(ledger, agent: agent, limit: limit)
        }
        // Notes under the table, one a line: what the operator took and what waits for them.
        var notes: [String] = []
        if let me = inv.session.acting {
            let mine = try inv.store { () throws(StoreError) in
                try inv.workspace.approvals(status: .pending, customer: nil)
            }
            .filter { $0.approvers.contains(me.role) && $0.maker != me.login }
            if mine.count == 1 {
                notes.append(Invocation.tr("1 request waits for your approval (approval list)"))
            } else if mine.count > 1 {
                notes.append(Invocation.tr("\(mine.count) requests wait for your approval (approval list)"))
            }
        }
        if let n = take {
            // Claimed in one transaction: a colleague taking at the same moment gets the next ones.
            let minutes = try inv.store { () throws(StoreError) in try inv.workspace.policy() }.count(
                "queue.lease_minutes")
            let mine = Set(
                try inv.store { () throws(StoreError) in
                    try inv.workspace.claim(
                        calls.map(\.entry.customerId), count: n, agent: me, minutes: minutes, now: Date())
                })
            calls = calls.filter { mine.contains($0.entry.customerId) }
            notes.append(
                Invocation.tr("taken by \(me) for \(minutes) minutes (queue --release, or log the contact, to end it)"))
        }
        var table = queueSpec.table(
            calls.enumerated().map { k, call in (rank: k + 1, call: call) },
            title: agent.map { Invocation.tr("Calls for \(asOf.iso), agent \($0): \(calls.count) of \(total)") }
                ?? Invocation.tr("Calls for \(asOf.iso): \(calls.count) of \(total)"))
        if !notes.isEmpty { table.footer = notes.joined(separator: "\n") }
        return .output(.table(table))
    }

    /// `queue`: one row per call, in priority order.
    static let queueSpec = TableSpec<(rank: Int, call: CallQueue.Call)>(
        "queue",
        [
            .init(Column("#", key: "rank"), "the call's place in priority order, from 1") { .number(String($0.rank)) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.call.entry.customerId) },
            .init(Column("Name", key: "name", wraps: true), "the customer's name") { Invocation.text($0.call.name) },
            .init(Column("Phone", key: "phone", whole: true), "the customer's phone, if any") {
                Invocation.text($0.call.phone)
            },
            .init(Column("Contact", key: "contact_person"), "the person the last logged contact was with, if any") {
                Invocation.text($0.call.person)
            },
            .init(
                Column("Agent", key: "agent", detail: true, whole: true),
                "the collector the customer is assigned to, if any"
            ) { Invocation.text($0.call.agent) },
            .init(Column("Overdue", key: "overdue"), "the overdue amount, less what disputes hold") {
                Invocation.money($0.call.entry.overdue)
            },
            .init(Column("Days", key: "days"), "days overdue") { .number(String($0.call.entry.days)) },
            .init(
                Column("State", key: "state", whole: true), "the customer's overdue state (its most severe contract's)"
            ) {
                .term($0.call.entry.state)
            },
            .init(
                Column("Priority", key: "priority", detail: true),
                "the priority the calls are ordered by (see help queue)"
            ) {
                Invocation.money($0.call.entry.priority)
            },
            .init(
                Column("Reason", key: "reason", alignment: .left, wraps: true),
                "why the customer is called, most important first, separated by '; '"
            ) { .term($0.call.entry.reason) },
        ])
}
