import Foundation
import RecoupCore
import RecoupServices
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
/// The work is in two parts. A `PolicyWhatIf.Basis` holds what a state of the workspace gives before any
/// deposit rule (scores and tiers, exposure, deposits held, contracts); it is made once for the books
/// and kept for the life of the scenario (`Session.scenarioBooks`), and a scenario that moved no
/// customer's books and kept the score settings (tier cuts, score.credit_line) shares it. A `PolicyWhatIf.View` prices deposits over a basis
/// under one policy: the only part a policy change makes anew.
extension Catalog {
    /// The books' side of the policy figures, kept in the session for the life of the open scenario
    /// (dropped when another shell commits: `Shell.refreshIfBooksMoved`).
    struct ScenarioBooks {
        var asOf: Day
        var view: PolicyWhatIf.View
    }

    /// The books' side as of `asOf`, from the books' ledger and every contract, kept in the session
    /// while a scenario is open.
    static func booksPolicyView(
        _ inv: Invocation, ledger: Ledger, allocation: () -> Allocation, contracts: [Contract], asOf: Day
    ) throws -> PolicyWhatIf.View {
        let ws = inv.workspace
        let view = try ws.readingBooks {
            let policy = try inv.store { () throws(StoreError) in try ws.policy() }
            let contracts = contracts.filter { $0.signedOn <= asOf }
            return PolicyWhatIf.view(
                try inv.service {
                    try PolicyWhatIf.basis(
                        inv.services(asOf: asOf), ledger: ledger, allocation: allocation(),
                        contracts: contracts, tiers: policy.tiers)
                }, policy: policy)
        }
        if inv.session.scenario != nil { inv.session.scenarioBooks = ScenarioBooks(asOf: asOf, view: view) }
        return view
    }

    /// The `whatif diff` section on policy: per tier and in total, books against scenario.
    /// `books` gives the books' ledger; `scenario` the scenario's, or nil when the scenario changed no
    /// customer's books (only the policy differs: the books' basis then serves both sides when the
    /// score settings are the same, and only the deposits are priced anew).
    static func policySections(_ inv: Invocation, asOf: Day, books: () throws -> Ledger, scenario: Ledger?) throws
        -> [Section]
    {
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
        let before: PolicyWhatIf.View
        if let kept {
            before = kept
        } else {
            let contracts = Background { () throws(StoreError) in try ws.allContracts(base: true) }  // while the ledger loads
            let l = try ledger()
            before = try booksPolicyView(
                inv, ledger: l, allocation: { allocation(l) },
                contracts: try inv.store { () throws(StoreError) in try contracts.value() }, asOf: asOf)
        }
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        // The scores depend on the policy only through `tiers` (the cuts and score.credit_line).
        let t = policy.tiers
        let sameScoring = before.basis.tiers == t
        let basis: PolicyWhatIf.Basis
        if let scenario {
            let contractsChanged = inv.session.scenario == nil  // imports, the only way contracts change, stay out of scenarios
            let contracts =
                contractsChanged
                ? try inv.store { () throws(StoreError) in try ws.allContracts() }.filter { $0.signedOn <= asOf }
                : before.basis.contracts
            basis = try inv.service {
                try PolicyWhatIf.basis(
                    inv.services(asOf: asOf), ledger: scenario, allocation: scenario.allocate(asOf: asOf, record: true),
                    contracts: contracts, tiers: t)
            }
        } else if sameScoring {
            basis = before.basis
        } else {
            let l = try ledger()
            basis = try inv.service {
                try PolicyWhatIf.basis(
                    inv.services(asOf: asOf), ledger: l, allocation: allocation(l),
                    contracts: before.basis.contracts, tiers: t)
            }
        }
        let after = PolicyWhatIf.view(basis, policy: policy)
        var rows: [PolicyTierRow] = []
        // Per side: the tier sums, and the expected losses summed over tiers (each rounded per tier).
        var total = (PolicyWhatIf.TierImpact(), PolicyWhatIf.TierImpact())
        var loss = (Money.zero, Money.zero), lossOnce = (Money.zero, Money.zero)
        for tier in ["A", "B", "C", "D"] {
            let b = before.byTier[tier] ?? PolicyWhatIf.TierImpact(),
                a = after.byTier[tier] ?? PolicyWhatIf.TierImpact()
            rows.append(
                PolicyTierRow(
                    tier: tier, books: b, scenario: a, loss: (b.expectedLoss, a.expectedLoss),
                    lossOnceCollected: (b.expectedLossOnceCollected, a.expectedLossOnceCollected)))
            total.0.customers += b.customers; total.1.customers += a.customers
            total.0.shortfall += b.shortfall; total.1.shortfall += a.shortfall
            total.0.unsecured += b.unsecured; total.1.unsecured += a.unsecured
            total.0.unsecuredOnceCollected += b.unsecuredOnceCollected;
            total.1.unsecuredOnceCollected += a.unsecuredOnceCollected
            loss.0 += b.expectedLoss; loss.1 += a.expectedLoss
            lossOnce.0 += b.expectedLossOnceCollected; lossOnce.1 += a.expectedLossOnceCollected
        }
        rows.append(
            PolicyTierRow(
                tier: Invocation.tr("total"), books: total.0, scenario: total.1, loss: loss, lossOnceCollected: lossOnce
            ))
        let (contractsAffected, customersMoved) = changes(before, after)
        return [
            Section(
                "policy", title: "Policy and deposits: books against scenario",
                .record([
                    Field("customers_changing_tier", title: "Customers changing tier", .number(String(customersMoved))),
                    Field(
                        "contracts_changing_deposit", title: "Contracts whose required deposit changes",
                        .number(String(contractsAffected))),
                    Field(
                        "deposits_to_collect_change", title: "Deposits to collect, change",
                        Invocation.money(total.1.shortfall - total.0.shortfall)),
                    Field(
                        "unsecured_change", title: "Unsecured exposure, change",
                        Invocation.money(total.1.unsecured - total.0.unsecured)),
                    Field("expected_loss_change", title: "Expected loss, change", Invocation.money(loss.1 - loss.0)),
                    Field(
                        "unsecured_once_collected_change",
                        title: "Unsecured exposure once deposits are collected, change",
                        Invocation.money(total.1.unsecuredOnceCollected - total.0.unsecuredOnceCollected)),
                    Field(
                        "expected_loss_once_collected_change",
                        title: "Expected loss once deposits are collected, change",
                        Invocation.money(lossOnce.1 - lossOnce.0)),
                ])),
            Section(
                "tiers", title: "By tier",
                .table(policyTierSpec.table(rows))),
        ]
    }

