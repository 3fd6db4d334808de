import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// The deposit ledger in a workspace: never negative, refusals write nothing, applications pay invoices.
@Suite struct DepositStoreTests {
    /// Customer A: contract KA (saas, 10000.00, prepay 0.2), KB (consulting, 5000.00, no prepay), KN (no value);
    /// invoices A1 1000.00 (KA, paid by PA1), A2 2000.00 (KA, open). Customer B: one open invoice B1 500.00.
    static func portfolio() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name,credit_limit\nA,Alpha,50000.00\nB,Beta,\n")
        try s.importText(
            .contracts,
            """
            id,customer_id,service,signed_on,value,prepay_ratio
            KA,A,saas,2024-01-01,10000.00,0.2
            KB,A,consulting,2024-02-01,5000.00,
            KN,A,hardware,2024-03-01,,

            """)
        try s.importText(
            .invoices,
            """
            id,customer_id,contract_id,issued_on,due_on,amount
            A1,A,KA,2024-01-01,2024-01-31,1000.00
            A2,A,KA,2024-02-01,2024-03-02,2000.00
            B1,B,,2024-02-01,2024-03-02,500.00

            """)
        try s.importText(.payments, "id,customer_id,received_on,amount,invoice_id\nPA1,A,2024-01-20,1000.00,A1\n")
        return s
    }

    static let day = Day("2024-06-30")!
    static func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }

    func receive(_ s: Scratch, _ c: String, _ amount: Int64, contract: String? = nil) throws {
        try s.workspace.receiveDeposit(
            customer: c, amount: Self.m(amount), contract: contract, on: Self.day,
            context: ChangeContext(operator: "tester", command: "deposit receive"))
    }

    func open(_ s: Scratch, _ c: String) throws -> Money {
        let customer = try #require(try s.workspace.customer(id: c))
        let ledger = try s.workspace.ledger(customer: customer)
        return ledger.balances(ledger.allocate(asOf: Self.day))[0].open
    }

    @Test func receiptsAreKeptPerPot() throws {
        let s = try Self.portfolio()
        try receive(s, "A", 1500, contract: "KA")
        try receive(s, "A", 700)
        let pots = DepositPots(try s.workspace.depositMovements(customer: "A"))
        #expect(pots.held("KA") == Self.m(1500) && pots.unallocated == Self.m(700) && pots.total == Self.m(2200))
        #expect(throws: StoreError.self) { try receive(s, "A", 100, contract: "NOPE") }
        #expect(throws: StoreError.self) { try receive(s, "B", 100, contract: "KA") }
        #expect(try s.workspace.depositMovements(customer: "B").isEmpty)
    }

    @Test func refundMoreThanHeldIsRefusedAndWritesNothing() throws {
        let s = try Self.portfolio()
        try receive(s, "A", 300)
        try receive(s, "A", 1000, contract: "KA")
        let before = try s.workspace.depositMovements(customer: "A")
        let journal = try s.workspace.journal(limit: 100).count
        // 1300 held in all, but only 300 unallocated: the refund draws on one pot.
        #expect(
            throws: StoreError.rule(
                "customer 'A' holds 300.00 of unallocated deposit, not 400.00: a deposit never goes negative")
        ) {
            try s.workspace.refundDeposit(
                customer: "A", amount: Self.m(400), contract: nil, reason: "overpaid", on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.refundDeposit(
                customer: "A", amount: Self.m(1001), contract: "KA", reason: "ended", on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.refundDeposit(
                customer: "A", amount: Self.m(1), contract: nil, reason: "", on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(try s.workspace.depositMovements(customer: "A") == before)
        #expect(try s.workspace.journal(limit: 100).count == journal)
        // Exactly what is held is fine, and leaves zero.
        try s.workspace.refundDeposit(
            customer: "A", amount: Self.m(300), contract: nil, reason: "overpaid", on: Self.day,
            context: ChangeContext(operator: "tester", command: "x"))
        let pots = DepositPots(try s.workspace.depositMovements(customer: "A"))
        #expect(pots.unallocated == .zero && pots.held("KA") == Self.m(1000))
    }

    @Test func applyReducesTheInvoicesOpenAmount() throws {
        let s = try Self.portfolio()
        try receive(s, "A", 500, contract: "KA")
        try receive(s, "A", 1000)
        #expect(try open(s, "A") == Self.m(2000))
        // 1200 to A2 (contract KA): 500 from KA's deposit, 700 unallocated.
        let r = try s.workspace.applyDeposit(
            customer: "A", invoice: "A2", amount: Self.m(1200), on: Self.day,
            context: ChangeContext(operator: "tester", command: "deposit apply"))
        #expect(r.amount == Self.m(1200) && r.payment == "DEP-000001")
        #expect(try open(s, "A") == Self.m(800))
        let moves = try s.workspace.depositMovements(customer: "A").filter { $0.kind == .apply }
        #expect(
            moves.map(\.contractId) == ["KA", nil] && moves.map(\.amount) == [Self.m(500), Self.m(700)]
                && moves.allSatisfy { $0.invoiceId == "A2" })
        let payment = try #require(try s.workspace.payments(customer: "A").first { $0.id == "DEP-000001" })
        #expect(payment.method == "deposit" && payment.invoiceId == "A2" && payment.amount == Self.m(1200))
        // The default amount: what is open (800), since 300 is held: only 300.
        let rest = try s.workspace.applyDeposit(
            customer: "A", invoice: "A2", amount: nil, on: Self.day,
            context: ChangeContext(operator: "tester", command: "deposit apply"))
        #expect(rest.amount == Self.m(300) && rest.payment == "DEP-000002")
        #expect(try open(s, "A") == Self.m(500))
        #expect(DepositPots(try s.workspace.depositMovements(customer: "A")).total == .zero)
    }

    @Test func applyToAPaidInvoiceOrBeyondWhatIsOpenOrHeldIsRefused() throws {
        let s = try Self.portfolio()
        try receive(s, "A", 5000)
        let before = try s.workspace.depositMovements(customer: "A")
        let payments = try s.workspace.payments(customer: "A")
        #expect(throws: StoreError.rule("invoice 'A1' is paid: nothing open to apply a deposit to")) {
            try s.workspace.applyDeposit(
                customer: "A", invoice: "A1", amount: Self.m(10), on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(throws: StoreError.rule("invoice 'A2' has 2000.00 open, not 2000.01")) {
            try s.workspace.applyDeposit(
                customer: "A", invoice: "A2", amount: Money(minorUnits: 200_001), on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.applyDeposit(
                customer: "A", invoice: "B1", amount: Self.m(10), on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.applyDeposit(
                customer: "B", invoice: "B1", amount: Self.m(10), on: Self.day,
                context: ChangeContext(operator: "tester", command: "x"))
        }
        #expect(try s.workspace.depositMovements(customer: "A") == before)
        #expect(try s.workspace.payments(customer: "A") == payments)
        #expect(try open(s, "A") == Self.m(2000))
    }

    @Test func neverNegativeThroughAnySequence() throws {
        let s = try Self.portfolio()
        try receive(s, "B", 200)
        _ = try s.workspace.applyDeposit(
            customer: "B", invoice: "B1", amount: Self.m(150), on: Self.day,
            context: ChangeContext(operator: "t", command: "x"))
        #expect(throws: StoreError.self) {
            try s.workspace.applyDeposit(
                customer: "B", invoice: "B1", amount: Self.m(51), on: Self.day,
                context: ChangeContext(operator: "t", command: "x"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.refundDeposit(
                customer: "B", amount: Self.m(51), contract: nil, reason: "r", on: Self.day,
                context: ChangeContext(operator: "t", command: "x"))
        }
        var held = Money.zero
        for mv in try s.workspace.depositMovements(customer: "B") { held += mv.signed; #expect(!held.isNegative) }
        #expect(held == Self.m(50))
    }

    /// KA requires 20 % of 10000 = 2000 (its own ratio); KB the policy's deposit.C.consulting 30 % of 5000 = 1500
    /// (tier C given); KN has no value. KA holds 1200; 1000 unallocated covers KA's 800 first (signed first), then 200 of KB.
    @Test func depositCheckShortfallsByHand() throws {
        let s = try Self.portfolio()
        try receive(s, "A", 1200, contract: "KA")
        try receive(s, "A", 1000)
        let pots = try s.workspace.depositMovements().mapValues { DepositPots($0) }
        let reqs = Deposit.requirements(
            contracts: try s.workspace.allContracts(), tier: { _ in "C" }, pots: pots, policy: Policy())
        #expect(reqs.map(\.contract.id) == ["KA", "KB", "KN"])
        #expect(
            reqs[0].required == Self.m(2000) && reqs[0].basis == .contract && reqs[0].held == Self.m(1200)
                && reqs[0].fromUnallocated == Self.m(800) && reqs[0].shortfall == .zero)
        #expect(
            reqs[1].required == Self.m(1500) && reqs[1].basis == .policy && reqs[1].fromUnallocated == Self.m(200)
                && reqs[1].shortfall == Self.m(1300))
        #expect(reqs[2].required == nil && reqs[2].shortfall == .zero)
        #expect(Deposit.freeDeposit(customer: "A", requirements: reqs, pots: pots["A"]!) == .zero)
    }
}
