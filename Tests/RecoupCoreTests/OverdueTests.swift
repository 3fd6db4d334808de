import Testing
@testable import RecoupCore

/// Overdue states (`OverdueLadder`, `Overdue.evaluate`, `Overdue.transitions`): Kill Bill's published
/// reference figures, suspension per contract, and transitions that never skip a state.
@Suite struct OverdueTests {
    func d(_ s: String) -> Day { Day(s)! }
    func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }
    let standard = OverdueLadder("reminder:1,warning:15,suspend:contract,legal_review:90")!

    func inv(_ id: String, _ c: String, _ contract: String?, issued: String, due: String, _ amount: Int64, disputed: Bool = false) -> Invoice {
        Invoice(id: id, customerId: c, contractId: contract, issuedOn: d(issued), dueOn: d(due), amount: m(amount), disputed: disputed)
    }

    func pay(_ id: String, _ c: String, on: String, _ amount: Int64, invoice: String? = nil) -> Payment {
        Payment(id: id, customerId: c, receivedOn: d(on), amount: m(amount), invoiceId: invoice)
    }

    func evaluate(_ ledger: Ledger, _ day: String, ladder: OverdueLadder? = nil, suspend: [String: Int] = [:]) -> OverdueEvaluation {
        Overdue.evaluate(ledger, allocation: ledger.allocate(asOf: d(day)), ladder: ladder ?? standard, suspendAfterDays: suspend, defaultSuspendAfterDays: 60)
    }

    /// What the previous run would have stored.
    func stored(_ e: OverdueEvaluation) -> [StoredOverdueState] {
        e.scopes.filter { $0.state != OverdueLadder.clear }.map {
            StoredOverdueState(scope: $0.scope, customerId: $0.customerId, state: $0.state, days: $0.days, amount: $0.amount, asOf: e.asOf)
        }
    }

    func steps(_ t: [OverdueTransition]) -> [String] { t.map { "\($0.scope) \($0.from)->\($0.to)" } }

    // MARK: Kill Bill overdue, reference configuration (shared/spec/test-vectors.md)

    /// Kill Bill's overdue reference configuration: OD1 at 30 days since the earliest unpaid invoice,
    /// OD2 at 40, OD3 at 50, first match from the most severe. Kill Bill counts from the invoice date,
    /// so the invoice's due date is its issue date here.
    let killBill = OverdueLadder("OD1:30,OD2:40,OD3:50")!
    var killBillLedger: Ledger {
        Ledger(customers: ["KB"], invoices: [inv("I1", "KB", nil, issued: "2024-01-01", due: "2024-01-01", 100)],
               payments: [pay("P1", "KB", on: "2024-02-21", 100)])
    }

    @Test(arguments: [("2024-01-30", "clear"), ("2024-01-31", "OD1"), ("2024-02-09", "OD1"), ("2024-02-10", "OD2"),
                      ("2024-02-19", "OD2"), ("2024-02-20", "OD3"), ("2024-02-21", "clear")])
    func killBillReferenceStates(_ day: String, _ state: String) {
        let e = evaluate(killBillLedger, day, ladder: killBill)
        let customerState = e.customers.first?.state ?? OverdueLadder.clear
        #expect(customerState == state, "Kill Bill reference: \(day) should be \(state)")
        // Not overdue at all once everything is paid (2024-02-21).
        if day == "2024-02-21" { #expect(e.scopes.isEmpty) }
    }

    /// Run every night from 2024-01-29 to 2024-02-22: each state is entered on the reference day,
    /// and paying everything walks back down to clear, one step per rung.
    @Test func killBillNightlyTimeline() {
        var previous: [StoredOverdueState] = []
        var seen: [String] = []
        var day = d("2024-01-29")
        while day <= d("2024-02-22") {
            let e = evaluate(killBillLedger, day.iso, ladder: killBill)
            for t in Overdue.transitions(previous: previous, current: e, ladder: killBill) { seen.append("\(day.iso) \(t.from)->\(t.to) \(t.note)") }
            previous = stored(e)
            day = day + 1
        }
        #expect(seen == [
            "2024-01-31 clear->OD1 reached on 2024-01-31",
            "2024-02-10 OD1->OD2 reached on 2024-02-10",
            "2024-02-20 OD2->OD3 reached on 2024-02-20",
            "2024-02-21 OD3->OD2 nothing overdue", "2024-02-21 OD2->OD1 nothing overdue", "2024-02-21 OD1->clear nothing overdue",
        ])
    }

    // MARK: The ladder

    @Test func ladderParsesThePolicyDefault() {
        #expect(standard.rungs.map(\.state) == ["reminder", "warning", "suspend", "legal_review"])
        #expect(standard.rungs.map(\.days) == [1, 15, nil, 90])
        #expect(standard.suspendRung == 2)
        #expect(OverdueLadder("reminder:x") == nil)
        #expect(OverdueLadder("") == nil)
        #expect(killBill.suspendRung == nil)
    }

    @Test(arguments: [(0, 60, "clear"), (1, 60, "reminder"), (14, 60, "reminder"), (15, 60, "warning"), (59, 60, "warning"),
                      (60, 60, "suspend"), (90, 60, "legal_review"), (30, 30, "suspend"),
                      // A contract suspending later than legal review: first match from the most severe.
                      (95, 120, "legal_review"), (130, 120, "legal_review")])
    func firstMatchFromTheMostSevere(_ days: Int, _ suspendAfter: Int, _ state: String) {
        #expect(standard.state(standard.rung(days: days, suspendAfter: suspendAfter)) == state)
    }

    // MARK: Per contract

    /// One customer, three contracts: K1 prepaid (its invoice paid before it was due), K2 late
    /// since 2024-02-01, K3 paid in full. Only K2 is suspended.
    @Test func suspensionIsPerContract() {
        let ledger = Ledger(customers: ["C"], invoices: [
            inv("K1-2024", "C", "K1", issued: "2024-01-01", due: "2024-01-31", 12000),
            inv("K2-01", "C", "K2", issued: "2024-01-02", due: "2024-02-01", 500),
            inv("K3-01", "C", "K3", issued: "2024-01-01", due: "2024-01-15", 800),
        ], payments: [pay("P1", "C", on: "2024-01-03", 12000, invoice: "K1-2024"), pay("P2", "C", on: "2024-01-10", 800, invoice: "K3-01")])
        let e = evaluate(ledger, "2024-04-15", suspend: ["K2": 30])
        #expect(e.scopes.map(\.scope) == ["K2"])
        let k2 = e.scopes[0]
        #expect(k2.days == 74 && k2.amount == m(500) && k2.state == "suspend" && k2.suspended && k2.suspendAfterDays == 30)
        #expect(e.customers.count == 1)
        #expect(e.customers[0].state == "suspend" && e.customers[0].suspended == ["K2"] && e.customers[0].amount == m(500))
        // The same day under the policy's 60 days, and a contract suspending later than legal review.
        let policyDays = evaluate(ledger, "2024-04-15")
        #expect(policyDays.scopes[0].state == "suspend" && policyDays.scopes[0].suspendAfterDays == 60)
        let lenient = evaluate(ledger, "2024-05-05", suspend: ["K2": 120])
        #expect(lenient.scopes[0].state == "legal_review" && lenient.scopes[0].days == 94 && !lenient.scopes[0].suspended)
    }

    /// A customer's worst contract sets its state; invoices without a contract have their own scope.
    @Test func customerStateIsItsWorstScope() {
        let ledger = Ledger(customers: ["C"], invoices: [
            inv("A", "C", "K1", issued: "2024-03-01", due: "2024-03-20", 100),
            inv("B", "C", nil, issued: "2024-01-01", due: "2024-01-10", 250),
            inv("X", "C", nil, issued: "2023-12-01", due: "2023-12-10", 999, disputed: true),
        ], payments: [])
        let e = evaluate(ledger, "2024-04-01")
        #expect(e.scopes.map(\.scope) == ["K1", "customer:C"])
        #expect(e.scopes.map(\.state) == ["reminder", "suspend"])
        // The disputed invoice, older, is held out: days count from B.
        #expect(e.scopes[1].days == 82 && e.scopes[1].amount == m(250) && e.scopes[1].earliestDue == d("2024-01-10"))
        #expect(e.customers[0].state == "suspend" && e.customers[0].days == 82 && e.customers[0].amount == m(350))
    }

    // MARK: Transitions

    /// Kill Bill 2297: a state must not be skipped. Between two runs a contract goes from reminder
    /// to legal review: every rung passed is a step of its own, with the day it was reached.
    @Test func aJumpListsEveryRungPassed() {
        let ledger = Ledger(customers: ["C"], invoices: [inv("A", "C", "K", issued: "2023-12-01", due: "2024-01-01", 100)], payments: [])
        let first = evaluate(ledger, "2024-01-10")
        #expect(steps(Overdue.transitions(previous: [], current: first, ladder: standard)) == ["K clear->reminder"])
        let later = Overdue.transitions(previous: stored(first), current: evaluate(ledger, "2024-04-05"), ladder: standard)
        #expect(steps(later) == ["K reminder->warning", "K warning->suspend", "K suspend->legal_review"])
        #expect(later.map(\.note) == ["reached on 2024-01-16, between runs", "reached on 2024-03-01, between runs", "reached on 2024-03-31"])
        #expect(later.allSatisfy { $0.days == 95 && $0.amount == m(100) })
    }

    /// A partial payment pays the oldest invoice: the earliest unpaid due date moves from
    /// 2024-01-01 to 2024-02-15 and the contract goes back from legal review to warning, through
    /// suspend, each step with the reason.
    @Test func aPartialPaymentMovingTheEarliestUnpaidDateIsReported() {
        let invoices = [inv("A", "C", "K", issued: "2023-12-01", due: "2024-01-01", 100), inv("B", "C", "K", issued: "2024-01-15", due: "2024-02-15", 100)]
        let before = evaluate(Ledger(customers: ["C"], invoices: invoices, payments: []), "2024-04-05")
        #expect(before.scopes[0].state == "legal_review" && before.scopes[0].days == 95)
        let paid = Ledger(customers: ["C"], invoices: invoices, payments: [pay("P", "C", on: "2024-04-05", 100)])
        let after = evaluate(paid, "2024-04-05")
        #expect(after.scopes[0].state == "warning" && after.scopes[0].days == 50 && after.scopes[0].amount == m(100))
        let t = Overdue.transitions(previous: stored(before), current: after, ladder: standard)
        #expect(steps(t) == ["K legal_review->suspend", "K suspend->warning"])
        #expect(t.allSatisfy { $0.note == "earliest unpaid due date moved from 2024-01-01 to 2024-02-15" })
        // Run again the same day: nothing changed, nothing listed.
        #expect(Overdue.transitions(previous: stored(after), current: after, ladder: standard).isEmpty)
    }

    /// A stored state the ladder no longer has gives one direct step, said so.
    @Test func aStateOffTheLadderIsOneStep() {
        let ledger = Ledger(customers: ["C"], invoices: [inv("A", "C", "K", issued: "2024-01-01", due: "2024-01-01", 100)], payments: [])
        let old = [StoredOverdueState(scope: "K", customerId: "C", state: "dunning", days: 5, amount: m(100), asOf: d("2024-01-06"))]
        let t = Overdue.transitions(previous: old, current: evaluate(ledger, "2024-01-20"), ladder: standard)
        #expect(steps(t) == ["K dunning->warning"])
        #expect(t[0].note == "state 'dunning' is not on the ladder now")
    }
}
