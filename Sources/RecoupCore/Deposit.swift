/// One movement of a customer's deposit (预付款): money received in advance, applied to an invoice,
/// or refunded. Amounts are positive minor units; the kind says which way it moves.
///
/// A movement with a `contractId` moves that contract's pot; without one, the customer's unallocated
/// pot. What a pot holds is received − applied − refunded, and it never goes below zero.
public struct DepositMovement: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case receive, apply, refund }

    /// Row id in the workspace (nil before it is written).
    public var id: Int64?
    public var customerId: String
    public var contractId: String?
    public var kind: Kind
    /// Positive.
    public var amount: Money
    public var onDay: Day
    /// The invoice an `apply` paid.
    public var invoiceId: String?
    /// Why a refund was made (required for refunds).
    public var reason: String?
    public var at: String
    public var `operator`: String

    public init(id: Int64? = nil, customerId: String, contractId: String? = nil, kind: Kind, amount: Money, onDay: Day,
                invoiceId: String? = nil, reason: String? = nil, at: String = "", operator who: String = "") {
        self.id = id; self.customerId = customerId; self.contractId = contractId; self.kind = kind; self.amount = amount
        self.onDay = onDay; self.invoiceId = invoiceId; self.reason = reason; self.at = at; self.operator = who
    }

    /// The movement's effect on what is held: + for a receipt, − for an application or refund.
    public var signed: Money { kind == .receive ? amount : -amount }
}

/// What one customer's deposit holds, per pot: each contract's, and the unallocated rest.
public struct DepositPots: Sendable, Hashable {
    public var byContract: [String: Money] = [:]
    public var unallocated = Money.zero

    public init() {}

    /// The pots after `movements` made on or before `asOf` (all of them when nil).
    public init(_ movements: [DepositMovement], asOf: Day? = nil) {
        for m in movements where asOf.map({ m.onDay <= $0 }) ?? true { add(m) }
    }

    public mutating func add(_ m: DepositMovement) {
        if let k = m.contractId { byContract[k, default: .zero] += m.signed } else { unallocated += m.signed }
    }

    /// Everything held: the contracts' pots and the unallocated one.
    public var total: Money { byContract.values.reduce(unallocated, +) }

    /// What one pot holds (nil: the unallocated one).
    public func held(_ contract: String?) -> Money { contract.map { byContract[$0] ?? .zero } ?? unallocated }
}

/// Why a deposit movement is refused. Nothing is written when one is.
public enum DepositError: Error, Sendable, Equatable {
    /// The pot holds less than asked; `pot` names it, e.g. `deposit for contract 'K001'` or `unallocated deposit`.
    case notEnough(customer: String, pot: String, held: Money, requested: Money)
    /// The invoice has nothing open: it is paid.
    case invoicePaid(String)
    /// More than the invoice's open amount.
    case moreThanOpen(invoice: String, open: Money, requested: Money)
    case notPositive(Money)
    case reasonMissing

    public var message: String {
        switch self {
        case .notEnough(let c, let pot, let held, let req):
            return "customer '\(c)' holds \(held) of \(pot), not \(req): a deposit never goes negative"
        case .invoicePaid(let i): return "invoice '\(i)' is paid: nothing open to apply a deposit to"
        case .moreThanOpen(let i, let open, let req): return "invoice '\(i)' has \(open) open, not \(req)"
        case .notPositive(let m): return "deposit amount must be positive, not \(m)"
        case .reasonMissing: return "a refund needs a reason"
        }
    }
}

/// The deposit rules: how movements draw on pots, what a contract requires, and who is short.
public enum Deposit {
    /// How an application of `amount` to an invoice of `contract` draws on the pots: the contract's
    /// own pot first, then the unallocated one (never another contract's). Throws when they hold less.
    ///
    /// ```swift
    /// // K001 holds 300, unallocated 500: applying 600 takes 300 from K001 and 300 unallocated.
    /// try Deposit.draw(Money(minorUnits: 60_000), from: pots, customer: "C001", contract: "K001")
    /// ```
    public static func draw(_ amount: Money, from pots: DepositPots, customer: String, contract: String?) throws(DepositError) -> [(contract: String?, amount: Money)] {
        guard amount.isPositive else { throw .notPositive(amount) }
        let own = contract.map { max(.zero, pots.held($0)) } ?? .zero
        let free = max(.zero, pots.unallocated)
        guard own + free >= amount else {
            throw .notEnough(customer: customer, pot: contract.map { "deposit usable for contract '\($0)' (its own and unallocated)" } ?? "unallocated deposit",
                             held: own + free, requested: amount)
        }
        var out: [(contract: String?, amount: Money)] = []
        let first = min(own, amount)
        if first.isPositive { out.append((contract, first)) }
        if amount - first > .zero { out.append((nil, amount - first)) }
        return out
    }

