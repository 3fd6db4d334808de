import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// The workspace's policy: the defaults with the workspace's changes over them.
    public func policy() throws(StoreError) -> Policy {
        try read { db in
            Policy(
                values: Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM policy").map {
                        ($0[0] as String, $0[1] as String)
                    }))
        }
    }

    /// Sets policy values (already checked by `Policy.set`), each recorded in the history with who
    /// and when, as one transaction, journaled.
    public func setPolicy(_ changes: [(key: String, value: String)], context: ChangeContext) throws(StoreError) {
        try perform(.policySet(changes.map { PolicyValue(key: $0.key, value: $0.value) }), context: context)
    }

    /// The policy values that `values` really change, old value first (unchanged ones are left out).
    static func applyPolicy(_ db: Database, _ values: [PolicyValue], _ context: ChangeContext) throws -> [(
        key: String, old: String?, new: String
    )] {
        var changed: [(key: String, old: String?, new: String)] = []
        for v in values {
            let old =
                try String.fetchOne(db, sql: "SELECT value FROM policy WHERE key = ?", arguments: [v.key])
                ?? Policy.settings.first { $0.key == v.key }?.value
            if old == v.value { continue }
            try db.execute(
                sql:
                    "INSERT INTO policy(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [v.key, v.value])
            try db.execute(
                sql: "INSERT INTO policy_history(at, operator, key, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
                arguments: [context.at, context.operator, v.key, old, v.value])
            changed.append((v.key, old, v.value))
        }
        return changed
    }

    /// The policy's changes, newest first.
    public func policyHistory(limit: Int) throws(StoreError) -> [PolicyChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM policy_history ORDER BY seq DESC LIMIT ?", arguments: [limit]).map
            {
                PolicyChange(
                    sequence: $0["seq"], at: $0["at"], operator: $0["operator"], key: $0["key"],
                    oldValue: $0["old_value"], newValue: $0["new_value"])
            }
        }
    }
}
