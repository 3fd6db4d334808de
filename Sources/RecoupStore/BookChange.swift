import Foundation
import RecoupCore

/// Who makes a change, with what command, and when: given once to each writing transaction.
///
/// The journal records all three beside the change; an approval (later) and a scenario's commit
/// carry the context of the person who applies the change.
public struct ChangeContext: Sendable, Hashable {
    /// The operator at the keyboard (`$RECOUP_OPERATOR`, else the OS account).
    public var `operator`: String
    /// The command line as typed.
    public var command: String
    /// When, as an ISO 8601 instant (UTC).
    public var at: String

    public init(operator who: String, command: String, at: String? = nil) {
        self.operator = who
        self.command = command
        self.at = at ?? ISO8601DateFormatter().string(from: Date())
    }

    /// The same person and time with another command line (a scenario's commit journals each change
    /// with the line that made it).
    public func with(command: String) -> ChangeContext {
        ChangeContext(operator: self.operator, command: command, at: at)
    }
}

/// An invoice brought into a plan, with the amount open on it when the plan was worked out.
public struct InvoiceAmount: Sendable, Hashable, Codable {
    public var id: String
    public var amount: Money
    public init(id: String, amount: Money) { self.id = id; self.amount = amount }
}

/// One change to the books, as a value: what the journal records (its `kind` and canonical JSON
/// payload), what a what-if scenario keeps, and what is applied, checked, inside one transaction.
///
/// A change holds the request, not its outcome: ids left out (`nil` or empty) are allocated when the
/// change is applied, so a scenario committed after colleagues' writes takes ids that are free then.
/// Every check a change depends on (the invoice's open amount, the deposit held, the fees waivable)
/// is read again in the transaction that applies it; one that no longer holds throws and nothing
/// of the transaction is written.
///
/// Imports, settings, dunning runs, scores and overdue states are journaled with a kind of their own
/// but are not `BookChange`s: they are not kept in scenarios (see `Catalog.whatifCommands`).
public enum BookChange: Sendable, Hashable, Codable {
    /// A payment received (`payment add`); an empty `id` takes the next `M00000001`-style id.
    case paymentRecorded(Payment)
    /// Part or all of a payment applied to an invoice by hand (`payment apply`); nil amount: as much as fits.
    case paymentApplied(payment: String, invoice: String, amount: Money?)
    /// A plan restructuring `invoices` (each with the open amount it must still have on `createdOn`).
    case planCreated(
        customer: String, createdOn: Day, terms: PlanTerms, financed: Money, installments: [Installment],
        invoices: [InvoiceAmount])
    /// A prepayment on a plan: rows from `fromSeq` on replaced by `rows`; an empty payment id is allocated.
    case prepaymentRecorded(plan: String, fromSeq: Int, rows: [Installment], payment: Payment)
    case depositReceived(customer: String, amount: Money, contract: String?, on: Day)
    case depositRefunded(customer: String, amount: Money, contract: String?, reason: String, on: Day)
    /// Deposit applied to an invoice; nil amount: the smaller of what is open and what is usable.
    case depositApplied(customer: String, invoice: String, amount: Money?, on: Day)
    /// Late fees accrued to `asOf`; each posts only its increment over what is already posted.
    case lateFeesPosted(fees: [AccruedFee], asOf: Day)
    /// A waiver of late fees; nil amount: all that is waivable. `accrued` are the fees accrued to the
    /// day and not yet posted (the whole accrued fee per invoice, as `lateFeesPosted` takes them):
    /// posted in the same transaction first, so a waiver during the call works on what has accrued to
    /// today, whether or not the nightly `latefee post` has run.
    case lateFeesWaived(
        customer: String, invoice: String?, amount: Money?, on: Day, reason: String, accrued: [AccruedFee]? = nil)
    /// Policy values, already checked by `Policy.set`.
    case policySet([PolicyValue])
    // The case timeline: what was said and done beside the money.
    /// A contact logged; an empty id takes the next `K00000001`. Refused when it breaks the contact
    /// guard (`contact.min_interval_days`) and carries no `forcedReason`.
    case contactLogged(Contact)
    /// A promise to pay; an empty id takes the next `R00000001`.
    case promiseMade(Promise)
    case promiseCancelled(id: String, on: Day, reason: String)
    /// The promises decided (kept or broken) by a day, as `promise check` found them.
    case promisesDecided([PromiseDecision])
    /// A dispute opened; an empty id takes the next `D00000001`.
    case disputeOpened(Dispute)
    /// A dispute resolved: valid (optionally with a credit note) or invalid.
    case disputeResolved(id: String, outcome: Dispute.Outcome, credit: Money?, on: Day, note: String?)
    /// A complaint received; an empty id takes the next `Q00000001`.
    case complaintOpened(Complaint)
    case complaintExtended(id: String, days: Int, reason: String)
    /// A complaint resolved by the operator of the change's context (never the one it is about).
    case complaintResolved(id: String, on: Day, note: String)
    /// A legal case opened; an empty id takes the next `L00000001`.
    case legalCaseOpened(LegalCase)
    case legalStepRecorded(caseId: String, step: LegalCase.Entry)
    /// A write-off of an invoice, or of a customer's open invoices oldest due first; nil amount: all
    /// that is open. An empty id takes the next `W00000001`.
    case writtenOff(WriteOffRequest)
    // Who may do what: operators and assignments (journaled like any change, never in a scenario).
    /// An operator added: the first one must be the OS account making the change, as admin; later
    /// ones only an admin adds.
    case operatorAdded(Operator)
    case operatorRoleSet(login: String, role: Role)
    /// An operator removed (kept on record, no longer let in); the last admin cannot be removed.
    case operatorRemoved(login: String)
    /// A customer assigned to a collector (the `agent` column), kept with its history.
    case customerAssigned(customer: String, agent: String)
    // Corrections: a mistaken entry is reversed, never deleted; the reversal is kept with its reason.
    /// A payment recorded by mistake: it stays listed, marked void, and counts in nothing on any day.
    case paymentVoided(id: String, on: Day, reason: String)
    /// A write-off reversed: its amount is owed again from the write-off's day.
    case writeOffReversed(id: String, on: Day, reason: String)
    /// A resolved dispute opened again from `on` (its credit note, if any, is undone).
    case disputeReopened(id: String, on: Day, reason: String)
    /// A plan made by mistake: it counts in nothing on any day, its invoices are open again and what
    /// was paid toward it pays them.
    case planCancelled(id: String, on: Day, reason: String)
    /// A new contract over the customer's credit limit with `limit.over block`, let through: kept so
    /// that `contract check` shows it approved (for 30 days) for that service up to that value.
    case creditLimitExceeded(
        customer: String, service: String, value: Money, exposure: Money, limit: Money, reason: String)

