import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// Late fees posted and waived as charges: idempotent posting, waivers with reasons, one
/// transaction each, journaled.
@Suite struct ChargeTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }

    func loaded() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        try s.importText(
            .invoices,
            """
            id,customer_id,issued_on,due_on,amount
            I1,C1,2024-02-01,2024-03-01,10000.00
            I2,C1,2024-02-01,2024-03-01,2000.00
            I3,C2,2024-02-01,2024-03-01,500.00

            """)
        return s
    }

    func fee(_ invoice: String, _ yuan: Int64, customer: String = "C1") -> AccruedFee {
        AccruedFee(customerId: customer, invoiceId: invoice, fee: y(yuan))
    }

    func amounts(_ s: Scratch, _ customer: String = "C1") throws -> [Money] {
        try s.workspace.charges(customer: customer).map(\.amount)
    }
    func journalCount(_ s: Scratch) throws -> Int { try s.workspace.journal(limit: 1000).count }

    @Test func postingTheSameDayTwiceChangesNothing() throws {
        let s = try loaded()
        let journal = try journalCount(s)
        let first = try s.workspace.postLateFees(
            [fee("I1", 150), fee("I2", 30), fee("I3", 0, customer: "C2")], asOf: d("2024-03-31"),
            context: ChangeContext(operator: "t", command: "latefee post"))
        #expect(first.map(\.amount) == [y(150), y(30)])  // nothing for a zero fee
        #expect(try journalCount(s) == journal + 1)  // one journal line for the whole post
        let again = try s.workspace.postLateFees(
            [fee("I1", 150), fee("I2", 30)], asOf: d("2024-03-31"),
            context: ChangeContext(operator: "t", command: "latefee post"))
        #expect(again.isEmpty)
        #expect(try amounts(s) == [y(150), y(30)])
        #expect(try journalCount(s) == journal + 1)
        // Same day, a different figure (a payment recorded since): still left as posted.
        #expect(
            try s.workspace.postLateFees(
                [fee("I1", 170)], asOf: d("2024-03-31"), context: ChangeContext(operator: "t", command: "latefee post")
            ).isEmpty)
        let charges = try s.workspace.charges(customer: "C1")
        #expect(
            charges.allSatisfy {
                $0.kind == .lateFee && $0.asOf == d("2024-03-31") && $0.reason == nil && $0.operator == "t"
            })
        #expect(charges.map(\.invoiceId) == ["I1", "I2"])
    }

    @Test func aLaterDayPostsOnlyTheIncrement() throws {
        let s = try loaded()
        try s.workspace.postLateFees(
            [fee("I1", 150)], asOf: d("2024-03-31"), context: ChangeContext(operator: "t", command: "latefee post"))
        let later = try s.workspace.postLateFees(
            [fee("I1", 200), fee("I2", 40)], asOf: d("2024-04-10"),
            context: ChangeContext(operator: "t", command: "latefee post"))
        #expect(later.map(\.amount) == [y(50), y(40)])
        #expect(try amounts(s) == [y(150), y(50), y(40)])
        #expect(
            try s.workspace.charges(customer: "C1").map(\.asOf) == [d("2024-03-31"), d("2024-04-10"), d("2024-04-10")])
        // An earlier day after a later one: the accrued fee is below what is posted, nothing is charged.
        #expect(
            try s.workspace.postLateFees(
                [fee("I1", 100)], asOf: d("2024-03-20"), context: ChangeContext(operator: "t", command: "latefee post")
            ).isEmpty)
        #expect(try s.workspace.charges().count == 3)
    }

    @Test func waiverIsRecordedWithItsReason() throws {
        let s = try loaded()
        try s.workspace.postLateFees(
            [fee("I1", 150), fee("I2", 30)], asOf: d("2024-03-31"),
            context: ChangeContext(operator: "t", command: "latefee post"))
        let journal = try journalCount(s)
        let w = try s.workspace.waiveFees(
            customer: "C1", invoice: "I1", amount: y(100), on: d("2024-04-02"), reason: "paid after the call",
            context: ChangeContext(operator: "amy", command: "latefee waive I1 100"))
        #expect(
            w.kind == .waiver && w.amount == y(-100) && w.invoiceId == "I1" && w.reason == "paid after the call"
                && w.asOf == d("2024-04-02"))
        #expect(try s.workspace.charges(customer: "C1").last == w)
        #expect(try journalCount(s) == journal + 1)
        #expect(try s.workspace.journal(limit: 1).first?.effect.contains("paid after the call") == true)
        #expect(try s.workspace.waivableFees(customer: "C1", invoice: "I1") == y(50))
        #expect(try s.workspace.waivableFees(customer: "C1", invoice: nil) == y(80))
        // A waived fee is not charged again: posting the same accrued fee later adds nothing.
        #expect(
            try s.workspace.postLateFees(
                [fee("I1", 150)], asOf: d("2024-04-05"), context: ChangeContext(operator: "t", command: "latefee post")
            ).isEmpty)
        // Without an amount: everything left, here the customer's fees as a whole.
        let all = try s.workspace.waiveFees(
            customer: "C1", invoice: nil, amount: nil, on: d("2024-04-03"), reason: "settlement",
            context: ChangeContext(operator: "amy", command: "latefee waive C1"))
        #expect(all.amount == y(-80) && all.invoiceId == nil)
        #expect(try s.workspace.waivableFees(customer: "C1", invoice: "I2") == .zero)  // the customer has nothing left
        #expect(try amounts(s).reduce(.zero, +) == .zero)
    }

    @Test func rejectedWaiversChangeNothing() throws {
        let s = try loaded()
        try s.workspace.postLateFees(
            [fee("I1", 150)], asOf: d("2024-03-31"), context: ChangeContext(operator: "t", command: "latefee post"))
        let journal = try journalCount(s)
        let before = try s.workspace.charges()
        #expect(throws: StoreError.rule("a waiver needs a reason")) {
            try s.workspace.waiveFees(
                customer: "C1", invoice: "I1", amount: y(10), on: d("2024-04-02"), reason: "  ",
                context: ChangeContext(operator: "t", command: "latefee waive"))
        }
        #expect(throws: StoreError.self) {  // more than is charged
            try s.workspace.waiveFees(
                customer: "C1", invoice: "I1", amount: y(151), on: d("2024-04-02"), reason: "x",
                context: ChangeContext(operator: "t", command: "latefee waive"))
        }
        #expect(throws: StoreError.rule("no late fees to waive on invoice 'I2'")) {
            try s.workspace.waiveFees(
                customer: "C1", invoice: "I2", amount: nil, on: d("2024-04-02"), reason: "x",
                context: ChangeContext(operator: "t", command: "latefee waive"))
        }
        #expect(throws: StoreError.notFound(kind: "invoice", id: "I3")) {  // another customer's invoice
            try s.workspace.waiveFees(
                customer: "C1", invoice: "I3", amount: nil, on: d("2024-04-02"), reason: "x",
                context: ChangeContext(operator: "t", command: "latefee waive"))
        }
        #expect(try s.workspace.charges() == before)
        #expect(try journalCount(s) == journal)
    }

    @Test func chargesInADiscardedScenarioAreGone() throws {
        let s = try loaded()
        let context = ChangeContext(operator: "t", command: "latefee post")
        let (inside, kept) = try s.workspace.withScenario([], context: context) {
            try s.workspace.postLateFees([fee("I1", 150)], asOf: d("2024-03-31"), context: context)
            return try amounts(s)
        }
        #expect(inside == [y(150)])
        #expect(kept.map(\.kind) == ["latefee.posted"])
        #expect(try s.workspace.charges().isEmpty)
    }

    @Test func everyCustomersChargesByCustomer() throws {
        let s = try loaded()
        try s.workspace.postLateFees(
            [fee("I3", 5, customer: "C2"), fee("I1", 150)], asOf: d("2024-03-31"),
            context: ChangeContext(operator: "t", command: "latefee post"))
        #expect(try s.workspace.charges().map(\.customerId) == ["C1", "C2"])
        #expect(try amounts(s, "C2") == [y(5)])
    }
}
