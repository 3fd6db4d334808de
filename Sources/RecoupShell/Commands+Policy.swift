import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

extension Catalog {
    static let policyKeys = Policy.settings.map(\.key)

    /// The collections policy: show, change (with history), export to and import from TOML.
    static var policyCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["policy", "show"],
                    summary: "the workspace's collections policy: every setting, its value and what it means",
                    options: [.format], examples: ["policy show", "policy show --format csv"])
            ) { inv in
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                return .output(.table(policyShowSpec.table(Policy.settings.map { ($0, value: policy[$0.key]) })))
            },
            Command(
                spec: CommandSpec(
                    ["policy", "set"], summary: "change one policy setting (recorded with who and when)",
                    arguments: [
                        ArgumentSpec("key", help: "the setting, e.g. aging.buckets", completion: .values(policyKeys)),
                        ArgumentSpec("value", help: "its new value, e.g. 30,60,90,180"),
                    ],
                    examples: ["policy set aging.buckets 30,60,90,180", "policy set clause.late_fee_daily_rate 0.0003"]),
                effect: { _ in .changesPolicy }
            ) { inv in
                let known = Policy.settings.contains { $0.key == inv.argument("key") }
                let change = try inv.service(column: inv.parsed.column(ofArgument: known ? "value" : "key")) {
                    try PolicyChanges(inv.services()).set(inv.argument("key"), inv.argument("value"))
                }
                let key = inv.argument("key")
                let shows = Policy.settings.first { $0.key == key }?.shows ?? .text
                let (old, new) = (Self.policyCell(change.old, shows).shown, Self.policyCell(change.new, shows).shown)
                return .output(
                    .text(
                        change.old == change.new ? "policy \(key) stays \(new)\n" : "policy \(key): \(old) -> \(new)\n")
                )
            },
            Command(
                spec: CommandSpec(
                    ["policy", "history"], summary: "who changed which policy setting, when, from what to what",
                    options: [.limit("changes"), .format], examples: ["policy history", "policy history --limit 5"])
            ) { inv in
                let limit = try inv.integer("--limit", default: 50)
                let changes = try inv.store { () throws(StoreError) in try inv.workspace.policyHistory(limit: limit) }
                return .output(
                    .table(
                        Table(
                            columns: [
                                Column("At", key: "at"), Column("Operator", key: "operator"), Column("Key", key: "key"),
                                Column("From", key: "old_value"), Column("To", key: "new_value"),
                            ],
                            rows: changes.map {
                                [
                                    Invocation.time($0.at), .text($0.operator), .text($0.key),
                                    Invocation.text($0.oldValue),
                                    .text($0.newValue),
                                ]
                            })))
            },
            Command(
                spec: CommandSpec(
                    ["policy", "export"],
                    summary: "write the policy as a TOML file (sections by the first part of each key)",
                    arguments: [ArgumentSpec("file", help: "the TOML file to write (replaced)", completion: .file)],
                    examples: ["policy export policy.toml"])
            ) { inv in
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                let text = PolicyChanges.toml(policy)
                do { try text.write(toFile: inv.argument("file"), atomically: true, encoding: .utf8) } catch {
                    throw ShellError(
                        "cannot write '\(inv.argument("file"))'", hint: "check the folder",
                        column: inv.parsed.column(ofArgument: "file"))
                }
                return .output(.empty)
            },
            Command(
                spec: CommandSpec(
                    ["policy", "import"],
                    summary: "read a policy TOML file: every value is checked, and all change or none",
                    arguments: [ArgumentSpec("file", help: "a TOML file as 'policy export' writes", completion: .file)],
                    examples: ["policy import policy.toml"]),
                effect: { _ in .changesPolicy }
            ) { inv in try Catalog.importPolicy(inv) },
        ]
    }

    /// `policy show`: every setting with its value, its default and what it means.
    static let policyShowSpec = TableSpec<(Policy.Setting, value: String)>(
        "policy show",
        [
            .init(Column("Key", key: "key"), "the setting's key, as `policy set` takes it") { .text($0.0.key) },
            .init(
                Column("Value", key: "value", wraps: true),
                "its value in this workspace (a table shows rates as percentages and amounts with ¥)"
            ) { policyCell($0.value, $0.0.shows) },
            .init(Column("Default", key: "default", detail: true, wraps: true), "the value a new workspace starts with")
            {
                policyCell($0.0.value, $0.0.shows)
            },
            // A term, so that a table shows it in the interface's language (CSV and JSON: English).
            .init(Column("Meaning", key: "meaning", wraps: true), "what the setting decides") { .term($0.0.help) },
        ])

    /// A setting's value as a cell: rates as percentages and amounts grouped in a table, the text as
    /// set in CSV and JSON (so an exported value can be set again as it is).
    static func policyCell(_ value: String, _ shows: Policy.Shows) -> Cell {
        switch shows {
        case .text: return .text(value)
        case .rate(let per): return value.isEmpty ? .empty : .rate(value, per: per)
        case .amount:  // as an amount reads: 2000 is ¥2,000.00
            guard case .success(let m) = Money.parse(value) else { return .text(value) }
            return .money(m.description)
        }
    }

    static func importPolicy(_ inv: Invocation) throws -> Outcome {
        let path = inv.argument("file")
        let count = try inv.service(column: inv.parsed.column(ofArgument: "file")) {
            try PolicyChanges(inv.services()).importFile(path)
        }
        return .output(inv.session.interactive ? .text("policy: \(count) settings read from \(path)\n") : .empty)
    }
}