    /// Checks that a refund of `amount` from one pot keeps it at zero or above.
    public static func checkRefund(_ amount: Money, from pots: DepositPots, customer: String, contract: String?, reason: String) throws(DepositError) {
        guard amount.isPositive else { throw .notPositive(amount) }
        guard !reason.isEmpty else { throw .reasonMissing }
        let held = pots.held(contract)
        guard held >= amount else {
            throw .notEnough(customer: customer, pot: contract.map { "deposit for contract '\($0)'" } ?? "unallocated deposit", held: max(.zero, held), requested: amount)
        }
    }

    /// Checks an application against the invoice's open amount: a paid invoice takes none, and no more than is open.
    public static func checkApplication(_ amount: Money, invoice: String, open: Money) throws(DepositError) {
        guard open.isPositive else { throw .invoicePaid(invoice) }
        guard amount.isPositive else { throw .notPositive(amount) }
        guard amount <= open else { throw .moreThanOpen(invoice: invoice, open: open, requested: amount) }
    }

    /// Where a required ratio comes from.
    public enum Basis: String, Sendable { case contract, policy }

    /// The ratio a contract requires: its own `prepay_ratio`, else the policy's for the tier and service.
    public static func ratio(prepayRatio: String?, tier: String, service: String, policy: Policy) -> (ratio: Rate, basis: Basis) {
        if let text = prepayRatio, let r = Policy.ratio(text) { return (r, .contract) }
        return (policy.depositRatio(tier: tier, service: service), .policy)
    }

    /// `ratio` × `value`, rounded by `mode`.
    public static func required(_ value: Money, ratio: Rate, rounding mode: RoundingMode) -> Money {
        value.scaled(by: ratio.units, over: ratio.denominator, rounding: mode)
    }

    /// One contract's deposit position as of a day.
    public struct Requirement: Sendable, Hashable {
        public var contract: Contract
        public var tier: String
        /// Nil when the contract states no value: nothing can be required of it.
        public var ratio: Rate?
        public var basis: Basis?
        public var required: Money?
        /// The contract's own pot.
        public var held = Money.zero
        /// What the customer's unallocated deposit covers of the rest.
        public var fromUnallocated = Money.zero
        /// Required − held − fromUnallocated, not below zero.
        public var shortfall = Money.zero
    }

    /// Every contract's requirement and shortfall, customers' contracts in signing order (then id).
    ///
    /// Held for a contract = its own pot; a customer's unallocated deposit then covers what its
    /// contracts still lack, in signing order, first come first served. Contracts without a value
    /// are listed with no requirement.
    public static func requirements(contracts: [Contract], tier: (String) -> String, pots: [String: DepositPots], policy: Policy) -> [Requirement] {
        let precedes = { (a: Contract, b: Contract) in (a.customerId, a.signedOn.ordinal, a.id) < (b.customerId, b.signedOn.ordinal, b.id) }
        // The store reads contracts in this order already: a check costs one pass, a sort many.
        let inOrder = zip(contracts, contracts.dropFirst()).allSatisfy { !precedes($1, $0) }
        let ordered = inOrder ? contracts : contracts.sorted(by: precedes)
        var free: [String: Money] = pots.mapValues { max(.zero, $0.unallocated) }
        // The policy's ratio of each tier and service, looked up once (a portfolio has 100,000s of contracts).
        var policyRatios: [TierService: Rate] = [:]
        let rounding = policy.rounding
        var out: [Requirement] = []
        out.reserveCapacity(ordered.count)
        var lastCustomer: String?, lastTier = ""
        for k in ordered {
            if k.customerId != lastCustomer { lastCustomer = k.customerId; lastTier = tier(k.customerId) }
            var r = Requirement(contract: k, tier: lastTier)
            r.held = pots.isEmpty ? .zero : max(.zero, pots[k.customerId]?.held(k.id) ?? .zero)
            if let value = k.value {
                let (ratio, basis): (Rate, Basis)
                if k.prepayRatio != nil {
                    (ratio, basis) = Deposit.ratio(prepayRatio: k.prepayRatio, tier: r.tier, service: k.service, policy: policy)
                } else {
                    let key = TierService(tier: r.tier, service: k.service)
                    if let known = policyRatios[key] { (ratio, basis) = (known, .policy) } else {
                        (ratio, basis) = Deposit.ratio(prepayRatio: nil, tier: r.tier, service: k.service, policy: policy)
                        policyRatios[key] = ratio
                    }
                }
                let required = Deposit.required(value, ratio: ratio, rounding: rounding)
                r.ratio = ratio; r.basis = basis; r.required = required
                let short = max(.zero, required - r.held)
                if short.isPositive && !free.isEmpty {
                    r.fromUnallocated = min(short, free[k.customerId] ?? .zero)
                    free[k.customerId, default: .zero] -= r.fromUnallocated
                }
                r.shortfall = short - r.fromUnallocated
            }
            out.append(r)
        }
        return out
    }

    private struct TierService: Hashable { var tier: String, service: String }

