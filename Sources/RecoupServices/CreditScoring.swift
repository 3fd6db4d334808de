import RecoupCore
import RecoupStore

/// Credit scores of the whole portfolio: `credit score`, `credit show`, `deposit check`, dunning
/// cadences and the policy what-if all score this way, so their tiers agree.
public struct CreditScoring: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Every customer's score on the context's day from a whole-portfolio ledger, in ledger order,
    /// with the bureau scores known by the day and the credit limits on file.
    public func scores(_ ledger: Ledger) throws -> [CreditScore] {
        // The allocation is arithmetic over the ledger alone: made on another core while the
        // customers' facts and the promises are read.
        let asOf = context.asOf, tiers = context.policy.tiers
        let made = Aside {
            let allocation = ledger.allocate(asOf: asOf, record: true)
            return (allocation, CreditScore.Payments(ledger, allocation, creditLine: tiers.creditLine))
        }
        return try scores(ledger, allocation: { made.value }, tiers: tiers)
    }

    /// The same from an allocation already made (with `record`) and the given tiers (a what-if's).
    public func scores(_ ledger: Ledger, allocation: Allocation, tiers: CreditScore.Tiers) throws -> [CreditScore] {
        try scores(ledger, allocation: { (allocation, nil) }, tiers: tiers)
    }

    /// `allocation` gives the allocation, and what the score takes from the payments when it is made.
    private func scores(
        _ ledger: Ledger, allocation: () -> (Allocation, CreditScore.Payments?), tiers: CreditScore.Tiers
    ) throws
        -> [CreditScore]
    {
        let facts = try context.books.scoringFacts()
        let asOf = context.asOf
        // Promises kept and broken in the 365 days to the day, by customer position.
        var decided: [String: (kept: Int, broken: Int)] = [:]
        let all = try context.books.promises(customer: nil).filter { $0.madeOn <= asOf }
        for s in CaseBook.standings(all, ledger: ledger, policy: context.policy, asOf: asOf) {
            guard let d = s.decidedOn, d <= asOf, asOf - d < 365 else { continue }
            if s.status == .kept { decided[s.promise.customerId, default: (0, 0)].kept += 1 }
            if s.status == .broken { decided[s.promise.customerId, default: (0, 0)].broken += 1 }
        }
        let (allocation, payments) = allocation()
        return CreditScore.scoreAll(
            ledger, allocation,
            bureau: { c in
                guard c < facts.count, let b = facts[c].bureau, (facts[c].bureauDate ?? asOf) <= asOf else {
                    return nil
                }
                return b
            }, creditLimit: { c in c < facts.count ? facts[c].creditLimit : nil }, tiers: tiers,
            promises: { c in decided.isEmpty ? (0, 0) : decided[ledger.customerIds[c]] ?? (0, 0) }, payments: payments)
    }

    /// Keeps a scoring run for the day (replacing an earlier run of the same day), journaled.
    public func record(_ ledger: Ledger, _ scores: [CreditScore]) throws {
        try context.books.recordScores(
            zip(ledger.customerIds, scores).map { ($0, $1.score, $1.tier) }, asOf: context.asOf, context: context.change
        )
    }
}

/// The call queue: today's calls in priority order with their reasons.
public struct CallQueue: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    public struct Call: Sendable {
        public var entry: Queue.Entry
        public var name: String?
        public var agent: String?
        public var phone: String?
        /// The person the last logged contact was with.
        public var person: String?
    }

    /// The first `limit` calls (of `total`), only the accounts of `agent` when given.
    public func calls(_ ledger: Ledger, agent: String?, limit: Int) throws -> (calls: [Call], total: Int) {
        let policy = context.policy
        guard OverdueLadder(policy["overdue.ladder"]) != nil else {
            throw ServiceError(
                "the policy's overdue.ladder '\(policy["overdue.ladder"])' does not parse",
                hint: "policy set overdue.ladder reminder:1,warning:15,suspend:contract")
        }
        let books = context.books
        let suspend = try books.suspendAfterDays()
        let plans = Set(try books.planIds())
        var only: Set<Int>?
        if let agent {
            guard try books.isKnownAgent(agent) else {
                throw ServiceError(
                    "no collector '\(agent)': no operator has that login and no customer is assigned to it",
                    hint: "operator list names the team; queue --all shows every collector's customers")
            }
            let ids = try books.customerIds(agent: agent)
            only = Set(ledger.customerIds.indices.filter { ids.contains(ledger.customerIds[$0]) })
        }
        let promises = CaseBook.standings(
            try books.promises(customer: nil), ledger: ledger, policy: policy, asOf: context.asOf)
        let built = Queue.build(
            ledger, asOf: context.asOf, settings: Queue.Settings(policy), suspendAfterDays: suspend, plans: plans,
            promises: promises, customers: only, limit: limit)
        let who = try books.dialingCards(of: built.entries.map(\.customerId))
        return (
            built.entries.map {
                let card = who[$0.customerId]
                return Call(entry: $0, name: card?.name, agent: card?.agent, phone: card?.phone, person: card?.person)
            },
            built.total
        )
    }
}

/// The overdue ladder over the portfolio: every scope's state, the transitions since the last
/// recorded run, and (outside a what-if) recording this run's states.
public struct OverdueRun: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    public struct Result: Sendable {
        public var ladder: OverdueLadder
        public var evaluation: OverdueEvaluation
        public var transitions: [OverdueTransition]
    }

    public func run(_ ledger: Ledger, record: Bool) throws -> Result {
        let policy = context.policy
        guard let ladder = OverdueLadder(policy["overdue.ladder"]) else {
            throw ServiceError(
                "the policy's overdue.ladder '\(policy["overdue.ladder"])' does not parse",
                hint: "policy set overdue.ladder reminder:1,warning:15,suspend:contract")
        }
        let books = context.books
        let suspend = try books.suspendAfterDays()
        let previous = try books.overdueStates()
        let evaluation = Overdue.evaluate(
            ledger, allocation: ledger.allocate(asOf: context.asOf), ladder: ladder, suspendAfterDays: suspend,
            defaultSuspendAfterDays: policy.count("clause.suspend_after_days"))
        let transitions = Overdue.transitions(previous: previous, current: evaluation, ladder: ladder)
        if record { try books.recordOverdueStates(evaluation, transitions: transitions.count, context: context.change) }
        return Result(ladder: ladder, evaluation: evaluation, transitions: transitions)
    }
}
