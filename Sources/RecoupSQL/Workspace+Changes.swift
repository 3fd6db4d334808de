import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Applies one change in the transaction of `db`: checks it against the books as they are in
    /// that transaction, writes it and journals it (kind, canonical payload, effect in words).
    /// Throws, writing nothing, when a check fails; the caller's transaction then rolls back.
    func apply(_ change: BookChange, _ db: Database, _ context: ChangeContext) throws -> ChangeOutcome {
        let outcome: ChangeOutcome
        let effect: String
        switch change {
        case .paymentRecorded(var p):
            if p.id.isEmpty { p.id = try Self.nextPaymentId(db) }
            try Self.insert(db, p)
            outcome = .id(p.id)
            effect = "payment \(p.id) of \(p.amount) from \(p.customerId) on \(p.receivedOn.iso)"
        case .paymentApplied(let payment, let invoice, let requested):
            let amount = try applyPaymentApplication(db, payment: payment, invoice: invoice, amount: requested, context)
            outcome = .amount(amount)
            effect = "applied \(amount) of payment \(payment) to invoice \(invoice)"
        case .planCreated(let customer, let createdOn, let terms, let financed, let installments, let invoices):
            let id = try applyPlan(
                db, customer: customer, createdOn: createdOn, terms: terms, financed: financed,
                installments: installments, invoices: invoices, context)
            outcome = .id(id)
            effect =
                "plan \(id) for \(customer): \(financed) over \(installments.count) rows, restructured \(invoices.map(\.id).joined(separator: " "))"
        case .prepaymentRecorded(let plan, let seq, let rows, let payment):
            let id = try Self.applyPrepayment(db, plan: plan, fromSeq: seq, rows: rows, payment: payment)
            outcome = .id(id)
            effect =
                "plan \(plan): prepayment \(id) of \(payment.amount) on \(payment.receivedOn.iso); rows from \(seq) replaced by \(rows.count) rows"
        case .depositReceived(let customer, let amount, let contract, let day):
            outcome = try applyDepositMovement(db, change, context)
            effect =
                "deposit received \(amount) from \(customer)\(contract.map { " for contract \($0)" } ?? "") on \(day.iso)"
        case .depositRefunded(let customer, let amount, let contract, let reason, let day):
            outcome = try applyDepositMovement(db, change, context)
            effect =
                "deposit refunded \(amount) to \(customer)\(contract.map { " from contract \($0)" } ?? "") on \(day.iso): \(reason)"
        case .depositApplied(let customer, let invoice, _, let day):
            outcome = try applyDepositMovement(db, change, context)
            guard case .deposit(let amount, let payment) = outcome else { return outcome }
            effect =
                "deposit applied \(amount) of \(customer) to invoice \(invoice) on \(day.iso) as payment \(payment)"
        case .lateFeesPosted(let fees, let asOf):
            let written = try Self.applyLateFees(db, fees, asOf: asOf, context)
            // When nothing is to be posted, nothing is written (not even the journal).
            if written.isEmpty { return .charges([]) }
            let total = written.reduce(Money.zero) { $0 + $1.amount }
            outcome = .charges(written)
            effect =
                "late fees as of \(asOf.iso): \(written.count) charge\(written.count == 1 ? "" : "s"), \(total): "
                + written.map { "\($0.invoiceId ?? "") \($0.amount)" }.joined(separator: ", ")
        case .lateFeesWaived(let customer, let invoice, let amount, let day, let reason, let accrued):
            let (charge, posted) = try Self.applyWaiver(
                db, customer: customer, invoice: invoice, amount: amount, on: day, reason: reason,
                accrued: accrued ?? [], context)
            outcome = .charges([charge])
            let postedTotal = posted.reduce(Money.zero) { $0 + $1.amount }
            effect =
                "waived \(-charge.amount) of late fees on \(invoice.map { "invoice '\($0)'" } ?? "customer '\(customer)'") on \(day.iso): \(reason)"
                + (posted.isEmpty
                    ? ""
                    : "; posted first \(postedTotal) accrued to the day: "
                        + posted.map { "\($0.invoiceId ?? "") \($0.amount)" }.joined(separator: ", "))
        case .policySet(let values):
            let changed = try Self.applyPolicy(db, values, context)
            if changed.isEmpty { return .none }
            outcome = .none
            effect = changed.map { "policy \($0.key): \($0.old ?? "") -> \($0.new)" }.joined(separator: "; ")
        case .contactLogged, .promiseMade, .promiseCancelled, .promisesDecided, .disputeOpened, .disputeResolved,
            .complaintOpened, .complaintExtended, .complaintResolved, .legalCaseOpened, .legalStepRecorded, .writtenOff:
            (outcome, effect) = try applyCase(change, db, context)
        case .operatorAdded, .operatorRoleSet, .operatorRemoved, .customerAssigned, .creditLimitExceeded:
            (outcome, effect) = try applyTeam(change, db, context)
        case .paymentVoided, .writeOffReversed, .disputeReopened, .planCancelled:
            (outcome, effect) = try applyCorrection(change, db, context)
        }
        try Self.journal(
            db, context, kind: change.kind, payload: change.payload, effect: effect,
            customer: try change.customer ?? Self.customer(of: change, db))
        return outcome
    }

    /// The customer of a change that names a record rather than a customer (a promise cancelled, a
    /// dispute resolved, ...), for the journal's customer column; nil when it concerns none.
    static func customer(of change: BookChange, _ db: Database) throws -> String? {
        func owner(_ table: String, _ id: String) throws -> String? {
            try String.fetchOne(db, sql: "SELECT customer_id FROM \(table) WHERE id = ? LIMIT 1", arguments: [id])
        }
        switch change {
        case .paymentApplied(let payment, _, _): return try owner("payment", payment)
        case .promiseCancelled(let id, _, _): return try owner("promise", id)
        case .disputeResolved(let id, _, _, _, _):
            if id.hasPrefix("D-") { return try owner("invoice", String(id.dropFirst(2))) }
            return try owner("dispute", id)
        case .complaintExtended(let id, _, _), .complaintResolved(let id, _, _): return try owner("complaint", id)
        case .legalStepRecorded(let id, _): return try owner("legal_case", id)
        case .paymentVoided(let id, _, _): return try owner("payment", id)
        case .writeOffReversed(let id, _, _): return try owner("writeoff", id)
        case .planCancelled(let id, _, _): return try owner("plan", id)
        case .disputeReopened(let id, _, _):
            if id.hasPrefix("D-") { return try owner("invoice", String(id.dropFirst(2))) }
            return try owner("dispute", id)
        default: return nil
        }
    }
}