    /// A customer's unallocated deposit left after it covers its contracts' shortfalls (see `requirements`).
    public static func freeDeposit(customer: String, requirements: [Requirement], pots: DepositPots) -> Money {
        max(.zero, pots.unallocated) - requirements.filter { $0.contract.customerId == customer }.reduce(.zero) { $0 + $1.fromUnallocated }
    }
}

/// The check before signing a contract: the deposit it requires and the exposure it adds against the
/// customer's credit limit, with a verdict.
public struct ContractCheck: Sendable, Hashable {
    public var tier: String
    public var service: String
    public var value: Money
    public var ratio: Rate
    public var basis: Deposit.Basis
    public var required: Money
    /// Unallocated deposit not already covering the customer's other contracts.
    public var freeDeposit: Money
    /// Required − free deposit, not below zero.
    public var depositShort: Money
    /// Open receivables as of the day.
    public var open: Money
    /// Σ over the customer's contracts with a value: value − invoiced so far, not below zero.
    public var unbilled: Money
    /// open + unbilled + value.
    public var exposure: Money
    /// The customer's own limit, else the tier's; nil when neither gives one.
    public var limit: Money?
    /// `customer` or `policy` (with the policy's text, e.g. `policy 3x`).
    public var limitSource: String
    public var averageMonthlyBilling: Money
    /// Exposure − limit, not below zero.
    public var overLimit: Money
    public var blocked: Bool
    public var termsDays: Int
    public var dunningLadder: String

    /// `ok`, or what stands in the way: `over limit (blocked)` / `over limit (warning)` and `needs deposit`, joined by `; `.
    public var verdict: String {
        var parts: [String] = []
        if overLimit.isPositive { parts.append(blocked ? "over limit (blocked)" : "over limit (warning)") }
        if depositShort.isPositive { parts.append("needs deposit") }
        return parts.isEmpty ? "ok" : parts.joined(separator: "; ")
    }

    /// Invoices issued in the 365 days up to and including `asOf` (plan rows left out).
    public static func yearlyBilling(_ invoices: [Invoice], asOf: Day) -> Money {
        let from = asOf - 365
        return invoices.filter { !$0.isPlanObligation && $0.issuedOn > from && $0.issuedOn <= asOf }.reduce(Money.zero) { $0 + $1.amount }
    }

    /// `yearlyBilling` divided by 12, rounded by `rounding`.
    public static func averageMonthlyBilling(_ invoices: [Invoice], asOf: Day, rounding: RoundingMode) -> Money {
        yearlyBilling(invoices, asOf: asOf).scaled(by: 1, over: 12, rounding: rounding)
    }

    /// What the customer's contracts are still to bill: value − invoiced so far (not below zero) for each contract with a value.
    public static func unbilled(_ contracts: [Contract], invoices: [Invoice]) -> Money {
        contracts.reduce(Money.zero) { sum, k in
            guard let value = k.value else { return sum }
            let billed = invoices.filter { $0.contractId == k.id }.reduce(Money.zero) { $0 + $1.amount }
            return sum + max(.zero, value - billed)
        }
    }

    /// Checks a new contract of `value` for `service` with `customer`, whose tier is `tier`.
    /// `contracts` and `invoices` are the customer's; `open` its open receivables as of `asOf`.
    public static func evaluate(customer: Customer, tier: String, service: String, value: Money, prepayRatio: String? = nil,
                                open: Money, contracts: [Contract], invoices: [Invoice], freeDeposit: Money,
                                asOf: Day, policy: Policy) -> ContractCheck {
        let (ratio, basis) = Deposit.ratio(prepayRatio: prepayRatio, tier: tier, service: service, policy: policy)
        let required = Deposit.required(value, ratio: ratio, rounding: policy.rounding)
        let unbilled = unbilled(contracts, invoices: invoices)
        let exposure = open + unbilled + value
        let average = averageMonthlyBilling(invoices, asOf: asOf, rounding: policy.rounding)
        var limit: Money?, source = "none"
        if let own = customer.creditLimit {
            limit = own; source = "customer"
        } else if let rule = policy.creditLimit(tier: tier) {
            source = "policy limit.\(tier) = \(policy["limit.\(tier)"])"
            switch rule {
            case .amount(let m): limit = m
            // One rounding: yearly billing × multiple / 12 (3x of 50000.00 a year is 12500.00).
            case .multipleOfMonthlyBilling(let r):
                limit = yearlyBilling(invoices, asOf: asOf).scaled(by: r.units, over: r.denominator * 12, rounding: policy.rounding)
            }
        }
        return ContractCheck(tier: tier, service: service, value: value, ratio: ratio, basis: basis, required: required,
                             freeDeposit: freeDeposit, depositShort: max(.zero, required - freeDeposit), open: open, unbilled: unbilled,
                             exposure: exposure, limit: limit, limitSource: source, averageMonthlyBilling: average,
                             overLimit: limit.map { max(.zero, exposure - $0) } ?? .zero, blocked: policy.blocksOverLimit,
                             termsDays: policy.termsDays(tier: tier), dunningLadder: policy.dunningLadder(tier: tier))
    }
}
