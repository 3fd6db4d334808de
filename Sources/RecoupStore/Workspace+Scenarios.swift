import Foundation
import GRDB

/// A what-if scenario saved under its name: the commands that make it, in order.
public struct SavedScenario: Sendable, Hashable {
    public var name: String
    public var commands: [String]
    public var savedAt: String
    public var savedBy: String
}

extension Workspace {
    /// Saves (or replaces) a scenario's commands. Only while no scenario is open: the save must
    /// not become part of the scenario's own transaction.
    public func saveScenario(_ name: String, commands: [String], operator who: String) throws(StoreError) {
        guard !scenarioIsOpen else { throw .database("close the open scenario before saving one") }
        let json = String(decoding: (try? JSONEncoder().encode(commands)) ?? Data("[]".utf8), as: UTF8.self)
        let now = ISO8601DateFormatter().string(from: Date())
        try write { db in
            try db.execute(sql: """
                INSERT INTO scenario(name, commands, saved_at, operator) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET commands = excluded.commands, saved_at = excluded.saved_at, operator = excluded.operator
                """, arguments: [name, json, now, who])
        }
    }

    /// Every saved scenario, by name.
    public func savedScenarios() throws(StoreError) -> [SavedScenario] {
        try readBase { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario ORDER BY name").map(Self.scenario)
        }
    }

    public func savedScenario(_ name: String) throws(StoreError) -> SavedScenario? {
        try readBase { db in try Row.fetchOne(db, sql: "SELECT * FROM scenario WHERE name = ?", arguments: [name]).map(Self.scenario) }
    }

    /// Forgets a saved scenario (inside or outside an open one: then it goes with that transaction).
    public func deleteSavedScenario(_ name: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM scenario WHERE name = ?", arguments: [name]) }
    }

    /// Adds a journal line in the current transaction (a scenario's commit notes itself).
    public func note(_ command: String, effect: String, operator who: String) throws(StoreError) {
        try write { db in try Self.journal(db, operator: who, command: command, effect: effect) }
    }

    static func scenario(_ r: Row) -> SavedScenario {
        let commands = (try? JSONDecoder().decode([String].self, from: Data((r["commands"] as String).utf8))) ?? []
        return SavedScenario(name: r["name"], commands: commands, savedAt: r["saved_at"], savedBy: r["operator"])
    }
}
