import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// Corrections: a mistaken entry is reversed with a reason, never deleted. Each reversal is a typed
/// change, journaled, listed with `correction list` and in the customer's timeline, and waits for
/// approval when the original did (a write-off) or the policy says so (`approval.void_payments`).
extension Catalog {
    static var correctionCommands: [Command] {
        func reversal(
            _ path: [String], summary: String, discussion: String, argument: ArgumentSpec, example: String,
            _ change: @escaping @Sendable (String, String, Day) -> BookChange
        ) -> Command {
            Command(
                spec: CommandSpec(
                    path, summary: summary, discussion: discussion, arguments: [argument],
                    options: [OptionSpec("--reason", value: "TEXT", help: "why it was a mistake (required)")],
                    examples: [example]),
                effect: { _ in .changesBooks }
            ) { inv in
                let id = inv.argument(argument.name)
                let reason = try requiredText(inv, "--reason", example: "重复录入")
                let today = try inv.session.today()
                let outcome = try inv.store(column: inv.parsed.column(ofArgument: argument.name)) {
                    () throws(StoreError) in try inv.workspace.perform(change(id, reason, today), context: inv.change)
                }
                _ = outcome
                return confirm("\(path.joined(separator: " ")) \(id): done (\(reason)); it stays on record, marked")
            }
        }
        return [
            reversal(
                ["payment", "void"], summary: "void a payment recorded by mistake (it stays listed, marked void)",
                discussion:
                    "A voided payment counts in no balance, late fee, promise or limitation period on any day. Voiding waits for a lead's or finance's approval while approval.void_payments is on (the default) in a workspace with operators.",
                argument: ArgumentSpec("payment", help: "the payment's id", completion: .domain("payment")),
                example: "payment void P00001932 --reason 重复录入"
            ) { id, reason, today in .paymentVoided(id: id, on: today, reason: reason) },
            reversal(
                ["writeoff", "reverse"], summary: "reverse a write-off made by mistake: the amount is owed again",
                discussion:
                    "The written-off amount is owed again from the write-off's day; the write-off stays on record, marked. Needs finance's approval once the workspace has operators, as the write-off did.",
                argument: ArgumentSpec("writeoff", help: "the write-off's id, e.g. W00000001"),
                example: "writeoff reverse W00000001 --reason 客户已恢复经营"
            ) { id, reason, today in .writeOffReversed(id: id, on: today, reason: reason) },
            reversal(
                ["plan", "cancel"], summary: "cancel a plan made by mistake: its invoices are open again",
                discussion:
                    "The plan counts in nothing on any day: its rows are no longer owed, the invoices it restructured are open again (late fees, dunning and the limitation period as if never restructured), and what was paid toward it pays them by the allocation rule. The plan stays on record (correction list). Waits for a lead's or finance's approval once the workspace has operators.",
                argument: ArgumentSpec("plan", help: "the plan's id", completion: .domain("plan")),
                example: "plan cancel PL000001 --reason 客户未签署分期协议"
            ) { id, reason, today in .planCancelled(id: id, on: today, reason: reason) },
            reversal(
                ["dispute", "reopen"], summary: "reopen a dispute resolved by mistake (its credit note is undone)",
                discussion:
                    "The dispute is open again as if never resolved: its amount is held out of dunning, late fees, the queue and the overdue ladder from its opening day; the resolution it undid is kept with the correction.",
                argument: ArgumentSpec("dispute", help: "the dispute's id", completion: .domain("dispute")),
                example: "dispute reopen D00000001 --reason 客户补充了证据"
            ) { id, reason, today in .disputeReopened(id: id, on: today, reason: reason) },
            Command(
                spec: CommandSpec(
                    ["correction", "list"], summary: "reversals of mistaken entries: what, why, who, when",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "a customer (default: all)", completion: .domain("customer"),
                            optional: true)
                    ],
                    options: [.format], examples: ["correction list", "correction list C001 --format csv"])
            ) { inv in
                let c = inv.parsed.argument("customer") == nil ? nil : try inv.resolveCustomer("customer").id
                let list = try inv.store { () throws(StoreError) in try inv.workspace.corrections(customer: c) }
                // The moment is formatted here, once a row, not for each time a table reads the cell.
                return .output(.table(correctionListSpec.table(list.map { ($0, at: Invocation.time($0.at)) })))
            },
        ]
    }

    /// `correction list`: one row per reversal, with the moment it was recorded (formatted beforehand).
    static let correctionListSpec = TableSpec<(Correction, at: Cell)>(
        "correction list",
        [
            .init(
                Column("Kind", key: "kind"), "what was reversed: payment.voided, writeoff.reversed, plan.cancelled, ..."
            ) { .text($0.0.kind) },
            .init(Column("Target", key: "target"), "the id of the entry reversed") { .text($0.0.target) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.customerId) },
            .init(Column("On", key: "on"), "the day of the reversal") { .text($0.0.on.iso) },
            .init(Column("Reason", key: "reason"), "why it was a mistake") { .text($0.0.reason) },
            .init(Column("By", key: "by"), "the operator who reversed it") { .text($0.0.by) },
            .init(Column("At", key: "at"), "when it was recorded (UTC; a table shows your time zone)") { $0.at },
            .init(Column("Undone", key: "undone", detail: true), "what it undid, as JSON") { .text($0.0.undone) },
        ])
}
