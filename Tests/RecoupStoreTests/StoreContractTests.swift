import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing
import RecoupTestBackend

/// The store's behaviour, as every backend must show it, through the seam alone (`any
/// WorkspaceStore`): allocation and balances, ids, typed errors, conflicts, scenarios, the journal.
/// Every backend is a case of `Backend` and passes the same tests.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// SQLite in WAL mode in a file on disk: the embedded default.
    case sqliteFile
    /// The same engine on a RAM-backed folder (`/dev/shm`), standing for "in memory": a true
    /// `:memory:` SQLite database cannot serve a scenario's span, which reads the books through a
    /// second connection beside the span's open transaction.
    case sqliteInMemoryFolder
    /// A database on the PostgreSQL server named by `RECOUP_TEST_POSTGRES` (scripts/test starts one):
    /// among the cases only when a server is given (a plain `swift test` has none).
    case postgres

    static var allCases: [Backend] {
        [.sqliteFile, .sqliteInMemoryFolder] + (TestBackend.server == nil ? [] : [.postgres])
    }

    var testDescription: String { rawValue }

    /// A new, empty workspace and a second handle on it (another shell), and the folder to remove.
    func make() throws -> (store: any WorkspaceStore, colleague: any WorkspaceStore, folder: String) {
        let base =
            self == .sqliteInMemoryFolder && FileManager.default.fileExists(atPath: "/dev/shm")
            ? "/dev/shm/" : NSTemporaryDirectory()
        let folder = base + "recoup-contract-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if self == .postgres {
            let path = try TestBackend.newWorkspacePath(file: folder + "/ws.db")
            return (try TestBackend.open(path, create: true), try TestBackend.open(path), folder)
        }
        let path = folder + "/ws.db"
        let store = try Workspace.opener(path, true)
        return (store, try Workspace.opener(path, false), folder)
    }
}

@Suite struct StoreContractTests {
    let who = ChangeContext(operator: "tester", command: "contract test")

    func loaded(_ backend: Backend) throws -> (store: any WorkspaceStore, colleague: any WorkspaceStore, folder: String)
    {
        let made = try backend.make()
        let files: [(RecordKind, String)] = [
            (.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n"),
            (
                .invoices,
                "id,customer_id,issued_on,due_on,amount\nI1,C1,2024-01-01,2024-01-31,100.00\nI2,C1,2024-02-01,2024-03-02,50.00\nI3,C2,2024-01-01,2024-01-31,70.00\n"
            ),
            (.payments, "id,customer_id,received_on,amount\nP1,C1,2024-02-10,120.00\n"),
        ]
        for (kind, text) in files {
            let path = made.folder + "/\(kind.rawValue).csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try made.store.importCSV(kind, path: path, options: ImportOptions(), context: who)
        }
        return made
    }

    func open(_ s: any WorkspaceStore, _ day: String = "2024-06-30", base: Bool = false) throws -> [Money] {
        let l = try s.ledger(base: base)
        return l.balances(l.allocate(asOf: Day(day)!)).map(\.open)
    }

    @Test(arguments: Backend.allCases)
    func paymentsAllocateOldestDueFirst(_ backend: Backend) throws {
        let (s, _, folder) = try loaded(backend)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 120 pays I1 (100) then 20 of I2: C1 owes 30; C2 owes 70 (spec/workspace-csv.md allocation rule).
        #expect(try open(s) == [Money(minorUnits: 3_000), Money(minorUnits: 7_000)])
        #expect(try open(s, "2024-02-05") == [Money(minorUnits: 15_000), Money(minorUnits: 7_000)])
        let one = try s.ledger(customer: try #require(try s.customer(id: "C1")))
        #expect(one.balances(one.allocate(asOf: Day("2024-06-30")!)).first?.open == Money(minorUnits: 3_000))
    }

    @Test(arguments: Backend.allCases)
    func idsAreAllocatedInTheWriteAndDuplicatesAreNamed(_ backend: Backend) throws {
        let (s, colleague, folder) = try loaded(backend)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pay = { (id: String) in
            Payment(id: id, customerId: "C2", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 100))
        }
        let a = try s.addPayment(pay(""), context: who), b = try colleague.addPayment(pay(""), context: who)
        #expect(a == "M00000001" && b == "M00000002")
        #expect(throws: StoreError.duplicate(kind: "payment", id: "P1")) {
            try colleague.addPayment(pay("P1"), context: who)
        }
        #expect(throws: StoreError.notFound(kind: "customer", id: "C9")) {
            try s.addPayment(
                Payment(id: "", customerId: "C9", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 1)),
                context: who)
        }
    }

    @Test(arguments: Backend.allCases)
    func everyChangeIsJournaledWithItsKindAndPayload(_ backend: Backend) throws {
        let (s, _, folder) = try loaded(backend)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let change = BookChange.depositReceived(
            customer: "C1", amount: Money(minorUnits: 5_000), contract: nil, on: Day("2024-06-01")!)
        try s.perform(change, context: who)
        let entry = try #require(try s.journal(limit: 1).first)
        #expect(entry.kind == "deposit.received" && entry.operator == "tester" && entry.command == "contract test")
        #expect(entry.payload.flatMap(BookChange.decode) == change)
    }

    @Test(arguments: Backend.allCases)
    func aScenarioIsSeenInItsSpanOnlyAndACommitThatNoLongerAppliesWritesNothing(_ backend: Backend) throws {
        let (s, colleague, folder) = try loaded(backend)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pay = BookChange.paymentRecorded(
            Payment(id: "S1", customerId: "C2", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 7_000)))
        let steps = [ScenarioStep(line: "payment add C2 70 --id S1", change: pay)]
        let (inside, _) = try s.withScenario(steps, context: who) { (try open(s), try open(s, base: true)) }
        #expect(inside.0 == [Money(minorUnits: 3_000), .zero])
        #expect(inside.1 == [Money(minorUnits: 3_000), Money(minorUnits: 7_000)])
        #expect(try open(s) == [Money(minorUnits: 3_000), Money(minorUnits: 7_000)])
        try s.saveScenario("mine", steps: steps, context: who)
        try colleague.addPayment(
            Payment(id: "S1", customerId: "C2", receivedOn: Day("2024-06-02")!, amount: Money(minorUnits: 1)),
            context: who)
        let journal = try s.journal(limit: 100).count
        #expect(
            throws: StoreError.conflict(
                change: 1, summary: "payment add C2 70 --id S1", reason: "payment 'S1' already exists")
        ) {
            try s.commitScenario("mine", steps: steps, context: who)
        }
        #expect(try s.journal(limit: 100).count == journal)
        #expect(try s.savedScenario("mine")?.steps == steps)
    }

    @Test(arguments: Backend.allCases)
    func aChangeSeesTheColleaguesCommitBeforeIt(_ backend: Backend) throws {
        let (s, colleague, folder) = try loaded(backend)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = s.booksVersion()
        try colleague.receiveDeposit(
            customer: "C1", amount: Money(minorUnits: 300), contract: nil, on: Day("2024-06-01")!, context: who)
        #expect(s.booksVersion() != before)  // a shell can tell the books moved
        #expect(try s.depositMovements(customer: "C1").count == 1)
        try s.refundDeposit(
            customer: "C1", amount: Money(minorUnits: 300), contract: nil, reason: "r", on: Day("2024-06-02")!,
            context: who)
        #expect(throws: StoreError.self) {
            try colleague.refundDeposit(
                customer: "C1", amount: Money(minorUnits: 300), contract: nil, reason: "r", on: Day("2024-06-02")!,
                context: who)
        }
    }
}
