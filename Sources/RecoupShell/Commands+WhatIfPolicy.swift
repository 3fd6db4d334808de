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
extension Catalog {
    struct TierImpact {
        var customers = 0, late = 0, due = 0
        var required = Money.zero, shortfall = Money.zero, exposure = Money.zero, unsecured = Money.zero
        var expectedLoss: Money {
            due == 0 ? .zero : Money(minorUnits: RoundingMode.halfUp.divide(unsecured.minorUnits * Int64(late), by: Int64(due)))
        }
    }

    struct PolicyView {
        var byTier: [String: TierImpact] = [:]
        var tierOf: [String: String] = [:]
        var requiredOf: [String: Money?] = [:]
        /// The scores and the tier cuts they were made with, for the other view to reuse.
        var scores: [CreditScore] = []
        var tiers = CreditScore.Tiers()
    }

    /// The impact figures of one view of the workspace (the books or the scenario) as of a day.
    /// `reuse`: the other view's scores, taken when they were made from the same books and tier cuts.
    static func policyView(_ inv: Invocation, ledger: Ledger, allocation: Allocation, contracts: [Contract], asOf: Day,
                           reuse: PolicyView? = nil) throws -> PolicyView {
        let ws = inv.workspace
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        let t = policy.tiers
        let scores: [CreditScore]
        if let reuse, reuse.tiers.a == t.a && reuse.tiers.b == t.b && reuse.tiers.c == t.c {
            scores = reuse.scores
        } else {
            let bureau = try inv.store { () throws(StoreError) in try ws.bureauScores() }
            scores = CreditScore.scoreAll(ledger, allocation, bureau: { c in
                guard c < bureau.count, let b = bureau[c].score, (bureau[c].date ?? asOf) <= asOf else { return nil }
                return b
            }, tiers: t)
        }
        let balances = ledger.balances(allocation)
        let pots = try inv.store { () throws(StoreError) in try ws.depositMovements() }.mapValues { DepositPots($0, asOf: asOf) }
        var view = PolicyView()
        view.scores = scores
        view.tiers = t
        for (id, s) in zip(ledger.customerIds, scores) { view.tierOf[id] = s.tier }
        let requirements = Deposit.requirements(contracts: contracts, tier: { view.tierOf[$0] ?? "C" }, pots: pots, policy: policy)
        // Invoiced so far per contract (issued by the day), for the unbilled value.
        var billed: [Int64] = Array(repeating: 0, count: ledger.contractIds.count)
        for i in 0..<ledger.invoiceCount where ledger.invoiceContract[i] >= 0 && ledger.invoiceIssued[i] <= asOf.ordinal {
            billed[Int(ledger.invoiceContract[i])] += ledger.invoiceAmount[i]
        }
        let contractIndex = Dictionary(uniqueKeysWithValues: ledger.contractIds.enumerated().map { ($1, $0) })
        var unbilled: [String: Money] = [:]
        for k in contracts {
            guard let value = k.value else { continue }
            let done = contractIndex[k.id].map { Money(minorUnits: billed[$0]) } ?? .zero
            unbilled[k.customerId, default: .zero] += max(.zero, value - done)
        }
        for r in requirements {
            view.requiredOf[r.contract.id] = r.required
            view.byTier[r.tier, default: TierImpact()].required += r.required ?? .zero
            view.byTier[r.tier, default: TierImpact()].shortfall += r.shortfall
        }
        for (c, id) in ledger.customerIds.enumerated() {
            let tier = scores[c].tier
            var t = view.byTier[tier, default: TierImpact()]
            t.customers += 1
            t.late += scores[c].lateInvoices
            t.due += scores[c].dueInvoices
            let exposure = balances[c].open + (unbilled[id] ?? .zero)
            t.exposure += exposure
            t.unsecured += max(.zero, exposure - max(.zero, pots[id]?.total ?? .zero))
            view.byTier[tier] = t
        }
        return view
    }

