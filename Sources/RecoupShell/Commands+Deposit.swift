import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

extension Catalog {
    static let customerArgument = ArgumentSpec(
        "customer", help: "customer id, name, part of a name or pinyin initials", completion: .domain("customer"))

    /// Deposits (预付款): receive, apply to an invoice, refund, show, check against what contracts
    /// require; and the check of a contract before signing. Rules: docs/DEPOSITS.md.
    static var depositCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["deposit", "receive"], summary: "record a deposit (预付款) received, for one contract or unallocated",
                    discussion:
                        "Without --contract the money is the customer's unallocated deposit: it covers any contract's requirement and can be applied to any invoice.",
                    arguments: [
                        customerArgument, ArgumentSpec("amount", help: "the amount received, e.g. 30000 or 30000.50"),
                    ],
                    options: [
                        OptionSpec(
                            "--contract", value: "CONTRACT", help: "the customer's contract the deposit is held for",
                            completion: .domain("contract")),
                        OptionSpec("--on", value: "DATE", help: "the day it was received (default today)"),
                    ],
                    examples: [
                        "deposit receive C001 24000 --contract K001", "deposit receive C002 5000 --on 2024-06-01",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let amount = try positiveAmount(inv, "amount")
                let on = try Catalog.day(inv, "--on")
                let contract = inv.parsed.value("--contract")
                _ = try inv.service(column: inv.parsed.column(ofOption: "--contract")) {
                    try Deposits(inv.services(asOf: on)).receive(c, amount: amount, contract: contract)
                }
                inv.session.touch(c.id)
                return .output(
                    inv.session.interactive
                        ? .text(
                            "deposit received: \(amount) from \(c.id)\(contract.map { " for \($0)" } ?? "") on \(on.iso)\n"
                        ) : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["deposit", "apply"],
                    summary:
                        "pay an invoice from the customer's deposit (recorded as a payment DEP-... by method 'deposit')",
                    discussion:
                        "Draws on the deposit held for the invoice's contract first, then on the unallocated deposit. A paid invoice, more than is open or more than is held is refused, and nothing is written.",
                    arguments: [
                        customerArgument,
                        ArgumentSpec("invoice", help: "the customer's invoice to pay", completion: .domain("invoice")),
                        ArgumentSpec(
                            "amount", help: "how much to apply (default: what is open, up to what is held)",
                            optional: true),
                    ],
                    options: [
                        OptionSpec(
                            "--on", value: "DATE", help: "the day of the application and of its payment (default today)"
                        )
                    ],
                    examples: ["deposit apply C001 INV-002", "deposit apply C001 INV-004 3000 --on 2024-06-30"]),
                effect: { _ in .changesBooks }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let amount: Money? = inv.parsed.argument("amount") == nil ? nil : try positiveAmount(inv, "amount")
                let on = try Catalog.day(inv, "--on")
                let result = try inv.service(
                    column: inv.parsed.column(ofArgument: amount == nil ? "invoice" : "amount")
                ) {
                    try Deposits(inv.services(asOf: on)).apply(c, invoice: inv.argument("invoice"), amount: amount)
                }
                inv.session.touch(c.id)
                return .output(
                    inv.session.interactive
                        ? .text(
                            "deposit applied: \(result.amount) to \(inv.argument("invoice")) as payment \(result.payment)\n"
                        ) : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["deposit", "refund"],
                    summary: "refund deposit to the customer, from one contract's deposit or the unallocated one",
                    discussion:
                        "Refused, with nothing written, when the deposit refunded from holds less than the amount.",
                    arguments: [customerArgument, ArgumentSpec("amount", help: "the amount refunded, e.g. 5000")],
                    options: [
                        OptionSpec(
                            "--reason", value: "TEXT", help: "why it is refunded (required), e.g. \"contract ended\""),
                        OptionSpec(
                            "--contract", value: "CONTRACT",
                            help: "refund from the deposit held for this contract (default: the unallocated deposit)",
                            completion: .domain("contract")),
                        OptionSpec("--on", value: "DATE", help: "the day it was refunded (default today)"),
                    ],
                    examples: [
                        "deposit refund C002 2000 --reason \"overpaid\"",
                        "deposit refund C001 1000 --contract K001 --reason 合同终止 --on 2024-06-30",
                    ]),
                effect: { _ in .changesBooks }
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let amount = try positiveAmount(inv, "amount")
                guard let reason = inv.parsed.value("--reason"), !reason.isEmpty else {
                    throw ShellError(
                        "a refund needs --reason", hint: "e.g. --reason \"contract ended\"",
                        column: inv.parsed.column(ofArgument: "amount"))
                }
                let on = try Catalog.day(inv, "--on")
                let contract = inv.parsed.value("--contract")
                _ = try inv.service(column: inv.parsed.column(ofArgument: "amount")) {
                    try Deposits(inv.services(asOf: on)).refund(c, amount: amount, contract: contract, reason: reason)
                }
                inv.session.touch(c.id)
                return .output(
                    inv.session.interactive ? .text("deposit refunded: \(amount) to \(c.id) on \(on.iso)\n") : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["deposit", "show"],
                    summary:
                        "a customer's deposit: what each contract's and the unallocated deposit hold, and every movement",
                    arguments: [customerArgument], options: [.format],
                    examples: ["deposit show C001", "deposit show 上海星辰科技 --format csv"])
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let moves = try inv.store { () throws(StoreError) in try inv.workspace.depositMovements(customer: c.id)
                }
                let pots = DepositPots(moves)
                var held = Money.zero
                var potRows: [(pot: String, amount: Money)] = pots.byContract.keys.sorted().map {
                    (pot: $0, amount: pots.byContract[$0]!)
                }
                potRows += [
                    (pot: Invocation.tr("unallocated"), amount: pots.unallocated),
                    (pot: Invocation.tr("total"), amount: pots.total),
                ]
                let moveRows: [(DepositMovement, held: Money)] = moves.map { m in
                    held += m.signed
                    return (m, held: held)
                }
                return .output(
                    .document([
                        Section(
                            "held", title: "Deposit held by \(c.id) \(c.name)",
                            .table(depositHeldSpec.table(potRows))),
                        Section("movements", title: "Movements", .table(depositMovementsSpec.table(moveRows))),
                    ]))
            },
            Command(
                spec: CommandSpec(
                    ["deposit", "check"],
                    summary:
                        "contracts whose deposit held is below what the contract or the policy requires, with the shortfall",
                    discussion:
                        "Required = the contract's prepay_ratio, else the policy's deposit.TIER.SERVICE, times the contract's value (contracts without a value are listed as 'no value'). Held = the deposit received for the contract; the customer's unallocated deposit then covers its contracts' shortfalls in signing order.",
                    options: [
                        .asOf,
                        OptionSpec("--all", help: "list every contract, not only those short or without a value"),
                        .format,
                    ],
                    examples: ["deposit check", "deposit check --as-of 2024-06-30 --all --format csv"])
            ) { inv in try Catalog.depositCheck(inv) },
            Command(
                spec: CommandSpec(
                    ["contract", "check"],
                    summary:
                        "before signing: the deposit a new contract requires, the customer's exposure against its credit limit, and the verdict",
                    discussion:
                        "Exposure = open receivables + what the customer's contracts are still to bill (value - invoiced, not below 0) + the new value. The limit is the customer's own credit limit, else the policy's limit.TIER. Verdict: ok, needs deposit (free deposit below required), over limit (blocked or warning, per limit.over).",
                    options: [
                        OptionSpec(
                            "--customer", value: "CUSTOMER",
                            help: "the customer (required): id, name, part of a name or pinyin initials",
                            completion: .domain("customer")),
                        OptionSpec(
                            "--service", value: "SERVICE",
                            help: "the service type (required): saas, consulting, hardware, maintenance or another",
                            completion: .values(Policy.depositServices)),
                        OptionSpec("--value", value: "AMOUNT", help: "the contract's value (required), e.g. 100000"),
                        OptionSpec(
                            "--prepay", value: "RATIO",
                            help: "the deposit ratio the contract itself states, e.g. 40% or 0.4 (overrides the policy)"
                        ),
                        OptionSpec(
                            "--request", value: "REASON",
                            help:
                                "over the limit with limit.over block: ask for it to be let through (a lead or finance approves; valid 30 days)"
                        ),
                        .asOf, .format,
                    ],
                    examples: [
                        "contract check --customer C001 --service saas --value 100000",
                        "contract check --customer C003 --service hardware --value 20000 --prepay 40% --format csv",
                        "contract check --customer C003 --service hardware --value 20000 --request 战略客户，总经理同意",
                    ]),
                effect: { $0.value("--request") == nil ? .reads : .outsideScenario }
            ) { inv in try Catalog.contractCheck(inv) },
        ]
    }

    /// `deposit show`, section `held`: what each pot holds.
    static let depositHeldSpec = TableSpec<(pot: String, amount: Money)>(
        "deposit show (held)",
        [
            .init(Column("Held for", key: "pot"), "a contract's id, unallocated, or total") {
                $0.pot == "unallocated" || $0.pot == "total" ? .term($0.pot) : .text($0.pot)
            },
            .init(Column("Amount", key: "amount"), "the deposit held in it") { Invocation.money($0.amount) },
        ])

    /// `deposit show`, section `movements`: every movement in order, with what is held after it.
    static let depositMovementsSpec = TableSpec<(DepositMovement, held: Money)>(
        "deposit show (movements)",
        [
            .init(Column("Day", key: "on_day"), "the day of the movement") { .text($0.0.onDay.iso) },
            .init(Column("Kind", key: "kind"), "receive, apply or refund") { .term($0.0.kind.rawValue) },
            .init(
                Column("Contract", key: "contract_id"), "the contract the deposit is held for; empty when unallocated"
            ) {
                Invocation.text($0.0.contractId)
            },
            .init(Column("Invoice", key: "invoice_id"), "the invoice an apply paid") {
                Invocation.text($0.0.invoiceId)
            },
            .init(Column("Amount", key: "amount"), "the amount moved (positive)") { Invocation.money($0.0.amount) },
            .init(Column("Total held", key: "total_held"), "all the customer's deposit held after the movement") {
                Invocation.money($0.held)
            },
            .init(Column("Reason", key: "reason"), "why a refund was made") { Invocation.text($0.0.reason) },
            .init(Column("Operator", key: "operator"), "who recorded it") { .text($0.0.operator) },
        ])

    static func positiveAmount(_ inv: Invocation, _ argument: String) throws -> Money {
        let amount = try inv.positiveAmount(inv.argument(argument), column: inv.parsed.column(ofArgument: argument))
        return amount
    }

    /// Deposit requirements of contracts signed on or before `asOf`, with movements made by then
    /// (the Deposits service over the shell's cached ledger).
    static func requirements(_ inv: Invocation, asOf: Day, customer: String? = nil) throws -> Deposits.Standing {
        let ledger = try inv.portfolioLedger()
        return try inv.service { try Deposits(inv.services(asOf: asOf)).standing(ledger, customer: customer) }
    }

    static func depositCheck(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        let all = inv.parsed.flag("--all")
        let reqs = try requirements(inv, asOf: asOf).requirements
        let rows: [(Deposit.Requirement, status: String)] = reqs.compactMap { r in
            let status = r.required == nil ? "no value" : r.shortfall.isPositive ? "short" : "ok"
            guard all || status != "ok" else { return nil }
            return (r, status: status)
        }
        return .output(.table(depositCheckSpec.table(rows)))
    }

    /// `deposit check`: one row per contract (short or without a value, every one with --all).
    static let depositCheckSpec = TableSpec<(Deposit.Requirement, status: String)>(
        "deposit check",
        [
            .init(Column("Contract", key: "contract_id"), "the contract's id") { .text($0.0.contract.id) },
            .init(Column("Customer", key: "customer_id"), "the customer's id") { .text($0.0.contract.customerId) },
            .init(Column("Tier", key: "tier"), "the customer's credit tier") { .text($0.0.tier) },
            .init(Column("Service", key: "service"), "the contract's service type") { .text($0.0.contract.service) },
            .init(Column("Value", key: "value"), "the contract's value, if it states one") {
                Invocation.money($0.0.contract.value)
            },
            .init(Column("Ratio", key: "ratio"), "the deposit ratio required, in percent (empty without a value)") {
                $0.0.ratio.map { r in Cell.number(r.percentText(2) + "%") } ?? .empty
            },
            .init(Column("Basis", key: "basis"), "contract (its prepay_ratio) or policy (deposit.TIER.SERVICE)") {
                Invocation.term($0.0.basis?.rawValue)
            },
            .init(Column("Required", key: "required"), "ratio × value (empty without a value)") {
                Invocation.money($0.0.required)
            },
            .init(Column("Held", key: "held"), "the deposit received for the contract") { Invocation.money($0.0.held) },
            .init(
                Column("From unallocated", key: "from_unallocated"),
                "what the customer's unallocated deposit covers of the rest, contracts in signing order"
            ) { Invocation.money($0.0.fromUnallocated) },
            .init(Column("Shortfall", key: "shortfall"), "required − held − from unallocated, not below 0") {
                Invocation.money($0.0.shortfall)
            },
            .init(Column("Status", key: "status"), "ok, short or no value") { .text($0.status) },
        ])

    static func contractCheck(_ inv: Invocation) throws -> Outcome {
        for option in ["--customer", "--service", "--value"] where inv.parsed.value(option) == nil {
            throw ShellError(
                "contract check needs \(option)",
                hint: "e.g. contract check --customer C001 --service saas --value 100000")
        }
        let c = try inv.resolveCustomer("--customer")
        guard let value = try inv.amount("--value"), value.isPositive else {
            throw ShellError(
                "bad value '\(inv.parsed.value("--value") ?? "")' for --value", hint: "a positive amount like 100000",
                column: inv.parsed.column(ofOption: "--value"))
        }
        let prepay = inv.parsed.value("--prepay")
        if let p = prepay, Policy.ratio(p).map({ $0 > Rate(units: 1, scale: 0) }) ?? true {
            throw ShellError(
                "bad ratio '\(p)' for --prepay", hint: "a share from 0% to 100%, e.g. 40% or 0.4",
                column: inv.parsed.column(ofOption: "--prepay"))
        }
        let asOf = try inv.asOf()
        let ledger = try inv.portfolioLedger()
        let k = try inv.service {
            try Deposits(inv.services(asOf: asOf)).checkNewContract(
                ledger, customer: c, service: inv.parsed.value("--service") ?? "", value: value,
                prepayRatio: prepay)
        }
        if let reason = inv.parsed.value("--request") {
            guard k.overLimit.isPositive && k.blocked else {
                throw ShellError(
                    "nothing to let through: the verdict is \(k.verdict)",
                    hint: "--request is for a contract over the credit limit while limit.over is block")
            }
            _ = try inv.store { () throws(StoreError) in
                try inv.workspace.perform(
                    .creditLimitExceeded(
                        customer: c.id, service: k.service, value: k.value, exposure: k.exposure,
                        limit: k.limit ?? .zero,
                        reason: reason), context: inv.change)
            }
        }
        // Let through: an approval for this service of at least this value, given in the last 30 days of
        // the calendar (a permission to sign soon, whatever day the books are looked at).
        let now = Date()
        let given = try inv.store { () throws(StoreError) in try inv.workspace.limitApprovals(customer: c.id) }
        let through = given.last { (a: LimitApproval) -> Bool in
            guard a.service == k.service, a.value >= k.value, let at = ISO8601DateFormatter().date(from: a.at) else {
                return false
            }
            return now.timeIntervalSince(at) <= 30 * 86_400
        }
        let verdict =
            through.map { t in
                k.verdict.replacingOccurrences(
                    of: "over limit (blocked)",
                    with: "over limit (let through by \(t.by) on \(t.at.prefix(10)): \(t.reason))")
            } ?? k.verdict
        return .output(
            .record([
                Field("customer_id", title: "Customer", .text("\(c.id) \(c.name)")),
                Field("as_of", title: "As of", .text(asOf.iso)),
                Field("tier", title: "Tier", .text(k.tier)),
                Field("service", title: "Service", .text(k.service)),
                Field("value", title: "Contract value", Invocation.money(k.value)),
                Field(
                    "deposit_ratio",
                    title:
                        "Deposit ratio (\(k.basis == .contract ? "the contract's" : "policy deposit.\(k.tier).\(Policy.depositServices.contains(k.service) ? k.service : "other")"))",
                    .number(k.ratio.percentText(2) + "%")),
                Field("deposit_required", title: "Deposit required", Invocation.money(k.required)),
                Field("deposit_free", title: "Deposit held, free for it", Invocation.money(k.freeDeposit)),
                Field("deposit_short", title: "Deposit still needed", Invocation.money(k.depositShort)),
                Field("open", title: "Open receivables", Invocation.money(k.open)),
                Field("unbilled", title: "Unbilled contract value", Invocation.money(k.unbilled)),
                Field("exposure", title: "Exposure with this contract", Invocation.money(k.exposure)),
                Field(
                    "average_monthly_billing", title: "Average monthly billing (365 days)",
                    Invocation.money(k.averageMonthlyBilling)),
                Field("credit_limit", title: "Credit limit", Invocation.money(k.limit)),
                Field("limit_source", title: "Limit from", .text(k.limitSource)),
                Field("over_limit", title: "Over the limit by", Invocation.money(k.overLimit)),
                Field("terms_days", title: "Payment terms (days)", .number(String(k.termsDays))),
                Field("dunning", title: "Dunning cadence", .text(k.dunningLadder)),
                Field("verdict", title: "Verdict", .text(verdict)),
            ]))
    }
}
