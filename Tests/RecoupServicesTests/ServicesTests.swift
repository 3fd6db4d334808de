import Foundation
import RecoupCore
import RecoupServices
import RecoupSQLite
import RecoupStore
import Testing
import RecoupTestBackend

/// The use cases without a shell: a workspace made from CSV text, a context, one service call.
final class Books {
    let folder: String
    let workspace: Workspace
    let who = ChangeContext(operator: "tester", command: "services test")

    init(_ files: [RecordKind: String]) throws {
        folder = NSTemporaryDirectory() + "recoup-services-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        workspace = try TestBackend.open(try TestBackend.newWorkspacePath(file: folder + "/ws.db"), create: true)
        for kind in RecordKind.allCases {
            guard let text = files[kind] else { continue }
            let path = folder + "/\(kind.rawValue).csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try workspace.importCSV(kind, path: path, options: ImportOptions(), context: who)
        }
    }
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func context(_ day: String) throws -> ServiceContext {
        try ServiceContext(books: workspace, asOf: Day(day)!, change: who)
    }
}

/// One customer owing 10,000 due 2024-01-31 on a contract at 0.05 %/day with no grace.
func owing() throws -> Books {
    try Books([
        .customers: "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n",
        .contracts:
            "id,customer_id,service,signed_on,late_fee_daily_rate,late_fee_grace_days,late_fee_cap\nK1,C1,saas,2024-01-01,0.0005,0,0.3\n",
        .invoices:
            "id,customer_id,contract_id,issued_on,due_on,amount\nI1,C1,K1,2024-01-01,2024-01-31,10000.00\nI2,C2,,2024-01-01,2024-01-31,50.00\n",
    ])
}

@Suite struct PlanBooksTests {
    func c1Terms(_ start: Day) -> PlanTerms {
        PlanTerms(principal: Money(minorUnits: 1_000_000), annualRate: Rate.percent("6%")!, term: 12, start: start)
    }

    /// test-vectors.md C1: 10,000 at 6 %/yr over 12 months pays 860.66 a month, the last 860.70.
    @Test func aPlanOverAnOverdueInvoiceHasTheC1ScheduleAndItsStatusFollowsThePolicy() throws {
        let b = try owing()
        let start = Day("2024-02-01")!
        let books = PlanBooks(try b.context("2024-02-01"))
        let c = try b.workspace.customer(id: "C1")!
        let chosen = try books.invoicesToRestructure(c, start: start, named: nil)
        #expect(chosen == [InvoiceAmount(id: "I1", amount: Money(minorUnits: 1_000_000))])
        let schedule = try ScheduleEngine.quote(c1Terms(start))
        let plan = try books.create(c, start: start, terms: c1Terms(start), schedule: schedule, invoices: chosen)
        #expect(plan.id == "PL000001")
        #expect(plan.installments.first?.payment == Money(minorUnits: 86_066))
        #expect(plan.installments.last?.payment == Money(minorUnits: 86_070))
        // The first row is due 2024-03-01; with plan.grace_days (default) it breaks the day after the grace.
        let grace = try b.workspace.policy().planGraceDays
        let due = plan.installments[0].dueOn
        #expect(try PlanBooks(b.context((due + grace).iso)).state(of: plan).status == .active)
        let broken = try PlanBooks(b.context((due + grace + 1).iso)).state(of: plan)
        #expect(broken.status == .broken && broken.brokenSince == due + grace + 1)
        // Paying the first row keeps it active; the open balance falls by the payment.
        try b.workspace.addPayment(
            Payment(id: "", customerId: "C1", receivedOn: due, amount: Money(minorUnits: 86_066), planId: plan.id),
            context: b.who)
        let paid = try PlanBooks(b.context((due + grace + 1).iso)).state(of: plan)
        #expect(paid.status == .active && paid.paidInstallments == 1)
        #expect(paid.open == schedule.totalPayable - Money(minorUnits: 86_066))
    }

