import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Every customer's id, name and initials, ordered by id bytes.
    public func customerKeys() throws(StoreError) -> [CustomerKey] {
        try read { db in
            var out: [CustomerKey] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, name, initials, coalesce(phone, '') FROM customer ORDER BY id")
            while let r = try rows.next() {
                out.append(CustomerKey(id: r[0], name: r[1], initials: r[2], phone: r[3]))
            }
            return out
        }
    }

    /// Every contract or invoice id (for completion), ordered by id bytes.
    public func ids(of kind: RecordKind) throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM \(kind.table) ORDER BY id") }
    }

    public func customer(id: String) throws(StoreError) -> Customer? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]).map(Self.customer)
        }
    }

    /// Customers whose name is exactly `name`.
    public func customers(named name: String) throws(StoreError) -> [Customer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM customer WHERE name = ? ORDER BY id", arguments: [name]).map(
                Self.customer)
        }
    }

    /// Customers (all, or those with these ids), ordered by id bytes.
    /// Every customer in id order, read column by column off the engine's raw rows: a report over
    /// 100,000 customers spent about 0.12 s building a row dictionary for each of them before.
    ///
    /// Read in the table's own order and put in id order here: `ORDER BY id` walks the id index and
    /// fetches each row where it lies, one page read a customer when customers were imported in no
    /// order of ids (100,000 customers: `customer list` 0.49 s against 0.30 s; docs/BENCHMARKS.md).
    public func customers() throws(StoreError) -> [Customer] {
        let out = try read { db in
            let r = try db.connection.rawRows(
                """
                SELECT id, name, phone, email, tax_id, segment, credit_limit, bureau_score, bureau_date, agent, opened_on
                FROM customer
                """)
            defer { r.finish() }
            func text(_ i: Int32) -> String? { r.isNull(i) ? nil : r.string(i) }
            func day(_ i: Int32) -> Day? { r.isNull(i) ? nil : Day(r.string(i)) }
            var out: [Customer] = []
            while r.next() {
                out.append(
                    Customer(
                        id: r.string(0), name: r.string(1), phone: text(2), email: text(3), taxId: text(4),
                        segment: text(5), creditLimit: r.isNull(6) ? nil : Money(minorUnits: r.int(6)),
                        bureauScore: r.isNull(7) ? nil : Int(r.int(7)), bureauDate: day(8), agent: text(9),
                        openedOn: day(10)))
            }
            return out
        }
        return Self.inIdOrder(out) { $0.id }
    }

    /// `rows` ordered by `id`'s bytes (SQLite's BINARY collation, the ledger's order); as they are
    /// when they already are (a table filled in id order), without a sort.
    static func inIdOrder<T>(_ rows: [T], _ id: (T) -> String) -> [T] {
        func before(_ a: T, _ b: T) -> Bool { id(a).utf8.lexicographicallyPrecedes(id(b).utf8) }
        if zip(rows, rows.dropFirst()).allSatisfy({ before($0, $1) }) { return rows }
        return rows.sorted(by: before)
    }

    public func contracts(customer: String) throws(StoreError) -> [Contract] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM contract WHERE customer_id = ? ORDER BY signed_on, id", arguments: [customer]
            ).map(Self.contract)
        }
    }

    public func contract(id: String) throws(StoreError) -> Contract? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM contract WHERE id = ?", arguments: [id]).map(Self.contract)
        }
    }

    public func invoices(customer: String) throws(StoreError) -> [Invoice] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM invoice WHERE customer_id = ? ORDER BY due_on, issued_on, id",
                arguments: [customer]
            ).map(Self.invoice)
        }
    }

    public func invoices(contract: String) throws(StoreError) -> [Invoice] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM invoice WHERE contract_id = ? ORDER BY due_on, issued_on, id",
                arguments: [contract]
            ).map(Self.invoice)
        }
    }

    public func invoice(id: String) throws(StoreError) -> Invoice? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invoice WHERE id = ?", arguments: [id]).map(Self.invoice)
        }
    }

    /// A customer's payments, oldest first (without the payments that `settled_on` stands for).
    public func payments(customer: String) throws(StoreError) -> [Payment] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM payment WHERE customer_id = ? AND voided_at IS NULL ORDER BY received_on, id",
                arguments: [customer]
            ).map(Self.payment)
        }
    }

    /// One customer's ledger: their invoices and payments (settlements included), ready to allocate.
    /// One customer's ledger; with `base`, from the books as committed, without an open scenario.
    public func ledger(customer: Customer, base: Bool) throws(StoreError) -> Ledger {
        guard base && scenarioIsOpen else { return try ledger(customer: customer) }
        readingBase = true
        defer { readingBase = false }
        return try ledger(customer: customer)
    }

    public func ledger(customer: Customer) throws(StoreError) -> Ledger {
        let plans = try planObligations(customer: customer.id)
        let (entries, disputes) = try read { db in
            (try Self.nonCashEntries(db, customer: customer.id), try Self.disputes(db, customer: customer.id))
        }
        var ledger = Ledger(
            customers: [customer.id], invoices: try invoices(customer: customer.id) + plans.invoices,
            payments: try payments(customer: customer.id) + plans.payments + entries,
            manual: try manualApplications(customer: customer.id))
        ledger.addHolds(disputes.filter { !$0.isImported || $0.resolvedOn != nil })
        return ledger
    }

    /// Applications made by hand (`payment apply`) to a customer's payments.
    public func manualApplications(customer: String) throws(StoreError) -> [(
        payment: String, invoice: String, amount: Money
    )] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.payment_id, a.invoice_id, a.amount FROM payment_application a JOIN payment p ON p.id = a.payment_id
                    WHERE p.customer_id = ? AND p.voided_at IS NULL ORDER BY a.id
                    """, arguments: [customer]
            ).map { (payment: $0[0] as String, invoice: $0[1] as String, amount: Money(minorUnits: $0[2])) }
        }
    }

    /// The whole portfolio's ledger, read in the orders the allocation rule needs (SQL sorts, byte order).
    public func ledger() throws(StoreError) -> Ledger { try ledger(base: false) }

    /// The whole portfolio's ledger; with `base`, the books as committed, without an open scenario.
    /// Its `invoiceIds` and `paymentIds` stay empty (see `BulkLedgerLoader`).
    public func ledger(base: Bool) throws(StoreError) -> Ledger {
        let base = base || readingBase
        if scenarioIsOpen && !base {
            return try read { db in try BulkLedgerLoader(db: db).load() }  // the writer sees the scenario
        }
        guard engine.snapshotPath != nil else { return try loadLedger() }
        let key = try snapshotKey()
        if let kept = snapshotLedger(key: key) { return kept }
        let ledger = try loadLedger()
        if try snapshotKey() == key { keepSnapshot(ledger, key: key) }
        return ledger
    }

    /// The whole portfolio's ledger read from the books as committed.
    func loadLedger() throws(StoreError) -> Ledger {
        // Payments on a second reader connection at the same time as the invoices (two cores).
        let box = PaymentBox()
        let engine = self.engine
        let thread = Thread {
            box.result = Result {
                try engine.read { db in
                    try BulkLedgerLoader.readPayments(db, customers: try BulkLedgerLoader.customerIndex(db))
                }
            }
            box.done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
        return try readBase { db in
            try BulkLedgerLoader(db: db).load(paymentsRead: {
                box.done.wait()
                // Taken out of the box, so the loader's changes to the rows do not copy them.
                defer { box.result = nil }
                return try box.result!.get()
            })
        }
    }

    /// The whole portfolio's ledger with its invoice ids (plan rows as `PLAN#NN`), as this shell
    /// sees the books (plus an open scenario's span).
    public func ledgerWithInvoiceIds() throws(StoreError) -> Ledger {
        try read { db in try BulkLedgerLoader(db: db, withIds: true).load() }
    }

    static func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }
    static func day(_ text: String?) -> Day? { text.flatMap { Day($0) } }
    static func money(_ v: Int64?) -> Money? { v.map { Money(minorUnits: $0) } }

    static func customer(_ r: Row) -> Customer {
        Customer(
            id: r["id"], name: r["name"], phone: r["phone"], email: r["email"], taxId: r["tax_id"],
            segment: r["segment"],
            creditLimit: money(r["credit_limit"]), bureauScore: r["bureau_score"],
            bureauDate: day(r["bureau_date"] as String?),
            agent: r["agent"], openedOn: day(r["opened_on"] as String?))
    }

    static func contract(_ r: Row) -> Contract {
        Contract(
            id: r["id"], customerId: r["customer_id"], service: r["service"], signedOn: day(r["signed_on"] as String),
            startOn: day(r["start_on"] as String?), endOn: day(r["end_on"] as String?), value: money(r["value"]),
            paymentTermsDays: r["payment_terms_days"], lateFeeDailyRate: r["late_fee_daily_rate"],
            lateFeeGraceDays: r["late_fee_grace_days"], lateFeeCap: r["late_fee_cap"],
            suspendAfterDays: r["suspend_after_days"], prepayRatio: r["prepay_ratio"])
    }

    static func invoice(_ r: Row) -> Invoice {
        Invoice(
            id: r["id"], customerId: r["customer_id"], contractId: r["contract_id"],
            issuedOn: day(r["issued_on"] as String),
            dueOn: day(r["due_on"] as String), amount: Money(minorUnits: r["amount"]),
            disputed: (r["disputed"] as Int) != 0,
            settledOn: day(r["settled_on"] as String?))
    }

    static func payment(_ r: Row) -> Payment {
        Payment(
            id: r["id"], customerId: r["customer_id"], receivedOn: day(r["received_on"] as String),
            amount: Money(minorUnits: r["amount"]),
            invoiceId: r["invoice_id"], method: r["method"], reference: r["reference"], planId: r["plan_id"],
            held: (r["held"] as Int? ?? 0) != 0)
    }
}

/// Carries the payments read on another thread back to the loader.
private final class PaymentBox: @unchecked Sendable {
    var result: Result<BulkLedgerLoader.PaymentRows, any Error>?
    let done = DispatchSemaphore(value: 0)
}
