import Testing
@testable import RecoupCore

/// Aging buckets (shared/spec/test-vectors.md, "Aging", after ERPNext): upper bounds inclusive,
/// 30 days late is 1-30, 31 is 31-60; not yet due is current.
@Suite struct AgingTests {
    @Test(arguments: [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (10_000, 4)])
    func bucketsHaveInclusiveUpperBounds(days: Int, bucket: Int) {
        #expect(Aging(bounds: [30, 60, 90]).bucket(daysLate: days) == bucket)
    }

    @Test func labelsFollowTheBounds() {
        #expect(Aging(bounds: [30, 60, 90]).labels == ["current", "1-30", "31-60", "61-90", "91+"])
        #expect(Aging(bounds: [15, 45]).labels == ["current", "1-15", "16-45", "46+"])
    }

    /// Open amounts as of the day only: later payments and later invoices do not count.
    @Test func agesOpenAmountsAsOfTheDay() {
        let d = { (s: String) in Day(s)! }
        let invoices = [Invoice(id: "A", customerId: "C1", issuedOn: d("2024-01-01"), dueOn: d("2024-01-31"), amount: Money(minorUnits: 100_00), disputed: true),
                        Invoice(id: "B", customerId: "C1", issuedOn: d("2024-02-01"), dueOn: d("2024-03-02"), amount: Money(minorUnits: 50_00)),
                        Invoice(id: "C", customerId: "C1", issuedOn: d("2024-04-01"), dueOn: d("2024-05-01"), amount: Money(minorUnits: 70_00))]
        let payments = [Payment(id: "P1", customerId: "C1", receivedOn: d("2024-03-10"), amount: Money(minorUnits: 30_00), invoiceId: "B"),
                        Payment(id: "P2", customerId: "C1", receivedOn: d("2024-04-10"), amount: Money(minorUnits: 20_00), invoiceId: "B")]
        let ledger = Ledger(customers: ["C1"], invoices: invoices, payments: payments)
        let rows = Aging(bounds: [30, 60, 90]).rows(ledger, ledger.allocate(asOf: d("2024-03-31"))) { c, _ in c }
        // As of 2024-03-31: A is 60 days late (31-60, disputed), B 29 days late with 20.00 open
        // (P2 comes later), C not yet issued.
        #expect(rows[0]?.buckets == [0, 20_00, 100_00, 0, 0])
        #expect(rows[0]?.disputed == 100_00)
        #expect(rows[0]?.total == 120_00)
    }
}