    /// The journal's kind for this change: `payment.recorded`, `plan.created`, ...
    public var kind: String {
        switch self {
        case .paymentRecorded: return "payment.recorded"
        case .paymentApplied: return "payment.applied"
        case .planCreated: return "plan.created"
        case .prepaymentRecorded: return "plan.prepaid"
        case .depositReceived: return "deposit.received"
        case .depositRefunded: return "deposit.refunded"
        case .depositApplied: return "deposit.applied"
        case .lateFeesPosted: return "latefee.posted"
        case .lateFeesWaived: return "latefee.waived"
        case .policySet: return "policy.set"
        case .contactLogged: return "contact.logged"
        case .promiseMade: return "promise.made"
        case .promiseCancelled: return "promise.cancelled"
        case .promisesDecided: return "promise.decided"
        case .disputeOpened: return "dispute.opened"
        case .disputeResolved: return "dispute.resolved"
        case .complaintOpened: return "complaint.opened"
        case .complaintExtended: return "complaint.extended"
        case .complaintResolved: return "complaint.resolved"
        case .legalCaseOpened: return "legal.opened"
        case .legalStepRecorded: return "legal.step"
        case .writtenOff: return "writeoff"
        case .operatorAdded: return "operator.added"
        case .operatorRoleSet: return "operator.role"
        case .operatorRemoved: return "operator.removed"
        case .customerAssigned: return "customer.assigned"
        case .paymentVoided: return "payment.voided"
        case .writeOffReversed: return "writeoff.reversed"
        case .disputeReopened: return "dispute.reopened"
        case .planCancelled: return "plan.cancelled"
        case .creditLimitExceeded: return "limit.exceeded"
        }
    }

