import Foundation
import RecoupCore

/// What an operator does on the team. The roles decide which commands an operator may run (by each
/// command's declared effect, `RecoupShell.Authority`) and which requests they may approve.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Reads everything, changes nothing.
    case auditor
    /// Works customers: contacts, promises, disputes, payments, plans and waivers within the limits.
    case collector
    /// Runs the legal steps, and what a collector does.
    case legal
    /// Approves collectors' requests (waivers to `approval.lead_limit`, plan concessions) and assigns customers.
    case lead
    /// Approves write-offs, deposit refunds and waivers of any size.
    case finance
    /// Manages operators and the policy.
    case admin

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// One line of what the role is for (operator list, help).
    public var duty: String {
        switch self {
        case .auditor: return "reads everything, changes nothing"
        case .collector: return "works customers: contacts, promises, disputes, payments, plans, small waivers"
        case .legal: return "legal cases and their steps, and a collector's work"
        case .lead: return "approves collectors' requests, assigns customers, runs the nightly jobs"
        case .finance: return "approves write-offs, deposit refunds and large waivers; imports billing"
        case .admin: return "manages operators and the policy"
        }
    }

    /// The roles, as a reader lists them: "lead or finance".
    public static func list(_ roles: Set<Role>) -> String {
        let names = roles.sorted().map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "nobody" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

/// An operator of a workspace: an OS login with a role. Removed operators stay on record.
public struct Operator: Sendable, Hashable, Codable {
    public var login: String
    public var name: String
    public var role: Role
    /// When and by whom the operator was added (ISO 8601 instant).
    public var addedAt: String = ""
    public var addedBy: String = ""
    /// Set once removed: a removed operator may no longer open the workspace.
    public var removedAt: String? = nil

    public init(login: String, name: String, role: Role) {
        self.login = login; self.name = name; self.role = role
    }
    public var isActive: Bool { removedAt == nil }
}

/// A customer's assignment to a collector, kept with its history.
public struct Assignment: Sendable, Hashable {
    public var customerId: String
    public var agent: String
    public var previous: String?
    public var at: String
    public var by: String
    public init(customerId: String, agent: String, previous: String?, at: String, by: String) {
        self.customerId = customerId; self.agent = agent; self.previous = previous; self.at = at; self.by = by
    }
}

/// A change waiting for a second operator (maker-checker): the typed change as it was checked, who
/// asked and why, who may approve it, and what became of it. Never deleted.
public struct Approval: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, approved, rejected, failed
    }
    /// `A000001`.
    public var id: String
    /// waiver, write-off, plan, deposit refund, policy.
    public var kind: String
    public var customerId: String?
    /// The amount that decides who may approve (a waiver's, a write-off's), if any.
    public var amount: Money?
    public var change: BookChange
    /// The change in words, as checked when it was asked for.
    public var summary: String
    /// Why it needs approval ("a waiver of 180.00 is above approval.waive_limit 150.00").
    public var why: String
    public var maker: String
    public var madeAt: String
    /// The roles that may approve it (as the policy said when it was asked for; checked again on approval).
    public var approvers: Set<Role>
    public var status: Status = .pending
    public var checker: String? = nil
    public var checkedAt: String? = nil
    /// The checker's note, a rejection's reason, or why applying it failed.
    public var note: String? = nil

    public init(
        id: String, kind: String, customerId: String?, amount: Money?, change: BookChange, summary: String,
        why: String, maker: String, madeAt: String, approvers: Set<Role>
    ) {
        self.id = id; self.kind = kind; self.customerId = customerId; self.amount = amount; self.change = change
        self.summary = summary; self.why = why; self.maker = maker; self.madeAt = madeAt; self.approvers = approvers
    }
}

/// A change the store asked to be approved instead of applying it (`StoreError.approvalRequested`).
public struct ApprovalRequested: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var summary: String
    public var why: String
    public var approvers: Set<Role>
    public init(id: String, kind: String, summary: String, why: String, approvers: Set<Role>) {
        self.id = id; self.kind = kind; self.summary = summary; self.why = why; self.approvers = approvers
    }
}

/// Which changes need a second operator, and who may approve them (maker-checker:
/// ../shared/notes/collections-workflow.md §5, Fineract's AWAITING_APPROVAL, Frappe's amount tiers).
///
/// Applies only once a workspace has operators; a single-user workspace applies every change at once.
/// - A late-fee waiver above `approval.waive_limit`, whoever makes it: a lead or finance approves it up
///   to `approval.lead_limit`, finance above.
/// - Every write-off and every deposit refund: finance.
/// - A plan that is interest-free, below `approval.plan_min_rate` or longer than
///   `approval.plan_max_term` installments: a lead or finance.
/// - A change of policy by anyone but an admin: an admin.
/// - A plan cancelled (a lead or finance: its invoices open again).
/// - A write-off reversed (finance, as the write-off was), and a payment voided while
///   `approval.void_payments` is on (a lead or finance).
/// The checker is never the maker, whatever their role.
public struct ApprovalRule: Sendable {
    public var waiveLimit: Money
    public var leadLimit: Money
    public var planMaxTerm: Int
    public var planMinRate: Rate
    public var voidPayments: Bool

