import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Saves (or replaces) a scenario's changes under its name, in a transaction of its own (never
    /// inside a scenario's span, whose transaction is rolled back).
    public func saveScenario(_ name: String, steps: [ScenarioStep], context: ChangeContext) throws(StoreError) {
        guard !scenarioIsOpen else { throw .rule("a scenario is saved outside its own span") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(steps)) ?? Data("[]".utf8), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO scenario(name, commands, changes, saved_at, operator) VALUES (?, '[]', ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET commands = '[]', changes = excluded.changes, saved_at = excluded.saved_at,
                      operator = excluded.operator
                    """, arguments: [name, json, context.at, context.operator])
        }
    }

    /// Every saved scenario, by name.
    public func savedScenarios() throws(StoreError) -> [SavedScenario] {
        try readBase { db in try Row.fetchAll(db, sql: "SELECT * FROM scenario ORDER BY name").map(Self.scenario) }
    }

    public func savedScenario(_ name: String) throws(StoreError) -> SavedScenario? {
        try readBase { db in
            try Row.fetchOne(db, sql: "SELECT * FROM scenario WHERE name = ?", arguments: [name]).map(Self.scenario)
        }
    }

    /// Forgets a saved scenario (as part of the transaction this thread holds, when it holds one:
    /// a commit deletes its scenario with its changes).
    public func deleteSavedScenario(_ name: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM scenario WHERE name = ?", arguments: [name]) }
    }

    /// Puts back a scenario saved by an earlier Recoup as command lines (after a failed migration).
    public func restoreLegacyScenario(_ name: String, commands: [String], savedAt: String, savedBy: String)
        throws(StoreError)
    {
        let json = String(decoding: (try? JSONEncoder().encode(commands)) ?? Data("[]".utf8), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO scenario(name, commands, changes, saved_at, operator) VALUES (?, ?, NULL, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET commands = excluded.commands, changes = NULL, saved_at = excluded.saved_at,
                      operator = excluded.operator
                    """, arguments: [name, json, savedAt, savedBy])
        }
    }

    static func scenario(_ r: Row) -> SavedScenario {
        let changes: String? = r["changes"]
        let steps = changes.flatMap { try? JSONDecoder().decode([ScenarioStep].self, from: Data($0.utf8)) } ?? []
        let commands = (try? JSONDecoder().decode([String].self, from: Data((r["commands"] as String).utf8))) ?? []
        return SavedScenario(
            name: r["name"], steps: steps, legacyCommands: changes == nil ? commands : nil,
            savedAt: r["saved_at"], savedBy: r["operator"])
    }
}
