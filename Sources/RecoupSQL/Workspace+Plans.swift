import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// The next free plan id in the transaction of `db`: `PL000001`, `PL000002`, ...
    static func nextPlanId(_ db: Database) throws -> String {
        var k = (try Int.fetchOne(db, sql: "SELECT count(*) FROM plan") ?? 0) + 1
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM plan WHERE id = ?", arguments: ["PL" + Self.pad(k)]) == true {
            k += 1
        }
        return "PL" + Self.pad(k)
    }

    static func pad(_ v: Int) -> String {
        let s = String(v); return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// Writes a plan (its id allocated here), its rows and its restructured invoices as one
    /// transaction, journaled; returns the plan's id. Refused, with nothing written, when an invoice
    /// is in a plan already or no longer has the open amount the plan was worked out from (a
    /// colleague's payment landed since).
    @discardableResult
    public func createPlan(_ plan: PlanRecord, context: ChangeContext) throws(StoreError) -> String {
        try perform(
            .planCreated(
                customer: plan.customerId, createdOn: plan.createdOn, terms: plan.terms, financed: plan.financed,
                installments: plan.installments,
                invoices: plan.invoices.map { InvoiceAmount(id: $0.id, amount: $0.amount) }),
            context: context
        ).id
    }

    func applyPlan(
        _ db: Database, customer: String, createdOn: Day, terms: PlanTerms, financed: Money,
        installments: [Installment],
        invoices: [InvoiceAmount], _ context: ChangeContext
    ) throws -> String {
        try Self.requireCustomer(db, customer)
        guard let c = try self.customer(id: customer) else { throw StoreError.notFound(kind: "customer", id: customer) }
        let ledger = try self.ledger(customer: c)
        let open = ledger.allocate(asOf: createdOn).open
        for inv in invoices {
            let owner = try String.fetchOne(
                db, sql: "SELECT customer_id FROM invoice WHERE id = ?", arguments: [inv.id])
            guard let owner else { throw StoreError.notFound(kind: "invoice", id: inv.id) }
            guard owner == customer else {
                throw StoreError.rule("invoice '\(inv.id)' belongs to customer '\(owner)', not '\(customer)'")
            }
            if let plan = try String.fetchOne(
                db,
                sql:
                    "SELECT r.plan_id FROM plan_invoice r JOIN plan p ON p.id = r.plan_id WHERE r.invoice_id = ? AND p.cancelled_at IS NULL",
                arguments: [inv.id])
            {
                throw StoreError.rule("invoice '\(inv.id)' is restructured into plan '\(plan)' already")
            }
            let now = ledger.invoiceIds.firstIndex(of: inv.id).map { Money(minorUnits: open[$0]) } ?? .zero
            guard now == inv.amount else {
                throw StoreError.rule(
                    "invoice '\(inv.id)' has \(now) open on \(createdOn.iso), not the \(inv.amount) the plan restructures"
                )
            }
        }
        let json = String(decoding: try JSONEncoder().encode(terms), as: UTF8.self)
        let id = try Self.nextPlanId(db)
        try db.execute(
            sql: "INSERT INTO plan(id, customer_id, created_on, terms, financed) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, customer, createdOn.iso, json, financed.minorUnits])
        try Self.insertInstallments(db, plan: id, installments, firstSeq: 1)
        for inv in invoices {
            try db.execute(
                sql: "INSERT INTO plan_invoice(plan_id, invoice_id, amount) VALUES (?, ?, ?)",
                arguments: [id, inv.id, inv.amount.minorUnits])
        }
        return id
    }

    /// Replaces the plan's rows from `seq` on with a prepayment's new rows and records the payment
    /// (an empty id takes the next `M` id), as one transaction, journaled; returns the payment's id.
    @discardableResult
    public func commitPrepayment(
        plan: String, fromSeq seq: Int, rows: [Installment], payment: Payment,
        context: ChangeContext
    ) throws(StoreError) -> String {
        try perform(.prepaymentRecorded(plan: plan, fromSeq: seq, rows: rows, payment: payment), context: context).id
    }

    static func applyPrepayment(_ db: Database, plan: String, fromSeq seq: Int, rows: [Installment], payment: Payment)
        throws -> String
    {
        var payment = payment
        if payment.id.isEmpty { payment.id = try nextPaymentId(db) }
        let count =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM plan_installment WHERE plan_id = ?", arguments: [plan]) ?? 0
        guard count > 0 else { throw StoreError.notFound(kind: "plan", id: plan) }
        guard count >= seq - 1 else {
            throw StoreError.rule("plan '\(plan)' has \(count) rows now, fewer than the prepayment keeps")
        }
        try db.execute(sql: "DELETE FROM plan_installment WHERE plan_id = ? AND seq >= ?", arguments: [plan, seq])
        try insertInstallments(db, plan: plan, rows, firstSeq: seq)
        try insert(db, payment)
        return payment.id
    }

    /// Records one payment (checked in its transaction: its customer exists, a named invoice or plan
    /// is the customer's, the id is free; an empty id takes the next `M00000001`), journaled; returns its id.
    @discardableResult
    public func addPayment(_ payment: Payment, context: ChangeContext) throws(StoreError) -> String {
        try perform(.paymentRecorded(payment), context: context).id
    }

    /// The next free id for a payment entered by hand, in the transaction of `db`: `M00000001`, ...
    static func nextPaymentId(_ db: Database) throws -> String {
        try nextNumberedId(db, table: "payment", prefix: "M", digits: 8)
    }

    /// The next free id of the form PREFIX + `digits` digits (`M00000042`) in `table`, in the
    /// transaction of `db`: one more than the highest such id, found through the primary key's index
    /// (a range of the ids with that prefix, not a scan of the table: on 1,000,000 payments a count of
    /// `LIKE 'M%'` took about 80 ms, and a scenario replays its payments for every command).
    static func nextNumberedId(_ db: Database, table: String, prefix: String, digits: Int) throws -> String {
        let low = prefix + String(repeating: "0", count: digits), high = prefix + String(repeating: "9", count: digits)
        // The highest id in the range whose suffix is all digits (GLOB is SQLite's alone; ids of that
        // length in the range with another character in them are rare, so a few rows suffice).
        let candidates = try String.fetchAll(
            db, sql: "SELECT id FROM \(table) WHERE id BETWEEN ? AND ? AND length(id) = ? ORDER BY id DESC LIMIT 32",
            arguments: [low, high, prefix.count + digits])
        let top = candidates.first { $0.utf8.dropFirst(prefix.utf8.count).allSatisfy { (48...57).contains($0) } }
        var k = (top.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        func id(_ k: Int) -> String {
            let s = String(k); return prefix + String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id(k)]) == true { k += 1 }
        return id(k)
    }

    static func insert(_ db: Database, _ p: Payment) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [p.customerId]) == true
        else {
            throw StoreError.notFound(kind: "customer", id: p.customerId)
        }
        if let invoice = p.invoiceId {
            let owner = try String.fetchOne(
                db, sql: "SELECT customer_id FROM invoice WHERE id = ?", arguments: [invoice])
            guard let owner else { throw StoreError.notFound(kind: "invoice", id: invoice) }
            guard owner == p.customerId else {
                throw StoreError.rule("invoice '\(invoice)' belongs to customer '\(owner)', not '\(p.customerId)'")
            }
        }
        if let plan = p.planId {
            let owner = try String.fetchOne(db, sql: "SELECT customer_id FROM plan WHERE id = ?", arguments: [plan])
            guard let owner else { throw StoreError.notFound(kind: "plan", id: plan) }
            guard owner == p.customerId else {
                throw StoreError.rule("plan '\(plan)' belongs to customer '\(owner)', not '\(p.customerId)'")
            }
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM payment WHERE id = ?", arguments: [p.id]) == true {
            throw StoreError.duplicate(kind: "payment", id: p.id)
        }
        try db.execute(
            sql: """
                INSERT INTO payment(id, customer_id, received_on, amount, invoice_id, method, reference, plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                p.id, p.customerId, p.receivedOn.iso, p.amount.minorUnits, p.invoiceId, p.method, p.reference, p.planId,
            ])
    }

    static func insertInstallments(_ db: Database, plan: String, _ rows: [Installment], firstSeq: Int) throws {
        for (k, i) in rows.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO plan_installment(plan_id, seq, period, due_on, payment, principal, interest, fee, balance, deferred_interest, prepayment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    plan, firstSeq + k, i.period, i.dueOn.iso, i.payment.minorUnits, i.principal.minorUnits,
                    i.interest.minorUnits,
                    i.fee.minorUnits, i.balance.minorUnits, i.deferredInterest.minorUnits, i.isPrepayment ? 1 : 0,
                ])
        }
    }

    /// Plans, all or one customer's, oldest first.
    public func plans(customer: String? = nil) throws(StoreError) -> [PlanRecord] {
        try read { db in
            let rows =
                customer == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM plan WHERE cancelled_at IS NULL ORDER BY created_on, id")
                : try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM plan WHERE customer_id = ? AND cancelled_at IS NULL ORDER BY created_on, id",
                    arguments: [customer])
            return try rows.map { try Self.plan($0, db) }
        }
    }

    public func plan(id: String) throws(StoreError) -> PlanRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ? AND cancelled_at IS NULL", arguments: [id]).map {
                try Self.plan($0, db)
            }
        }
    }

    /// Every plan id (for completion).
    public func planIds() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM plan WHERE cancelled_at IS NULL ORDER BY id") }
    }

    static func plan(_ r: Row, _ db: Database) throws -> PlanRecord {
        let id: String = r["id"]
        let terms = try JSONDecoder().decode(PlanTerms.self, from: Data((r["terms"] as String).utf8))
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM plan_installment WHERE plan_id = ? ORDER BY seq", arguments: [id]
        ).map { i in
            var row = Installment(
                period: i["period"], dueOn: day(i["due_on"] as String), payment: Money(minorUnits: i["payment"]),
                principal: Money(minorUnits: i["principal"]), interest: Money(minorUnits: i["interest"]),
                fee: Money(minorUnits: i["fee"]), balance: Money(minorUnits: i["balance"]))
            row.deferredInterest = Money(minorUnits: i["deferred_interest"])
            row.isPrepayment = (i["prepayment"] as Int) != 0
            return row
        }
        let invoices = try Row.fetchAll(
            db, sql: "SELECT invoice_id, amount FROM plan_invoice WHERE plan_id = ? ORDER BY invoice_id",
            arguments: [id]
        )
        .map { (id: $0[0] as String, amount: Money(minorUnits: $0[1])) }
        return PlanRecord(
            id: id, customerId: r["customer_id"], createdOn: day(r["created_on"] as String), terms: terms,
            financed: Money(minorUnits: r["financed"]), installments: rows, invoices: invoices)
    }

    /// A customer's plan rows as obligations and their restructurings as payments, for one customer's ledger.
    public func planObligations(customer: String) throws(StoreError) -> (invoices: [Invoice], payments: [Payment]) {
        let plans = try plans(customer: customer)
        var invoices: [Invoice] = [], payments: [Payment] = []
        for p in plans {
            for (k, row) in p.installments.enumerated() where row.payment.isPositive {
                invoices.append(
                    Invoice(
                        id: PlanRecord.obligationId(plan: p.id, seq: k + 1), customerId: customer, contractId: p.id,
                        issuedOn: p.createdOn, dueOn: row.dueOn, amount: row.payment))
            }
            for inv in p.invoices {
                payments.append(
                    Payment(
                        id: Payment.restructurePrefix + p.id + "~" + inv.id, customerId: customer,
                        receivedOn: p.createdOn,
                        amount: inv.amount, invoiceId: inv.id, method: "restructured", reference: p.id))
            }
        }
        return (invoices, payments)
    }
}