    public init(policy: Policy) {
        waiveLimit = policy.amount("approval.waive_limit")
        leadLimit = policy.amount("approval.lead_limit")
        planMaxTerm = policy.count("approval.plan_max_term")
        planMinRate = Policy.ratio(policy["approval.plan_min_rate"]) ?? Rate(units: 0, scale: 0)
        voidPayments = policy["approval.void_payments"] != "off"
    }

    /// What a change needs before it may be applied.
    public struct Requirement: Sendable, Hashable {
        public var kind: String
        public var amount: Money?
        public var approvers: Set<Role>
        public var why: String
    }

    /// The requirement of `change` made by an operator of role `maker`, given what it did when checked
    /// (`waived`: the amount a waiver took, known only once applied); nil when it applies at once.
    public func requirement(for change: BookChange, maker: Role, waived: Money?) -> Requirement? {
        switch change {
        case .lateFeesWaived:
            guard let a = waived, a > waiveLimit else { return nil }
            return Requirement(
                kind: "waiver", amount: a, approvers: a > leadLimit ? [.finance] : [.lead, .finance],
                why: "a waiver of \(a) is above approval.waive_limit \(waiveLimit)")
        case .writtenOff(let w):
            return Requirement(
                kind: "write-off", amount: w.amount, approvers: [.finance],
                why: "every write-off needs finance's approval")
        case .depositRefunded(_, let amount, _, _, _):
            return Requirement(
                kind: "deposit refund", amount: amount, approvers: [.finance],
                why: "every deposit refund needs finance's approval")
        case .planCreated(_, _, let terms, let financed, _, _):
            var why: [String] = []
            if terms.annualRate.isZero {
                why.append("an interest-free plan")
            } else if terms.annualRate < planMinRate {
                why.append("a rate of \(terms.annualRate) is below approval.plan_min_rate \(planMinRate)")
            }
            if terms.term > planMaxTerm {
                why.append("\(terms.term) installments are more than approval.plan_max_term \(planMaxTerm)")
            }
            guard !why.isEmpty else { return nil }
            return Requirement(
                kind: "plan", amount: financed, approvers: [.lead, .finance], why: why.joined(separator: "; "))
        case .writeOffReversed:
            return Requirement(
                kind: "write-off reversal", amount: nil, approvers: [.finance],
                why: "a write-off needed finance's approval, and so does its reversal")
        case .creditLimitExceeded(_, _, let value, _, _, _):
            return Requirement(
                kind: "credit limit", amount: value, approvers: [.lead, .finance],
                why:
                    "a contract over the customer's credit limit (limit.over block) needs a lead's or finance's approval"
            )
        case .planCancelled:
            return Requirement(
                kind: "plan cancellation", amount: nil, approvers: [.lead, .finance],
                why: "cancelling a plan reopens its invoices")
        case .paymentVoided:
            guard voidPayments else { return nil }
            return Requirement(
                kind: "payment void", amount: nil, approvers: [.lead, .finance],
                why: "voiding a payment raises what the customer owes (approval.void_payments)")
        case .policySet:
            guard maker != .admin else { return nil }
            return Requirement(
                kind: "policy", amount: nil, approvers: [.admin], why: "a change of policy needs an admin")
        default:
            return nil
        }
    }
}

/// A reversal of a mistaken entry (a payment voided, a write-off reversed, a dispute reopened): what,
/// why, who and when, and what it undid (JSON). The entry itself stays, marked.
public struct Correction: Sendable, Hashable {
    public var kind: String
    public var target: String
    public var customerId: String
    public var on: Day
    public var reason: String
    public var undone: String
    public var at: String
    public var by: String
    public init(
        kind: String, target: String, customerId: String, on: Day, reason: String, undone: String, at: String,
        by: String
    ) {
        self.kind = kind; self.target = target; self.customerId = customerId; self.on = on; self.reason = reason
        self.undone = undone; self.at = at; self.by = by
    }
}

/// A contract over a customer's credit limit that was let through (`BookChange.creditLimitExceeded`).
public struct LimitApproval: Sendable, Hashable {
    public var customerId: String
    public var service: String
    public var value: Money
    public var at: String
    public var by: String
    public var reason: String
    public init(customerId: String, service: String, value: Money, at: String, by: String, reason: String) {
        self.customerId = customerId; self.service = service; self.value = value; self.at = at; self.by = by
        self.reason = reason
    }
}
