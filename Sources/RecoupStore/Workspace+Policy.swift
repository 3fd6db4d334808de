import Foundation
import GRDB
import RecoupCore

/// One change of the policy: who, when, which key, from what to what.
public struct PolicyChange: Sendable, Hashable {
    public var sequence: Int
    public var at: String
    public var `operator`: String
    public var key: String
    public var oldValue: String?
    public var newValue: String
}

extension Workspace {
    /// The workspace's policy: the defaults with the workspace's changes over them.
    public func policy() throws(StoreError) -> Policy {
        try read { db in
            Policy(values: Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM policy").map { ($0[0] as String, $0[1] as String) }))
        }
    }

    /// Sets policy values (already checked by `Policy.set`), each recorded in the history with who
    /// and when, as one transaction, journaled.
    public func setPolicy(_ changes: [(key: String, value: String)], operator who: String, command: String) throws(StoreError) {
        let now = ISO8601DateFormatter().string(from: Date())
        try write { db in
            for (key, value) in changes {
                let old = try String.fetchOne(db, sql: "SELECT value FROM policy WHERE key = ?", arguments: [key])
                    ?? Policy.settings.first { $0.key == key }?.value
                if old == value { continue }
                try db.execute(sql: "INSERT INTO policy(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
                try db.execute(sql: "INSERT INTO policy_history(at, operator, key, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
                               arguments: [now, who, key, old, value])
                try Self.journal(db, operator: who, command: command, effect: "policy \(key): \(old ?? "") -> \(value)")
            }
        }
    }

    /// The policy's changes, newest first.
    public func policyHistory(limit: Int) throws(StoreError) -> [PolicyChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM policy_history ORDER BY seq DESC LIMIT ?", arguments: [limit]).map {
                PolicyChange(sequence: $0["seq"], at: $0["at"], operator: $0["operator"], key: $0["key"], oldValue: $0["old_value"], newValue: $0["new_value"])
            }
        }
    }
}
