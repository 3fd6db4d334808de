import Testing
@testable import RecoupCore

/// The dunning ladder on hand-built ledgers: which step is due for which invoice (docs/DUNNING.md).
@Suite struct DunningTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }
    let ladder = DunningLadder.standard

    /// One customer, one invoice of 10,000 issued 05-10, due 06-10 (unless told otherwise).
    func ledger(_ invoices: [Invoice] = [], payments: [Payment] = []) -> Ledger {
        let list = invoices.isEmpty ? [Invoice(id: "INV-1", customerId: "C1", issuedOn: d("2024-05-10"), dueOn: d("2024-06-10"), amount: y(10_000))] : invoices
        return Ledger(customers: Array(Set(list.map(\.customerId))), invoices: list, payments: payments)
    }

    func due(_ l: Ledger, asOf: String, recorded: [String: Set<String>] = [:]) -> [DunningItem] {
        Dunning.due(l, l.allocate(asOf: d(asOf)), ladder: ladder, recorded: { recorded[$0] ?? [] })
    }

    @Test func ladderParsesInOffsetOrder() throws {
        let l = try #require(DunningLadder("15:letter, -3:reminder,90:legal_review,1:reminder"))
        #expect(l.steps.map(\.key) == ["-3:reminder", "1:reminder", "15:letter", "90:legal_review"])
        #expect(DunningLadder.standard.steps.map(\.key) == ["-3:reminder", "1:reminder", "15:letter", "30:call", "45:final_notice", "90:legal_review"])
        #expect(DunningLadder("15:letter,15:letter") == nil)
        #expect(DunningLadder("15:lawsuit") == nil)
        #expect(DunningLadder("x:letter") == nil)
        #expect(DunningLadder("") == nil)
    }

    /// Due 06-10: the step taken is the most advanced whose day (due + offset) is on or before the day.
    @Test(arguments: [
        ("2024-06-06", nil), ("2024-06-07", "-3:reminder"), ("2024-06-10", "-3:reminder"), ("2024-06-11", "1:reminder"),
        ("2024-06-24", "1:reminder"), ("2024-06-25", "15:letter"), ("2024-07-10", "30:call"), ("2024-07-25", "45:final_notice"),
        ("2024-09-07", "45:final_notice"), ("2024-09-08", "90:legal_review"), ("2025-01-01", "90:legal_review"),
    ] as [(String, String?)])
    func stepByDay(_ asOf: String, _ expected: String?) {
        #expect(due(ledger(), asOf: asOf).first?.step.key == expected)
    }

    @Test func onlyTheMostAdvancedStepIsTakenAndTheMilderArePassed() throws {
        let items = due(ledger(), asOf: "2024-07-26")
        let item = try #require(items.first)
        #expect(items.count == 1)
        #expect(item.step == DunningStep(45, .finalNotice))
        #expect(item.passed.map(\.key) == ["-3:reminder", "1:reminder", "15:letter", "30:call"])
        #expect(item.daysOverdue == 46 && item.open == y(10_000) && item.invoiceId == "INV-1")
    }

    @Test func recordedStepsAreNeitherSentNorPassedAgain() throws {
        let l = ledger()
        // The same day again: the top step is recorded, nothing.
        #expect(due(l, asOf: "2024-06-25", recorded: ["INV-1": ["-3:reminder", "1:reminder", "15:letter"]]).isEmpty)
        // A later day: only the next step, and only the unrecorded milder steps are passed.
        let next = try #require(due(l, asOf: "2024-07-10", recorded: ["INV-1": ["-3:reminder", "15:letter"]]).first)
        #expect(next.step.key == "30:call")
        #expect(next.passed.map(\.key) == ["1:reminder"])
        // An earlier day after a later run: the earlier day's top step was recorded (as passed), nothing.
        #expect(due(l, asOf: "2024-06-25", recorded: ["INV-1": ["-3:reminder", "1:reminder", "15:letter", "30:call"]]).isEmpty)
    }

    @Test func dailyRunsSendEveryStepOnceInOrder() {
        let l = ledger()
        var recorded: Set<String> = []
        var sent: [String] = []
        var day = d("2024-06-01")
        while day <= d("2024-12-31") {
            for item in Dunning.due(l, l.allocate(asOf: day), ladder: ladder, recorded: { _ in recorded }) {
                sent.append("\(day.iso) \(item.step.key)")
                recorded.insert(item.step.key)
                recorded.formUnion(item.passed.map(\.key))
            }
            day = day + 1
        }
        #expect(sent == ["2024-06-07 -3:reminder", "2024-06-11 1:reminder", "2024-06-25 15:letter", "2024-07-10 30:call",
                         "2024-07-25 45:final_notice", "2024-09-08 90:legal_review"])
    }

    @Test func disputedPaidAndNotYetIssuedInvoicesAreLeftOut() {
        let invoices = [
            Invoice(id: "DISPUTED", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-02-01"), amount: y(100), disputed: true),
            Invoice(id: "PAID", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-02-01"), amount: y(100), settledOn: d("2024-03-01")),
            Invoice(id: "PAID-BY-PAYMENT", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-02-02"), amount: y(100)),
            Invoice(id: "PART-PAID", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-02-03"), amount: y(100)),
            Invoice(id: "LATER", customerId: "C1", issuedOn: d("2024-07-01"), dueOn: d("2024-07-01"), amount: y(100)),
        ]
        let payments = [Payment(id: "P1", customerId: "C1", receivedOn: d("2024-03-01"), amount: y(100), invoiceId: "PAID-BY-PAYMENT"),
                        Payment(id: "P2", customerId: "C1", receivedOn: d("2024-03-01"), amount: y(30), invoiceId: "PART-PAID")]
        let items = due(ledger(invoices, payments: payments), asOf: "2024-06-30")
        #expect(items.map(\.invoiceId) == ["PART-PAID"])
        #expect(items.first?.open == y(70))
        #expect(items.first?.amount == y(100))
        // Before the settlement the paid invoice is dunned like any other.
        #expect(due(ledger(invoices, payments: payments), asOf: "2024-02-20").map(\.invoiceId) == ["PAID", "PAID-BY-PAYMENT", "PART-PAID"])
    }

    @Test func skippedPositionsAreLeftOut() {
        let l = ledger()
        #expect(Dunning.due(l, l.allocate(asOf: d("2024-07-01")), ladder: ladder, skip: { _ in true }, recorded: { _ in [] }).isEmpty)
    }

    @Test func oneNoticePerCustomerOfItsMostSevereAction() throws {
        let invoices = [
            Invoice(id: "A-1", customerId: "C1", issuedOn: d("2024-04-01"), dueOn: d("2024-05-01"), amount: Money(minorUnits: 1_234_567)),
            Invoice(id: "A-2", customerId: "C1", issuedOn: d("2024-05-20"), dueOn: d("2024-06-10"), amount: y(5_000)),
            Invoice(id: "B-1", customerId: "C2", issuedOn: d("2024-06-01"), dueOn: d("2024-07-01"), amount: y(800)),
        ]
        let notices = Dunning.notices(due(ledger(invoices), asOf: "2024-06-28"))
        #expect(notices.map(\.customerId) == ["C1", "C2"])
        let c1 = try #require(notices.first)
        #expect(c1.items.map(\.step.key) == ["45:final_notice", "15:letter"])
        #expect(c1.action == .finalNotice)
        #expect(c1.total == Money(minorUnits: 1_734_567))
        #expect(c1.total.grouped == "17,345.67")
        #expect(c1.baseName == "C1-final_notice")
        #expect(notices[1].action == .reminder && notices[1].items.first?.daysOverdue == -3)
        #expect(DunningAction.call > .letter && DunningAction.legalReview > .finalNotice && DunningAction.reminder < .letter)
    }

    @Test(arguments: [
        (1_234_560, "壹万贰仟叁佰肆拾伍元陆角整"), (1_000_000, "壹万元整"), (5, "伍分"), (1_000_500, "壹万零伍元整"),
        (101_000, "壹仟零壹拾元整"), (880_050, "捌仟捌佰元伍角整"), (105, "壹元零伍分"), (0, "零元整"),
        (10_000_000_001, "壹亿元零壹分"), (4_000_000, "肆万元整"), (1_000_000_000_000, "壹佰亿元整"),
    ] as [(Int64, String)])
    func chineseCapitals(_ fen: Int64, _ expected: String) {
        #expect(Money(minorUnits: fen).chineseCapitals == expected)
    }
}
