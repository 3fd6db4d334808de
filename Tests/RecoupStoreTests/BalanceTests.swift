import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// A hand-built portfolio whose balances are worked out below from the spec's allocation rule.
enum Hand {
    static let customers = "id,name\nA,Alpha\nB,Beta\nC,Gamma\n"
    static let invoices = """
        id,customer_id,issued_on,due_on,amount,disputed,settled_on
        A1,A,2024-01-01,2024-01-31,100.00,,
        A2,A,2024-02-01,2024-03-02,200.00,,
        A3,A,2024-03-01,2024-03-31,300.00,yes,
        B1,B,2024-01-15,2024-02-14,500.00,,2024-02-20
        B2,B,2024-02-15,2024-03-16,250.00,,
        C1,C,2024-01-10,2024-02-09,80.00,,

        """
    static let payments = """
        id,customer_id,received_on,amount,invoice_id
        PA1,A,2024-02-10,150.00,A2
        PA2,A,2024-03-05,120.00,
        PB1,B,2024-02-01,50.00,
        PC1,C,2024-02-01,100.00,C1
        PC2,C,2024-03-10,30.00,

        """
    // Applied in received order:
    // 02-01 PB1 50 (no invoice): B's open invoices issued by 02-01: B1 -> B1 open 450 (B2 not issued yet).
    // 02-01 PC1 100 names C1: C1 80 -> 0, 20 left, nothing else open -> C unapplied 20.
    // 02-10 PA1 150 names A2: A2 200 -> 50.
    // 02-20 B1 settled (500 naming B1): B1 450 -> 0, 50 left -> B2 (issued 02-15) 250 -> 200.
    // 03-05 PA2 120 (no invoice): oldest due first: A1 (due 01-31) 100 -> 0, A2 (due 03-02) 50 -> 30.
    // 03-10 PC2 30 (no invoice): nothing open -> C unapplied 50.
    //
    // As of 2024-02-15 (PB1, PC1, PA1 counted):
    //   A: A1 100 (due 01-31: 15 days over), A2 50 (due 03-02); A3 not issued -> open 150, overdue 100, 15 days.
    //   B: B1 450 (due 02-14: 1 day over), B2 250 (issued 02-15, due 03-16) -> open 700, overdue 450, 1 day.
    //   C: nothing open, unapplied 20.
    // As of 2024-03-31 (everything counted):
    //   A: A2 30 (due 03-02: 29 days over), A3 300 disputed (due 03-31: not over) -> open 330, overdue 30, 29 days.
    //   B: B2 200 (due 03-16: 15 days over) -> open 200, overdue 200, 15 days.
    //   C: unapplied 50.
    static func balance(
        open: Int64, overdue: Int64, days: Int, disputed: Int64 = 0, unapplied: Int64 = 0, invoices: Int
    ) -> Balance {
        var b = Balance()
        b.open = Money(minorUnits: open * 100); b.overdue = Money(minorUnits: overdue * 100); b.maxDaysOverdue = days
        b.disputed = Money(minorUnits: disputed * 100); b.unapplied = Money(minorUnits: unapplied * 100);
        b.openInvoices = invoices
        return b
    }

    static let expected: [(String, [Balance])] = [
        (
            "2024-02-15",
            [
                balance(open: 150, overdue: 100, days: 15, invoices: 2),
                balance(open: 700, overdue: 450, days: 1, invoices: 2),
                balance(open: 0, overdue: 0, days: 0, unapplied: 20, invoices: 0),
            ]
        ),
        (
            "2024-03-31",
            [
                balance(open: 330, overdue: 30, days: 29, disputed: 300, invoices: 2),
                balance(open: 200, overdue: 200, days: 15, invoices: 1),
                balance(open: 0, overdue: 0, days: 0, unapplied: 50, invoices: 0),
            ]
        ),
    ]
}

