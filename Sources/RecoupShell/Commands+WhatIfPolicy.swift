import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// What a scenario's policy and deposit changes do, tier by tier: deposits to collect, unsecured
/// exposure and expected loss, books against scenario (for `whatif diff`).
///
/// Exposure of a customer = open receivables + unbilled contract value (value less what was
/// invoiced under the contract, not below 0); unsecured = exposure less the deposits on hand, not
/// below 0; expected loss of a tier = its unsecured exposure × its observed late rate (invoices due
/// by the day paid late or still unpaid past due, over invoices due, among the tier's customers),
/// rounded half-up once per tier. Deposits to collect = the shortfalls of `deposit check`.
/// "Once collected" is the same after every shortfall is collected: unsecured = exposure less the
/// deposits on hand and the customer's deposits to collect, not below 0. It is what a stricter
/// deposit rule sheds (a rule changes nothing on hand until the money comes in).
///
/// The work is in two parts. A `PolicyBasis` holds what a state of the workspace gives before any
/// deposit rule (scores and tiers, exposure, deposits held, contracts); it is made once for the books
/// and kept for the life of the scenario (`Session.scenarioBooks`), and a scenario that moved no
/// customer's books and kept the score settings (tier cuts, score.credit_line) shares it. A `PolicyView` prices deposits over a basis
/// under one policy: the only part a policy change makes anew.
extension Catalog {
    struct TierImpact {
        var customers = 0, late = 0, due = 0
        var required = Money.zero, shortfall = Money.zero, exposure = Money.zero, unsecured = Money.zero
        var unsecuredOnceCollected = Money.zero
        var expectedLoss: Money { lateRate(of: unsecured) }
        var expectedLossOnceCollected: Money { lateRate(of: unsecuredOnceCollected) }
        /// `amount` × the tier's late rate, rounded half-up.
        func lateRate(of amount: Money) -> Money {
            due == 0 ? .zero : Money(minorUnits: RoundingMode.halfUp.divide(amount.minorUnits * Int64(late), by: Int64(due)))
        }
    }

    /// One state of the workspace as of a day, before deposits are priced.
    struct PolicyBasis {
        var customerIds: [String] = []
        var scores: [CreditScore] = []
        /// The score settings (tier cuts, score.credit_line) the scores were made with.
        var tiers = CreditScore.Tiers()
        /// Contracts signed by the day, by customer then signing day and id.
        var contracts: [Contract] = []
        var pots: [String: DepositPots] = [:]
        /// Position of each customer in `customerIds`.
        var customerIndex: [String: Int] = [:]
        /// Customers, late and due invoices, exposure and unsecured exposure per tier (no deposits yet).
        var byTier: [String: TierImpact] = [:]
        /// Exposure and deposits on hand per customer (minor units, in `customerIds` order).
        var exposure: [Int64] = [], held: [Int64] = []

        func tier(of customer: String) -> String { customerIndex[customer].map { scores[$0].tier } ?? "C" }
    }

    /// A basis with its deposits priced under one policy.
    struct PolicyView {
        var basis: PolicyBasis
        var byTier: [String: TierImpact]
        /// Contract ids and their required deposits (nil: the contract states no value), in the order of `Deposit.requirements`.
        var contractIds: [String]
        var required: [Money?]
    }

    /// The books' side of the policy figures, kept in the session for the life of the open scenario
    /// (the scenario holds the workspace's write lock, so the committed books cannot change under it).
    struct ScenarioBooks {
        var asOf: Day
        var view: PolicyView
    }

