import Foundation
import GRDB
import RecoupCore

/// An installment plan on the books: its terms, its rows and the invoices it restructured.
public struct PlanRecord: Sendable {
    public var id: String
    public var customerId: String
    public var createdOn: Day
    public var terms: PlanTerms
    public var financed: Money
    /// In `seq` order (period 0 first when there is one; a prepayment row after the period it follows).
    public var installments: [Installment]
    /// Invoices restructured into the plan, with the open amount each brought in.
    public var invoices: [(id: String, amount: Money)]

    public init(id: String, customerId: String, createdOn: Day, terms: PlanTerms, financed: Money,
                installments: [Installment], invoices: [(id: String, amount: Money)]) {
        self.id = id; self.customerId = customerId; self.createdOn = createdOn; self.terms = terms
        self.financed = financed; self.installments = installments; self.invoices = invoices
    }

    /// The id of row `seq` when it stands as an obligation in balances and aging: `PL000001#03`.
    public static func obligationId(plan: String, seq: Int) -> String {
        plan + "#" + (seq < 10 ? "0" : "") + String(seq)
    }

    /// The schedule the engine works on (for payoff and prepayment quotes).
    public var schedule: Schedule {
        let regular = installments.filter { $0.period > 0 && !$0.isPrepayment }
        return Schedule(terms: terms, financed: financed, installments: installments,
                        totalPayable: installments.reduce(.zero) { $0 + $1.payment },
                        totalInterest: installments.reduce(.zero) { $0 + $1.interest },
                        totalFees: installments.reduce(.zero) { $0 + $1.fee },
                        annualizedRate: 0, effectiveRate: 0, lastDue: regular.last?.dueOn ?? createdOn)
    }
}

extension Workspace {
    /// The next free plan id: `PL000001`, `PL000002`, ...
    public func nextPlanId() throws(StoreError) -> String {
        try read { db in
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM plan") ?? 0
            var k = n + 1
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM plan WHERE id = ?", arguments: ["PL" + Self.pad(k)]) == true { k += 1 }
            return "PL" + Self.pad(k)
        }
    }

