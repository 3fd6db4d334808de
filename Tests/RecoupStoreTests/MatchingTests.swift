import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// Gateway and bank payments imported with matching.
@Suite struct MatchingTests {
    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        try s.importText(
            .invoices,
            """
            id,customer_id,issued_on,due_on,amount
            INV-1,C1,2024-01-01,2024-01-31,100.00
            INV-10,C1,2024-02-01,2024-03-02,250.00
            INV-2,C2,2024-01-01,2024-01-31,80.00
            """ + "\n")
        return s
    }

    func matching() -> ImportOptions { var o = ImportOptions(); o.match = true; return o }

    @Test func referenceFirstLongestIdThenExactAmountElseHeld() throws {
        let s = try loaded()
        let summary = try s.importText(
            .payments,
            """
            id,customer_id,received_on,amount,reference
            G1,C1,2024-03-10,10.00,paying INV-10 in part
            G2,C2,2024-03-11,80.00,thanks
            G3,C1,2024-03-12,99.00,no idea
            G4,C1,2024-03-13,5.00,
            """ + "\n", options: matching())
        #expect(summary.matchedByReference == 1 && summary.matchedByAmount == 1 && summary.held == 2)
        let c1 = try s.workspace.payments(customer: "C1")
        #expect(c1.first { $0.id == "G1" }?.invoiceId == "INV-10")  // not INV-1, although "INV-1" is inside the text too
        #expect(try s.workspace.payments(customer: "C2").first?.invoiceId == "INV-2")
        #expect(c1.filter(\.held).map(\.id) == ["G3", "G4"])
        // Held cash is unapplied credit: it pays nothing until applied by hand.
        let ledger = try s.workspace.ledger(customer: try s.workspace.customer(id: "C1")!)
        let b = ledger.balances(ledger.allocate(asOf: Day("2024-06-30")!))[0]
        #expect(b.open == Money(minorUnits: 340_00) && b.unapplied == Money(minorUnits: 104_00))
        #expect(try s.workspace.unappliedPayments(heldOnly: true).map(\.payment.id) == ["G3", "G4"])
    }

    @Test func applyingByHandPaysTheInvoiceAtThePaymentsDay() throws {
        let s = try loaded()
        try s.importText(
            .payments, "id,customer_id,received_on,amount,reference\nG3,C1,2024-03-12,99.00,no idea\n",
            options: matching())
        #expect(
            try s.workspace.applyPayment(
                "G3", to: "INV-1", amount: nil, context: ChangeContext(operator: "t", command: "payment apply"))
                == Money(minorUnits: 99_00))
        let ledger = try s.workspace.ledger(customer: try s.workspace.customer(id: "C1")!)
        #expect(ledger.balances(ledger.allocate(asOf: Day("2024-03-11")!))[0].open == Money(minorUnits: 350_00))  // before the payment's day
        let after = ledger.balances(ledger.allocate(asOf: Day("2024-03-12")!))[0]
        #expect(after.open == Money(minorUnits: 251_00) && after.unapplied == .zero)
        #expect(throws: StoreError.self) {
            try s.workspace.applyPayment(
                "G3", to: "INV-1", amount: nil, context: ChangeContext(operator: "t", command: "payment apply"))
        }
        #expect(throws: StoreError.self) {
            try s.workspace.applyPayment(
                "G3", to: "INV-2", amount: nil, context: ChangeContext(operator: "t", command: "payment apply"))
        }
    }

    /// Without matching the spec's allocation rule applies unchanged.
    @Test func withoutMatchingTheRuleApplies() throws {
        let s = try loaded()
        try s.importText(.payments, "id,customer_id,received_on,amount,reference\nG3,C1,2024-03-12,99.00,no idea\n")
        let ledger = try s.workspace.ledger(customer: try s.workspace.customer(id: "C1")!)
        let b = ledger.balances(ledger.allocate(asOf: Day("2024-06-30")!))[0]
        #expect(b.open == Money(minorUnits: 251_00) && b.unapplied == .zero)
    }
}