    /// One tier (or the total) of the policy section: the books' figures and the scenario's.
    struct PolicyTierRow {
        var tier: String
        var books: PolicyWhatIf.TierImpact
        var scenario: PolicyWhatIf.TierImpact
        /// Expected loss, books and scenario (the total's is the tiers' summed, each rounded per tier).
        var loss: (Money, Money)
        var lossOnceCollected: (Money, Money)
    }

    /// `whatif diff --policy`, section `tiers` (also shown when the scenario changes the policy or a
    /// deposit): per tier and in total, books against scenario.
    static let policyTierSpec = TableSpec<PolicyTierRow>(
        "whatif diff --policy",
        [
            .init(Column("Tier", key: "tier"), "credit tier A-D, or total") {
                $0.tier == "total" ? .term($0.tier) : .text($0.tier)
            },
            .init(Column("Customers, books", key: "customers_base"), "customers in the tier, on the books") {
                .number(String($0.books.customers))
            },
            .init(Column("Customers, scenario", key: "customers_scenario"), "customers in the tier, in the scenario") {
                .number(String($0.scenario.customers))
            },
            .init(
                Column("To collect, books", key: "deposits_to_collect_base"),
                "deposits to collect (the shortfalls of deposit check), on the books"
            ) { Invocation.money($0.books.shortfall) },
            .init(
                Column("To collect, scenario", key: "deposits_to_collect_scenario"),
                "deposits to collect, in the scenario"
            ) { Invocation.money($0.scenario.shortfall) },
            .init(
                Column("Unsecured, books", key: "unsecured_base"),
                "exposure less the deposits on hand, not below 0, on the books"
            ) { Invocation.money($0.books.unsecured) },
            .init(Column("Unsecured, scenario", key: "unsecured_scenario"), "unsecured exposure, in the scenario") {
                Invocation.money($0.scenario.unsecured)
            },
            .init(
                Column("Expected loss, books", key: "expected_loss_base"),
                "unsecured exposure × the tier's late rate, on the books"
            ) { Invocation.money($0.loss.0) },
            .init(Column("Expected loss, scenario", key: "expected_loss_scenario"), "expected loss, in the scenario") {
                Invocation.money($0.loss.1)
            },
            .init(
                Column("Unsecured once collected, books", key: "unsecured_once_collected_base"),
                "unsecured exposure once every deposit to collect is in, on the books"
            ) { Invocation.money($0.books.unsecuredOnceCollected) },
            .init(
                Column("Unsecured once collected, scenario", key: "unsecured_once_collected_scenario"),
                "unsecured exposure once every deposit to collect is in, in the scenario"
            ) { Invocation.money($0.scenario.unsecuredOnceCollected) },
            .init(
                Column("Expected loss once collected, books", key: "expected_loss_once_collected_base"),
                "expected loss once every deposit to collect is in, on the books"
            ) { Invocation.money($0.lossOnceCollected.0) },
            .init(
                Column("Expected loss once collected, scenario", key: "expected_loss_once_collected_scenario"),
                "expected loss once every deposit to collect is in, in the scenario"
            ) { Invocation.money($0.lossOnceCollected.1) },
        ])

    /// Contracts (in both views) whose required deposit differs, and customers of the scenario whose
    /// tier differs from the books' (a customer new in the scenario counts).
    static func changes(_ before: PolicyWhatIf.View, _ after: PolicyWhatIf.View) -> (contracts: Int, customers: Int) {
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
            for (id, a) in zip(after.basis.customerIds, after.basis.scores)
            where before.basis.customerIndex[id].map({ before.basis.scores[$0].tier }) != a.tier {
                customers += 1
            }
        }
        return (contracts, customers)
    }
}
