import Foundation
import RecoupCore
import RecoupStore
import Testing

/// What-if scenarios at the store: one open transaction that reads see and the books do not.
@Suite struct ScenarioTests {
    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        try s.importText(.invoices, "id,customer_id,issued_on,due_on,amount\nI1,C1,2024-01-01,2024-01-31,100.00\nI2,C2,2024-01-01,2024-01-31,50.00\n")
        return s
    }

    func open(_ ledger: Ledger, _ day: String = "2024-06-30") -> [Money] { ledger.balances(ledger.allocate(asOf: Day(day)!)).map(\.open) }

    @Test func changesInsideAScenarioAreSeenThereAndNotInTheBooks() throws {
        let s = try loaded()
        let exportBefore = try s.export(.payments)
        try s.workspace.beginScenario()
        #expect(s.workspace.scenarioIsOpen)
        try s.workspace.addPayment(Payment(id: "X1", customerId: "C1", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 4_000)), operator: "t", command: "payment add")
        try s.importText(.payments, "id,customer_id,received_on,amount\nX2,C2,2024-06-02,50.00\n")
        #expect(open(try s.workspace.ledger()) == [Money(minorUnits: 6_000), .zero])            // books + scenario
        #expect(open(try s.workspace.ledger(base: true)) == [Money(minorUnits: 10_000), Money(minorUnits: 5_000)])  // the books
        try s.workspace.discardScenario()
        #expect(!s.workspace.scenarioIsOpen)
        #expect(open(try s.workspace.ledger()) == [Money(minorUnits: 10_000), Money(minorUnits: 5_000)])
        #expect(try s.export(.payments) == exportBefore)
    }

    @Test func commitWritesTheScenarioAsOneTransaction() throws {
        let s = try loaded()
        let journalBefore = try s.workspace.journal(limit: 100).count
        try s.workspace.beginScenario()
        try s.workspace.addPayment(Payment(id: "X1", customerId: "C1", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 10_000)), operator: "t", command: "payment add")
        try s.workspace.note("whatif commit", effect: "scenario committed", operator: "t")
        try s.workspace.commitScenario()
        #expect(open(try s.workspace.ledger(base: true)) == [.zero, Money(minorUnits: 5_000)])
        #expect(try s.workspace.journal(limit: 100).count == journalBefore + 2)
        // Reopening the file sees it too.
        let again = try Workspace(path: s.workspacePath)
        #expect(try again.payments(customer: "C1").map(\.id) == ["X1"])
    }

    @Test func aFailedChangeInsideAScenarioKeepsTheRestOfIt() throws {
        let s = try loaded()
        try s.workspace.beginScenario()
        try s.workspace.addPayment(Payment(id: "X1", customerId: "C1", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 1_000)), operator: "t", command: "payment add")
        _ = rejection { try s.importText(.payments, "id,customer_id,received_on,amount\nX2,C2,2024-02-30,50.00\n") }
        #expect(throws: StoreError.self) {
            try s.workspace.addPayment(Payment(id: "X3", customerId: "NOPE", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 1)), operator: "t", command: "payment add")
        }
        #expect(try s.workspace.payments(customer: "C1").map(\.id) == ["X1"])   // still there, in the scenario
        #expect(try s.workspace.payments(customer: "C2").isEmpty)
        try s.workspace.discardScenario()
        #expect(try s.workspace.payments(customer: "C1").isEmpty)
    }

    @Test func savedScenariosRoundTrip() throws {
        let s = try loaded()
        try s.workspace.saveScenario("tier-c", commands: ["plan create C1 --term 3", "payment add C2 '50' --on 2024-06-02"], operator: "zhang")
        #expect(try s.workspace.savedScenario("tier-c")?.commands == ["plan create C1 --term 3", "payment add C2 '50' --on 2024-06-02"])
        try s.workspace.saveScenario("tier-c", commands: ["x"], operator: "li")
        #expect(try s.workspace.savedScenarios().map(\.name) == ["tier-c"])
        #expect(try s.workspace.savedScenario("tier-c")?.savedBy == "li")
        try s.workspace.beginScenario()
        #expect(throws: StoreError.self) { try s.workspace.saveScenario("other", commands: [], operator: "t") }
        try s.workspace.discardScenario()
        try s.workspace.deleteSavedScenario("tier-c")
        #expect(try s.workspace.savedScenarios().isEmpty)
    }
}
