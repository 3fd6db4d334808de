/// The ordered states an overdue account passes through (`overdue.ladder`), mildest first.
///
/// Each rung applies from a number of days overdue; `contract` stands for the contract's
/// `suspend_after_days` (or the policy's `clause.suspend_after_days`). A scope's state is the most
/// severe rung whose days are at most its days overdue ("first match from the most severe", as Kill
/// Bill's overdue states are evaluated); below every rung it is `clear`.
///
/// ```swift
/// let ladder = OverdueLadder("reminder:1,warning:15,suspend:contract,legal_review:90")!
/// ladder.rung(days: 20, suspendAfter: 60)   // 1 (warning)
/// ```
public struct OverdueLadder: Sendable, Hashable {
    public struct Rung: Sendable, Hashable {
        public var state: String
        /// Days overdue from which the rung applies; nil means the scope's suspension days.
        public var days: Int?

        public init(_ state: String, days: Int?) { self.state = state; self.days = days }
    }

    /// The state of a scope below every rung, or with nothing overdue.
    public static let clear = "clear"

    /// Mildest first: a rung is more severe than every rung before it.
    public var rungs: [Rung]

    public init(rungs: [Rung]) { self.rungs = rungs }

    /// Parses the policy's `STATE:DAYS,...` text (`DAYS` a whole number or `contract`).
    public init?(_ text: String) {
        var out: [Rung] = []
        for step in text.split(separator: ",") {
            let p = step.split(separator: ":").map { String($0.trimmingSpaces) }
            guard p.count == 2, !p[0].isEmpty else { return nil }
            if p[1] == "contract" {
                out.append(Rung(p[0], days: nil))
            } else if let d = Int(p[1]) {
                out.append(Rung(p[0], days: d))
            } else {
                return nil
            }
        }
        guard !out.isEmpty else { return nil }
        rungs = out
    }

    /// The rung that suspends service: the first `contract` rung, else a rung named `suspend`.
    /// A scope is suspended from this rung's days on (see `OverdueScope.suspended`).
    public var suspendRung: Int? {
        rungs.firstIndex { $0.days == nil } ?? rungs.firstIndex { $0.state == "suspend" }
    }

    /// Days overdue from which rung `k` applies to a scope whose suspension days are `suspendAfter`.
    public func threshold(_ k: Int, suspendAfter: Int) -> Int { rungs[k].days ?? suspendAfter }

    /// The rung (index) for `days` overdue: the most severe whose threshold is at most `days`, or
    /// nil (clear). `days` ≤ 0 (nothing overdue) is always clear.
    public func rung(days: Int, suspendAfter: Int) -> Int? {
        guard days > 0 else { return nil }
        for k in rungs.indices.reversed() where threshold(k, suspendAfter: suspendAfter) <= days { return k }
        return nil
    }

    /// The state's position, -1 for `clear`, nil for a name not on the ladder.
    public func severity(of state: String) -> Int? {
        state == Self.clear ? -1 : rungs.firstIndex { $0.state == state }
    }

    /// The state's name for a rung index (nil or -1: `clear`).
    public func state(_ k: Int?) -> String { k.map { $0 >= 0 ? rungs[$0].state : Self.clear } ?? Self.clear }
}

/// The overdue state of one contract (or plan, or a customer's invoices without a contract).
public struct OverdueScope: Sendable, Hashable {
    /// The contract or plan id, or `customer:ID` for a customer's invoices without a contract.
    public var scope: String
    public var customerId: String
    /// Position of the customer in the ledger.
    public var customer: Int
    /// A rung of the ladder, or `clear`.
    public var state: String
    /// As-of minus the due date of the earliest overdue, undisputed invoice with an open amount (≥ 1).
    public var days: Int
    /// Open amount of the scope's overdue, undisputed invoices (minor units).
    public var amount: Money
    /// Due date of the earliest of them.
    public var earliestDue: Day
    /// Days overdue from which this scope is suspended (the contract's or the policy's).
    public var suspendAfterDays: Int
    /// True when the ladder has a suspension rung and `days` reached this scope's suspension days.
    public var suspended: Bool

    /// The scope of a customer's invoices that name no contract.
    public static func customerScope(_ id: String) -> String { "customer:" + id }
}

/// A customer's overdue state: its most severe scope's.
public struct OverdueCustomer: Sendable, Hashable {
    public var customerId: String
    public var customer: Int
    public var state: String
    /// The most days overdue of its scopes.
    public var days: Int
    /// Sum of its scopes' overdue amounts.
    public var amount: Money
    /// Scopes suspended, in scope order.
    public var suspended: [String]
    /// Payments not applied to any invoice (shown, never netted: see docs/OVERDUE.md).
    public var credit: Money
}

/// Overdue states as of a day, computed from the facts each time (docs/OVERDUE.md).
public struct OverdueEvaluation: Sendable {
    public var asOf: Day
    /// Every scope with an overdue, undisputed open amount (clear ones too, when the ladder's first
    /// rung is not reached), by customer position then scope id bytes.
    public var scopes: [OverdueScope]
    /// Every customer with an overdue amount, in ledger order.
    public var customers: [OverdueCustomer]
}

