import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing
import RecoupTestBackend

@Suite struct WorkspaceTests {
    @Test func createdOnFirstOpenWithMode0600() throws {
        let s = try Scratch(file: true)
        let attributes = try FileManager.default.attributesOfItem(atPath: s.workspacePath)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        // SQLite gives the WAL file the main file's mode: it holds the same data.
        try Base.load(s)
        let wal = s.workspacePath + "-wal"
        if FileManager.default.fileExists(atPath: wal) {
            let walMode = (try FileManager.default.attributesOfItem(atPath: wal)[.posixPermissions] as? NSNumber)?
                .intValue
            #expect(walMode == 0o600)
        }
    }

    @Test func fileIsInWALMode() throws {
        let s = try Scratch(file: true)
        // SQLite file format: bytes 18 and 19 (write and read version) are 2 for WAL, 1 for rollback.
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: s.workspacePath)).readData(ofLength: 100)
        #expect(header.count == 100)
        #expect(Array(header.prefix(16)) == Array("SQLite format 3\0".utf8))
        #expect(header[18] == 2)
        #expect(header[19] == 2)
    }

    @Test func reopeningKeepsData() throws {
        let s = try Scratch()
        try Base.load(s)
        let before = try s.snapshot()
        let again = try TestBackend.open(s.workspacePath)
        #expect(try again.counts() == [.customers: 2, .contracts: 1, .invoices: 2, .payments: 1])
        for kind in RecordKind.allCases { #expect(try s.export(kind, from: again) == before.exports[kind]) }
        #expect(try again.customer(id: "C2")?.name == "上海星辰科技有限公司")
    }

    @Test func aMissingWorkspaceIsAnErrorUnlessAskedToCreate() throws {
        let s = try Scratch()
        let path = s.folder + "/demo.dbb"
        #expect(throws: StoreError.noWorkspace(path: path)) { try Workspace(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.noWorkspace(path: path).hint == "create one with: recoup --create -w \(path)")
        _ = try Workspace(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aReadOnlyWorkspaceReadsAndRefusesWrites() throws {
        let s = try Scratch(file: true)
        try Base.load(s)
        let before = try s.snapshot()
        chmod(s.workspacePath, 0o400)
        defer { chmod(s.workspacePath, 0o600) }
        // A file without write permission is found read-only; root may write any file, so there (as in
        // CI) the same refusal is checked on a workspace opened for reading only.
        let unwritable = access(s.workspacePath, W_OK) != 0
        let ro = try Workspace(path: s.workspacePath, readOnly: !unwritable)
        #expect(ro.readOnlyReason == (unwritable ? "no write permission on the file" : "opened for reading only"))
        #expect(ro.readOnlyReason != nil)
        #expect(try ro.counts()[.customers] == 2)
        let error = #expect(throws: StoreError.self) {
            try ro.addPayment(
                Payment(id: "", customerId: "C2", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 100)),
                context: ChangeContext(operator: "t", command: "payment add"))
        }
        guard case .readOnly? = error else {
            Issue.record("expected readOnly, got \(String(describing: error))"); return
        }
        #expect(try s.snapshot() == before)
    }

    @Test func missingFolderCannotBeOpened() throws {
        let s = try Scratch()
        let path = s.folder + "/no-such-folder/work.recoup"
        let error = #expect(throws: StoreError.self) { try Workspace(path: path, create: true) }
        guard case .cannotOpen(let reported, let reason)? = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))"); return
        }
        #expect(reported == path)
        #expect(reason.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: s.folder + "/no-such-folder"))
    }

    @Test func settingRoundTripIsJournaled() throws {
        let s = try Scratch()
        let ws = s.workspace!
        #expect(try ws.setting("today") == nil)
        try ws.setSetting(
            "today", "2024-03-01", context: ChangeContext(operator: "alice", command: "set today 2024-03-01"))
        #expect(try ws.setting("today") == "2024-03-01")
        try ws.setSetting(
            "today", "2024-04-01", context: ChangeContext(operator: "alice", command: "set today 2024-04-01"))
        #expect(try ws.setting("today") == "2024-04-01")
        #expect(try ws.setting("other") == nil)
        try ws.setSetting("today", nil, context: ChangeContext(operator: "bob", command: "unset today"))
        #expect(try ws.setting("today") == nil)
        let journal = try ws.journal(limit: 10)
        #expect(journal.map(\.command) == ["unset today", "set today 2024-04-01", "set today 2024-03-01"])
        #expect(journal.map(\.operator) == ["bob", "alice", "alice"])
        #expect(journal[0].sequence > journal[1].sequence)
    }

    @Test func successfulImportAddsOneJournalEntry() throws {
        let s = try Scratch()
        let ws = s.workspace!
        #expect(try ws.journal(limit: 10).isEmpty)
        let path = try s.file("customers.csv", Base.customers)
        let summary = try ws.importCSV(
            .customers, path: path, options: ImportOptions(),
            context: ChangeContext(operator: "alice", command: "import customers customers.csv"))
        #expect(summary.records == 2)
        let journal = try ws.journal(limit: 10)
        #expect(journal.count == 1)
        #expect(journal.first?.operator == "alice")
        #expect(journal.first?.command == "import customers customers.csv")
        #expect(journal.first?.effect.contains("2 customers") == true)
        // The `at` stamp is an ISO 8601 instant.
        #expect(ISO8601DateFormatter().date(from: journal.first?.at ?? "") != nil)
    }

    @Test func rejectedImportAddsNoJournalEntry() throws {
        let s = try Scratch()
        let ws = s.workspace!
        try s.importText(.customers, Base.customers)
        let before = try ws.journal(limit: 10)
        let bad = try s.file("bad.csv", "id,name\nC3,\n")
        let result = rejection {
            _ = try ws.importCSV(
                .customers, path: bad, options: ImportOptions(),
                context: ChangeContext(operator: "bob", command: "import customers bad.csv"))
        }
        #expect(result.problems.count == 1)
        #expect(try ws.journal(limit: 10) == before)
    }

    @Test func missingImportFileIsAFileError() throws {
        let s = try Scratch()
        let path = s.folder + "/absent.csv"
        let error = #expect(throws: StoreError.self) {
            try s.workspace.importCSV(
                .customers, path: path, options: ImportOptions(), context: ChangeContext(operator: "t", command: "c"))
        }
        #expect(error == .file(path: path, reason: "no such file"))
    }
}
