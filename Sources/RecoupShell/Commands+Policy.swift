import Foundation
import RecoupCore
import RecoupStore
import ShellKit
import TOMLKit

extension Catalog {
    static let policyKeys = Policy.settings.map(\.key)

    /// The collections policy: show, change (with history), export to and import from TOML.
    static var policyCommands: [Command] {
        [
            Command(spec: CommandSpec(
                ["policy", "show"], summary: "the workspace's collections policy: every setting, its value and what it means",
                options: [.format], examples: ["policy show", "policy show --format csv"])
            ) { inv in
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                return .output(.table(Table(columns: [Column("Key", key: "key"), Column("Value", key: "value"), Column("Default", key: "default"),
                                                      Column("Meaning", key: "meaning")],
                                            rows: Policy.settings.map { [.text($0.key), .text(policy[$0.key]), .text($0.value), .text($0.help)] })))
            },
            Command(spec: CommandSpec(
                ["policy", "set"], summary: "change one policy setting (recorded with who and when)",
                arguments: [ArgumentSpec("key", help: "the setting, e.g. aging.buckets", completion: .values(policyKeys)),
                            ArgumentSpec("value", help: "its new value, e.g. 30,60,90,180")],
                examples: ["policy set aging.buckets 30,60,90,180", "policy set clause.late_fee_daily_rate 0.0003"]),
                    effect: { _ in .changesPolicy }
            ) { inv in
                var policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                do throws(PolicyError) { try policy.set(inv.argument("key"), inv.argument("value")) } catch {
                    let unknown = if case .unknownKey = error { true } else { false }
                    throw ShellError(error.message, hint: unknown ? "policy show lists the settings" : "policy show says what each setting takes",
                                     column: inv.parsed.column(ofArgument: unknown ? "key" : "value"))
                }
                try inv.store { () throws(StoreError) in
                    try inv.workspace.setPolicy([(inv.argument("key"), inv.argument("value"))], context: inv.change)
                }
                return .output(.empty)
            },
            Command(spec: CommandSpec(
                ["policy", "history"], summary: "who changed which policy setting, when, from what to what",
                options: [.limit("changes"), .format], examples: ["policy history", "policy history --limit 5"])
            ) { inv in
                let limit = try inv.integer("--limit", default: 50)
                let changes = try inv.store { () throws(StoreError) in try inv.workspace.policyHistory(limit: limit) }
                return .output(.table(Table(columns: [Column("At", key: "at"), Column("Operator", key: "operator"), Column("Key", key: "key"),
                                                      Column("From", key: "old_value"), Column("To", key: "new_value")],
                                            rows: changes.map { [.text($0.at), .text($0.operator), .text($0.key), Invocation.text($0.oldValue), .text($0.newValue)] })))
            },
            Command(spec: CommandSpec(
                ["policy", "export"], summary: "write the policy as a TOML file (sections by the first part of each key)",
                arguments: [ArgumentSpec("file", help: "the TOML file to write (replaced)", completion: .file)],
                examples: ["policy export policy.toml"])
            ) { inv in
                let policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
                let text = "# Recoup collections policy. Import with: policy import FILE\n" + policyTOML(policy)
                do { try text.write(toFile: inv.argument("file"), atomically: true, encoding: .utf8) } catch {
                    throw ShellError("cannot write '\(inv.argument("file"))'", hint: "check the folder", column: inv.parsed.column(ofArgument: "file"))
                }
                return .output(.empty)
            },
            Command(spec: CommandSpec(
                ["policy", "import"], summary: "read a policy TOML file: every value is checked, and all change or none",
                arguments: [ArgumentSpec("file", help: "a TOML file as 'policy export' writes", completion: .file)],
                examples: ["policy import policy.toml"]),
                    effect: { _ in .changesPolicy }
            ) { inv in try Catalog.importPolicy(inv) },
        ]
    }

    /// The policy as TOML: `[section]` tables of string values, keys in the order of `Policy.settings`.
    static func policyTOML(_ policy: Policy) -> String {
        var top: [String] = [], sections: [(String, [String])] = []
        for s in Policy.settings {
            let parts = s.key.split(separator: ".", maxSplits: 1).map(String.init)
            let line = "\(parts.last!) = \"\(policy[s.key])\"   # \(s.help)"
            if parts.count == 1 { top.append(line); continue }
            if let i = sections.firstIndex(where: { $0.0 == parts[0] }) { sections[i].1.append(line) } else { sections.append((parts[0], [line])) }
        }
        return top.joined(separator: "\n") + "\n" + sections.map { "\n[\($0.0)]\n" + $0.1.joined(separator: "\n") + "\n" }.joined()
    }

    static func importPolicy(_ inv: Invocation) throws -> Outcome {
        let path = inv.argument("file")
        let column = inv.parsed.column(ofArgument: "file")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ShellError("cannot read '\(path)'", hint: "check the path", column: column)
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ShellError("\(path):\(e.source.begin.line):\(e.source.begin.column): \(e.description)", hint: "the file must be TOML, as 'policy export' writes it", column: column)
        } catch {
            throw ShellError("'\(path)' is not TOML: \(error)", column: column)
        }
        var flat: [(String, String)] = []
        func collect(_ t: TOMLTable, prefix: String) throws {
            for (key, value) in t {
                let full = prefix.isEmpty ? key : prefix + "." + key
                if let sub = value.table { try collect(sub, prefix: full); continue }
                let text = value.string ?? value.int.map(String.init) ?? value.double.map { String($0) }
                guard let text else { throw ShellError("\(path): value of '\(full)' must be a string or a number", column: column) }
                flat.append((full, text))
            }
        }
        try collect(table, prefix: "")
        var policy = try inv.store { () throws(StoreError) in try inv.workspace.policy() }
        var problems: [String] = []
        for (k, v) in flat {
            do throws(PolicyError) { try policy.set(k, v) } catch { problems.append(error.message) }
        }
        guard problems.isEmpty else {
            throw ShellError("\(path): \(problems.joined(separator: "; "))", hint: "nothing was changed; fix the file and import it again", column: column)
        }
        try inv.store { () throws(StoreError) in try inv.workspace.setPolicy(flat, context: inv.change) }
        return .output(inv.session.interactive ? .text("policy: \(flat.count) settings read from \(path)\n") : .empty)
    }
}
