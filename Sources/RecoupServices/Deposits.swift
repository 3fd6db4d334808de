import RecoupCore
import RecoupStore

/// Deposits (预付款): what each contract requires under its own ratio or the policy's tier x service
/// rule, what is held, the shortfalls, and the check before signing a new contract.
public struct Deposits: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    public struct Standing: Sendable {
        public var requirements: [Deposit.Requirement]
        /// Each customer's deposit pots with the movements made by the day.
        public var pots: [String: DepositPots]
        /// Each customer's score on the day, by id.
        public var scores: [String: CreditScore]
    }

    /// Requirements of the contracts signed by the day (one customer's, or all), from a whole-portfolio
    /// ledger (for the tiers).
    public func standing(_ ledger: Ledger, customer: String? = nil) throws -> Standing {
        let books = context.books, asOf = context.asOf
        let scored = try CreditScoring(context).scores(ledger)
        let scores = Dictionary(uniqueKeysWithValues: zip(ledger.customerIds, scored).map { ($0, $1) })
        let contracts = try (customer.map { try books.contracts(customer: $0) } ?? books.allContracts()).filter {
            $0.signedOn <= asOf
        }
        let pots = try books.depositMovements().mapValues { DepositPots($0, asOf: asOf) }
        let reqs = Deposit.requirements(
            contracts: contracts, tier: { scores[$0]?.tier ?? "C" }, pots: pots, policy: context.policy)
        return Standing(requirements: reqs, pots: pots, scores: scores)
    }

    /// Before signing: the deposit a new contract of `value` for `service` requires, the customer's
    /// exposure against its credit limit, and the verdict.
    public func checkNewContract(
        _ ledger: Ledger, customer c: Customer, service: String, value: Money, prepayRatio: String?
    ) throws -> ContractCheck {
        let books = context.books, asOf = context.asOf
        let s = try standing(ledger, customer: c.id)
        let contracts = try books.contracts(customer: c.id).filter { $0.signedOn <= asOf }
        let invoices = try books.invoices(customer: c.id).filter { $0.issuedOn <= asOf }
        let score = s.scores[c.id]
        let free = Deposit.freeDeposit(
            customer: c.id, requirements: s.requirements, pots: s.pots[c.id] ?? DepositPots())
        return ContractCheck.evaluate(
            customer: c, tier: score?.tier ?? "C", service: service, value: value, prepayRatio: prepayRatio,
            open: score?.open ?? .zero, contracts: contracts, invoices: invoices, freeDeposit: free, asOf: asOf,
            policy: context.policy)
    }

    public func receive(_ customer: Customer, amount: Money, contract: String?) throws -> DepositMovement {
        try context.books.receiveDeposit(
            customer: customer.id, amount: amount, contract: contract, on: context.asOf, context: context.change)
    }

    public func refund(_ customer: Customer, amount: Money, contract: String?, reason: String) throws -> DepositMovement
    {
        try context.books.refundDeposit(
            customer: customer.id, amount: amount, contract: contract, reason: reason, on: context.asOf,
            context: context.change)
    }

    public func apply(_ customer: Customer, invoice: String, amount: Money?) throws -> (amount: Money, payment: String)
    {
        try context.books.applyDeposit(
            customer: customer.id, invoice: invoice, amount: amount, on: context.asOf, context: context.change)
    }
}
