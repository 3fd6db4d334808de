import Testing
@testable import RecoupCore

/// The allocation rule of shared/spec/workspace-csv.md ("How payments are allocated").
@Suite struct LedgerTests {
    func d(_ s: String) -> Day { Day(s)! }
    func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }

    func inv(
        _ id: String, _ c: String = "C1", issued: String, due: String, _ amount: Int64, settled: String? = nil,
        disputed: Bool = false
    ) -> Invoice {
        Invoice(
            id: id, customerId: c, issuedOn: d(issued), dueOn: d(due), amount: m(amount), disputed: disputed,
            settledOn: settled.map(d))
    }

    func pay(_ id: String, _ c: String = "C1", on: String, _ amount: Int64, invoice: String? = nil) -> Payment {
        Payment(id: id, customerId: c, receivedOn: d(on), amount: m(amount), invoiceId: invoice)
    }

    func balance(_ invoices: [Invoice], _ payments: [Payment], asOf: String, customers: [String] = ["C1"]) -> [Balance]
    {
        let l = Ledger(customers: customers, invoices: invoices, payments: payments)
        return l.balances(l.allocate(asOf: d(asOf)))
    }

    @Test func namedInvoiceFirstThenOldestDue() {
        let invoices = [
            inv("A", issued: "2024-01-01", due: "2024-01-31", 100),
            inv("B", issued: "2024-01-05", due: "2024-01-20", 100),
            inv("C", issued: "2024-02-01", due: "2024-03-01", 100),
        ]
        let l = Ledger(
            customers: ["C1"], invoices: invoices, payments: [pay("P1", on: "2024-02-10", 150, invoice: "C")])
        let a = l.allocate(asOf: d("2024-12-31"))
        let open = Dictionary(uniqueKeysWithValues: zip(l.invoiceIds, a.open))
        #expect(open["C"] == 0)  // named: paid in full first
        #expect(open["B"] == 5000)  // B is due before A: it takes the remaining 50
        #expect(open["A"] == 10000)
    }

    @Test func onlyInvoicesIssuedByThePaymentDateAndCreditStaysUnapplied() {
        let invoices = [
            inv("A", issued: "2024-01-01", due: "2024-01-31", 100),
            inv("B", issued: "2024-03-01", due: "2024-03-31", 100),
        ]
        let b = balance(invoices, [pay("P1", on: "2024-02-01", 130)], asOf: "2024-04-30")
        #expect(b[0].open == m(100))  // B issued after the payment: not paid by it
        #expect(b[0].unapplied == m(30))  // the excess waits, it does not pay B later
        #expect(b[0].overdue == m(100))
        #expect(b[0].maxDaysOverdue == 30)
    }

    @Test func asOfCountsOnlyEarlierPaymentsAndIssuedInvoices() {
        let invoices = [
            inv("A", issued: "2024-01-01", due: "2024-01-31", 100),
            inv("B", issued: "2024-06-01", due: "2024-07-01", 70),
        ]
        let payments = [pay("P1", on: "2024-03-01", 100)]
        #expect(balance(invoices, payments, asOf: "2024-02-29")[0].open == m(100))
        #expect(balance(invoices, payments, asOf: "2024-02-29")[0].maxDaysOverdue == 29)
        #expect(balance(invoices, payments, asOf: "2024-03-01")[0].open == .zero)
        #expect(balance(invoices, payments, asOf: "2024-06-15")[0].open == m(70))  // B issued, current
        #expect(balance(invoices, payments, asOf: "2024-06-15")[0].overdue == .zero)
        #expect(balance(invoices, payments, asOf: "2024-07-01")[0].overdue == .zero)  // due today is not overdue
        #expect(balance(invoices, payments, asOf: "2024-07-02")[0].overdue == m(70))
    }

    @Test func settledOnIsAFullPaymentOfThatInvoice() {
        let invoices = [
            inv("A", issued: "2024-01-01", due: "2024-01-31", 100, settled: "2024-02-15"),
            inv("B", issued: "2024-01-02", due: "2024-01-20", 40, disputed: true),
        ]
        let early = balance(invoices, [], asOf: "2024-02-14")[0]
        #expect(early.open == m(140))
        #expect(early.disputed == m(40))
        let late = balance(invoices, [], asOf: "2024-02-15")[0]
        #expect(late.open == m(40))
        #expect(late.unapplied == .zero)
    }

    @Test func sameDayPaymentsApplyInIdByteOrderAndTiesBreakByIssueThenId() {
        // Two invoices due the same day: the earlier issue date is paid first; then id order.
        let invoices = [
            inv("Z", issued: "2024-01-01", due: "2024-02-01", 50),
            inv("Y", issued: "2024-01-02", due: "2024-02-01", 50),
            inv("X", issued: "2024-01-02", due: "2024-02-01", 50),
        ]
        let l = Ledger(
            customers: ["C1"], invoices: invoices,
            payments: [pay("p2", on: "2024-01-10", 60), pay("P1", on: "2024-01-10", 30)])
        #expect(l.paymentIds == ["P1", "p2"])  // 'P' (0x50) sorts before 'p' (0x70)
        let a = l.allocate(asOf: d("2024-12-31"))
        let open = Dictionary(uniqueKeysWithValues: zip(l.invoiceIds, a.open))
        #expect(open["Z"] == 0 && open["X"] == 1000 && open["Y"] == 5000)
    }

    @Test func customersAreKeptApart() {
        let invoices = [
            inv("A", "C1", issued: "2024-01-01", due: "2024-01-31", 100),
            inv("B", "C2", issued: "2024-01-01", due: "2024-01-31", 100),
        ]
        let b = balance(
            invoices, [pay("P1", "C2", on: "2024-01-05", 100)], asOf: "2024-03-01", customers: ["C2", "C1"])
        #expect(b[0].open == m(100))  // customers in id order: C1 first
        #expect(b[1].open == .zero)
    }

    @Test func recordsApplications() {
        let invoices = [
            inv("A", issued: "2024-01-01", due: "2024-01-31", 100),
            inv("B", issued: "2024-01-01", due: "2024-02-28", 100),
        ]
        let l = Ledger(customers: ["C1"], invoices: invoices, payments: [pay("P1", on: "2024-03-01", 150)])
        let a = l.allocate(asOf: d("2024-03-01"), record: true)
        #expect(a.applications.map(\.amount) == [10000, 5000])
        #expect(a.applications.map { l.invoiceIds[Int($0.invoice)] } == ["A", "B"])
    }

    @Test func generatorIsDeterministicAndSized() {
        let a = PortfolioGenerator(customers: 200, seed: 7).generate()
        let b = PortfolioGenerator(customers: 200, seed: 7).generate()
        #expect(a.invoices == b.invoices && a.payments == b.payments && a.customers == b.customers)
        #expect(PortfolioGenerator(customers: 200, seed: 8).generate().invoices != a.invoices)
        let perCustomer = Double(a.invoices.count) / 200
        #expect(perCustomer > 6 && perCustomer < 16)
        #expect(a.invoices.contains { $0.disputed })
        #expect(a.invoices.allSatisfy { $0.dueOn >= $0.issuedOn && $0.amount.isPositive })
        #expect(Set(a.invoices.map(\.id)).count == a.invoices.count)
        #expect(a.customers.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 } })
        #expect(a.payments.contains { $0.invoiceId == nil })
    }
}

/// Whole-portfolio passes split across cores (Parallel) visit every index once.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 19_999, 20_000, 100_003])
    func everyIndexOnce(count: Int) {
        var seen = [Int](repeating: 0, count: count)
        seen.withUnsafeMutableBufferPointer { buffer in
            let slots = Disjoint(buffer)
            Parallel.ranges(count) { range in for i in range { slots.value[i] += 1 } }
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }

    @Test func asideGivesItsResult() {
        let made = Aside { (1...1000).reduce(0, +) }
        #expect(made.value == 500_500)
        #expect(made.value == 500_500)  // and again
    }
}