    /// The `whatif diff` section on policy: per tier and in total, books against scenario.
    /// `sameBooks`: the scenario changed no customer's books, so one ledger and one allocation serve
    /// both views (only the policy and deposits differ).
    static func policySections(_ inv: Invocation, asOf: Day, base: Ledger, scenario: Ledger, sameBooks: Bool) throws -> [Section] {
        let ws = inv.workspace
        let baseAllocation = base.allocate(asOf: asOf, record: true)
        let scenarioAllocation = sameBooks ? baseAllocation : scenario.allocate(asOf: asOf, record: true)
        let baseContracts = try ws.readingBooks { try inv.store { () throws(StoreError) in try ws.allContracts() } }.filter { $0.signedOn <= asOf }
        let contractsChanged = inv.session.scenario?.commands.contains { $0.hasPrefix("import ") } ?? true
        let scenarioContracts = contractsChanged ? try inv.store { () throws(StoreError) in try ws.allContracts() }.filter { $0.signedOn <= asOf } : baseContracts
        let before = try ws.readingBooks { try policyView(inv, ledger: base, allocation: baseAllocation, contracts: baseContracts, asOf: asOf) }
        let after = try policyView(inv, ledger: sameBooks ? base : scenario, allocation: scenarioAllocation, contracts: scenarioContracts, asOf: asOf,
                                   reuse: sameBooks ? before : nil)
        var rows: [[Cell]] = []
        var total = (TierImpact(), TierImpact(), Money.zero, Money.zero)
        for tier in ["A", "B", "C", "D"] {
            let b = before.byTier[tier] ?? TierImpact(), a = after.byTier[tier] ?? TierImpact()
            rows.append([.text(tier), .number(String(b.customers)), .number(String(a.customers)),
                         Invocation.money(b.shortfall), Invocation.money(a.shortfall), Invocation.money(b.unsecured), Invocation.money(a.unsecured),
                         Invocation.money(b.expectedLoss), Invocation.money(a.expectedLoss)])
            total.0.customers += b.customers; total.1.customers += a.customers
            total.0.shortfall += b.shortfall; total.1.shortfall += a.shortfall
            total.0.unsecured += b.unsecured; total.1.unsecured += a.unsecured
            total.2 += b.expectedLoss; total.3 += a.expectedLoss
        }
        rows.append([.text("total"), .number(String(total.0.customers)), .number(String(total.1.customers)),
                     Invocation.money(total.0.shortfall), Invocation.money(total.1.shortfall), Invocation.money(total.0.unsecured),
                     Invocation.money(total.1.unsecured), Invocation.money(total.2), Invocation.money(total.3)])
        let contractsAffected = after.requiredOf.filter { id, req in before.requiredOf[id] != nil && before.requiredOf[id]! != req }.count
        let customersMoved = after.tierOf.filter { id, t in before.tierOf[id] != t }.count
        return [
            Section("policy", title: "Policy and deposits: books against scenario", .record([
                Field("customers_changing_tier", title: "Customers changing tier", .number(String(customersMoved))),
                Field("contracts_changing_deposit", title: "Contracts whose required deposit changes", .number(String(contractsAffected))),
                Field("deposits_to_collect_change", title: "Deposits to collect, change", Invocation.money(total.1.shortfall - total.0.shortfall)),
                Field("unsecured_change", title: "Unsecured exposure, change", Invocation.money(total.1.unsecured - total.0.unsecured)),
                Field("expected_loss_change", title: "Expected loss, change", Invocation.money(total.3 - total.2)),
            ])),
            Section("tiers", title: "By tier", .table(Table(columns: [
                Column("Tier", key: "tier"), Column("Customers, books", key: "customers_base"), Column("Customers, scenario", key: "customers_scenario"),
                Column("To collect, books", key: "deposits_to_collect_base"), Column("To collect, scenario", key: "deposits_to_collect_scenario"),
                Column("Unsecured, books", key: "unsecured_base"), Column("Unsecured, scenario", key: "unsecured_scenario"),
                Column("Expected loss, books", key: "expected_loss_base"), Column("Expected loss, scenario", key: "expected_loss_scenario"),
            ], rows: rows))),
        ]
    }
}
