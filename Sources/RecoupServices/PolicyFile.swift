import Foundation
import RecoupCore
import RecoupStore
import TOMLKit

/// The collections policy: changing one setting, and the policy as a TOML file (export, import).
public struct PolicyChanges: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Sets one value, checked by `Policy.set` against the policy as it stands, kept with its history.
    /// Sets one setting; returns its value before and after (as stored), for the command to confirm.
    @discardableResult
    public func set(_ key: String, _ value: String) throws -> (old: String, new: String) {
        var policy = context.policy
        let old = policy[key]
        do throws(PolicyError) { try policy.set(key, value) } catch {
            let unknown = if case .unknownKey = error { true } else { false }
            throw ServiceError(
                error.message,
                hint: unknown ? "policy show lists the settings" : "policy show says what each setting takes")
        }
        try context.books.setPolicy([(key, value)], context: context.change)
        return (old, policy[key])
    }

    /// The policy as TOML: `[section]` tables of string values, keys in the order of `Policy.settings`.
    public static func toml(_ policy: Policy) -> String {
        var top: [String] = [], sections: [(String, [String])] = []
        for s in Policy.settings {
            let parts = s.key.split(separator: ".", maxSplits: 1).map(String.init)
            let line = "\(parts.last!) = \"\(policy[s.key])\"   # \(s.help)"
            if parts.count == 1 { top.append(line); continue }
            if let i = sections.firstIndex(where: { $0.0 == parts[0] }) {
                sections[i].1.append(line)
            } else {
                sections.append((parts[0], [line]))
            }
        }
        return "# Recoup collections policy. Import with: policy import FILE\n" + top.joined(separator: "\n") + "\n"
            + sections.map { "\n[\($0.0)]\n" + $0.1.joined(separator: "\n") + "\n" }.joined()
    }

    /// Reads a policy TOML file, checks every value against the policy as it stands and sets them all
    /// in one transaction, or none (every problem named, with the file's line and column for TOML
    /// errors). Returns how many settings were read.
    public func importFile(_ path: String) throws -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServiceError("cannot read '\(path)'", hint: "check the path")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ServiceError(
                "\(path):\(e.source.begin.line):\(e.source.begin.column): \(e.description)",
                hint: "the file must be TOML, as 'policy export' writes it")
        } catch {
            throw ServiceError("'\(path)' is not TOML: \(error)")
        }
        var flat: [(String, String)] = []
        func collect(_ t: TOMLTable, prefix: String) throws {
            for (key, value) in t {
                let full = prefix.isEmpty ? key : prefix + "." + key
                if let sub = value.table { try collect(sub, prefix: full); continue }
                let text = value.string ?? value.int.map(String.init) ?? value.double.map { String($0) }
                guard let text else { throw ServiceError("\(path): value of '\(full)' must be a string or a number") }
                flat.append((full, text))
            }
        }
        try collect(table, prefix: "")
        var policy = context.policy
        var problems: [String] = []
        for (k, v) in flat {
            do throws(PolicyError) { try policy.set(k, v) } catch { problems.append(error.message) }
        }
        guard problems.isEmpty else {
            throw ServiceError(
                "\(path): \(problems.joined(separator: "; "))",
                hint: "nothing was changed; fix the file and import it again")
        }
        try context.books.setPolicy(flat, context: context.change)
        return flat.count
    }
}
