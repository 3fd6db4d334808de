import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// The case timeline in the workspace: every change checked in its own transaction, a refused one
/// leaving the books as they were. Figures: shared/notes/collections-workflow.md (W1, W3, D2, the
/// complaint SLA) and the late-fee rule of docs/LATEFEES.md.
@Suite struct CaseStoreTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }
    func ctx(_ who: String = "li", _ command: String = "test") -> ChangeContext {
        ChangeContext(operator: who, command: command)
    }

    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        try s.importText(
            .invoices,
            """
            id,customer_id,contract_id,issued_on,due_on,amount,disputed,settled_on
            I1,C1,,2024-12-11,2025-01-10,6000.00,,
            I2,C1,,2025-01-11,2025-02-10,1000.00,,
            I3,C2,,2024-12-01,2024-12-31,500.00,yes,

            """)
        return s
    }

    /// Everything a refused change could have touched, to compare before and after.
    func snapshot(_ s: Scratch) throws -> String {
        let r = try s.workspace.caseRecords(customer: nil)
        let journal = try s.workspace.journal(limit: 10_000).count
        return
            "\(r.contacts.count) \(r.promises.map(\.cancelledOn)) \(r.disputes) \(r.complaints) \(r.writeOffs) \(journal)"
    }

    func refused(_ s: Scratch, _ change: BookChange, who: String = "li", _ check: (StoreError) -> Bool) throws {
        let before = try snapshot(s)
        do {
            try s.workspace.perform(change, context: ctx(who))
            Issue.record("\(change.kind) was not refused")
        } catch {
            #expect(check(error), "\(error.message)")
        }
        #expect(try snapshot(s) == before)
    }

    @Test func contactGuardRefusesASecondCallTheSameDayUnlessForced() throws {
        let s = try loaded()
        let call = Contact(customerId: "C1", on: d("2025-03-03"), channel: .phone)
        #expect(try s.workspace.perform(.contactLogged(call), context: ctx()).id == "K00000001")
        try refused(s, .contactLogged(call)) { $0.message.contains("contact.min_interval_days is 1") }
        var inbound = call
        inbound.direction = .in
        #expect(try s.workspace.perform(.contactLogged(inbound), context: ctx()).id == "K00000002")
        var forced = call
        forced.forcedReason = "the customer asked to be called back"
        #expect(try s.workspace.perform(.contactLogged(forced), context: ctx()).id == "K00000003")
        // The next day is outside the 1-day interval.
        var next = call
        next.on = d("2025-03-04")
        #expect(try s.workspace.perform(.contactLogged(next), context: ctx()).id == "K00000004")
        // A demand letter after the call is not held back: the interval counts live contacts only.
        var letter = next
        letter.channel = .letter; letter.demand = true
        #expect(try s.workspace.perform(.contactLogged(letter), context: ctx()).id == "K00000005")
        let logged = try s.workspace.caseRecords(customer: "C1").contacts
        #expect(logged.map(\.forcedReason) == [nil, nil, "the customer asked to be called back", nil, nil])
        // An invoice of another customer is refused.
        var wrong = next
        wrong.on = d("2025-03-10"); wrong.invoiceIds = ["I3"]
        try refused(s, .contactLogged(wrong)) { $0.message.contains("is C2's, not C1's") }
    }

    @Test func aDatedDisputeHoldsLateFeesForItsDaysOnly() throws {
        let s = try loaded()
        let dispute = Dispute(invoiceId: "I1", customerId: "", reason: .price, openedOn: d("2025-02-01"))
        let id = try s.workspace.perform(.disputeOpened(dispute), context: ctx()).id
        #expect(id == "D00000001")
        try refused(s, .disputeOpened(dispute)) { $0.message.contains("already has dispute D00000001 open") }
        try s.workspace.perform(
            .disputeResolved(id: id, outcome: .invalid, credit: nil, on: d("2025-02-16"), note: "单价无误"),
            context: ctx())
        // 6,000.00 at 0.05 %/day = 3.00 a day; as of 2025-03-12, 61 days late, 15 held (Feb 1-15): 138.00.
        let ledger = try s.workspace.ledger(customer: try s.workspace.customer(id: "C1")!)
        let rule = LateFee(lossRate: Rate.fraction("0.0345")!)
        let fees = rule.accrue(ledger, ledger.allocate(asOf: d("2025-03-12"), record: true)) { _ in
            LateFee.Clause(rate: Rate.fraction("0.0005")!)
        }
        let i1 = ledger.invoiceIds.firstIndex(of: "I1")!
        #expect(fees[i1]?.fee == y(138))
        #expect(fees[i1]?.daysLate == 61)
        // A resolved dispute cannot be resolved again.
        try refused(
            s, .disputeResolved(id: id, outcome: .valid, credit: nil, on: d("2025-02-20"), note: nil)
        ) { $0.message.contains("was resolved on 2025-02-16") }
    }

    @Test func anImportedDisputeIsResolvedLikeAnyOther() throws {
        let s = try loaded()
        let open = try s.workspace.caseRecords(customer: "C2").disputes
        #expect(open.map(\.id) == ["D-I3"])
        #expect(open.first?.openedOn == d("2024-12-01") && open.first?.isOpen(on: d("2025-06-01")) == true)
        let c2 = try s.workspace.customer(id: "C2")!
        #expect(
            try s.workspace.ledger(customer: c2).balances(
                s.workspace.ledger(customer: c2).allocate(asOf: d("2025-01-31")))[0].disputed == y(500))
        // A valid dispute with a credit note of 200 (D2: credited, not paid): the invoice owes 300.
        try refused(s, .disputeResolved(id: "D-I3", outcome: .valid, credit: y(600), on: d("2025-02-01"), note: nil)) {
            $0.message.contains("at most 500.00")
        }
        try s.workspace.perform(
            .disputeResolved(id: "D-I3", outcome: .valid, credit: y(200), on: d("2025-02-01"), note: "数量短少"),
            context: ctx())
        let ledger = try s.workspace.ledger(customer: c2)
        let after = ledger.balances(ledger.allocate(asOf: d("2025-02-01")))[0]
        #expect(after.open == y(300) && after.disputed == .zero)
        let before = ledger.balances(ledger.allocate(asOf: d("2025-01-31")))[0]
        #expect(before.open == y(500) && before.disputed == y(500))  // the hold and the credit are dated
        // The credit note is not cash: the customer's cash payments stay empty.
        #expect(ledger.cashPayments(customer: 0).isEmpty)
        // Export writes the flag back only while a dispute is open.
        let file = s.folder + "/inv.csv"
        try s.workspace.exportCSV(.invoices, path: file)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("I3,") }.map { !$0.contains("yes") } == true)
    }

    @Test func writeOffsFollowTheFineractRules() throws {
        let s = try loaded()
        try s.workspace.addPayment(
            Payment(id: "P1", customerId: "C1", receivedOn: d("2025-05-10"), amount: y(1000), invoiceId: "I1"),
            context: ctx())
        func request(_ on: String, _ amount: Money? = nil, invoice: String? = "I1") -> BookChange {
            .writtenOff(
                WriteOffRequest(
                    customerId: "C1", invoiceId: invoice, amount: amount, on: d(on), reason: "债务人注销", evidence: nil,
                    revenue: nil))
        }
        // W1: last repayment 2025-05-10; a write-off dated 05-09 is refused, 05-10 is not.
        try refused(s, request("2025-05-09")) { $0.message.contains("was last paid on 2025-05-10") }
        try refused(s, request("2025-05-10", y(5001))) { $0.message.contains("only 5000.00 is open") }
        #expect(try s.workspace.perform(request("2025-05-10"), context: ctx()).id == "W00000001")
        let c1 = try s.workspace.customer(id: "C1")!
        var ledger = try s.workspace.ledger(customer: c1)
        var b = ledger.balances(ledger.allocate(asOf: d("2025-06-01")))[0]
        #expect(b.open == y(1000))  // I2 only; I1's 5,000 written off
        // A customer-wide write-off takes what is open oldest due first; money afterwards is unapplied.
        #expect(try s.workspace.perform(request("2025-06-01", invoice: nil), context: ctx()).id == "W00000002")
        try s.workspace.addPayment(
            Payment(id: "P2", customerId: "C1", receivedOn: d("2025-07-01"), amount: y(300)), context: ctx())
        ledger = try s.workspace.ledger(customer: c1)
        b = ledger.balances(ledger.allocate(asOf: d("2025-07-01")))[0]
        #expect(b.open == .zero && b.unapplied == y(300))
        let w = try s.workspace.caseRecords(customer: "C1").writeOffs
        #expect(w.map(\.amount) == [y(5000), y(1000)])
        #expect(w.map { $0.parts.map(\.invoiceId) } == [["I1"], ["I2"]])
    }

    @Test func complaintsAreResolvedBySomeoneElseAndExtendedWithinTheLimit() throws {
        let s = try loaded()
        let c = Complaint(customerId: "C1", tier: .complex, receivedOn: d("2025-03-03"), note: "对账差异", about: "li")
        let id = try s.workspace.perform(.complaintOpened(c), context: ctx()).id
        // The complaint SLA: received 2025-03-03, complex: due 2025-04-02; with 30 days more 2025-05-02.
        #expect(c.due(simpleDays: 15, complexDays: 30) == d("2025-04-02"))
        try s.workspace.perform(.complaintExtended(id: id, days: 30, reason: "需调取录音"), context: ctx())
        try refused(s, .complaintExtended(id: id, days: 1, reason: "more")) {
            $0.message.contains("complaint.max_extension_days is 30, 30 used")
        }
        let extended = try s.workspace.caseRecords(customer: "C1").complaints[0]
        #expect(extended.due(simpleDays: 15, complexDays: 30) == d("2025-05-02"))
        try refused(s, .complaintResolved(id: id, on: d("2025-03-20"), note: "ok"), who: "li") {
            $0.message.contains("another operator must resolve it")
        }
        try s.workspace.perform(.complaintResolved(id: id, on: d("2025-03-20"), note: "已致歉"), context: ctx("wang"))
        #expect(try s.workspace.caseRecords(customer: "C1").complaints[0].resolvedBy == "wang")
    }

    @Test func aDecidedPromiseCannotBeCancelledAndDecisionsAreRecordedOnce() throws {
        let s = try loaded()
        let p = Promise(customerId: "C1", amount: y(1000), madeOn: d("2025-03-01"), promisedOn: d("2025-03-05"))
        let id = try s.workspace.perform(.promiseMade(p), context: ctx()).id
        try s.workspace.addPayment(
            Payment(id: "P1", customerId: "C1", receivedOn: d("2025-03-04"), amount: y(1000)), context: ctx())
        try refused(s, .promiseCancelled(id: id, on: d("2025-03-06"), reason: "plan")) {
            $0.message.contains("is kept as of 2025-03-06")
        }
        let standing = try s.workspace.promiseStandings(customer: "C1", asOf: d("2025-03-06"))
        #expect(standing.map(\.status) == [.kept] && standing.first?.decidedOn == d("2025-03-04"))
        let decision = PromiseDecision(
            promiseId: id, customerId: "C1", status: .kept, on: d("2025-03-04"), paid: y(1000))
        try s.workspace.perform(.promisesDecided([decision]), context: ctx())
        try s.workspace.perform(
            .promisesDecided([
                PromiseDecision(promiseId: id, customerId: "C1", status: .broken, on: d("2025-03-09"), paid: .zero)
            ]),
            context: ctx())
        #expect(try s.workspace.caseRecords(customer: "C1").recordedDecisions[id]?.status == "kept")
        // A promise due before it is made is refused.
        try refused(
            s,
            .promiseMade(Promise(customerId: "C1", amount: y(1), madeOn: d("2025-03-05"), promisedOn: d("2025-03-04")))
        ) {
            $0.message.contains("a day before it")
        }
    }

    @Test func legalStepsAreDatedInOrderAndACaseClosesOnce() throws {
        let s = try loaded()
        let id = try s.workspace.perform(
            .legalCaseOpened(LegalCase(customerId: "C1", invoiceIds: ["I1"], openedOn: d("2025-05-01"))), context: ctx()
        ).id
        try s.workspace.perform(
            .legalStepRecorded(caseId: id, step: .init(step: .paymentOrder, on: d("2025-05-06"))), context: ctx())
        try refused(s, .legalStepRecorded(caseId: id, step: .init(step: .suit, on: d("2025-05-01")))) {
            $0.message.contains("steps are recorded in date order")
        }
        try s.workspace.perform(
            .legalStepRecorded(caseId: id, step: .init(step: .closed, on: d("2025-06-01"))), context: ctx())
        try refused(s, .legalStepRecorded(caseId: id, step: .init(step: .suit, on: d("2025-06-02")))) {
            $0.message.contains("was closed on 2025-06-01")
        }
        let k = try s.workspace.caseRecords(customer: "C1").legalCases[0]
        #expect(k.steps.map(\.step) == [.paymentOrder, .closed])
        // L13: a payment order received 2025-05-06: pay or object by 2025-05-21.
        #expect(k.steps[0].step.clock(from: k.steps[0].on)?.due == d("2025-05-21"))
    }
}
