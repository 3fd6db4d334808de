/// Every invoice and payment of a portfolio in compact arrays, ready for allocation.
///
/// Invoices are grouped by customer (customer `c` owns positions `invoiceStart[c] ..< invoiceStart[c+1]`)
/// and, within a customer, ordered the way the allocation rule pays them: due date, then issue date,
/// then invoice id in byte order. Payments are in the order they are applied: received date, then
/// payment id in byte order (an invoice's `settled_on` is a payment with id `~settle~INVOICE`).
/// Dates are `Day.ordinal`s, amounts minor units.
public struct Ledger: Sendable {
    public var customerIds: [String] = []
    public var invoiceStart: [Int32] = [0]
    /// Invoice ids in ledger order: filled for one customer's file, left empty by the bulk loader
    /// of the whole portfolio (reports over it need amounts and dates only).
    public var invoiceIds: [String] = []
    public var invoiceIssued: [Int32] = []
    public var invoiceDue: [Int32] = []
    public var invoiceAmount: [Int64] = []
    /// Disputes holding an invoice's amount out of dunning, late fees, the queue and the overdue
    /// ladder, by invoice position (few invoices have one). Read them through `heldAmount(_:on:open:)`
    /// and `isHeld(_:on:)`.
    public var invoiceHolds: [Int32: [Hold]] = [:]
    public var paymentCustomer: [Int32] = []
    public var paymentDay: [Int32] = []
    public var paymentAmount: [Int64] = []
    /// Position of the invoice the payment names, or -1.
    public var paymentTarget: [Int32] = []
    /// True for a payment held as unapplied cash (imported with matching, matched to nothing): it is
    /// not allocated; only what is applied to it by hand (`paymentManual`) pays invoices.
    public var paymentHeld: [Bool] = []
    /// Applications made by hand (`payment apply`), by payment position: they come first, at the
    /// payment's day, before the payment's own rule.
    public var paymentManual: [Int32: [(invoice: Int32, amount: Int64)]] = [:]
    /// True for an entry that is not cash: the one closing an invoice restructured into a plan, a
    /// write-off's, a dispute's credit note (histories of paying, like the forecast's, leave them out).
    public var paymentIsRestructuring: [Bool] = []
    /// The contract (or plan) of each invoice, as an index into `contractIds`, or -1.
    public var invoiceContract: [Int32] = []
    public var contractIds: [String] = []
    /// The plan a payment is made toward (an index into `planObligations`), or -1.
    public var paymentPlan: [Int32] = []
    /// For each plan, the positions of its rows (as invoices) in due order: a payment toward the plan
    /// pays them oldest first before anything else.
    public var planObligations: [[Int32]] = []
    /// Payment ids in application order: filled by `init(customers:invoices:payments:)` (one
    /// customer's file), left empty by bulk loaders that do not need them.
    public var paymentIds: [String] = []

    public init() {}

    public var customerCount: Int { customerIds.count }
    public var invoiceCount: Int { invoiceAmount.count }

