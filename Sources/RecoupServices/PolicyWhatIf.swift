import RecoupCore
import RecoupStore

/// What a scenario's policy and deposit changes do, tier by tier: deposits to collect, unsecured
/// exposure and expected loss (for `whatif diff`). See `Catalog.policySections` for the figures'
/// definitions; this is the work: a `Basis` holds what a state of the workspace gives before any
/// deposit rule (scores and tiers, exposure, deposits held, contracts), a `View` prices deposits
/// over a basis under one policy, the only part a policy change makes anew.
public enum PolicyWhatIf {
    public struct TierImpact: Sendable {
        public var customers = 0, late = 0, due = 0
        public var required = Money.zero, shortfall = Money.zero, exposure = Money.zero, unsecured = Money.zero
        public var unsecuredOnceCollected = Money.zero
        public init() {}
        public var expectedLoss: Money { lateRate(of: unsecured) }
        public var expectedLossOnceCollected: Money { lateRate(of: unsecuredOnceCollected) }
        /// `amount` × the tier's late rate, rounded half-up.
        public func lateRate(of amount: Money) -> Money {
            due == 0
                ? .zero : Money(minorUnits: RoundingMode.halfUp.divide(amount.minorUnits * Int64(late), by: Int64(due)))
        }
    }

    /// One state of the workspace as of a day, before deposits are priced.
    public struct Basis: Sendable {
        public var customerIds: [String] = []
        public var scores: [CreditScore] = []
        /// The score settings (tier cuts, score.credit_line) the scores were made with.
        public var tiers = CreditScore.Tiers()
        /// Contracts signed by the day, by customer then signing day and id.
        public var contracts: [Contract] = []
        public var pots: [String: DepositPots] = [:]
        /// Position of each customer in `customerIds`.
        public var customerIndex: [String: Int] = [:]
        /// Customers, late and due invoices, exposure and unsecured exposure per tier (no deposits yet).
        public var byTier: [String: TierImpact] = [:]
        /// Exposure and deposits on hand per customer (minor units, in `customerIds` order).
        public var exposure: [Int64] = [], held: [Int64] = []

        public init() {}
        public func tier(of customer: String) -> String { customerIndex[customer].map { scores[$0].tier } ?? "C" }
    }

    /// A basis with its deposits priced under one policy.
    public struct View: Sendable {
        public var basis: Basis
        public var byTier: [String: TierImpact]
        /// Contract ids and their required deposits (nil: the contract states no value), in the order of `Deposit.requirements`.
        public var contractIds: [String]
        public var required: [Money?]
    }

    /// The basis of one state of the workspace (read through the store as it stands: wrap in
    /// `readingBooks` for the books). `contracts`: those signed by the day.
    public static func basis(
        _ context: ServiceContext, ledger: Ledger, allocation: Allocation, contracts: [Contract],
        tiers: CreditScore.Tiers
    ) throws -> Basis {
        let ws = context.books, asOf = context.asOf
        var basis = Basis()
        basis.customerIds = ledger.customerIds
        basis.tiers = tiers
        basis.contracts = contracts
        basis.scores = try CreditScoring(context).scores(ledger, allocation: allocation, tiers: tiers)
        basis.pots = try ws.depositMovements().mapValues { DepositPots($0, asOf: asOf) }
        basis.customerIndex = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
        // Exposure per customer: open as of the day, plus each valued contract's value less what was
        // invoiced under it by the day (not below 0).
        var exposure = ledger.balances(allocation).map(\.open.minorUnits)
        var billed: [Int64] = Array(repeating: 0, count: ledger.contractIds.count)
        for i in 0..<ledger.invoiceCount where ledger.invoiceContract[i] >= 0 && ledger.invoiceIssued[i] <= asOf.ordinal
        {
            billed[Int(ledger.invoiceContract[i])] += ledger.invoiceAmount[i]
        }
        let contractIndex = Dictionary(uniqueKeysWithValues: ledger.contractIds.enumerated().map { ($1, $0) })
        for k in contracts {
            guard let value = k.value, let c = basis.customerIndex[k.customerId] else { continue }
            exposure[c] += max(0, value.minorUnits - (contractIndex[k.id].map { billed[$0] } ?? 0))
        }
        var held = [Int64](repeating: 0, count: ledger.customerCount)
        for (id, p) in basis.pots { if let c = basis.customerIndex[id] { held[c] = max(0, p.total.minorUnits) } }
        for (c, s) in basis.scores.enumerated() {
            var t = basis.byTier[s.tier, default: TierImpact()]
            t.customers += 1
            t.late += s.lateInvoices
            t.due += s.dueInvoices
            t.exposure.minorUnits += exposure[c]
            t.unsecured.minorUnits += max(0, exposure[c] - held[c])
            basis.byTier[s.tier] = t
        }
        basis.exposure = exposure
        basis.held = held
        return basis
    }

    /// Prices the deposits of a basis under `policy`.
    public static func view(_ basis: Basis, policy: Policy) -> View {
        let requirements = Deposit.requirements(
            contracts: basis.contracts, tier: basis.tier(of:), pots: basis.pots, policy: policy)
        var view = View(basis: basis, byTier: basis.byTier, contractIds: [], required: [])
        view.contractIds.reserveCapacity(requirements.count)
        view.required.reserveCapacity(requirements.count)
        var toCollect = [Int64](repeating: 0, count: basis.customerIds.count)
        for r in requirements {
            view.contractIds.append(r.contract.id)
            view.required.append(r.required)
            view.byTier[r.tier, default: TierImpact()].required += r.required ?? .zero
            view.byTier[r.tier, default: TierImpact()].shortfall += r.shortfall
            if let c = basis.customerIndex[r.contract.customerId] { toCollect[c] += r.shortfall.minorUnits }
        }
        for (c, s) in basis.scores.enumerated() where c < basis.exposure.count {
            view.byTier[s.tier, default: TierImpact()].unsecuredOnceCollected.minorUnits += max(
                0, basis.exposure[c] - basis.held[c] - toCollect[c])
        }
        return view
    }

}
