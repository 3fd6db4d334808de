import Foundation
import RecoupCore
import RecoupServices
import RecoupSQLite
import RecoupStore
import Testing

/// The engines reading the case timeline: the limitation watch over invoices and plans, promises in
/// the queue, the score, dunning and the forecast. Figures: shared/notes/collections-workflow.md
/// (L2, L6, L7, P5) and test-vectors.md C1.
@Suite struct CaseServicesTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }

    func claims(_ b: Books, _ asOf: String) throws -> [CaseBook.Claim] {
        try CaseBook(b.context(asOf)).claims(b.workspace.ledgerWithInvoiceIds())
    }

    @Test func aPlanIsOneClaimFromItsLastInstallment() throws {
        let b = try owing()
        let start = d("2024-02-01")
        let books = PlanBooks(try b.context("2024-02-01"))
        let c = try b.workspace.customer(id: "C1")!
        let terms = PlanTerms(principal: y(10_000), annualRate: Rate.percent("6%")!, term: 12, start: start)
        let plan = try books.create(
            c, start: start, terms: terms, schedule: try ScheduleEngine.quote(terms),
            invoices: try books.invoicesToRestructure(c, start: start, named: nil))
        let last = plan.installments.last!.dueOn
        // L2: one claim, running 3 years from the last installment (CC 189), not one per row; the
        // invoice restructured into it is no claim of its own any more.
        let mine = try claims(b, "2025-07-01").filter { $0.customerId == "C1" }
        #expect(mine.map(\.claim) == [plan.id])
        #expect(mine.first?.isPlan == true)
        #expect(mine.first?.standing.deadline == last.addingYears(3))
        #expect(mine.first?.open == y(10_000) + plan.installments.reduce(.zero) { $0 + $1.interest })
        // A promise naming the restructured invoice concerns the plan: L7, a promise restarts it.
        try CaseBook(b.context("2025-07-01")).record(
            .promiseMade(
                Promise(
                    customerId: "C1", amount: y(500), madeOn: d("2025-07-01"), promisedOn: d("2025-07-10"),
                    invoiceIds: ["I1"])))
        let after = try claims(b, "2025-07-01").first { $0.claim == plan.id }
        #expect(after?.standing.deadline == d("2028-07-01"))
        #expect(after?.standing.lastInterruption?.kind == .promise)
    }

    @Test func aPartPaymentRestartsOnlyTheClaimItPaid() throws {
        let b = try Books([
            .customers: "id,name\nC1,时效演示有限公司\n",
            .invoices:
                "id,customer_id,issued_on,due_on,amount\nA,C1,2024-02-14,2024-03-15,12000.00\nB,C1,2024-02-14,2024-04-15,12000.00\n",
        ])
        // L6: a part payment of A on 2025-09-01 restarts A only (it names A); B runs from its due date.
        try b.workspace.addPayment(
            Payment(id: "P1", customerId: "C1", receivedOn: d("2025-09-01"), amount: y(5000), invoiceId: "A"),
            context: b.who)
        let byClaim = Dictionary(uniqueKeysWithValues: try claims(b, "2026-11-30").map { ($0.claim, $0.standing) })
        #expect(byClaim["A"]?.deadline == d("2028-09-01"))
        #expect(byClaim["B"]?.deadline == d("2027-04-15"))
        // A demand sent but never delivered interrupts nothing (L5); delivered, it restarts both.
        try CaseBook(b.context("2026-11-30")).record(
            .contactLogged(Contact(customerId: "C1", on: d("2026-01-10"), channel: .email, demand: true)))
        #expect(try claims(b, "2026-11-30").first { $0.claim == "B" }?.standing.deadline == d("2027-04-15"))
        try CaseBook(b.context("2026-11-30")).record(
            .contactLogged(
                Contact(
                    customerId: "C1", on: d("2026-02-10"), channel: .letter, demand: true, deliveredOn: d("2026-02-12"),
                    proof: "SF1")))
        let now = try claims(b, "2026-11-30")
        #expect(now.map(\.standing.deadline) == [d("2029-02-12"), d("2029-02-12")])
    }

    @Test func aPendingPromiseHoldsDunningAndLowersTheQueueABrokenOneRaisesIt() throws {
        let b = try owing()
        let ledger = try b.workspace.ledger()
        let setup = try DunningRun.Setup(policy: try b.workspace.policy(), language: "en", templates: nil, payWithin: 7)
        func dunned(_ day: String) throws -> [String] {
            try DunningRun(b.context(day), setup: setup).documents(ledger, customers: nil).map(\.customer.id)
        }
        #expect(try dunned("2024-03-01").contains("C1"))
        try CaseBook(b.context("2024-03-01")).record(
            .promiseMade(
                Promise(customerId: "C1", amount: y(10_000), madeOn: d("2024-03-01"), promisedOn: d("2024-03-08"))))
        // P5: while the promise is pending, no dunning and the queue ranks the customer lower.
        #expect(try !dunned("2024-03-05").contains("C1") && dunned("2024-03-05").contains("C2"))
        let pending = try CallQueue(b.context("2024-03-05")).calls(ledger, agent: nil, limit: 10).calls
        #expect(pending.first?.entry.reason.contains("promised ¥10,000.00 by 2024-03-08 (ranked lower)") == true)
        // Broken the day after: dunning resumes, the queue says so.
        #expect(try dunned("2024-03-09").contains("C1"))
        let broken = try CallQueue(b.context("2024-03-09")).calls(ledger, agent: nil, limit: 10).calls
        #expect(broken.first?.entry.reason.contains("broke a promise of ¥10,000.00 due 2024-03-08") == true)
        #expect(broken.first!.entry.priority.minorUnits > 4 * pending.first!.entry.priority.minorUnits)
        // The score counts the broken promise: 60 points off, shown as a reason.
        let before = try CreditScoring(b.context("2024-03-08")).scores(ledger)[0]
        let after = try CreditScoring(b.context("2024-03-09")).scores(ledger)[0]
        #expect(after.brokenPromises == 1 && before.brokenPromises == 0)
        #expect(after.reasons.contains { $0.text.contains("broke 1 promise to pay") })
    }

    @Test func theForecastExpectsAPendingPromiseOnItsDay() throws {
        let b = try owing()
        let ledger = try b.workspace.ledger()
        let plain = Forecast.project(ledger, asOf: d("2024-03-01"), months: 3)
        let promised = Forecast.project(
            ledger, asOf: d("2024-03-01"), months: 3, promised: [0: [(d("2024-04-15"), y(4000))]])
        // 4,000 of C1's 10,000 is expected in full in April; the rest follows C1's profile as before.
        #expect(promised.months[1].promised == y(4000))
        #expect(promised.months.map(\.due) == plain.months.map(\.due))
        #expect(promised.totalDue == plain.totalDue)
        #expect(promised.months[1].expected >= y(4000))
    }
}