/// A state a scope was in when `overdue` last recorded states (table `overdue_state`).
public struct StoredOverdueState: Sendable, Hashable {
    public var scope: String
    public var customerId: String
    public var state: String
    public var days: Int
    public var amount: Money
    public var asOf: Day

    public init(scope: String, customerId: String, state: String, days: Int, amount: Money, asOf: Day) {
        self.scope = scope; self.customerId = customerId; self.state = state; self.days = days; self.amount = amount;
        self.asOf = asOf
    }

    /// Due date of the earliest unpaid invoice when the state was recorded.
    public var earliestDue: Day { asOf - days }
}

/// One step from a state to the next rung up or down: a jump over rungs is several steps.
public struct OverdueTransition: Sendable, Hashable {
    public var scope: String
    public var customerId: String
    public var from: String
    public var to: String
    /// The scope's days overdue and amount now (0 when clear with nothing overdue).
    public var days: Int
    public var amount: Money
    /// Why, for a person: "reached on 2024-03-17", "reached on 2024-03-17, between runs",
    /// "earliest unpaid due date moved from 2024-03-02 to 2024-05-01", "nothing overdue".
    public var note: String
}

public enum Overdue {
    /// Evaluates every scope of the ledger as of the allocation's day.
    ///
    /// - Parameters:
    ///   - suspendAfterDays: a contract's own `suspend_after_days`, by contract id (plans and
    ///     `customer:` scopes have none).
    ///   - defaultSuspendAfterDays: the policy's `clause.suspend_after_days`.
    ///
    /// One linear pass over the invoices: an invoice counts when issued on or before the day, due
    /// before it, not disputed, with an open amount.
    public static func evaluate(
        _ ledger: Ledger, allocation: Allocation, ladder: OverdueLadder,
        suspendAfterDays: [String: Int], defaultSuspendAfterDays: Int
    ) -> OverdueEvaluation {
        let D = allocation.asOf.ordinal
        let suspendDays = ledger.contractIds.map { suspendAfterDays[$0] ?? defaultSuspendAfterDays }
        let suspendRung = ladder.suspendRung
        var scopes: [OverdueScope] = [], customers: [OverdueCustomer] = []
        // Per customer: the contracts touched (index -1: no contract) with amount and earliest due.
        var amount: [Int64] = [], earliest: [Int32] = [], touched: [Int32] = []
        var slot = [Int32](repeating: -1, count: ledger.contractIds.count)
        for c in 0..<ledger.customerCount {
            touched.removeAll(keepingCapacity: true); amount.removeAll(keepingCapacity: true);
            earliest.removeAll(keepingCapacity: true)
            var noContract: Int32 = -1
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                let whole = allocation.open[i]
                guard whole > 0, ledger.invoiceDue[i] < D, ledger.invoiceIssued[i] <= D else { continue }
                let open = whole - ledger.heldAmount(i, on: D, open: whole)
                guard open > 0 else { continue }
                let k = Int(ledger.invoiceContract[i])
                var s = k >= 0 ? slot[k] : noContract
                if s < 0 {
                    s = Int32(touched.count)
                    touched.append(Int32(k)); amount.append(0); earliest.append(ledger.invoiceDue[i])
                    if k >= 0 { slot[k] = s } else { noContract = s }
                }
                amount[Int(s)] += open
                earliest[Int(s)] = min(earliest[Int(s)], ledger.invoiceDue[i])
            }
            guard !touched.isEmpty else { continue }
            let id = ledger.customerIds[c]
            var mine: [OverdueScope] = []
            for (s, k) in touched.enumerated() {
                if k >= 0 { slot[Int(k)] = -1 }
                let days = Int(D - earliest[s])
                let after = k >= 0 ? suspendDays[Int(k)] : defaultSuspendAfterDays
                let rung = ladder.rung(days: days, suspendAfter: after)
                let suspended = suspendRung.map { days >= ladder.threshold($0, suspendAfter: after) } ?? false
                mine.append(
                    OverdueScope(
                        scope: k >= 0 ? ledger.contractIds[Int(k)] : OverdueScope.customerScope(id), customerId: id,
                        customer: c,
                        state: ladder.state(rung), days: days, amount: Money(minorUnits: amount[s]),
                        earliestDue: Day(ordinal: earliest[s]), suspendAfterDays: after, suspended: suspended))
            }
            mine.sort { $0.scope.utf8.lexicographicallyPrecedes($1.scope.utf8) }
            let worst = mine.max {
                (ladder.severity(of: $0.state) ?? -1, $0.days) < (ladder.severity(of: $1.state) ?? -1, $1.days)
            }!
            customers.append(
                OverdueCustomer(
                    customerId: id, customer: c, state: worst.state, days: mine.map(\.days).max()!,
                    amount: mine.reduce(.zero) { $0 + $1.amount }, suspended: mine.filter(\.suspended).map(\.scope),
                    credit: Money(minorUnits: allocation.unapplied[c])))
            scopes += mine
        }
        return OverdueEvaluation(asOf: allocation.asOf, scopes: scopes, customers: customers)
    }

    /// Each customer's overdue amount as `evaluate` counts it (issued, past due, undisputed, open),
    /// minor units in ledger order: the figure alone, for comparisons over time.
    public static func amounts(_ ledger: Ledger, allocation: Allocation) -> [Int64] {
        let D = allocation.asOf.ordinal
        var out = [Int64](repeating: 0, count: ledger.customerCount)
        for c in 0..<ledger.customerCount {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1])
            where allocation.open[i] > 0 && ledger.invoiceDue[i] < D && ledger.invoiceIssued[i] <= D {
                out[c] += allocation.open[i] - ledger.heldAmount(i, on: D, open: allocation.open[i])
            }
        }
        return out
    }

    /// The steps from the states stored by the previous run to the states now, scope by scope
    /// (by customer id, then scope id, in byte order), every rung passed listed as a step of its own.
    ///
    /// A scope absent from `previous` was clear; one absent from `current` (or clear in it) is clear
    /// now. Going up, the steps are the rungs between whose threshold the days now reach ("between
    /// runs" when they are not the state now); going down, the rungs between that the days no longer
    /// reach, each with the reason (the earliest unpaid due date moved, or nothing is overdue).
    /// A stored state no longer on the ladder gives one direct step.
    public static func transitions(previous: [StoredOverdueState], current: OverdueEvaluation, ladder: OverdueLadder)
        -> [OverdueTransition]
    {
        // A merge of two lists in (customer id, scope) byte order: the evaluation's order, and the
        // stored states' once sorted (a no-op when the store returns them so).
        func precedes(_ c1: String, _ s1: String, _ c2: String, _ s2: String) -> Bool {
            c1 != c2
                ? c1.utf8.lexicographicallyPrecedes(c2.utf8) : s1 != s2 && s1.utf8.lexicographicallyPrecedes(s2.utf8)
        }
        var before = previous.filter { $0.state != OverdueLadder.clear }
        if zip(before, before.dropFirst()).contains(where: {
            precedes($1.customerId, $1.scope, $0.customerId, $0.scope)
        }) {
            before.sort { precedes($0.customerId, $0.scope, $1.customerId, $1.scope) }
        }
        let now = current.scopes
        var out: [OverdueTransition] = []
        var i = 0, j = 0
        while i < now.count || j < before.count {
            var new: OverdueScope?, old: StoredOverdueState?
            if j == before.count
                || (i < now.count && precedes(now[i].customerId, now[i].scope, before[j].customerId, before[j].scope))
            {
                new = now[i]; i += 1
            } else if i == now.count || precedes(before[j].customerId, before[j].scope, now[i].customerId, now[i].scope)
            {
                old = before[j]; j += 1
            } else {
                new = now[i]; old = before[j]; i += 1; j += 1
            }
            let key = new?.scope ?? old!.scope
            let from = old?.state ?? OverdueLadder.clear, to = new?.state ?? OverdueLadder.clear
            guard from != to else { continue }
            let customer = new?.customerId ?? old!.customerId
            let days = new?.days ?? 0, amount = new?.amount ?? .zero
            func step(_ a: String, _ b: String, _ note: String) {
                out.append(
                    OverdueTransition(
                        scope: key, customerId: customer, from: a, to: b, days: days, amount: amount, note: note))
            }
            guard let a = ladder.severity(of: from), let b = ladder.severity(of: to) else {
                step(from, to, "state '\(ladder.severity(of: from) == nil ? from : to)' is not on the ladder now")
                continue
            }
            let after = new?.suspendAfterDays ?? 0
            if b > a, let new {
                // Up: every rung between that the days now reach, then the state now.
                var chain = [from]
                for k in (a + 1)..<b where ladder.threshold(k, suspendAfter: after) <= new.days {
                    chain.append(ladder.rungs[k].state)
                }
                chain.append(to)
                for (x, y) in zip(chain, chain.dropFirst()) {
                    let k = ladder.severity(of: y)!
                    let reached = new.earliestDue + ladder.threshold(k, suspendAfter: after)
                    step(x, y, "reached on \(reached.iso)" + (y == to ? "" : ", between runs"))
                }
            } else {
                // Down: every rung between that the days no longer reach (and did at the last run).
                let oldDays = old?.days ?? 0
                var chain = [from]
                if a - 1 > b {
                    for k in ((b + 1)..<a).reversed()
                    where new.map({ ladder.threshold(k, suspendAfter: after) > $0.days }) ?? true {
                        if old != nil, let sa = ladder.rungs[k].days, sa > oldDays { continue }
                        chain.append(ladder.rungs[k].state)
                    }
                }
                chain.append(to)
                let note: String
                if let new {
                    if let old, new.earliestDue > old.earliestDue {
                        note = "earliest unpaid due date moved from \(old.earliestDue.iso) to \(new.earliestDue.iso)"
                    } else {
                        note = "days overdue fell from \(oldDays) to \(new.days)"
                    }
                } else {
                    note = "nothing overdue"
                }
                for (x, y) in zip(chain, chain.dropFirst()) { step(x, y, note) }
            }
        }
        return out
    }
}
