import Foundation
import RecoupCore
import RecoupSQL
import RecoupStore
import Testing

/// Every field of two ledgers, compared (`Ledger` holds tuples, so it is not `Equatable`).
func sameLedger(_ a: Ledger, _ b: Ledger) -> Bool {
    a.customerIds == b.customerIds && a.invoiceStart == b.invoiceStart && a.invoiceIds == b.invoiceIds
        && a.invoiceIssued == b.invoiceIssued && a.invoiceDue == b.invoiceDue && a.invoiceAmount == b.invoiceAmount
        && a.invoiceHolds == b.invoiceHolds && a.paymentCustomer == b.paymentCustomer && a.paymentDay == b.paymentDay
        && a.paymentAmount == b.paymentAmount && a.paymentTarget == b.paymentTarget && a.paymentHeld == b.paymentHeld
        && a.paymentManual.keys.sorted() == b.paymentManual.keys.sorted()
        && a.paymentManual.allSatisfy { k, v in
            let w = b.paymentManual[k] ?? []
            return v.count == w.count && zip(v, w).allSatisfy { $0.invoice == $1.invoice && $0.amount == $1.amount }
        }
        && a.paymentIsRestructuring == b.paymentIsRestructuring && a.invoiceContract == b.invoiceContract
        && a.contractIds == b.contractIds && a.paymentPlan == b.paymentPlan && a.planObligations == b.planObligations
        && a.paymentIds == b.paymentIds
}

/// The whole-portfolio ledger kept beside a workspace file: used only when it is the books as they
/// are, rebuilt when stale, damaged or cut short, never misread.
@Suite struct SnapshotTests {
    func portfolio() throws -> Scratch {
        let s = try Scratch(file: true)
        let folder = s.folder + "/generated"
        try PortfolioFiles.write(PortfolioGenerator(customers: 40, seed: 7).generate(), to: folder)
        for kind in RecordKind.allCases {
            try s.workspace.importCSV(
                kind, path: folder + "/\(kind.rawValue).csv", options: ImportOptions(),
                context: ChangeContext(operator: "t", command: "import"))
        }
        try s.workspace.perform(
            .disputeOpened(
                Dispute(
                    invoiceId: try s.workspace.invoices(customer: "C000001")[0].id, customerId: "C000001",
                    amount: Money(minorUnits: 1_00), reason: .quantity, openedOn: Day("2025-10-01")!)),
            context: ChangeContext(operator: "t", command: "dispute open"))
        return s
    }

    var snapshot: (Scratch) -> String { { $0.workspacePath + ".ledger" } }

    /// The newest journal entry's number, which leads the snapshot's key.
    func head(_ s: Scratch) throws -> Int { try s.workspace.journal(JournalFilter(limit: 1)).first?.sequence ?? 0 }

    @Test func theSecondReadComesFromTheSnapshotAndEqualsTheBooks() throws {
        let s = try portfolio()
        let books = try s.workspace.ledger()
        #expect(FileManager.default.fileExists(atPath: snapshot(s)))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot(s)))
        // The file is the encoding of the books at the workspace's key, and decodes to them.
        let key = bytes.withUnsafeBytes { LedgerSnapshot.key(of: $0) }
        #expect(key?.hasPrefix("\(try head(s)):") == true, "keyed to the journal's head: \(key ?? "-")")
        // Written array by array to the file, the same bytes as encoded in memory.
        #expect(Array(bytes) == LedgerSnapshot.encode(books, key: key ?? ""))
        let kept = try s.workspace.ledger()
        #expect(sameLedger(books, kept))
        #expect(!books.invoiceHolds.isEmpty, "the dispute's hold is part of what is kept")
        for day in ["2025-06-30", "2026-11-30"] {
            #expect(kept.balances(kept.allocate(asOf: Day(day)!)) == books.balances(books.allocate(asOf: Day(day)!)))
        }
        // Another key, the same bytes: refused.
        #expect(bytes.withUnsafeBytes { LedgerSnapshot.decode($0, key: "0:-:0:0") } == nil)
    }

    @Test func aChangeToTheBooksMakesItStaleAndItIsRebuilt() throws {
        let s = try portfolio()
        let before = try s.workspace.ledger()
        try s.workspace.addPayment(
            Payment(
                id: "NEW1", customerId: "C000002", receivedOn: Day("2026-11-01")!, amount: Money(minorUnits: 123_45)),
            context: ChangeContext(operator: "t", command: "payment add"))
        let after = try s.workspace.ledger()
        #expect(after.paymentAmount.count == before.paymentAmount.count + 1)
        #expect(after.paymentAmount.contains(123_45))
        let key = try Data(contentsOf: URL(fileURLWithPath: snapshot(s))).withUnsafeBytes { LedgerSnapshot.key(of: $0) }
        #expect(key?.hasPrefix("\(try head(s)):") == true, "rewritten at the new journal head: \(key ?? "-")")
        #expect(sameLedger(after, try s.workspace.ledger()))
    }

    @Test(arguments: ["flip", "truncate", "empty", "garbage"])
    func aDamagedSnapshotIsNeverUsed(_ damage: String) throws {
        let s = try portfolio()
        let books = try s.workspace.ledger()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: snapshot(s))))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes = Array(repeating: 0xA5, count: 4096)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot(s)))
        #expect(bytes.withUnsafeBytes { LedgerSnapshot.decode($0, key: LedgerSnapshot.key(of: $0) ?? "") } == nil)
        #expect(sameLedger(books, try s.workspace.ledger()))
        // ... and a whole one is written again.
        let again = try Data(contentsOf: URL(fileURLWithPath: snapshot(s)))
        #expect(
            again.withUnsafeBytes { raw in LedgerSnapshot.key(of: raw).flatMap { LedgerSnapshot.decode(raw, key: $0) } }
                != nil)
    }
}
