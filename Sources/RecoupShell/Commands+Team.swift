import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// Who may do what: operators and their roles, customers' assignments, and approvals (maker-checker).
/// The rules: `Authority` (which role runs which command) and `ApprovalRule` (which changes wait
/// for a second operator); README "Who may do what".
extension Catalog {
    static var teamCommands: [Command] { operatorCommands + approvalCommands + [assignCommand] + correctionCommands }

    static let roleValues = Role.allCases.map(\.rawValue)

    static func role(_ inv: Invocation, _ text: String, column: Int?) throws -> Role {
        guard let r = Role(rawValue: text) else {
            throw ShellError(
                "unknown role '\(text)'", hint: "one of: \(roleValues.joined(separator: ", "))", column: column)
        }
        return r
    }

    /// Team changes always confirm themselves: they are rare, and who did what matters.
    static func confirm(_ text: String) -> Outcome { .output(.text(text + "\n")) }

    static var operatorCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["operator", "add"], summary: "make an OS account an operator of this workspace, with a role",
                    discussion:
                        "An operator is the OS account that runs recoup (its login name). Until the first operator is added the workspace is single-user; the first one must be the account running this command, as admin. Once operators exist, an account that is not one is refused, and $RECOUP_OPERATOR no longer chooses who you are. Roles: auditor (reads only), collector, legal, lead, finance, admin (README: Who may do what).",
                    arguments: [
                        ArgumentSpec("login", help: "the OS account's login name, e.g. wang")
                    ],
                    options: [
                        OptionSpec("--name", value: "NAME", help: "the person's name, e.g. 王芳 (required)"),
                        OptionSpec(
                            "--role", value: "ROLE",
                            help: "auditor, collector, legal, lead, finance or admin (required)",
                            completion: .values(roleValues)),
                    ],
                    examples: [
                        "operator add li --name 李娜 --role admin", "operator add wang --name 王芳 --role collector",
                    ]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let login = inv.argument("login")
                let name = try requiredText(inv, "--name", example: "王芳")
                let role = try role(
                    inv, try requiredText(inv, "--role", example: "collector"),
                    column: inv.parsed.column(ofOption: "--role"))
                // The first operator is the OS account itself, whatever $RECOUP_OPERATOR says.
                let context =
                    inv.session.acting == nil
                    ? ChangeContext(operator: inv.session.login, command: inv.source) : inv.change
                _ = try inv.store(column: inv.parsed.column(ofArgument: "login")) { () throws(StoreError) in
                    try inv.workspace.perform(
                        .operatorAdded(Operator(login: login, name: name, role: role)), context: context)
                }
                return confirm("operator \(login) (\(name)) added as \(role.rawValue): \(role.duty)")
            },
            Command(
                spec: CommandSpec(
                    ["operator", "role"], summary: "give an operator another role",
                    arguments: [
                        ArgumentSpec("login", help: "the operator", completion: .domain("operator")),
                        ArgumentSpec("role", help: "the new role", completion: .values(roleValues)),
                    ],
                    examples: ["operator role wang lead"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let login = inv.argument("login")
                let role = try role(inv, inv.argument("role"), column: inv.parsed.column(ofArgument: "role"))
                _ = try inv.store(column: inv.parsed.column(ofArgument: "login")) { () throws(StoreError) in
                    try inv.workspace.perform(.operatorRoleSet(login: login, role: role), context: inv.change)
                }
                return confirm("operator \(login) is now \(role.rawValue): \(role.duty)")
            },
            Command(
                spec: CommandSpec(
                    ["operator", "remove"], summary: "stop an operator from using the workspace (kept on record)",
                    arguments: [ArgumentSpec("login", help: "the operator", completion: .domain("operator"))],
                    examples: ["operator remove wang"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let login = inv.argument("login")
                _ = try inv.store(column: inv.parsed.column(ofArgument: "login")) { () throws(StoreError) in
                    try inv.workspace.perform(.operatorRemoved(login: login), context: inv.change)
                }
                return confirm("operator \(login) removed; their entries stay in the journal")
            },
            Command(
                spec: CommandSpec(
                    ["operator", "list"], summary: "the workspace's operators, their roles and what each role may do",
                    options: [
                        OptionSpec("--all", help: "removed operators too"), .format,
                    ],
                    examples: ["operator list", "operator list --all --format csv"])
            ) { inv in
                let all = try inv.store { () throws(StoreError) in try inv.workspace.operators() }
                let shown = inv.parsed.flag("--all") ? all : all.filter(\.isActive)
                if shown.isEmpty && (inv.parsed.value("--format") ?? inv.session.defaultFormat.rawValue) == "table" {
                    return .output(
                        .text(
                            "no operators: this workspace is single-user (\(inv.session.operatorName)); the first 'operator add \(inv.session.login) --name NAME --role admin' makes it a team's\n"
                        ))
                }
                // The moment is formatted here, once a row, not for each time a table reads the cell.
                return .output(.table(operatorListSpec.table(shown.map { ($0, added: Invocation.time($0.addedAt)) })))
            },
            Command(
                spec: CommandSpec(
                    ["whoami"], summary: "who you are in this workspace: your login, name and role",
                    examples: ["whoami"])
            ) { inv in
                guard let me = inv.session.acting else {
                    return .output(
                        .text(
                            "\(inv.session.operatorName) (single-user workspace: no operators yet; OS account \(inv.session.login))\n"
                        ))
                }
                return .output(.text("\(me.login) (\(me.name)), \(me.role.rawValue): \(me.role.duty)\n"))
            },
        ]
    }

    /// `operator list`: one row per operator, with the moment each was added (formatted beforehand).
    static let operatorListSpec = TableSpec<(Operator, added: Cell)>(
        "operator list",
        [
            .init(Column("Login", key: "login"), "the OS account's login name") { .text($0.0.login) },
            .init(Column("Name", key: "name"), "the person's name") { .text($0.0.name) },
            .init(Column("Role", key: "role"), "auditor, collector, legal, lead, finance or admin") {
                .term($0.0.role.rawValue)
            },
            .init(Column("Added", key: "added_at"), "when they were added (UTC; a table shows your time zone)") {
                $0.added
            },
            .init(Column("By", key: "added_by"), "who added them") { .text($0.0.addedBy) },
            .init(Column("Removed", key: "removed_at"), "when they were removed (UTC), if they were") {
                Invocation.text($0.0.removedAt)
            },
            .init(Column("May", key: "duty", detail: true), "what the role may do, in words") {
                .text($0.0.role.duty)
            },
        ])

    static var assignCommand: Command {
        Command(
            spec: CommandSpec(
                ["customer", "assign"], summary: "assign a customer to a collector (kept with its history)",
                discussion:
                    "Sets the customer's agent. Once the workspace has operators, the agent must be one, and a lead or admin assigns; queue shows a collector their own customers by default.",
                arguments: [
                    customerArgument, ArgumentSpec("login", help: "the collector", completion: .domain("operator")),
                ],
                examples: ["customer assign C001 wang"]),
            effect: { _ in .outsideScenario }
        ) { inv in
            let c = try inv.resolveCustomer("customer")
            let agent = inv.argument("login")
            _ = try inv.store(column: inv.parsed.column(ofArgument: "login")) { () throws(StoreError) in
                try inv.workspace.perform(.customerAssigned(customer: c.id, agent: agent), context: inv.change)
            }
            inv.session.touch(c.id)
            return confirm(
                "customer \(c.id) \(c.name) assigned to \(agent)"
                    + (c.agent.map { $0 == agent ? "" : " (was \($0))" } ?? ""))
        }
    }

    static var approvalArgument: ArgumentSpec {
        ArgumentSpec("approval", help: "the request's id, e.g. A000001", completion: .domain("approval"))
    }

    /// The requests as a table (each one's moment formatted once here, not each time the table reads it).
    static func approvalRows(_ list: [Approval]) -> Table {
        approvalListSpec.table(list.map { ($0, asked: Invocation.time($0.madeAt)) })
    }

    /// `approval list` (and the requests waiting in `customer show`): one row per request.
    static let approvalListSpec = TableSpec<(Approval, asked: Cell)>(
        "approval list",
        [
            .init(Column("Id", key: "id"), "the request's id") { .text($0.0.id) },
            .init(Column("Status", key: "status"), "pending, approved, rejected or failed") {
                .term($0.0.status.rawValue)
            },
            .init(Column("Kind", key: "kind"), "waiver, write-off, plan, deposit refund, policy, ...") {
                .text($0.0.kind)
            },
            .init(Column("Customer", key: "customer_id"), "the customer's id, if it concerns one") {
                Invocation.text($0.0.customerId)
            },
            .init(
                Column("Amount", key: "amount", alignment: .right), "the amount that decides who may approve, if any"
            ) { Invocation.money($0.0.amount) },
            .init(Column("Maker", key: "maker"), "who asked for it") { .text($0.0.maker) },
            .init(Column("Asked", key: "made_at"), "when it was asked for (UTC; a table shows your time zone)") {
                $0.asked
            },
            .init(Column("Approvers", key: "approvers"), "the roles that may approve it") {
                .text($0.0.approvers.sorted().map(\.rawValue).joined(separator: " "))
            },
            .init(Column("Checker", key: "checker"), "who approved or rejected it, if anyone has") {
                Invocation.text($0.0.checker)
            },
            .init(Column("What", key: "summary"), "the change in words, as checked when it was asked for") {
                .text($0.0.summary)
            },
            .init(Column("Why", key: "why", detail: true), "why it needs approval") { .text($0.0.why) },
            .init(
                Column("Note", key: "note", detail: true), "the checker's note, a rejection's reason or why it failed"
            ) { Invocation.text($0.0.note) },
        ])

    /// `approval show`: one row per fact of the request, by key.
    static let approvalShowSpec = TableSpec<(key: String, value: String)>(
        "approval show",
        [
            .init(
                Column("Key", key: "key"),
                "which fact of the request: id, status, kind, ..., change (its kind), payload (its JSON)"
            ) { .text($0.key) },
            .init(Column("Value", key: "value"), "its value, empty if none (made_at and checked_at in UTC)") {
                .text($0.value)
            },
        ])

    static var approvalCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["approval", "list"], summary: "requests waiting for a second operator, or decided",
                    discussion:
                        "Pending requests by default. A waiver above approval.waive_limit, every write-off and deposit refund, a plan that is interest-free, below approval.plan_min_rate or longer than approval.plan_max_term, and a policy change by anyone but an admin are stored as requests instead of being applied.",
                    options: [
                        OptionSpec(
                            "--status", value: "STATUS", help: "pending (default), approved, rejected or failed",
                            completion: .values(Approval.Status.allCases.map(\.rawValue))),
                        OptionSpec("--all", help: "every request, whatever its status"),
                        OptionSpec("--mine", help: "only the requests I made"),
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "only one customer's",
                            completion: .domain("customer")),
                        .format,
                    ],
                    examples: ["approval list", "approval list --all --format csv", "approval list --mine"])
            ) { inv in
                var status: Approval.Status? = .pending
                if let s = inv.parsed.value("--status") {
                    guard let v = Approval.Status(rawValue: s) else {
                        throw ShellError(
                            "unknown status '\(s)'", hint: "pending, approved, rejected or failed",
                            column: inv.parsed.column(ofOption: "--status"))
                    }
                    status = v
                }
                if inv.parsed.flag("--all") { status = nil }
                let customer = inv.parsed.value("--customer") == nil ? nil : try inv.resolveCustomer("--customer").id
                var list = try inv.store { () throws(StoreError) in
                    try inv.workspace.approvals(status: status, customer: customer)
                }
                if inv.parsed.flag("--mine") { list = list.filter { $0.maker == inv.session.operatorName } }
                return .output(.table(approvalRows(list)))
            },
            Command(
                spec: CommandSpec(
                    ["approval", "show"], summary: "one request: the change as it was checked, who asked, who decided",
                    arguments: [approvalArgument], options: [.format], examples: ["approval show A000001"])
            ) { inv in
                let id = inv.argument("approval")
                guard
                    let a = try inv.store({ () throws(StoreError) in
                        try inv.workspace.approvals(status: nil, customer: nil)
                    }).first(where: { $0.id == id })
                else {
                    throw ShellError(
                        "no approval '\(id)'", hint: "approval list --all shows every request",
                        column: inv.parsed.column(ofArgument: "approval"))
                }
                let rows: [(key: String, value: String)] = [
                    ("id", a.id), ("status", a.status.rawValue), ("kind", a.kind), ("customer_id", a.customerId ?? ""),
                    ("amount", a.amount.map { "\($0)" } ?? ""), ("what", a.summary), ("why", a.why),
                    ("maker", a.maker), ("made_at", a.madeAt),
                    ("approvers", a.approvers.sorted().map(\.rawValue).joined(separator: " ")),
                    ("checker", a.checker ?? ""), ("checked_at", a.checkedAt ?? ""), ("note", a.note ?? ""),
                    ("change", a.change.kind), ("payload", a.change.payload),
                ]
                return .output(.table(approvalShowSpec.table(rows)))
            },
            Command(
                spec: CommandSpec(
                    ["approval", "approve"], summary: "approve a request: its change is applied, checked again",
                    discussion:
                        "The checker must be an operator other than the maker, of a role that may approve that kind and amount now (waivers: lead up to approval.lead_limit, finance above; write-offs and deposit refunds: finance; plans: lead or finance; policy: admin). If the change no longer applies to the books as they are (the invoice was paid meanwhile), the request is marked failed with the reason and nothing changes.",
                    arguments: [approvalArgument],
                    options: [OptionSpec("--note", value: "TEXT", help: "the checker's note, e.g. 同意减免")],
                    examples: ["approval approve A000001 --note 同意减免"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let id = inv.argument("approval")
                let said = try inv.store(column: inv.parsed.column(ofArgument: "approval")) {
                    () throws(StoreError) in
                    try inv.workspace.decideApproval(
                        id, approve: true, note: inv.parsed.value("--note"), context: inv.change)
                }
                return confirm(said)
            },
            Command(
                spec: CommandSpec(
                    ["approval", "reject"], summary: "reject a request, saying why (it stays on record)",
                    arguments: [approvalArgument],
                    options: [OptionSpec("--reason", value: "TEXT", help: "why, e.g. 超出减免政策 (required)")],
                    examples: ["approval reject A000002 --reason 超出减免政策"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let id = inv.argument("approval")
                let reason = try requiredText(inv, "--reason", example: "超出减免政策")
                let said = try inv.store(column: inv.parsed.column(ofArgument: "approval")) {
                    () throws(StoreError) in
                    try inv.workspace.decideApproval(id, approve: false, note: reason, context: inv.change)
                }
                return confirm(said)
            },
        ]
    }
}
