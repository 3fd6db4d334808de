import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// Operators, approvals (maker-checker) and the hash-chained journal in the workspace. Figures:
/// shared/notes/collections-workflow.md, "Hash chain" and "Maker-checker" (M1-M3) test vectors.
@Suite struct TeamStoreTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }
    func ctx(_ who: String, _ command: String = "test") -> ChangeContext {
        ChangeContext(operator: who, command: command)
    }

    /// The published chain: three lines, genesis 64 zeros, hash = SHA-256(prev ‖ "\n" ‖ line).
    @Test func chainMatchesThePublishedVectors() {
        let lines = [
            "1|2025-03-01T09:00:00+08:00|op:li|contact.log|C001|phone;outcome=PTP;amount_fen=1000000",
            "2|2025-03-01T09:05:00+08:00|op:li|ptp.create|C001|amount_fen=1000000;due=2025-03-10;grace=3",
            "3|2025-03-02T10:00:00+08:00|op:wang|waiver.approve|C001|amount_fen=50000;maker=op:li",
        ]
        var prev = JournalChain.genesis
        var hashes: [String] = []
        for l in lines {
            prev = JournalChain.hash(prev: prev, line: l)
            hashes.append(prev)
        }
        #expect(hashes[0] == "2de986a6694214e259d0fba943987a1145c26c5536c0746ac705d92b800faaef")
        #expect(hashes[1] == "d742b2ff082d9ab635a8c76b9f1f727c3e871101faa9fb598e420986f028ce4f")
        #expect(hashes[2] == "168a207c0dd2497b4b08e8ff2e4ec78aefe77964e1062ee4f42118b67e5bda11")
        // Tampering line 2's amount: its recomputed hash starts 9846ba7b and ends 8a35.
        let tampered = JournalChain.hash(
            prev: hashes[0], line: lines[1].replacingOccurrences(of: "1000000", with: "900000"))
        #expect(tampered.hasPrefix("9846ba7b") && tampered.hasSuffix("8a35"))
    }

    @Test func fieldsAreEscapedSoNoTwoEntriesShareALine() {
        let a = JournalEntry(sequence: 1, at: "t", operator: "li", command: "a|b", effect: "c")
        let b = JournalEntry(sequence: 1, at: "t", operator: "li", command: "a", effect: "b|c")
        #expect(JournalChain.line(a) != JournalChain.line(b))
    }

    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\n")
        try s.importText(
            .invoices,
            """
            id,customer_id,contract_id,issued_on,due_on,amount,disputed,settled_on
            I1,C1,,2024-08-31,2024-09-30,7500.00,,

            """)
        return s
    }

    @Test func everyWriteIsChainedAndTheTableRefusesEdits() throws {
        let s = try loaded()
        for k in 1...3 {
            try s.workspace.perform(
                .paymentRecorded(
                    Payment(id: "P\(k)", customerId: "C1", receivedOn: d("2024-10-0\(k)"), amount: y(Int64(k)))),
                context: ctx("li"))
        }
        let v = try s.workspace.verifyJournal()
        #expect(v.holds && v.count == 5 && v.lastSequence == 5)
        let newest = try #require(try s.workspace.journal(limit: 1).first)
        #expect(newest.hash == v.lastHash && newest.customer == "C1" && newest.kind == "payment.recorded")
        // Filters: by kind's first part, by customer, by operator.
        #expect(try s.workspace.journal(JournalFilter(kind: "payment")).count == 3)
        #expect(try s.workspace.journal(JournalFilter(operator: "nobody")).isEmpty)
        // The triggers refuse UPDATE and DELETE from any client (here the sqlite3 shell).
        #expect(try sqlite3(s.workspacePath, "UPDATE journal SET effect = 'x' WHERE seq = 4") != 0)
        #expect(try sqlite3(s.workspacePath, "DELETE FROM journal WHERE seq = 5") != 0)
        #expect(try s.workspace.verifyJournal().count == 5)
    }

    @Test func checkpointsAreSignedAndATamperedOneFails() throws {
        let key = JournalCheckpoint.newKey()
        let c = try JournalCheckpoint.signed(
            sequence: 12, hash: String(repeating: "a", count: 64), at: "2026-12-03T08:00:00Z", operator: "li",
            workspace: "/srv/team.db", key: key)
        let read = try #require(JournalCheckpoint(text: c.text))
        #expect(read == c && read.signatureHolds)
        var forged = read
        forged.sequence = 11
        #expect(!forged.signatureHolds)
        #expect(JournalCheckpoint.publicKey(of: key) == c.publicKey)
    }

    @Test func theFirstOperatorIsTheOneAddingIt() throws {
        let s = try loaded()
        let admin = Operator(login: "li", name: "李娜", role: .admin)
        #expect(throws: StoreError.self) { try s.workspace.perform(.operatorAdded(admin), context: ctx("wang")) }
        var lead = admin
        lead.role = .lead
        #expect(throws: StoreError.self) { try s.workspace.perform(.operatorAdded(lead), context: ctx("li")) }
        try s.workspace.perform(.operatorAdded(admin), context: ctx("li"))
        // Now only an admin adds operators, and an account that is not one is refused.
        try s.workspace.perform(
            .operatorAdded(Operator(login: "wang", name: "王芳", role: .collector)), context: ctx("li"))
        #expect(throws: StoreError.self) {
            try s.workspace.perform(
                .operatorAdded(Operator(login: "zhao", name: "赵", role: .admin)), context: ctx("wang"))
        }
        do {
            try s.workspace.perform(
                .paymentRecorded(Payment(id: "", customerId: "C1", receivedOn: d("2024-10-01"), amount: y(1))),
                context: ctx("zhao"))
            Issue.record("a stranger's payment was recorded")
        } catch {
            #expect(error.message.contains("'zhao' is not an operator"))
        }
        // The last admin cannot be removed or demoted.
        #expect(throws: StoreError.self) { try s.workspace.perform(.operatorRemoved(login: "li"), context: ctx("li")) }
        #expect(throws: StoreError.self) {
            try s.workspace.perform(.operatorRoleSet(login: "li", role: .lead), context: ctx("li"))
        }
        #expect(try s.workspace.operators().map(\.login) == ["li", "wang"])
    }

    func team() throws -> Scratch {
        let s = try loaded()
        try s.workspace.perform(.operatorAdded(Operator(login: "li", name: "李娜", role: .admin)), context: ctx("li"))
        for (login, role) in [("wang", Role.collector), ("zhou", .lead), ("qian", .finance)] {
            try s.workspace.perform(.operatorAdded(Operator(login: login, name: login, role: role)), context: ctx("li"))
        }
        try s.workspace.perform(
            .policySet([PolicyValue(key: "approval.waive_limit", value: "150")]), context: ctx("li"))
        // 7,500.00 due 2024-09-30 at 0.05 %/day: 225.00 accrued to 2024-11-29 (collections-workflow M-style figure).
        try s.workspace.perform(
            .lateFeesPosted(fees: [AccruedFee(customerId: "C1", invoiceId: "I1", fee: y(225))], asOf: d("2024-11-29")),
            context: ctx("li"))
        return s
    }

    func waived(_ s: Scratch) throws -> Money {
        Money(
            minorUnits:
                -(try s.workspace.charges(customer: "C1").filter { $0.amount.isNegative }
                .reduce(Int64(0)) { $0 + $1.amount.minorUnits }))
    }

    func requested(_ body: () throws -> Void) -> ApprovalRequested? {
        do { try body() } catch { if case .approvalRequested(let r) = error as? StoreError { return r } }
        return nil
    }

    /// M1: a waiver over the limit waits; the maker cannot approve it; a lead can, and it applies.
    @Test func aWaiverOverTheLimitWaitsForALead() throws {
        let s = try team()
        let waive = BookChange.lateFeesWaived(
            customer: "C1", invoice: "I1", amount: y(180), on: d("2024-11-30"), reason: "困难")
        let r = try #require(requested { try s.workspace.perform(waive, context: ctx("wang")) })
        #expect(r.id == "A000001" && r.approvers == [.lead, .finance])
        #expect(try waived(s) == .zero)
        #expect(try s.workspace.approvals(status: .pending, customer: "C1").map(\.id) == ["A000001"])
        #expect(throws: StoreError.self) {
            try s.workspace.decideApproval("A000001", approve: true, note: nil, context: ctx("wang"))
        }
        _ = try s.workspace.decideApproval("A000001", approve: true, note: "同意减免", context: ctx("zhou"))
        #expect(try waived(s) == y(180))
        let a = try #require(try s.workspace.approvals(status: nil, customer: nil).first)
        #expect(a.status == .approved && a.checker == "zhou" && a.note == "同意减免")
        let entry = try #require(try s.workspace.journal(limit: 1).first)
        #expect(entry.kind == "approval.approved" && entry.operator == "zhou")
        // Within the limit it applies at once; a decided request cannot be decided again.
        try s.workspace.perform(
            .lateFeesWaived(customer: "C1", invoice: "I1", amount: y(30), on: d("2024-11-30"), reason: "小额"),
            context: ctx("wang"))
        #expect(try waived(s) == y(210))
        #expect(throws: StoreError.self) {
            try s.workspace.decideApproval("A000001", approve: true, note: nil, context: ctx("qian"))
        }
        #expect(try s.workspace.verifyJournal().holds)
    }

    /// M2 and M3: a request that no longer applies is marked failed; a rejection stays on record.
    @Test func aRequestThatNoLongerAppliesFailsAndARejectionStays() throws {
        let s = try team()
        let w = WriteOffRequest(
            customerId: "C1", invoiceId: "I1", amount: nil, on: d("2024-11-30"), reason: "债务人注销", evidence: nil,
            revenue: nil)
        let r = try #require(requested { try s.workspace.perform(.writtenOff(w), context: ctx("wang")) })
        #expect(r.approvers == [.finance])
        // A lead may not approve a write-off.
        #expect(throws: StoreError.self) {
            try s.workspace.decideApproval(r.id, approve: true, note: nil, context: ctx("zhou"))
        }
        // Paid in full meanwhile (after the write-off's day): the approval fails, nothing is written off.
        try s.workspace.perform(
            .paymentRecorded(Payment(id: "PX", customerId: "C1", receivedOn: d("2024-12-05"), amount: y(7500))),
            context: ctx("wang"))
        #expect(throws: StoreError.self) {
            try s.workspace.decideApproval(r.id, approve: true, note: nil, context: ctx("qian"))
        }
        let failed = try #require(try s.workspace.approvals(status: .failed, customer: nil).first)
        #expect(failed.id == r.id && failed.checker == "qian" && !(failed.note ?? "").isEmpty)
        #expect(try s.workspace.caseRecords(customer: "C1").writeOffs.isEmpty)
        // A collector's policy change waits for an admin; rejected, it stays with the reason.
        let p = try #require(
            requested {
                try s.workspace.perform(
                    .policySet([PolicyValue(key: "approval.waive_limit", value: "100000")]), context: ctx("wang"))
            })
        #expect(p.approvers == [.admin])
        _ = try s.workspace.decideApproval(p.id, approve: false, note: "超出权限", context: ctx("li"))
        #expect(try s.workspace.policy()["approval.waive_limit"] == "150")
        let rejected = try #require(try s.workspace.approvals(status: .rejected, customer: nil).first)
        #expect(rejected.checker == "li" && rejected.note == "超出权限")
    }

    func open(_ s: Scratch, on day: String = "2025-06-30") throws -> Money {
        let ledger = try s.workspace.ledger(customer: try #require(try s.workspace.customer(id: "C1")))
        return Money(minorUnits: ledger.allocate(asOf: d(day)).open.reduce(Int64(0), +))
    }

    /// Corrections reverse, never delete: a voided payment counts nowhere, a reversed write-off is owed
    /// again, a reopened dispute loses its credit note; each leaves a correction and a journal entry.
    @Test func correctionsReverseAndKeepTheEntry() throws {
        let s = try loaded()
        let ctx = ctx("li")
        try s.workspace.perform(
            .paymentRecorded(Payment(id: "P1", customerId: "C1", receivedOn: d("2024-10-10"), amount: y(500))),
            context: ctx)
        #expect(try open(s) == y(7000))
        #expect(throws: StoreError.self) {
            try s.workspace.perform(.paymentVoided(id: "P1", on: d("2025-06-30"), reason: " "), context: ctx)
        }
        try s.workspace.perform(.paymentVoided(id: "P1", on: d("2025-06-30"), reason: "重复录入"), context: ctx)
        #expect(try open(s) == y(7500))
        #expect(throws: StoreError.self) {
            try s.workspace.perform(.paymentVoided(id: "P1", on: d("2025-06-30"), reason: "again"), context: ctx)
        }
        let w = WriteOffRequest(
            customerId: "C1", invoiceId: "I1", amount: y(1000), on: d("2025-01-10"), reason: "和解差额", evidence: nil,
            revenue: nil)
        let wid = try s.workspace.perform(.writtenOff(w), context: ctx).id
        #expect(try open(s) == y(6500))
        try s.workspace.perform(.writeOffReversed(id: wid, on: d("2025-06-30"), reason: "客户恢复经营"), context: ctx)
        #expect(try open(s) == y(7500))
        let dispute = Dispute(
            invoiceId: "I1", customerId: "C1", amount: y(2000), reason: .quantity, openedOn: d("2025-02-01"))
        let did = try s.workspace.perform(.disputeOpened(dispute), context: ctx).id
        try s.workspace.perform(
            .disputeResolved(id: did, outcome: .valid, credit: y(2000), on: d("2025-03-01"), note: nil), context: ctx)
        #expect(try open(s) == y(5500))
        try s.workspace.perform(.disputeReopened(id: did, on: d("2025-04-01"), reason: "补充证据"), context: ctx)
        #expect(try open(s) == y(7500))
        let corrections = try s.workspace.corrections(customer: "C1")
        #expect(corrections.map(\.kind) == ["payment.voided", "writeoff.reversed", "dispute.reopened"])
        #expect(corrections.allSatisfy { $0.by == "li" })
        #expect(
            try s.workspace.journal(JournalFilter(customer: "C1", kind: "dispute")).map(\.kind).first
                == "dispute.reopened")
        #expect(try s.workspace.verifyJournal().holds)
    }

    /// `queue --take`: two collectors taking from one ranking get different customers; a logged contact
    /// ends the lease; an expired lease returns the customer to the queue.
    @Test func claimsNeverGiveOneCustomerToTwoCollectors() throws {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,一\nC2,二\nC3,三\nC4,四\n")
        let ranked = ["C3", "C1", "C4", "C2"], now = Date(timeIntervalSince1970: 1_800_000_000)
        let wang = try s.workspace.claim(ranked, count: 2, agent: "wang", minutes: 15, now: now)
        let li = try s.workspace.claim(ranked, count: 2, agent: "li", minutes: 15, now: now)
        #expect(wang == ["C3", "C1"] && li == ["C4", "C2"])
        #expect(try s.workspace.claim(ranked, count: 2, agent: "zhao", minutes: 15, now: now).isEmpty)
        try s.workspace.perform(
            .contactLogged(Contact(customerId: "C3", on: Day("2027-01-15")!, channel: .phone)), context: ctx("wang"))
        #expect(try s.workspace.claims(now: now) == ["C1": "wang", "C4": "li", "C2": "li"])
        #expect(try s.workspace.claim(ranked, count: 1, agent: "zhao", minutes: 15, now: now) == ["C3"])
        // Sixteen minutes later every lease has run out.
        let later = now.addingTimeInterval(16 * 60)
        #expect(try s.workspace.claim(ranked, count: 4, agent: "zhao", minutes: 15, now: later) == ranked)
        #expect(try s.workspace.releaseClaims(agent: "zhao", customer: nil) == 4)
    }

    /// Runs one statement with the sqlite3 shell; its exit status.
    func sqlite3(_ path: String, _ sql: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", path, sql]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
