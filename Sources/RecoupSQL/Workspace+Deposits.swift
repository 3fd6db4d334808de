import Foundation
import RecoupCore
import RecoupStore

/// The deposit (预付款) ledger: receipts, applications to invoices and refunds, each one row of
/// `deposit_movement`, written as one transaction that keeps every pot at zero or above.
extension Workspace {
    /// A customer's deposit movements, oldest first (by day, then as entered).
    public func depositMovements(customer: String) throws(StoreError) -> [DepositMovement] {
        try read { db in try Self.depositMovements(db, customer: customer) }
    }

    /// Every customer's deposit movements, by customer id, oldest first.
    public func depositMovements() throws(StoreError) -> [String: [DepositMovement]] {
        try read { db in
            Dictionary(
                grouping: try Row.fetchAll(db, sql: "SELECT * FROM deposit_movement ORDER BY customer_id, on_day, id")
                    .map(Self.depositMovement),
                by: \.customerId)
        }
    }

    /// Every contract, by customer then signing day and id; with `base`, from the books as committed,
    /// without an open scenario (callable from another thread: it reads on a connection of its own).
    public func allContracts(base: Bool = false) throws(StoreError) -> [Contract] {
        // Through the engine's raw rows (`RawRows`, as the bulk ledger), in storage order, sorted here only when
        // out of order: a report over 100,000 customers reads 133,000 contracts, which took 175 ms
        // through GRDB rows and SQL's ORDER BY (80 ms of it the sort, as the rows are mostly stored in
        // that order already).
        let contracts = try (base || readingBase ? readBase : read) { db in
            var out: [Contract] = []
            let rows = try db.connection.rawRows(
                """
                SELECT id, customer_id, service, signed_on, start_on, end_on, value, payment_terms_days, late_fee_daily_rate,
                       late_fee_grace_days, late_fee_cap, suspend_after_days, prepay_ratio
                FROM contract
                """)
            defer { rows.finish() }
            func day(_ i: Int32) -> Day? {
                if rows.isNull(i) { return nil }
                let d = rows.day(i)
                return d != 0 ? Day(ordinal: d) : Day(rows.string(i))
            }
            func text(_ i: Int32) -> String? { rows.isNull(i) ? nil : rows.string(i) }
            func int(_ i: Int32) -> Int? { rows.isNull(i) ? nil : Int(rows.int(i)) }
            while rows.next() {
                out.append(
                    Contract(
                        id: rows.string(0), customerId: rows.string(1), service: rows.string(2),
                        signedOn: day(3) ?? Day(ordinal: 0),
                        startOn: day(4), endOn: day(5), value: rows.isNull(6) ? nil : Money(minorUnits: rows.int(6)),
                        paymentTermsDays: int(7), lateFeeDailyRate: text(8), lateFeeGraceDays: int(9),
                        lateFeeCap: text(10),
                        suspendAfterDays: int(11), prepayRatio: text(12)))
            }
            return out
        }
        // Customer and contract ids in byte order, as SQLite compares them.
        func precedes(_ a: Contract, _ b: Contract) -> Bool {
            if a.customerId != b.customerId { return a.customerId.utf8.lexicographicallyPrecedes(b.customerId.utf8) }
            if a.signedOn != b.signedOn { return a.signedOn.ordinal < b.signedOn.ordinal }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return zip(contracts, contracts.dropFirst()).allSatisfy { !precedes($1, $0) }
            ? contracts : contracts.sorted(by: precedes)
    }

    /// Records a deposit received, for a contract of the customer's or (nil) unallocated, journaled.
    @discardableResult
    public func receiveDeposit(
        customer: String, amount: Money, contract: String?, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> DepositMovement {
        guard
            case .movement(let m) = try perform(
                .depositReceived(customer: customer, amount: amount, contract: contract, on: day),
                context: context)
        else { throw .rule("no deposit movement was written") }
        return m
    }

    /// Refunds deposit from one pot (a contract's, or the unallocated one), journaled. Refused, with
    /// nothing written, when the pot holds less than `amount` (read in the refund's transaction, so
    /// two shells refunding the same deposit cannot both succeed) or the reason is empty.
    @discardableResult
    public func refundDeposit(
        customer: String, amount: Money, contract: String?, reason: String, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> DepositMovement {
        guard
            case .movement(let m) = try perform(
                .depositRefunded(customer: customer, amount: amount, contract: contract, reason: reason, on: day),
                context: context)
        else { throw .rule("no deposit movement was written") }
        return m
    }

    /// Applies deposit to an invoice of the customer: draws on the invoice's contract pot, then the
    /// unallocated one (one `apply` movement per pot drawn), and records a payment `DEP-NNNNNN`
    /// (method `deposit`, naming the invoice) of the same amount on the same day, so the invoice's open
    /// amount falls: all in one transaction, journaled. The amount defaults to the smaller of what is
    /// open and what is usable. Refused, with nothing written, for a paid invoice, more than is open, or
    /// more than is held; all three are read inside the transaction.
    public func applyDeposit(
        customer: String, invoice invoiceId: String, amount requested: Money?, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> (amount: Money, payment: String) {
        guard
            case .deposit(let amount, let payment) = try perform(
                .depositApplied(customer: customer, invoice: invoiceId, amount: requested, on: day), context: context)
        else { throw .rule("no deposit was applied") }
        return (amount, payment)
    }

    func applyDepositMovement(_ db: Database, _ change: BookChange, _ context: ChangeContext) throws -> ChangeOutcome {
        switch change {
        case .depositReceived(let customer, let amount, let contract, let day):
            guard amount.isPositive else { throw StoreError.rule(DepositError.notPositive(amount).message) }
            try Self.requireCustomer(db, customer)
            if let k = contract {
                let owner = try String.fetchOne(
                    db, sql: "SELECT customer_id FROM contract WHERE id = ?", arguments: [k])
                guard let owner else { throw StoreError.notFound(kind: "contract", id: k) }
                guard owner == customer else {
                    throw StoreError.rule("contract '\(k)' belongs to customer '\(owner)', not '\(customer)'")
                }
            }
            let m = DepositMovement(
                customerId: customer, contractId: contract, kind: .receive, amount: amount, onDay: day, at: context.at,
                operator: context.operator)
            return .movement(try Self.insert(db, m))
        case .depositRefunded(let customer, let amount, let contract, let reason, let day):
            try Self.requireCustomer(db, customer)
            let pots = DepositPots(try Self.depositMovements(db, customer: customer))
            do throws(DepositError) {
                try Deposit.checkRefund(amount, from: pots, customer: customer, contract: contract, reason: reason)
            } catch {
                throw StoreError.rule(error.message)
            }
            let m = DepositMovement(
                customerId: customer, contractId: contract, kind: .refund, amount: amount, onDay: day, reason: reason,
                at: context.at, operator: context.operator)
            return .movement(try Self.insert(db, m))
        case .depositApplied(let customer, let invoiceId, let requested, let day):
            guard let invoice = try self.invoice(id: invoiceId) else {
                throw StoreError.notFound(kind: "invoice", id: invoiceId)
            }
            guard invoice.customerId == customer else {
                throw StoreError.rule(
                    "invoice '\(invoiceId)' belongs to customer '\(invoice.customerId)', not '\(customer)'")
            }
            guard let c = try self.customer(id: customer) else {
                throw StoreError.notFound(kind: "customer", id: customer)
            }
            // What is open counting every payment recorded, as `payment apply` does.
            let ledger = try ledger(customer: c)
            let allocation = ledger.allocate(asOf: Day(ordinal: Int32.max - 1))
            let open =
                ledger.invoiceIds.firstIndex(of: invoiceId).map { Money(minorUnits: allocation.open[$0]) } ?? .zero
            let pots = DepositPots(try Self.depositMovements(db, customer: customer))
            let usable = max(.zero, invoice.contractId.map { pots.held($0) } ?? .zero) + max(.zero, pots.unallocated)
            let amount = requested ?? (usable.isPositive ? min(open, usable) : open)
            let draws: [(contract: String?, amount: Money)]
            do throws(DepositError) {
                try Deposit.checkApplication(amount, invoice: invoiceId, open: open)
                draws = try Deposit.draw(amount, from: pots, customer: customer, contract: invoice.contractId)
            } catch { throw StoreError.rule(error.message) }
            let paymentId = try Self.nextDepositPaymentId(db)
            for d in draws {
                try Self.insert(
                    db,
                    DepositMovement(
                        customerId: customer, contractId: d.contract, kind: .apply, amount: d.amount, onDay: day,
                        invoiceId: invoiceId, at: context.at, operator: context.operator))
            }
            try Self.insert(
                db,
                Payment(
                    id: paymentId, customerId: customer, receivedOn: day, amount: amount, invoiceId: invoiceId,
                    method: "deposit", reference: "deposit applied"))
            return .deposit(amount: amount, payment: paymentId)
        default:
            return .none
        }
    }

    // MARK: Rows

    static func depositMovements(_ db: Database, customer: String) throws -> [DepositMovement] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM deposit_movement WHERE customer_id = ? ORDER BY on_day, id", arguments: [customer]
        ).map(depositMovement)
    }

    static func depositMovement(_ r: Row) -> DepositMovement {
        DepositMovement(
            id: r["id"], customerId: r["customer_id"], contractId: r["contract_id"],
            kind: DepositMovement.Kind(rawValue: r["kind"]) ?? .receive, amount: Money(minorUnits: r["amount"]),
            onDay: day(r["on_day"] as String), invoiceId: r["invoice_id"], reason: r["reason"], at: r["at"],
            operator: r["operator"])
    }

    @discardableResult
    static func insert(_ db: Database, _ m: DepositMovement) throws -> DepositMovement {
        let newId = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO deposit_movement(customer_id, contract_id, kind, amount, on_day, invoice_id, reason, at, operator)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
            arguments: [
                m.customerId, m.contractId, m.kind.rawValue, m.amount.minorUnits, m.onDay.iso, m.invoiceId, m.reason,
                m.at, m.operator,
            ])
        var out = m
        out.id = newId ?? 0
        return out
    }

    static func requireCustomer(_ db: Database, _ id: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [id]) == true else {
            throw StoreError.notFound(kind: "customer", id: id)
        }
    }

    /// The next free id of a payment made from a deposit: `DEP-000001`, ...
    static func nextDepositPaymentId(_ db: Database) throws -> String {
        try nextNumberedId(db, table: "payment", prefix: "DEP-", digits: 6)
    }

}
