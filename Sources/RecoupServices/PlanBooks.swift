import RecoupCore
import RecoupStore

/// Installment plans on the books: which invoices a new plan restructures, creating it, where a
/// plan stands (`PlanState`, the one status rule), and prepayments.
public struct PlanBooks: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Where `plan` stands on the context's day (or `day`).
    public func state(of plan: PlanRecord, on day: Day? = nil) throws -> PlanState {
        guard let c = try context.books.customer(id: plan.customerId) else {
            throw StoreError.notFound(kind: "customer", id: plan.customerId)
        }
        let ledger = try context.books.ledger(customer: c)
        let allocation = ledger.allocate(asOf: day ?? context.asOf)
        let position = Dictionary(uniqueKeysWithValues: ledger.invoiceIds.enumerated().map { ($1, $0) })
        return PlanState.evaluate(
            plan.installments,
            open: { seq in
                position[PlanRecord.obligationId(plan: plan.id, seq: seq)].map {
                    Money(minorUnits: allocation.open[$0])
                } ?? .zero
            }, asOf: day ?? context.asOf, graceDays: context.policy.planGraceDays)
    }

    /// Plans (one customer's, or all) with their state, optionally only those of one status.
    public func list(customer: String?, status: PlanState.Status?) throws -> [(plan: PlanRecord, state: PlanState)] {
        try context.books.plans(customer: customer).compactMap { plan in
            let s = try state(of: plan)
            return status == nil || s.status == status ? (plan, s) : nil
        }
    }

    /// The invoices a plan starting on `start` restructures, with what each has open that day: the
    /// ones named, or every overdue, undisputed invoice open then.
    public func invoicesToRestructure(_ customer: Customer, start: Day, named: [String]?) throws -> [InvoiceAmount] {
        let ledger = try context.books.ledger(customer: customer)
        let allocation = ledger.allocate(asOf: start)
        let invoices = try context.books.invoices(customer: customer.id)
        let open = Dictionary(
            uniqueKeysWithValues: ledger.invoiceIds.enumerated().map { ($1, Money(minorUnits: allocation.open[$0])) })
        guard let named else {
            let chosen = invoices.filter { $0.issuedOn <= start && $0.dueOn < start && !$0.disputed }
                .compactMap { v in (open[v.id] ?? .zero).isPositive ? InvoiceAmount(id: v.id, amount: open[v.id]!) : nil
                }
            guard !chosen.isEmpty else {
                throw ServiceError(
                    "customer '\(customer.id)' has no overdue, undisputed invoice open on \(start.iso)",
                    hint: "name invoices with --invoices ID,...")
            }
            return chosen
        }
        return try named.map { id in
            guard let v = invoices.first(where: { $0.id == id }) else {
                throw ServiceError(
                    "no invoice '\(id)' of customer '\(customer.id)'",
                    hint: "invoice list --customer \(customer.id) --open")
            }
            let amount = v.issuedOn <= start ? open[id] ?? .zero : .zero
            guard amount.isPositive else { throw ServiceError("invoice '\(id)' has nothing open on \(start.iso)") }
            return InvoiceAmount(id: id, amount: amount)
        }
    }

    /// Puts a plan on the books (its id allocated in its transaction, its invoices checked again
    /// there); returns the plan as written.
    public func create(
        _ customer: Customer, start: Day, terms: PlanTerms, schedule: Schedule, invoices: [InvoiceAmount]
    ) throws -> PlanRecord {
        var plan = PlanRecord(
            id: "", customerId: customer.id, createdOn: start, terms: terms, financed: schedule.financed,
            installments: schedule.installments, invoices: invoices.map { ($0.id, $0.amount) })
        plan.id = try context.books.createPlan(plan, context: context.change)
        return plan
    }

    /// A prepayment of `amount` on `on`: the new rows, the rows kept, the interest saved, and (with
    /// `commit`) the payment recorded with the new rows in one transaction.
    public struct Prepayment: Sendable {
        public var schedule: Schedule
        /// How many of the plan's rows stay as they were.
        public var kept: Int
        public var newRows: [Installment]
        public var interestSaved: Money
        /// The payment's id, when it was recorded.
        public var payment: String?
    }

    public func prepay(_ plan: PlanRecord, amount: Money, on: Day, reduceTerm: Bool, commit: Bool) throws -> Prepayment
    {
        let state = try state(of: plan, on: on)
        let after: Schedule
        do {
            after = try ScheduleEngine.prepay(
                plan.schedule, paidInstallments: state.paidInstallments, amount: amount, on: on, reduceTerm: reduceTerm)
        } catch {
            throw ServiceError(error.message, hint: "plan show \(plan.id) shows what is paid and open")
        }
        // Rows kept as they were: the schedule's prefix that the engine left unchanged.
        var keep = 0
        while keep < min(after.installments.count, plan.installments.count)
            && after.installments[keep] == plan.installments[keep]
        { keep += 1 }
        let newRows = Array(after.installments[keep...])
        let saved =
            plan.installments.reduce(Money.zero) { $0 + $1.interest }
            - after.installments.reduce(Money.zero) { $0 + $1.interest }
        var id: String?
        if commit {
            let payment = Payment(
                id: "", customerId: plan.customerId, receivedOn: on, amount: amount, method: "prepayment",
                reference: plan.id, planId: plan.id)
            id = try context.books.commitPrepayment(
                plan: plan.id, fromSeq: keep + 1, rows: newRows, payment: payment, context: context.change)
        }
        return Prepayment(schedule: after, kept: keep, newRows: newRows, interestSaved: saved, payment: id)
    }

    /// What pays the plan off on `on`: the engine's amount for the regular rows, less what was paid
    /// toward later rows, plus an unpaid down payment.
    public struct Payoff: Sendable {
        public var amount: Money
        public var interest: Money
        public var paidTowardLaterRows: Money
        public var installmentsPaid: Int
    }

    public func payoff(_ plan: PlanRecord, on: Day, toPeriodEnd: Bool) throws -> Payoff {
        let state = try state(of: plan, on: on)
        guard !state.open.isZero else { throw ServiceError("plan '\(plan.id)' is paid in full as of \(on.iso)") }
        let (amount, interest): (Money, Money)
        do {
            (amount, interest) = try ScheduleEngine.payoff(
                plan.schedule, paidInstallments: state.paidInstallments, on: on, toPeriodEnd: toPeriodEnd)
        } catch {
            throw ServiceError(error.message, hint: "plan show \(plan.id) shows what is paid")
        }
        let later = state.rows.filter { $0.row.period > 0 }.dropFirst(state.paidInstallments)
        let partial = later.reduce(Money.zero) { $0 + $1.paid }
        let down = state.rows.filter { $0.row.period == 0 }.reduce(Money.zero) { $0 + $1.open }
        return Payoff(
            amount: amount - partial + down, interest: interest, paidTowardLaterRows: partial,
            installmentsPaid: state.paidInstallments)
    }
}