    @Test func anInvoiceIsRestructuredOnceEvenWhenTwoPlansRace() throws {
        let b = try owing()
        let start = Day("2024-02-01")!
        let books = PlanBooks(try b.context("2024-02-01"))
        let c = try b.workspace.customer(id: "C1")!
        let chosen = try books.invoicesToRestructure(c, start: start, named: ["I1"])
        let schedule = try ScheduleEngine.quote(c1Terms(start))
        _ = try books.create(c, start: start, terms: c1Terms(start), schedule: schedule, invoices: chosen)
        // A second shell worked out the same plan before the first landed: refused in its transaction.
        #expect(throws: StoreError.rule("invoice 'I1' is restructured into plan 'PL000001' already")) {
            _ = try books.create(c, start: start, terms: c1Terms(start), schedule: schedule, invoices: chosen)
        }
        #expect(try b.workspace.plans().count == 1)
        #expect(throws: ServiceError.self) {
            _ = try books.invoicesToRestructure(
                try b.workspace.customer(id: "C2")!, start: Day("2024-01-15")!, named: nil)
        }
    }
}

@Suite struct LateFeesTests {
    /// test-vectors.md, "Daily rate": 10,000 overdue 30 days at 0.05 %/day is 150.00.
    @Test func theDailyRateVectorPostsOnceAndAWaiverLowersWhatIsOwed() throws {
        let b = try owing()
        let fees = LateFees(try b.context("2024-03-01"))  // 30 days after 2024-01-31
        let c = try b.workspace.customer(id: "C1")!
        let row = try #require(try fees.rows(c).first)
        #expect(row.accrual.daysLate == 30)
        #expect(row.accrual.fee == Money(minorUnits: 15_000))
        #expect(row.toPost == Money(minorUnits: 15_000))
        let posted = try fees.post([c])
        #expect(posted.written.map(\.amount) == [Money(minorUnits: 15_000)])
        #expect(try fees.post([c]).written.isEmpty)  // the same day again: nothing
        _ = try fees.waive(customer: c, invoice: "I1", amount: Money(minorUnits: 5_000), reason: "goodwill")
        let after = try #require(try fees.rows(c).first)
        #expect(after.standing.owed == Money(minorUnits: 10_000))
        #expect(after.toPost == .zero)
        // A day later only the increment is to post: 10,000 x 0.05 % = 5.00.
        #expect(try LateFees(b.context("2024-03-02")).rows(c).first?.toPost == Money(minorUnits: 500))
    }
}

@Suite struct CallQueueTests {
    @Test func aBrokenPlanRanksItsCustomerWithTheReason() throws {
        let b = try owing()
        let start = Day("2024-02-01")!
        let c = try b.workspace.customer(id: "C1")!
        let books = PlanBooks(try b.context("2024-02-01"))
        let terms = PlanTerms(
            principal: Money(minorUnits: 1_000_000), annualRate: Rate.percent("6%")!, term: 12, start: start)
        let plan = try books.create(
            c, start: start, terms: terms, schedule: try ScheduleEngine.quote(terms),
            invoices: try books.invoicesToRestructure(c, start: start, named: nil))
        let day = plan.installments[0].dueOn + 40
        let context = try b.context(day.iso)
        let (calls, total) = try CallQueue(context).calls(try b.workspace.ledger(), agent: nil, limit: 10)
        #expect(total >= 1)
        let first = try #require(calls.first)
        #expect(first.entry.customerId == "C1")
        #expect(first.entry.reason.contains("plan \(plan.id) broken"))
        #expect(first.name == "上海星辰科技有限公司")
        // The plan's own state agrees: one rule for both.
        #expect(try PlanBooks(context).state(of: plan).status == .broken)
    }
}

@Suite struct CreditScoringTests {
    @Test func scoringTheBooksGivesEveryCustomerATierAndKeepingItIsJournaled() throws {
        let b = try owing()
        try b.workspace.addPayment(
            Payment(
                id: "", customerId: "C2", receivedOn: Day("2024-01-20")!, amount: Money(minorUnits: 5_000),
                invoiceId: "I2"),
            context: b.who)  // C2 paid on time
        let context = try b.context("2024-06-30")
        let ledger = try b.workspace.ledger()
        let scores = try CreditScoring(context).scores(ledger)
        #expect(scores.count == 2)
        #expect(scores.allSatisfy { ["A", "B", "C", "D"].contains($0.tier) })
        #expect(scores[0].overdue == Money(minorUnits: 1_000_000))  // C1 owes the whole invoice, overdue
        #expect(scores[1].overdue == .zero)
        #expect(scores[0].score < scores[1].score)  // overdue scores lower than paid on time
        try CreditScoring(context).record(ledger, scores)
        #expect(try b.workspace.scoreHistory(customer: "C1").map(\.score) == [scores[0].score])
        #expect(try b.workspace.journal(limit: 1).first?.kind == "credit.scored")
    }
}
