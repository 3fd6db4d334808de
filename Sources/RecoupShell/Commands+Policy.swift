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
                return .output(
                    .table(
                        Table(
                            columns: [
                                Column("Key", key: "key"), Column("Value", key: "value"),
                                Column("Default", key: "default"),
                                Column("Meaning", key: "meaning"),
                            ],
                            rows: Policy.settings.map {
                                [.text($0.key), .text(policy[$0.key]), .text($0.value), .text($0.help)]
                            })))
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
                return .output(
                    .text(
                        change.old == change.new
                            ? "policy \(key) stays \(change.new)\n" : "policy \(key): \(change.old) -> \(change.new)\n")
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

    static func importPolicy(_ inv: Invocation) throws -> Outcome {
        let path = inv.argument("file")
        let count = try inv.service(column: inv.parsed.column(ofArgument: "file")) {
            try PolicyChanges(inv.services()).importFile(path)
        }
        return .output(inv.session.interactive ? .text("policy: \(count) settings read from \(path)\n") : .empty)
    }
}
