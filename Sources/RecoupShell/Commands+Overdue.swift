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
        let changes = Table(
            columns: [
                Column("Scope", key: "scope"), Column("Customer", key: "customer_id"), Column("From", key: "from"),
                Column("To", key: "to"), Column("Days", key: "days"), Column("Amount", key: "amount"),
                Column("Note", key: "note"),
            ],
            rows: transitions.map { t in
                [
                    .text(t.scope), .text(t.customerId), .term(t.from), .term(t.to), .number(String(t.days)),
                    Invocation.money(t.amount), .text(t.note),
                ]
            })
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
            let rows: [[Cell]] = states.map { state in
                let these = scopes.filter { $0.state == state }
                return [
                    .term(state), .number(String(these.count)),
                    .number(String(customers.filter { $0.state == state }.count)),
                    Invocation.money(these.reduce(Money.zero) { $0 + $1.amount }),
                    .number(String(these.filter(\.suspended).count)),
                ]
            }
            let up = transitions.filter { (ladder.severity(of: $0.to) ?? -1) > (ladder.severity(of: $0.from) ?? -1) }
            return .output(
                .document([
                    Section(
                        "states",
                        title: (note.isEmpty ? "Overdue as of \(asOf.iso)" : "Overdue as of \(asOf.iso) (\(note))"),
                        .table(
                            Table(
                                columns: [
                                    Column("State", key: "state"), Column("Contracts", key: "contracts"),
                                    Column("Customers", key: "customers"), Column("Amount", key: "amount"),
                                    Column("Suspended", key: "suspended"),
                                ], rows: rows))),
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
                    .table(
                        Table(
                            columns: [
                                Column("Scope", key: "scope"), Column("Customer", key: "customer_id"),
                                Column("State", key: "state"), Column("Days", key: "days"),
                                Column("Amount", key: "amount"), Column("Since", key: "earliest_due"),
                                Column("Suspend after", key: "suspend_after_days"),
                                Column("Suspended", key: "suspended"),
                            ],
                            rows: scopes.map { s in
                                [
                                    .text(s.scope), .text(s.customerId), .term(s.state), .number(String(s.days)),
                                    Invocation.money(s.amount),
                                    .text(s.earliestDue.iso), .number(String(s.suspendAfterDays)),
                                    .term(s.suspended ? "yes" : ""),
                                ]
                            }))),
                Section(
                    "customers", title: "Customers",
                    .table(
                        Table(
                            columns: [
                                Column("Customer", key: "customer_id"), Column("State", key: "state"),
                                Column("Days", key: "days"), Column("Amount", key: "amount"),
                                Column("Suspended", key: "suspended"), Column("Credit", key: "unapplied_credit"),
                            ],
                            rows: customers.map { c in
                                [
                                    .text(c.customerId), .term(c.state), .number(String(c.days)),
                                    Invocation.money(c.amount),
                                    .text(c.suspended.joined(separator: " ")), Invocation.money(c.credit),
                                ]
                            }))),
                Section(
                    "transitions",
                    title: note.isEmpty ? "Transitions since the last run" : "Transitions since the last run (\(note))",
                    .table(changes)),
            ]))
    }

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
        var taken = ""
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
            taken = "; taken by \(me) for \(minutes) minutes (queue --release, or log the contact, to end it)"
        }
        var waiting = ""
        if let me = inv.session.acting {
            let mine = try inv.store { () throws(StoreError) in
                try inv.workspace.approvals(status: .pending, customer: nil)
            }
            .filter { $0.approvers.contains(me.role) && $0.maker != me.login }
            if !mine.isEmpty {
                waiting =
                    "; \(mine.count) request\(mine.count == 1 ? "" : "s") wait\(mine.count == 1 ? "s" : "") for your approval (approval list)"
            }
        }
        return .output(
            .table(
                Table(
                    title:
                        "Calls for \(asOf.iso)\(agent.map { ", agent \($0)" } ?? ""): \(calls.count) of \(total)\(waiting)\(taken)",
                    columns: [
                        Column("#", key: "rank"), Column("Customer", key: "customer_id"),
                        Column("Name", key: "name", wraps: true),
                        Column("Phone", key: "phone", whole: true), Column("Contact", key: "contact_person"),
                        Column("Agent", key: "agent", detail: true, whole: true),
                        Column("Overdue", key: "overdue"), Column("Days", key: "days"),
                        Column("State", key: "state", whole: true),
                        Column("Priority", key: "priority", detail: true),
                        Column("Reason", key: "reason", alignment: .left, wraps: true),
                    ],
                    rows: calls.enumerated().map { k, call in
                        let e = call.entry
                        return [
                            .number(String(k + 1)), .text(e.customerId), Invocation.text(call.name),
                            Invocation.text(call.phone), Invocation.text(call.person), Invocation.text(call.agent),
                            Invocation.money(e.overdue), .number(String(e.days)), .term(e.state),
                            Invocation.money(e.priority), .term(e.reason),
                        ]
                    })))
    }
}
