import Foundation
import GRDBSQLite
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// `workspace backup` and `workspace check` on SQLite files: a backup taken while a colleague writes
/// is a snapshot that checks; a damaged file is named damaged; a backup never overwrites a file.
@Suite struct BackupTests {
    static func folder() -> String {
        let d = NSTemporaryDirectory() + "recoup-backup-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    static func books(_ path: String, payments: Int) throws -> Workspace {
        let ws = try Workspace(path: path, create: true)
        let csv = (path as NSString).deletingLastPathComponent + "/customers.csv"
        try "id,name\nC1,上海星辰科技有限公司\nC2,杭州青禾贸易有限公司\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let context = ChangeContext(operator: "tester", command: "import")
        _ = try ws.importCSV(.customers, path: csv, options: ImportOptions(), context: context)
        for i in 0..<payments {
            let p = Payment(
                id: "P\(i)", customerId: "C1", receivedOn: Day("2026-11-30")!, amount: Money(minorUnits: 100 + Int64(i))
            )
            try ws.perform(.paymentRecorded(p), context: context.with(command: "payment add"))
        }
        return ws
    }

    @Test func aBackupDuringWritesIsASnapshotThatChecks() throws {
        let d = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: d) }
        let ws = try Self.books(d + "/ws.db", payments: 20)
        // A colleague's shell writes 200 payments while the backup is taken.
        let colleague = try Workspace(path: d + "/ws.db")
        let writing = Thread {
            let context = ChangeContext(operator: "colleague", command: "payment add")
            for i in 0..<200 {
                let p = Payment(
                    id: "W\(i)", customerId: "C2", receivedOn: Day("2026-11-30")!, amount: Money(minorUnits: 5))
                try? colleague.perform(.paymentRecorded(p), context: context)
            }
        }
        writing.start()
        Thread.sleep(forTimeInterval: 0.05)
        try ws.backup(into: d + "/copy.db")
        while writing.isExecuting || !writing.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let copy = try Workspace(path: d + "/copy.db")
        let check = try copy.check()
        #expect(check.holds, "\(check.problems)")
        #expect(check.customers == 2)
        // A snapshot: the colleague's payments up to some point, none after it, and the journal has
        // an entry for each change it holds.
        let held = Set(try copy.payments(customer: "C2").map(\.id))
        let n = held.count
        #expect(held == Set((0..<n).map { "W\($0)" }))
        #expect(check.journal.count == 1 + 20 + n)
        #expect(try ws.payments(customer: "C2").count == 200)
        #expect(!FileManager.default.fileExists(atPath: d + "/copy.db.partial-\(getpid())"))
        // Never over an existing file.
        #expect(throws: StoreError.self) { try ws.backup(into: d + "/copy.db") }
    }

    @Test func damagedPagesAndAnEditedJournalAreNamed() throws {
        let d = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: d) }
        let ws = try Self.books(d + "/ws.db", payments: 400)
        #expect(try ws.check().holds)
        try ws.backup(into: d + "/edited.db")
        try ws.backup(into: d + "/damaged.db")

        // An entry's effect rewritten behind Recoup's back: the chain names it.
        var edited: OpaquePointer?
        #expect(sqlite3_open(d + "/edited.db", &edited) == SQLITE_OK)
        sqlite3_exec(edited, "DROP TRIGGER IF EXISTS journal_no_update", nil, nil, nil)
        #expect(sqlite3_exec(edited, "UPDATE journal SET effect = 'nothing' WHERE seq = 7", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(edited)
        let e = try Workspace(path: d + "/edited.db").check()
        #expect(!e.holds && e.problems.isEmpty && e.journal.brokenAt == 7)

        // Pages overwritten in the middle of the file: SQLite's own check names them.
        let file = d + "/damaged.db"
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        let pageSize = Int(data[16]) << 8 | Int(data[17])
        let pages = data.count / pageSize
        for share in [0.4, 0.7] {
            let p = max(2, Int(Double(pages) * share))
            data.replaceSubrange((p - 1) * pageSize..<p * pageSize, with: [UInt8](repeating: 0xA5, count: pageSize))
        }
        try data.write(to: URL(fileURLWithPath: file))
        let damaged: WorkspaceCheck
        do {
            damaged = try Workspace(path: file).check()
        } catch {
            // Too damaged even to open is the shell's case (Launcher: exit 1, "cannot be opened").
            guard case .cannotOpen(_, let reason) = error as? StoreError else { throw error }
            #expect(reason.contains("malformed"))
            return
        }
        #expect(!damaged.holds)
        #expect(!damaged.problems.isEmpty)
    }
}