    /// Builds the ledger from records in any order (sorting them as the rule requires).
    ///
    /// Invoices and payments of customers not in `customers` are ignored; a payment naming an
    /// unknown invoice is allocated as if it named none.
    public init(
        customers: [String], invoices: [Invoice], payments: [Payment],
        manual: [(payment: String, invoice: String, amount: Money)] = []
    ) {
        let ids = customers.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var index: [String: Int32] = [:]
        for (i, id) in ids.enumerated() { index[id] = Int32(i) }
        customerIds = ids
        let sorted = invoices.filter { index[$0.customerId] != nil }.sorted { a, b in
            let ca = index[a.customerId]!, cb = index[b.customerId]!
            if ca != cb { return ca < cb }
            if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
            if a.issuedOn != b.issuedOn { return a.issuedOn < b.issuedOn }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var position: [String: Int32] = [:]
        var starts = [Int32](repeating: 0, count: ids.count + 1)
        var contractIndex: [String: Int32] = [:]
        for (i, inv) in sorted.enumerated() {
            var contract: Int32 = -1
            if let k = inv.contractId {
                if let c = contractIndex[k] {
                    contract = c
                } else {
                    contract = Int32(contractIds.count); contractIndex[k] = contract; contractIds.append(k)
                }
            }
            appendInvoice(
                id: inv.id, issued: inv.issuedOn, due: inv.dueOn, amount: inv.amount, disputed: inv.disputed,
                contract: contract)
            position[inv.id] = Int32(i)
            starts[Int(index[inv.customerId]!) + 1] += 1
        }
        for c in 0..<ids.count { starts[c + 1] += starts[c] }
        invoiceStart = starts
        let all = (payments + invoices.compactMap(Payment.settlement(of:))).filter { index[$0.customerId] != nil }
        var planIndex: [String: Int32] = [:]
        for p in all.sorted(by: { a, b in
            a.receivedOn != b.receivedOn ? a.receivedOn < b.receivedOn : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }) {
            var plan: Int32 = -1
            if let planId = p.planId {
                if let k = planIndex[planId] {
                    plan = k
                } else {
                    plan = Int32(planObligations.count); planIndex[planId] = plan
                    planObligations.append(
                        sorted.indices.filter { sorted[$0].contractId == planId && sorted[$0].isPlanObligation }.map {
                            Int32($0)
                        })
                }
            }
            appendPayment(
                customer: index[p.customerId]!, day: p.receivedOn, amount: p.amount,
                target: p.invoiceId.flatMap { position[$0] } ?? -1, plan: plan, restructuring: p.isNonCash, held: p.held
            )
            paymentIds.append(p.id)
        }
        if !manual.isEmpty {
            let paymentPosition = Dictionary(uniqueKeysWithValues: paymentIds.enumerated().map { ($1, Int32($0)) })
            for m in manual {
                guard let p = paymentPosition[m.payment], let i = position[m.invoice] else { continue }
                paymentManual[p, default: []].append((i, m.amount.minorUnits))
            }
        }
    }

    /// Appends an invoice; the caller keeps the order documented on `Ledger` and `invoiceStart`.
    /// A nil id keeps `invoiceIds` empty (bulk loads). `contract` indexes `contractIds` (or is -1).
    /// `disputed` (an import's `disputed=yes`) holds the whole invoice from its issue date until the
    /// dispute it stands for is resolved.
    public mutating func appendInvoice(
        id: String?, issued: Day, due: Day, amount: Money, disputed: Bool, contract: Int32 = -1
    ) {
        if let id { invoiceIds.append(id) }
        if disputed {
            invoiceHolds[Int32(invoiceAmount.count), default: []].append(
                Hold(from: issued.ordinal, until: .max, amount: 0))
        }
        invoiceContract.append(contract)
        invoiceIssued.append(issued.ordinal)
        invoiceDue.append(due.ordinal)
        invoiceAmount.append(amount.minorUnits)
    }

    /// A dispute's hold on an invoice: from `from` (a day ordinal) up to but not including `until`
    /// (`Int32.max` while open), of `amount` minor units (0: whatever is open on the invoice).
    public struct Hold: Sendable, Hashable {
        public var from: Int32, until: Int32, amount: Int64
        public init(from: Int32, until: Int32, amount: Int64) {
            self.from = from; self.until = until; self.amount = amount
        }
        public func covers(_ day: Int32) -> Bool { from <= day && day < until }
    }

    /// Adds disputes' holds, each on the invoice it names (by id; needs `invoiceIds`). A dispute that
    /// an import's flag stands for replaces that flag's hold.
    public mutating func addHolds(_ disputes: [Dispute]) {
        guard !disputes.isEmpty else { return }
        let position = Dictionary(invoiceIds.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for d in disputes { if let i = position[d.invoiceId] { addHold(d, at: i) } }
    }

    /// Adds one dispute's hold on the invoice at position `i`.
    public mutating func addHold(_ d: Dispute, at i: Int32) {
        if d.isImported {
            invoiceHolds[i]?.removeAll { $0.until == .max && $0.amount == 0 && $0.from == invoiceIssued[Int(i)] }
        }
        invoiceHolds[i, default: []].append(d.hold)
    }

    /// The part of `open` held out by disputes on `day` (minor units, at most `open`).
    @inline(__always)
    public func heldAmount(_ i: Int, on day: Int32, open: Int64) -> Int64 {
        guard !invoiceHolds.isEmpty, let holds = invoiceHolds[Int32(i)] else { return 0 }
        var held: Int64 = 0
        for h in holds where h.covers(day) {
            if h.amount == 0 { return open }
            held += h.amount
        }
        return min(open, held)
    }

    /// True when a dispute holds part or all of invoice `i` on `day`.
    @inline(__always)
    public func isHeld(_ i: Int, on day: Int32) -> Bool {
        guard !invoiceHolds.isEmpty, let holds = invoiceHolds[Int32(i)] else { return false }
        return holds.contains { $0.covers(day) }
    }

    /// The holds on invoice `i`, in the order added.
    public func holds(_ i: Int) -> [Hold] { invoiceHolds[Int32(i)] ?? [] }

    /// Sets every payment at once, in application order (a bulk load; the ledger has none yet): the
    /// columns of `appendPayment`, each of the same length.
    public mutating func setPayments(
        customer: [Int32], day: [Int32], amount: [Int64], target: [Int32], plan: [Int32],
        restructuring: [Bool], held: [Bool]
    ) {
        let n = customer.count
        precondition(paymentDay.isEmpty && day.count == n && amount.count == n && target.count == n)
        precondition(plan.count == n && restructuring.count == n && held.count == n)
        paymentCustomer = customer; paymentDay = day; paymentAmount = amount; paymentTarget = target; paymentPlan = plan
        paymentIsRestructuring = restructuring; paymentHeld = held
    }

    /// Makes room for this many more invoices (a bulk load knows its count; its payments come at once,
    /// `setPayments`).
    public mutating func reserve(invoices: Int) {
        invoiceContract.reserveCapacity(invoiceContract.count + invoices);
        invoiceIssued.reserveCapacity(invoiceIssued.count + invoices)
        invoiceDue.reserveCapacity(invoiceDue.count + invoices);
        invoiceAmount.reserveCapacity(invoiceAmount.count + invoices)
    }

    /// Appends a payment; the caller keeps payments in application order. `plan` indexes
    /// `planObligations` (or is -1).
    public mutating func appendPayment(
        customer: Int32, day: Day, amount: Money, target: Int32, plan: Int32 = -1, restructuring: Bool = false,
        held: Bool = false
    ) {
        paymentIsRestructuring.append(restructuring)
        paymentHeld.append(held)
        paymentCustomer.append(customer)
        paymentDay.append(day.ordinal)
        paymentAmount.append(amount.minorUnits)
        paymentTarget.append(target)
        paymentPlan.append(plan)
    }

    /// Applies the payments received on or before `asOf` by the rule of the workspace CSV spec.
    ///
    /// A payment first pays the invoice it names, up to that invoice's open amount (or, made toward a
    /// plan, the plan's rows oldest due first, whatever their issue date); the rest pays the
    /// customer's open invoices issued on or before the payment date, oldest due first; what is left
    /// is unapplied credit. Pass `record: true` to keep every application (for one customer's file).
    public func allocate(asOf: Day, record: Bool = false) -> Allocation {
        var open = invoiceAmount
        var unapplied = [Int64](repeating: 0, count: customerCount)
        var applications: [Allocation.Application] = []
        // First invoice of each customer that may still be open: paid invoices never reopen.
        var firstOpen = Array(invoiceStart.dropLast())
        for p in 0..<paymentDay.count {
            let day = paymentDay[p]
            if day > asOf.ordinal { break }
            var amount = paymentAmount[p]
            if let manual = paymentManual[Int32(p)] {
                for m in manual where amount > 0 && open[Int(m.invoice)] > 0 {
                    let take = min(amount, m.amount, open[Int(m.invoice)])
                    open[Int(m.invoice)] -= take; amount -= take
                    if record { applications.append(.init(payment: Int32(p), invoice: m.invoice, amount: take)) }
                }
            }
            if paymentHeld[p] { unapplied[Int(paymentCustomer[p])] += amount; continue }
            let target = Int(paymentTarget[p])
            if target >= 0 && open[target] > 0 {
                let take = min(amount, open[target])
                open[target] -= take; amount -= take
                if record { applications.append(.init(payment: Int32(p), invoice: Int32(target), amount: take)) }
            }
            let plan = Int(paymentPlan[p])
            if plan >= 0 {
                for i in planObligations[plan] where amount > 0 && open[Int(i)] > 0 {
                    let take = min(amount, open[Int(i)])
                    open[Int(i)] -= take; amount -= take
                    if record { applications.append(.init(payment: Int32(p), invoice: i, amount: take)) }
                }
            }
            let c = Int(paymentCustomer[p])
            if amount > 0 {
                var i = Int(firstOpen[c])
                let end = Int(invoiceStart[c + 1])
                while i < end && open[i] == 0 { i += 1 }
                firstOpen[c] = Int32(i)
                while i < end && amount > 0 {
                    if open[i] > 0 && invoiceIssued[i] <= day {
                        let take = min(amount, open[i])
                        open[i] -= take; amount -= take
                        if record { applications.append(.init(payment: Int32(p), invoice: Int32(i), amount: take)) }
                    }
                    i += 1
                }
            }
            unapplied[c] += amount
        }
        return Allocation(asOf: asOf, open: open, unapplied: unapplied, applications: applications)
    }
}

/// The outcome of applying payments as of a day.
public struct Allocation: Sendable {
    public struct Application: Sendable, Hashable {
        /// Positions in the ledger's payment and invoice arrays.
        public var payment: Int32, invoice: Int32
        public var amount: Int64
    }
    public var asOf: Day
    /// Open amount of every invoice (minor units), counting only payments on or before `asOf`.
    /// An invoice issued after `asOf` still shows its full amount: balances skip it.
    public var open: [Int64]
    /// Unapplied credit per customer.
    public var unapplied: [Int64]
    public var applications: [Application]
}

/// What one customer owes as of a day.
public struct Balance: Sendable, Hashable {
    /// Open amount of invoices issued on or before the day.
    public var open = Money.zero
    /// The part of `open` past its due date (due before the day).
    public var overdue = Money.zero
    /// Days the oldest overdue open invoice is past due; 0 when nothing is overdue.
    public var maxDaysOverdue = 0
    /// The part of `open` held by disputes open on the day.
    public var disputed = Money.zero
    /// Payments not applied to any invoice.
    public var unapplied = Money.zero
    public var openInvoices = 0

    public init() {}
}

extension Ledger {
    /// Every customer's balance as of the allocation's day, in `customerIds` order.
    public func balances(_ allocation: Allocation) -> [Balance] {
        let asOf = allocation.asOf.ordinal
        var out = [Balance](repeating: Balance(), count: customerCount)
        for c in 0..<customerCount {
            var b = Balance()
            b.unapplied = Money(minorUnits: allocation.unapplied[c])
            for i in Int(invoiceStart[c])..<Int(invoiceStart[c + 1]) {
                let open = allocation.open[i]
                guard open > 0, invoiceIssued[i] <= asOf else { continue }
                b.open.minorUnits += open
                b.openInvoices += 1
                b.disputed.minorUnits += heldAmount(i, on: asOf, open: open)
                let late = Int(asOf - invoiceDue[i])
                if late > 0 {
                    b.overdue.minorUnits += open
                    b.maxDaysOverdue = max(b.maxDaysOverdue, late)
                }
            }
            out[c] = b
        }
        return out
    }
}