    /// The customer whose books the change moves; nil when it may move anyone's (late fees posted
    /// for many customers, a payment applied by payment id) or nobody's (`policySet`).
    public var customer: String? {
        switch self {
        case .paymentRecorded(let p): return p.customerId
        case .planCreated(let c, _, _, _, _, _): return c
        case .prepaymentRecorded(_, _, _, let p): return p.customerId
        case .depositReceived(let c, _, _, _), .depositRefunded(let c, _, _, _, _), .depositApplied(let c, _, _, _):
            return c
        case .lateFeesWaived(let c, _, _, _, _, _): return c
        case .lateFeesPosted(let fees, _): return Set(fees.map(\.customerId)).count == 1 ? fees.first?.customerId : nil
        case .contactLogged(let c): return c.customerId
        case .promiseMade(let p): return p.customerId
        case .disputeOpened(let d): return d.customerId
        case .complaintOpened(let c): return c.customerId
        case .legalCaseOpened(let c): return c.customerId
        case .writtenOff(let w): return w.customerId
        case .customerAssigned(let c, _): return c
        case .creditLimitExceeded(let c, _, _, _, _, _): return c
        case .operatorAdded, .operatorRoleSet, .operatorRemoved, .paymentVoided, .writeOffReversed, .disputeReopened,
            .planCancelled:
            return nil
        case .promisesDecided(let d): return Set(d.map(\.customerId)).count == 1 ? d.first?.customerId : nil
        case .paymentApplied, .policySet, .promiseCancelled, .disputeResolved, .complaintExtended,
            .complaintResolved, .legalStepRecorded:
            return nil
        }
    }

    /// True when the change can move a customer's balances or standing (everything but the policy).
    public var movesBooks: Bool {
        switch self {
        case .policySet, .operatorAdded, .operatorRoleSet, .operatorRemoved, .customerAssigned, .creditLimitExceeded:
            return false
        default: return true
        }
    }

    /// The canonical payload: JSON with sorted keys, the same bytes for the same change.
    public var payload: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a payload back; nil when it is not one (a scenario saved by a newer Recoup).
    public static func decode(_ payload: String) -> BookChange? {
        try? JSONDecoder().decode(BookChange.self, from: Data(payload.utf8))
    }
}

/// A promise decided by `promise check`: kept or broken on a day, with what was appropriated to it.
public struct PromiseDecision: Sendable, Hashable, Codable {
    public var promiseId: String
    public var customerId: String
    public var status: PromiseStanding.Status
    public var on: Day
    public var paid: Money
    public init(promiseId: String, customerId: String, status: PromiseStanding.Status, on: Day, paid: Money) {
        self.promiseId = promiseId; self.customerId = customerId; self.status = status; self.on = on; self.paid = paid
    }
}

/// What a write-off asks for; the invoices and amounts it takes are worked out, checked, when applied.
public struct WriteOffRequest: Sendable, Hashable, Codable {
    public var id: String
    public var customerId: String
    /// Nil: the customer's open invoices, oldest due first.
    public var invoiceId: String?
    /// Nil: all that is open.
    public var amount: Money?
    public var on: Day
    public var reason: String
    public var evidence: String?
    public var revenue: Money?
    public init(
        id: String = "", customerId: String, invoiceId: String?, amount: Money?, on: Day, reason: String,
        evidence: String?, revenue: Money?
    ) {
        self.id = id; self.customerId = customerId; self.invoiceId = invoiceId; self.amount = amount; self.on = on
        self.reason = reason; self.evidence = evidence; self.revenue = revenue
    }
}

/// A policy key and the value it is set to.
public struct PolicyValue: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public init(key: String, value: String) { self.key = key; self.value = value }
}

/// What applying a change produced, for the command that asked for it.
public enum ChangeOutcome: Sendable {
    case none
    /// The id given or allocated (payments, plans, prepayments).
    case id(String)
    /// The amount applied (`payment apply`).
    case amount(Money)
    case movement(DepositMovement)
    /// Deposit applied: the amount and the `DEP-` payment that carries it.
    case deposit(amount: Money, payment: String)
    case charges([Charge])

    public var id: String { if case .id(let s) = self { return s } else { return "" } }
}