@Suite struct BalanceTests {
    func handWorkspace() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, Hand.customers)
        try s.importText(.invoices, Hand.invoices)
        try s.importText(.payments, Hand.payments)
        return s
    }

    @Test(arguments: Hand.expected.indices)
    func handBuiltBalances(_ index: Int) throws {
        let (day, expected) = Hand.expected[index]
        let s = try handWorkspace()
        let ledger = try s.workspace.ledger()
        #expect(ledger.customerIds == ["A", "B", "C"])
        let balances = ledger.balances(ledger.allocate(asOf: Day(day)!))
        #expect(balances == expected)
        // The per-customer path agrees.
        for (i, customer) in try s.workspace.customers().enumerated() {
            let one = try s.workspace.ledger(customer: customer)
            #expect(one.balances(one.allocate(asOf: Day(day)!)) == [expected[i]], "\(customer.id)")
        }
    }

    /// The bulk loader orders payments by day, ties by id, whatever order they were stored in: rows
    /// stored in id order take its counting sort, others its comparison sort; both give one ledger.
    @Test func paymentsStoredOutOfIdOrderLoadTheSame() throws {
        let inOrder = try handWorkspace()
        let lines = Hand.payments.split(separator: "\n")
        let reversed = try Scratch()
        try reversed.importText(.customers, Hand.customers)
        try reversed.importText(.invoices, Hand.invoices)
        try reversed.importText(.payments, ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n")
        let a = try inOrder.workspace.ledger(), b = try reversed.workspace.ledger()
        #expect(
            a.paymentDay == b.paymentDay && a.paymentCustomer == b.paymentCustomer && a.paymentAmount == b.paymentAmount
        )
        #expect(a.paymentTarget == b.paymentTarget)
        for (day, expected) in Hand.expected {
            #expect(b.balances(b.allocate(asOf: Day(day)!)) == expected)
        }
    }

    @Test func openAmountsBeforeAnyPayment() throws {
        let s = try handWorkspace()
        let ledger = try s.workspace.ledger()
        // 2024-01-20: A1 (issued 01-01) 100 and C1 (issued 01-10) 80 are open and not due; B1 (01-15) 500.
        let balances = ledger.balances(ledger.allocate(asOf: Day("2024-01-20")!))
        #expect(balances.map(\.open.minorUnits) == [10_000, 50_000, 8_000])
        #expect(balances.allSatisfy { $0.overdue == .zero && $0.unapplied == .zero })
    }

    @Test func bulkLedgerEqualsPerCustomerLedger() throws {
        let s = try Scratch()
        let folder = s.folder + "/generated"
        try PortfolioFiles.write(PortfolioGenerator(customers: 80, seed: 11).generate(), to: folder)
        for kind in RecordKind.allCases {
            try s.workspace.importCSV(
                kind, path: folder + "/\(kind.rawValue).csv", options: ImportOptions(),
                context: ChangeContext(operator: "t", command: "import"))
        }
        // A few settlements too, so both paths meet `settled_on`.
        try s.importText(
            .invoices,
            "id,customer_id,issued_on,due_on,amount,settled_on\nS1,C000001,2025-06-01,2025-07-01,99.99,2025-07-15\nS2,C000002,2026-01-01,2026-01-31,10,2026-01-01\n"
        )
        // And installment plans restructuring overdue invoices, with payments made toward them, so
        // both paths meet plan rows, restructurings and plan payments.
        let planDay = Day("2025-12-31")!
        var plans = 0
        for customer in try s.workspace.customers().prefix(30) {
            let ledger = try s.workspace.ledger(customer: customer)
            let a = ledger.allocate(asOf: planDay)
            let invoices = try s.workspace.invoices(customer: customer.id)
            let chosen = ledger.invoiceIds.enumerated().compactMap { k, id -> (id: String, amount: Money)? in
                guard a.open[k] > 0, let v = invoices.first(where: { $0.id == id }), v.dueOn < planDay else {
                    return nil
                }
                return (id, Money(minorUnits: a.open[k]))
            }
            guard !chosen.isEmpty else { continue }
            var terms = PlanTerms(
                principal: chosen.reduce(.zero) { $0 + $1.amount }, annualRate: Rate.percent("6%")!, term: 4,
                start: planDay)
            if plans % 2 == 1 { terms.down = .percent(Rate.percent("10%")!) }
            let schedule = try ScheduleEngine.quote(terms)
            let id = try s.workspace.createPlan(
                PlanRecord(
                    id: "", customerId: customer.id, createdOn: planDay, terms: terms, financed: schedule.financed,
                    installments: schedule.installments, invoices: chosen),
                context: ChangeContext(operator: "t", command: "plan create"))
            try s.workspace.addPayment(
                Payment(
                    id: "PP\(plans)", customerId: customer.id, receivedOn: planDay + 40,
                    amount: schedule.installments[0].payment + Money(minorUnits: 1234), planId: id),
                context: ChangeContext(operator: "t", command: "payment add"))
            plans += 1
        }
        #expect(plans >= 5)
        // And gateway payments imported with matching: one held as unapplied cash, then partly
        // applied by hand, so both paths meet held payments and manual applications.
        var matching = ImportOptions()
        matching.match = true
        let heldCustomer = try s.workspace.customers()[40].id
        let summary = try s.importText(
            .payments,
            "id,customer_id,received_on,amount,reference\nH1,\(heldCustomer),2026-01-10,777.77,no invoice named\n",
            options: matching)
        #expect(summary.held == 1)
        let target = try s.workspace.ledger(customer: try s.workspace.customer(id: heldCustomer)!)
        let openInvoice = target.allocate(asOf: Day("2026-11-30")!).open.indices.first {
            target.allocate(asOf: Day("2026-11-30")!).open[$0] > 50_00
        }
        if let i = openInvoice {
            #expect(
                try s.workspace.applyPayment(
                    "H1", to: target.invoiceIds[i], amount: Money(minorUnits: 50_00),
                    context: ChangeContext(operator: "t", command: "payment apply")) == Money(minorUnits: 50_00))
        }
        let bulk = try s.workspace.ledger()
        let customers = try s.workspace.customers()
        #expect(bulk.customerIds == customers.map(\.id))
        #expect(bulk.customerCount == 80)
        for day in ["2025-03-31", "2025-12-31", "2026-02-15", "2026-11-30"] {
            let asOf = Day(day)!
            let all = bulk.balances(bulk.allocate(asOf: asOf))
            var someOpen = false, someOverdue = false, someUnapplied = false
            for (i, customer) in customers.enumerated() {
                let one = try s.workspace.ledger(customer: customer)
                let mine = one.balances(one.allocate(asOf: asOf))
                #expect(mine == [all[i]], "\(customer.id) as of \(day)")
                someOpen = someOpen || all[i].open.isPositive
                someOverdue = someOverdue || all[i].overdue.isPositive
                someUnapplied = someUnapplied || all[i].unapplied.isPositive
            }
            // The comparison means something only if the portfolio has all of these.
            #expect(someOpen && someOverdue, "\(day)")
            if day == "2026-11-30" { #expect(someUnapplied) }
        }
    }
}
