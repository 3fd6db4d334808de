import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing
import RecoupTestBackend

/// What-if scenarios at the store: typed changes replayed over the books as they are now, in a span
/// that is rolled back; a commit that applies them again, checked; and several workspaces (shells)
/// on one file at once.
@Suite struct ScenarioTests {
    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        try s.importText(
            .invoices,
            "id,customer_id,issued_on,due_on,amount\nI1,C1,2024-01-01,2024-01-31,100.00\nI2,C2,2024-01-01,2024-01-31,50.00\n"
        )
        return s
    }

    let context = ChangeContext(operator: "t", command: "test")
    func open(_ ledger: Ledger, _ day: String = "2024-06-30") -> [Money] {
        ledger.balances(ledger.allocate(asOf: Day(day)!)).map(\.open)
    }
    func pay(_ id: String, _ customer: String, _ fen: Int64) -> Payment {
        Payment(id: id, customerId: customer, receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: fen))
    }

    @Test func changesInsideTheSpanAreSeenThereAndNotInTheBooks() throws {
        let s = try loaded()
        let exportBefore = try s.export(.payments)
        let (seen, made) = try s.workspace.withScenario([], context: context) {
            #expect(s.workspace.scenarioIsOpen)
            try s.workspace.addPayment(pay("X1", "C1", 4_000), context: context)
            return (try open(s.workspace.ledger()), try open(s.workspace.ledger(base: true)))
        }
        #expect(seen.0 == [Money(minorUnits: 6_000), Money(minorUnits: 5_000)])  // books + scenario
        #expect(seen.1 == [Money(minorUnits: 10_000), Money(minorUnits: 5_000)])  // the books
        #expect(made == [.paymentRecorded(pay("X1", "C1", 4_000))])
        #expect(!s.workspace.scenarioIsOpen)
        #expect(try s.export(.payments) == exportBefore)
        // Replayed later, the same change is seen again.
        let again = try s.workspace.withScenario(made.map { ScenarioStep(line: "x", change: $0) }, context: context) {
            try open(s.workspace.ledger())
        }
        #expect(again.0 == [Money(minorUnits: 6_000), Money(minorUnits: 5_000)])
        #expect(again.1.isEmpty)
    }

    @Test func aColleaguesWriteLandsWhileAScenarioIsOpenAndTheScenarioSeesIt() throws {
        let s = try loaded()
        let steps = [ScenarioStep(line: "payment add C1 40", change: .paymentRecorded(pay("", "C1", 4_000)))]
        try s.workspace.saveScenario("mine", steps: steps, context: context)
        let colleague = try TestBackend.open(s.workspacePath, lockTimeout: 1)
        try colleague.addPayment(pay("", "C1", 1_000), context: context)  // no lock held between commands
        let (seen, _) = try s.workspace.withScenario(steps, context: context) { try open(s.workspace.ledger()) }
        #expect(seen == [Money(minorUnits: 5_000), Money(minorUnits: 5_000)])
        // The scenario's payment takes the id that is free when it is committed: M00000002.
        try s.workspace.commitScenario("mine", steps: steps, context: context)
        #expect(try s.workspace.payments(customer: "C1").map(\.id) == ["M00000001", "M00000002"])
        #expect(try s.workspace.savedScenario("mine") == nil)
        #expect(try s.workspace.journal(limit: 5).map(\.kind).prefix(2) == ["scenario.committed", "payment.recorded"])
    }

    @Test func aCommitWhoseChangeNoLongerAppliesWritesNothing() throws {
        let s = try loaded()
        try s.workspace.receiveDeposit(
            customer: "C1", amount: Money(minorUnits: 80_000), contract: nil, on: Day("2024-07-01")!, context: context)
        let refund = BookChange.depositRefunded(
            customer: "C1", amount: Money(minorUnits: 80_000), contract: nil, reason: "scenario", on: Day("2024-07-20")!
        )
        let steps = [
            ScenarioStep(line: "payment add C2 10", change: .paymentRecorded(pay("S1", "C2", 1_000))),
            ScenarioStep(line: "deposit refund C1 800", change: refund),
        ]
        try s.workspace.saveScenario("mine", steps: steps, context: context)
        try s.workspace.refundDeposit(
            customer: "C1", amount: Money(minorUnits: 80_000), contract: nil, reason: "colleague",
            on: Day("2024-07-21")!,
            context: context)
        let before = try s.snapshot()
        let error = #expect(throws: StoreError.self) {
            try s.workspace.commitScenario("mine", steps: steps, context: context)
        }
        guard case .conflict(let n, let line, let reason)? = error else {
            Issue.record("expected a conflict, got \(String(describing: error))"); return
        }
        #expect(n == 2 && line == "deposit refund C1 800")
        #expect(reason.contains("holds"), "reason: \(reason)")
        #expect(try s.snapshot() == before)  // not even the first change landed
        #expect(try s.workspace.savedScenario("mine")?.steps == steps)
        // Shown inside the scenario, the same conflict is named before anything runs.
        #expect(throws: StoreError.self) { _ = try s.workspace.withScenario(steps, context: context) { true } }
    }

    @Test func twoShellsTakingTheSameIdOneLandsTheOtherIsToldWhy() throws {
        let s = try loaded()
        let a = try TestBackend.open(s.workspacePath), b = try TestBackend.open(s.workspacePath)
        try a.addPayment(pay("P1", "C1", 100), context: context)
        #expect(throws: StoreError.duplicate(kind: "payment", id: "P1")) {
            try b.addPayment(pay("P1", "C2", 100), context: context)
        }
        #expect(StoreError.duplicate(kind: "payment", id: "P1").message == "payment 'P1' already exists")
    }

    @Test func concurrentWritersAllLandWithDistinctIds() async throws {
        let s = try loaded()
        let path = s.workspacePath
        // 4 workspaces (as 4 shells would open) x 25 payments without ids, started together.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let ws = try TestBackend.open(path)
                    for _ in 0..<25 {
                        try ws.addPayment(
                            Payment(
                                id: "", customerId: "C2", receivedOn: Day("2024-06-01")!, amount: Money(minorUnits: 1)),
                            context: ChangeContext(operator: "t", command: "payment add"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let ids = try s.workspace.payments(customer: "C2").map(\.id)
        #expect(ids.count == 100 && Set(ids).count == 100)
    }

    @Test func twoShellsRefundingOneDepositCannotBothSucceed() async throws {
        let s = try loaded()
        try s.workspace.receiveDeposit(
            customer: "C1", amount: Money(minorUnits: 500), contract: nil, on: Day("2024-07-01")!, context: context)
        let path = s.workspacePath
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let ws = try TestBackend.open(path)
                    do {
                        try ws.refundDeposit(
                            customer: "C1", amount: Money(minorUnits: 500), contract: nil, reason: "race",
                            on: Day("2024-07-02")!,
                            context: ChangeContext(operator: "t", command: "deposit refund"))
                        return true
                    } catch { return false }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(try s.workspace.depositMovements(customer: "C1").filter { $0.kind == .refund }.count == 1)
    }

    @Test func aWriterWaitsForTheLockThenSaysBusy() throws {
        let s = try loaded()
        let impatient = try TestBackend.open(s.workspacePath, lockTimeout: 0.2)
        let before = try s.snapshot()
        // Hold the write lock in a span, as a long command would, and try to write from another shell.
        let (error, _) = try s.workspace.withScenario([], context: context) { () -> StoreError? in
            do { try impatient.addPayment(pay("B1", "C1", 100), context: context); return nil } catch let e
                as StoreError
            { return e } catch { return nil }
        }
        #expect(error == .busy(seconds: 0.2))
        #expect(error?.message == "another shell kept the workspace locked for more than 0.2 s; nothing was written")
        #expect(try s.snapshot() == before)
    }

    @Test func savedScenariosRoundTripAsTypedChanges() throws {
        let s = try loaded()
        let steps = [
            ScenarioStep(
                line: "policy set deposit.C.saas 50%",
                change: .policySet([PolicyValue(key: "deposit.C.saas", value: "50%")])),
            ScenarioStep(line: "payment add C2 50 --on 2024-06-02", change: .paymentRecorded(pay("", "C2", 5_000))),
        ]
        try s.workspace.saveScenario(
            "tier-c", steps: steps, context: ChangeContext(operator: "zhang", command: "whatif begin"))
        #expect(try s.workspace.savedScenario("tier-c")?.steps == steps)
        #expect(try s.workspace.savedScenario("tier-c")?.legacyCommands == nil)
        try s.workspace.saveScenario(
            "tier-c", steps: [], context: ChangeContext(operator: "li", command: "whatif drop 1"))
        #expect(try s.workspace.savedScenarios().map(\.name) == ["tier-c"])
        #expect(try s.workspace.savedScenario("tier-c")?.savedBy == "li")
        try s.workspace.restoreLegacyScenario(
            "old", commands: ["payment add C1 10"], savedAt: "2026-11-01T00:00:00Z", savedBy: "wang")
        #expect(try s.workspace.savedScenario("old")?.legacyCommands == ["payment add C1 10"])
        try s.workspace.deleteSavedScenario("tier-c")
        #expect(try s.workspace.savedScenarios().map(\.name) == ["old"])
    }

    @Test func everyChangeRoundTripsThroughItsCanonicalPayload() throws {
        let changes: [BookChange] = [
            .paymentRecorded(pay("", "C1", 1)), .paymentApplied(payment: "P1", invoice: "I1", amount: nil),
            .depositApplied(customer: "C1", invoice: "I1", amount: Money(minorUnits: 5), on: Day("2024-01-02")!),
            .lateFeesPosted(
                fees: [AccruedFee(customerId: "C1", invoiceId: "I1", fee: Money(minorUnits: 15_000))],
                asOf: Day("2024-03-31")!),
            .lateFeesWaived(customer: "C1", invoice: nil, amount: nil, on: Day("2024-04-01")!, reason: "goodwill"),
            .policySet([PolicyValue(key: "promise.grace_days", value: "2")]),
        ]
        for c in changes {
            #expect(BookChange.decode(c.payload) == c)
            #expect(c.payload == BookChange.decode(c.payload)?.payload)  // canonical: the same bytes again
        }
    }
}