    /// The basis of one state of the workspace (read through the store as it stands: wrap in
    /// `readingBooks` for the books). `contracts`: those signed by the day.
    static func policyBasis(_ inv: Invocation, ledger: Ledger, allocation: Allocation, contracts: [Contract], tiers: CreditScore.Tiers,
                            asOf: Day) throws -> PolicyBasis {
        let ws = inv.workspace
        var basis = PolicyBasis()
        basis.customerIds = ledger.customerIds
        basis.tiers = tiers
        basis.contracts = contracts
        basis.scores = try scores(inv, ledger: ledger, allocation: allocation, asOf: asOf, tiers: tiers)
        basis.pots = try inv.store { () throws(StoreError) in try ws.depositMovements() }.mapValues { DepositPots($0, asOf: asOf) }
        basis.customerIndex = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
        // Exposure per customer: open as of the day, plus each valued contract's value less what was
        // invoiced under it by the day (not below 0).
        var exposure = ledger.balances(allocation).map(\.open.minorUnits)
        var billed: [Int64] = Array(repeating: 0, count: ledger.contractIds.count)
        for i in 0..<ledger.invoiceCount where ledger.invoiceContract[i] >= 0 && ledger.invoiceIssued[i] <= asOf.ordinal {
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
    static func policyView(_ basis: PolicyBasis, policy: Policy) -> PolicyView {
        let requirements = Deposit.requirements(contracts: basis.contracts, tier: basis.tier(of:), pots: basis.pots, policy: policy)
        var view = PolicyView(basis: basis, byTier: basis.byTier, contractIds: [], required: [])
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
            view.byTier[s.tier, default: TierImpact()].unsecuredOnceCollected.minorUnits += max(0, basis.exposure[c] - basis.held[c] - toCollect[c])
        }
        return view
    }

    /// The books' side as of `asOf`, from the books' ledger and every contract, kept in the session
    /// while a scenario is open.
    static func booksPolicyView(_ inv: Invocation, ledger: Ledger, allocation: () -> Allocation, contracts: [Contract], asOf: Day) throws -> PolicyView {
        let ws = inv.workspace
        let view = try ws.readingBooks {
            let policy = try inv.store { () throws(StoreError) in try ws.policy() }
            let contracts = contracts.filter { $0.signedOn <= asOf }
            return policyView(try policyBasis(inv, ledger: ledger, allocation: allocation(), contracts: contracts, tiers: policy.tiers, asOf: asOf),
                              policy: policy)
        }
        if inv.session.scenario != nil { inv.session.scenarioBooks = ScenarioBooks(asOf: asOf, view: view) }
        return view
    }

    /// The `whatif diff` section on policy: per tier and in total, books against scenario.
    /// `books` gives the books' ledger; `scenario` the scenario's, or nil when the scenario changed no
    /// customer's books (only the policy differs: the books' basis then serves both sides when the
    /// score settings are the same, and only the deposits are priced anew).
    static func policySections(_ inv: Invocation, asOf: Day, books: () throws -> Ledger, scenario: Ledger?) throws -> [Section] {
        let ws = inv.workspace
        var booksLedger: Ledger?
        func ledger() throws -> Ledger {
            if let booksLedger { return booksLedger }
            booksLedger = try books()
            return booksLedger!
        }
        var booksAllocation: Allocation?
        func allocation(_ l: Ledger) -> Allocation {
            if let booksAllocation { return booksAllocation }
            booksAllocation = l.allocate(asOf: asOf, record: true)
            return booksAllocation!
        }
        let kept = inv.session.scenarioBooks.flatMap { $0.asOf == asOf ? $0.view : nil }
        let before: PolicyView
        if let kept { before = kept } else {
            let contracts = Background { () throws(StoreError) in try ws.allContracts(base: true) }  // while the ledger loads
            let l = try ledger()
            before = try booksPolicyView(inv, ledger: l, allocation: { allocation(l) },
                                         contracts: try inv.store { () throws(StoreError) in try contracts.value() }, asOf: asOf)
        }
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        // The scores depend on the policy only through `tiers` (the cuts and score.credit_line).
        let t = policy.tiers
        let sameScoring = before.basis.tiers == t
        let basis: PolicyBasis
        if let scenario {
            let contractsChanged = inv.session.scenario == nil  // imports, the only way contracts change, stay out of scenarios
            let contracts = contractsChanged ? try inv.store { () throws(StoreError) in try ws.allContracts() }.filter { $0.signedOn <= asOf }
                                             : before.basis.contracts
            basis = try policyBasis(inv, ledger: scenario, allocation: scenario.allocate(asOf: asOf, record: true), contracts: contracts,
                                    tiers: t, asOf: asOf)
        } else if sameScoring {
            basis = before.basis
        } else {
            let l = try ledger()
            basis = try policyBasis(inv, ledger: l, allocation: allocation(l), contracts: before.basis.contracts, tiers: t, asOf: asOf)
        }
        let after = policyView(basis, policy: policy)
        var rows: [[Cell]] = []
        // Per side: the tier sums, and the expected losses summed over tiers (each rounded per tier).
        var total = (TierImpact(), TierImpact())
        var loss = (Money.zero, Money.zero), lossOnce = (Money.zero, Money.zero)
        func cells(_ b: TierImpact, _ a: TierImpact, _ l: (Money, Money), _ lo: (Money, Money)) -> [Cell] {
            [.number(String(b.customers)), .number(String(a.customers)), Invocation.money(b.shortfall), Invocation.money(a.shortfall),
             Invocation.money(b.unsecured), Invocation.money(a.unsecured), Invocation.money(l.0), Invocation.money(l.1),
             Invocation.money(b.unsecuredOnceCollected), Invocation.money(a.unsecuredOnceCollected), Invocation.money(lo.0), Invocation.money(lo.1)]
        }
        for tier in ["A", "B", "C", "D"] {
            let b = before.byTier[tier] ?? TierImpact(), a = after.byTier[tier] ?? TierImpact()
            rows.append([.text(tier)] + cells(b, a, (b.expectedLoss, a.expectedLoss), (b.expectedLossOnceCollected, a.expectedLossOnceCollected)))
            total.0.customers += b.customers; total.1.customers += a.customers
            total.0.shortfall += b.shortfall; total.1.shortfall += a.shortfall
            total.0.unsecured += b.unsecured; total.1.unsecured += a.unsecured
            total.0.unsecuredOnceCollected += b.unsecuredOnceCollected; total.1.unsecuredOnceCollected += a.unsecuredOnceCollected
            loss.0 += b.expectedLoss; loss.1 += a.expectedLoss
            lossOnce.0 += b.expectedLossOnceCollected; lossOnce.1 += a.expectedLossOnceCollected
        }
        rows.append([.text("total")] + cells(total.0, total.1, loss, lossOnce))
        let (contractsAffected, customersMoved) = changes(before, after)
        return [
            Section("policy", title: "Policy and deposits: books against scenario", .record([
                Field("customers_changing_tier", title: "Customers changing tier", .number(String(customersMoved))),
                Field("contracts_changing_deposit", title: "Contracts whose required deposit changes", .number(String(contractsAffected))),
                Field("deposits_to_collect_change", title: "Deposits to collect, change", Invocation.money(total.1.shortfall - total.0.shortfall)),
                Field("unsecured_change", title: "Unsecured exposure, change", Invocation.money(total.1.unsecured - total.0.unsecured)),
                Field("expected_loss_change", title: "Expected loss, change", Invocation.money(loss.1 - loss.0)),
                Field("unsecured_once_collected_change", title: "Unsecured exposure once deposits are collected, change",
                      Invocation.money(total.1.unsecuredOnceCollected - total.0.unsecuredOnceCollected)),
                Field("expected_loss_once_collected_change", title: "Expected loss once deposits are collected, change",
                      Invocation.money(lossOnce.1 - lossOnce.0)),
            ])),
            Section("tiers", title: "By tier", .table(Table(columns: [
                Column("Tier", key: "tier"), Column("Customers, books", key: "customers_base"), Column("Customers, scenario", key: "customers_scenario"),
                Column("To collect, books", key: "deposits_to_collect_base"), Column("To collect, scenario", key: "deposits_to_collect_scenario"),
                Column("Unsecured, books", key: "unsecured_base"), Column("Unsecured, scenario", key: "unsecured_scenario"),
                Column("Expected loss, books", key: "expected_loss_base"), Column("Expected loss, scenario", key: "expected_loss_scenario"),
                Column("Unsecured once collected, books", key: "unsecured_once_collected_base"),
                Column("Unsecured once collected, scenario", key: "unsecured_once_collected_scenario"),
                Column("Expected loss once collected, books", key: "expected_loss_once_collected_base"),
                Column("Expected loss once collected, scenario", key: "expected_loss_once_collected_scenario"),
            ], rows: rows))),
        ]
    }

    /// Contracts (in both views) whose required deposit differs, and customers of the scenario whose
    /// tier differs from the books' (a customer new in the scenario counts).
    static func changes(_ before: PolicyView, _ after: PolicyView) -> (contracts: Int, customers: Int) {
        var contracts = 0, customers = 0
        if before.contractIds == after.contractIds {
            for (b, a) in zip(before.required, after.required) where b != a { contracts += 1 }
        } else {
            let was = Dictionary(uniqueKeysWithValues: zip(before.contractIds, before.required))
            for (id, a) in zip(after.contractIds, after.required) { if let b = was[id], b != a { contracts += 1 } }
        }
        if before.basis.customerIds == after.basis.customerIds {
            for (b, a) in zip(before.basis.scores, after.basis.scores) where b.tier != a.tier { customers += 1 }
        } else {
            for (id, a) in zip(after.basis.customerIds, after.basis.scores) where before.basis.customerIndex[id].map({ before.basis.scores[$0].tier }) != a.tier {
                customers += 1
            }
        }
        return (contracts, customers)
    }
}