    static func pad(_ v: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, 6 - s.count)) + s }

    /// Writes a plan, its rows and its restructured invoices as one transaction, journaled.
    public func createPlan(_ plan: PlanRecord, operator who: String, command: String) throws(StoreError) {
        let json: String
        do { json = String(decoding: try JSONEncoder().encode(plan.terms), as: UTF8.self) } catch {
            throw .database("cannot record the plan's terms: \(error)")
        }
        try write { db in
            try db.execute(sql: "INSERT INTO plan(id, customer_id, created_on, terms, financed) VALUES (?, ?, ?, ?, ?)",
                           arguments: [plan.id, plan.customerId, plan.createdOn.iso, json, plan.financed.minorUnits])
            try Self.insertInstallments(db, plan: plan.id, plan.installments, firstSeq: 1)
            for inv in plan.invoices {
                try db.execute(sql: "INSERT INTO plan_invoice(plan_id, invoice_id, amount) VALUES (?, ?, ?)",
                               arguments: [plan.id, inv.id, inv.amount.minorUnits])
            }
            try Self.journal(db, operator: who, command: command,
                             effect: "plan \(plan.id) for \(plan.customerId): \(plan.financed) over \(plan.installments.count) rows, restructured \(plan.invoices.map(\.id).joined(separator: " "))")
        }
    }

    /// Replaces the plan's rows from `seq` on with a prepayment's new rows and records the payment,
    /// as one transaction, journaled.
    public func commitPrepayment(plan: String, fromSeq seq: Int, rows: [Installment], payment: Payment, operator who: String, command: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM plan_installment WHERE plan_id = ? AND seq >= ?", arguments: [plan, seq])
            try Self.insertInstallments(db, plan: plan, rows, firstSeq: seq)
            try Self.insert(db, payment)
            try Self.journal(db, operator: who, command: command,
                             effect: "plan \(plan): prepayment \(payment.id) of \(payment.amount) on \(payment.receivedOn.iso); rows from \(seq) replaced by \(rows.count) rows")
        }
    }

    /// Records one payment (checked: its customer exists, a named invoice or plan is the customer's), journaled.
    public func addPayment(_ payment: Payment, operator who: String, command: String) throws(StoreError) {
        try write { db in
            try Self.insert(db, payment)
            try Self.journal(db, operator: who, command: command,
                             effect: "payment \(payment.id) of \(payment.amount) from \(payment.customerId) on \(payment.receivedOn.iso)")
        }
    }

    /// The next free id for a payment entered by hand: `M00000001`, ...
    public func nextPaymentId() throws(StoreError) -> String {
        try read { db in
            var k = (try Int.fetchOne(db, sql: "SELECT count(*) FROM payment WHERE id LIKE 'M%'") ?? 0) + 1
            func id(_ k: Int) -> String { let s = String(k); return "M" + String(repeating: "0", count: max(0, 8 - s.count)) + s }
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM payment WHERE id = ?", arguments: [id(k)]) == true { k += 1 }
            return id(k)
        }
    }

    static func insert(_ db: Database, _ p: Payment) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [p.customerId]) == true else {
            throw StoreError.notFound(kind: "customer", id: p.customerId)
        }
        if let invoice = p.invoiceId {
            let owner = try String.fetchOne(db, sql: "SELECT customer_id FROM invoice WHERE id = ?", arguments: [invoice])
            guard let owner else { throw StoreError.notFound(kind: "invoice", id: invoice) }
            guard owner == p.customerId else { throw StoreError.database("invoice '\(invoice)' belongs to customer '\(owner)', not '\(p.customerId)'") }
        }
        if let plan = p.planId {
            let owner = try String.fetchOne(db, sql: "SELECT customer_id FROM plan WHERE id = ?", arguments: [plan])
            guard let owner else { throw StoreError.notFound(kind: "plan", id: plan) }
            guard owner == p.customerId else { throw StoreError.database("plan '\(plan)' belongs to customer '\(owner)', not '\(p.customerId)'") }
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM payment WHERE id = ?", arguments: [p.id]) == true {
            throw StoreError.database("payment '\(p.id)' already exists")
        }
        try db.execute(sql: """
            INSERT INTO payment(id, customer_id, received_on, amount, invoice_id, method, reference, plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.id, p.customerId, p.receivedOn.iso, p.amount.minorUnits, p.invoiceId, p.method, p.reference, p.planId])
    }

    static func insertInstallments(_ db: Database, plan: String, _ rows: [Installment], firstSeq: Int) throws {
        for (k, i) in rows.enumerated() {
            try db.execute(sql: """
                INSERT INTO plan_installment(plan_id, seq, period, due_on, payment, principal, interest, fee, balance, deferred_interest, prepayment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [plan, firstSeq + k, i.period, i.dueOn.iso, i.payment.minorUnits, i.principal.minorUnits, i.interest.minorUnits,
                                 i.fee.minorUnits, i.balance.minorUnits, i.deferredInterest.minorUnits, i.isPrepayment ? 1 : 0])
        }
    }

    /// Plans, all or one customer's, oldest first.
    public func plans(customer: String? = nil) throws(StoreError) -> [PlanRecord] {
        try read { db in
            let rows = customer == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM plan ORDER BY created_on, id")
                : try Row.fetchAll(db, sql: "SELECT * FROM plan WHERE customer_id = ? ORDER BY created_on, id", arguments: [customer])
            return try rows.map { try Self.plan($0, db) }
        }
    }

    public func plan(id: String) throws(StoreError) -> PlanRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]).map { try Self.plan($0, db) } }
    }

    /// Every plan id (for completion).
    public func planIds() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM plan ORDER BY id") }
    }

    static func plan(_ r: Row, _ db: Database) throws -> PlanRecord {
        let id: String = r["id"]
        let terms = try JSONDecoder().decode(PlanTerms.self, from: Data((r["terms"] as String).utf8))
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM plan_installment WHERE plan_id = ? ORDER BY seq", arguments: [id]).map { i in
            var row = Installment(period: i["period"], dueOn: day(i["due_on"] as String), payment: Money(minorUnits: i["payment"]),
                                  principal: Money(minorUnits: i["principal"]), interest: Money(minorUnits: i["interest"]),
                                  fee: Money(minorUnits: i["fee"]), balance: Money(minorUnits: i["balance"]))
            row.deferredInterest = Money(minorUnits: i["deferred_interest"])
            row.isPrepayment = (i["prepayment"] as Int) != 0
            return row
        }
        let invoices = try Row.fetchAll(db, sql: "SELECT invoice_id, amount FROM plan_invoice WHERE plan_id = ? ORDER BY invoice_id", arguments: [id])
            .map { (id: $0[0] as String, amount: Money(minorUnits: $0[1])) }
        return PlanRecord(id: id, customerId: r["customer_id"], createdOn: day(r["created_on"] as String), terms: terms,
                          financed: Money(minorUnits: r["financed"]), installments: rows, invoices: invoices)
    }

    /// A customer's plan rows as obligations and their restructurings as payments, for one customer's ledger.
    public func planObligations(customer: String) throws(StoreError) -> (invoices: [Invoice], payments: [Payment]) {
        let plans = try plans(customer: customer)
        var invoices: [Invoice] = [], payments: [Payment] = []
        for p in plans {
            for (k, row) in p.installments.enumerated() where row.payment.isPositive {
                invoices.append(Invoice(id: PlanRecord.obligationId(plan: p.id, seq: k + 1), customerId: customer, contractId: p.id,
                                        issuedOn: p.createdOn, dueOn: row.dueOn, amount: row.payment))
            }
            for inv in p.invoices {
                payments.append(Payment(id: Payment.restructurePrefix + p.id + "~" + inv.id, customerId: customer, receivedOn: p.createdOn,
                                        amount: inv.amount, invoiceId: inv.id, method: "restructured", reference: p.id))
            }
        }
        return (invoices, payments)
    }
}
