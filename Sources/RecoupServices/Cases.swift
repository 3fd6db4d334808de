import RecoupCore
import RecoupStore

/// The call and what comes of it: contacts, promises to pay, disputes, complaints, legal cases and
/// write-offs, written as typed changes; and the readings every engine takes from them (promise
/// standings, the limitation watch, the customer's timeline).
public struct CaseBook: Sendable {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    var books: any WorkspaceStore { context.books }

    /// Applies one case change and returns the id it took.
    @discardableResult public func record(_ change: BookChange) throws -> String {
        try books.perform(change, context: context.change).id
    }

    // MARK: Contacts

    /// Logs a contact. On `context.asOf` (a call made now) the policy's calling hours apply to live
    /// channels: `minuteOfDay` is the clock's minute, checked against `contact.hours` unless forced.
    public func logContact(_ contact: Contact, minuteOfDay: Int?) throws -> String {
        if contact.forcedReason == nil, contact.direction == .out, contact.channel.isLive, let m = minuteOfDay,
            let hours = Policy.hours(context.policy["contact.hours"]), m < hours.from || m > hours.to
        {
            let hh = String(format2: m / 60) + ":" + String(format2: m % 60)
            throw ServiceError(
                "\(hh) is outside the calling hours \(context.policy["contact.hours"]) (contact.hours)",
                hint: "collectors do not call out of hours; add --force REASON if the customer asked for this time")
        }
        return try record(.contactLogged(contact))
    }

    // MARK: Promises

    /// Every promise (one customer's, or all) with its standing as of the context's day.
    public func promiseStandings(customer: String?, ledger: Ledger) throws -> [PromiseStanding] {
        Self.standings(
            try books.promises(customer: customer), ledger: ledger, policy: context.policy, asOf: context.asOf)
    }

    /// The standings of `promises` over a ledger that holds their customers' payments.
    public static func standings(_ promises: [Promise], ledger: Ledger, policy: Policy, asOf: Day) -> [PromiseStanding]
    {
        guard !promises.isEmpty else { return [] }
        let rule = PromiseRule(policy: policy)
        let position = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
        let byCustomer = Dictionary(grouping: promises, by: \.customerId)
        let cash = byCustomer.count > 8 ? ledger.cashPaymentsByCustomer() : [:]
        var out: [PromiseStanding] = []
        for id in byCustomer.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let c = position[id]
            let payments = c.map { byCustomer.count > 8 ? cash[$0] ?? [] : ledger.cashPayments(customer: $0) } ?? []
            out += rule.standings(byCustomer[id]!, payments: payments, asOf: asOf)
        }
        return out
    }

    /// The promises decided (kept or broken) by the context's day that `promise check` has not
    /// recorded yet; recording them journals one change.
    public func checkPromises(ledger: Ledger, record: Bool) throws -> [PromiseStanding] {
        let records = try books.caseRecords(customer: nil)
        let standings = Self.standings(records.promises, ledger: ledger, policy: context.policy, asOf: context.asOf)
        let fresh = standings.filter {
            ($0.status == .kept || $0.status == .broken) && records.recordedDecisions[$0.promise.id] == nil
        }
        if record && !fresh.isEmpty {
            try self.record(
                .promisesDecided(
                    fresh.map {
                        PromiseDecision(
                            promiseId: $0.promise.id, customerId: $0.promise.customerId, status: $0.status,
                            on: $0.decidedOn ?? context.asOf, paid: $0.paid)
                    }))
        }
        return fresh
    }

    // MARK: The limitation period

    /// One claim's limitation standing: an invoice, or an installment plan (one claim from its last
    /// installment, CC 189).
    public struct Claim: Sendable, Hashable {
        public var customerId: String
        /// The invoice's id, or the plan's.
        public var claim: String
        public var isPlan: Bool
        /// What is open on it as of the day.
        public var open: Money
        public var standing: LimitationStanding
    }

    /// Every open claim's standing as of the context's day (one customer's, or all), from a ledger
    /// with invoice ids (`ledgerWithInvoiceIds`, or one customer's).
    ///
    /// The events: demands delivered and acknowledgements recorded with contacts, promises made,
    /// part payments of the claim (cash applied to it), the plan accepted (for a plan's claim), and
    /// legal steps (a letter once delivered; mediation, payment order, preservation, suit,
    /// enforcement on their day). A contact, promise or case that names no invoices concerns every
    /// claim of the customer open on its day; one naming an invoice restructured into a plan
    /// concerns the plan.
    public func claims(_ ledger: Ledger, customer: String? = nil) throws -> [Claim] {
        let asOf = context.asOf
        let records = try books.caseRecords(customer: customer)
        let plans = try books.plans(customer: customer)
        let calendar = context.policy.limitationCalendar
        let alloc = ledger.allocate(asOf: asOf, record: true)
        let n = ledger.invoiceCount
        // The day each invoice closed (any entry, cash or not), and its part payments (cash only).
        var closedOn = [Int32](repeating: .max, count: n)
        var left = ledger.invoiceAmount
        var paidDays: [Int: [Day]] = [:]
        for a in alloc.applications {
            let i = Int(a.invoice), day = ledger.paymentDay[Int(a.payment)]
            left[i] -= a.amount
            if left[i] <= 0 && closedOn[i] == .max { closedOn[i] = day }
            if !ledger.paymentIsRestructuring[Int(a.payment)] { paidDays[i, default: []].append(Day(ordinal: day)) }
        }
        // Claims: invoices, and plans (their rows together).
        var planOf: [String: String] = [:]  // restructured invoice -> plan
        for p in plans { for inv in p.invoices { planOf[inv.id] = p.id } }
        let planIds = Set(plans.map(\.id))
        struct Work {
            var customer: Int
            var claim: String
            var isPlan: Bool
            var start: Int32
            var open: Int64
            var issued: Int32
            var closed: Int32
            var events: [LimitationEvent] = []
        }
        var work: [Work] = []
        var index: [String: Int] = [:]
        var byCustomer: [Int: [Int]] = [:]
        for c in 0..<ledger.customerCount {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                guard ledger.invoiceIssued[i] <= asOf.ordinal, i < ledger.invoiceIds.count else { continue }
                let id = ledger.invoiceIds[i]
                let k = ledger.invoiceContract[i]
                var plan: String?
                if k >= 0, planIds.contains(ledger.contractIds[Int(k)]), id.hasPrefix(ledger.contractIds[Int(k)] + "#")
                {
                    plan = ledger.contractIds[Int(k)]
                }
                let key: String = plan ?? id
                let open = max(0, alloc.open[i])
                if let w = index[key] {
                    work[w].start = max(work[w].start, ledger.invoiceDue[i])
                    work[w].open += open
                    work[w].closed =
                        work[w].closed == .max || closedOn[i] == .max ? .max : max(work[w].closed, closedOn[i])
                } else {
                    index[key] = work.count
                    byCustomer[c, default: []].append(work.count)
                    work.append(
                        Work(
                            customer: c, claim: key, isPlan: plan != nil, start: ledger.invoiceDue[i], open: open,
                            issued: ledger.invoiceIssued[i], closed: closedOn[i]))
                }
                for d in paidDays[i] ?? [] {
                    work[index[key]!].events.append(LimitationEvent(day: d, kind: .partPayment, note: "part payment"))
                }
            }
        }
        let position = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
        /// The claims an event concerns: the ones named (a restructured invoice's plan), else every
        /// claim of the customer open on the day.
        func targets(_ customer: String, _ named: [String], on day: Day) -> [Int] {
            guard let c = position[customer] else { return [] }
            if !named.isEmpty { return Array(Set(named.compactMap { index[planOf[$0] ?? $0] })) }
            return (byCustomer[c] ?? []).filter { work[$0].issued <= day.ordinal && work[$0].closed > day.ordinal }
        }
        func add(_ event: LimitationEvent, _ customer: String, _ named: [String]) {
            for w in targets(customer, named, on: event.day) { work[w].events.append(event) }
        }
        for c in records.contacts {
            if c.demand, let d = c.deliveredOn {
                add(
                    LimitationEvent(day: d, kind: .demand, note: "demand \(c.id) delivered"), c.customerId, c.invoiceIds
                )
            }
            if c.acknowledged {
                add(
                    LimitationEvent(day: c.on, kind: .acknowledgement, note: "debt acknowledged (\(c.id))"),
                    c.customerId, c.invoiceIds)
            }
        }
        for p in records.promises {
            add(LimitationEvent(day: p.madeOn, kind: .promise, note: "promise \(p.id)"), p.customerId, p.invoiceIds)
        }
        for p in plans {
            if let w = index[p.id] {
                work[w].events.append(LimitationEvent(day: p.createdOn, kind: .plan, note: "plan \(p.id) accepted"))
            }
        }
        for k in records.legalCases {
            for s in k.steps {
                guard let day = s.interruptsOn, let kind = s.step.interruption else { continue }
                add(
                    LimitationEvent(day: day, kind: kind, note: "case \(k.id): \(s.step.rawValue)"), k.customerId,
                    k.invoiceIds)
            }
        }
        var out: [Claim] = []
        for w in work where w.open > 0 {
            let standing = Limitation.standing(
                start: Day(ordinal: w.start), events: w.events.sorted { $0.day < $1.day }, asOf: asOf,
                calendar: calendar)
            out.append(
                Claim(
                    customerId: ledger.customerIds[w.customer], claim: w.claim, isPlan: w.isPlan,
                    open: Money(minorUnits: w.open), standing: standing))
        }
        return out
    }

    // MARK: Write-offs

    /// What was written off (one customer's, or all) with what has come in since: money received
    /// after a write-off that no open invoice took (unapplied credit) is counted as its recovery, up
    /// to the amount written off, oldest write-off first.
    public func writeOffs(customer: String?, ledger: Ledger) throws -> [(writeOff: WriteOff, recovered: Money)] {
        let records = try books.caseRecords(customer: customer)
        guard !records.writeOffs.isEmpty else { return [] }
        let alloc = ledger.allocate(asOf: context.asOf)
        let position = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
        var credit: [String: Int64] = [:]
        for (id, c) in position { credit[id] = alloc.unapplied[c] }
        var out: [(writeOff: WriteOff, recovered: Money)] = []
        for w in records.writeOffs.sorted(by: { ($0.on, $0.id) < ($1.on, $1.id) }) where w.on <= context.asOf {
            let take = min(credit[w.customerId] ?? 0, w.amount.minorUnits)
            credit[w.customerId, default: 0] -= take
            out.append((w, Money(minorUnits: max(0, take))))
        }
        return out
    }
}

extension CaseBook {
    /// One dated event of a customer's timeline.
    public struct Event: Sendable, Hashable {
        public var day: Day
        public var kind: String
        public var id: String
        public var text: String
    }

    /// Every event of a customer's case by day: invoices issued, payments, plans, contacts,
    /// promises (made, decided, cancelled), disputes, complaints, legal steps and write-offs.
    public func timeline(_ c: Customer) throws -> [Event] {
        let asOf = context.asOf
        var out: [Event] = []
        for i in try books.invoices(customer: c.id) {
            out.append(
                Event(
                    day: i.issuedOn, kind: "invoice", id: i.id, text: "invoice \(i.amount) issued, due \(i.dueOn.iso)"))
        }
        for p in try books.payments(customer: c.id) {
            out.append(
                Event(
                    day: p.receivedOn, kind: "payment", id: p.id,
                    text:
                        "payment \(p.amount)\(p.invoiceId.map { " for \($0)" } ?? "")\(p.method.map { " by \($0)" } ?? "")"
                ))
        }
        for p in try books.plans(customer: c.id) {
            out.append(
                Event(
                    day: p.createdOn, kind: "plan", id: p.id,
                    text:
                        "plan of \(p.financed) over \(p.installments.count) rows, restructuring \(p.invoices.map(\.id).joined(separator: " "))"
                ))
        }
        let r = try books.caseRecords(customer: c.id)
        for k in r.contacts {
            var t =
                "\(k.channel.rawValue) \(k.direction.rawValue)\(k.person.map { " with \($0)" } ?? "")\(k.outcome.map { ": \($0)" } ?? "")"
            if k.demand { t += k.deliveredOn.map { "; demand delivered \($0.iso)" } ?? "; demand, not delivered" }
            if k.acknowledged { t += "; debt acknowledged" }
            if let n = k.note { t += " (\(n))" }
            out.append(Event(day: k.on, kind: "contact", id: k.id, text: t))
        }
        let ledger = try books.ledger(customer: c)
        for s in Self.standings(r.promises, ledger: ledger, policy: context.policy, asOf: asOf) {
            let p = s.promise
            out.append(
                Event(day: p.madeOn, kind: "promise", id: p.id, text: "promised \(p.amount) by \(p.promisedOn.iso)"))
            if let d = s.decidedOn, s.status != .pending {
                let why = s.status == .cancelled ? ": \(p.cancelReason ?? "")" : ", \(s.paid) of \(s.needed) needed"
                out.append(Event(day: d, kind: "promise", id: p.id, text: "promise \(s.status.rawValue)\(why)"))
            }
        }
        for d in r.disputes {
            out.append(
                Event(
                    day: d.openedOn, kind: "dispute", id: d.id,
                    text:
                        "dispute on \(d.invoiceId) (\(d.reason.rawValue)), \(d.amount.map { "\($0)" } ?? "all of it")\(d.note.map { ": \($0)" } ?? "")"
                ))
            if let x = d.resolvedOn {
                out.append(
                    Event(
                        day: x, kind: "dispute", id: d.id,
                        text:
                            "dispute resolved \(d.outcome?.rawValue ?? "")\(d.credit.map { ", credit note \($0)" } ?? "")\(d.resolution.map { ": \($0)" } ?? "")"
                    ))
            }
        }
        for k in r.complaints {
            out.append(
                Event(day: k.receivedOn, kind: "complaint", id: k.id, text: "complaint (\(k.tier.rawValue)): \(k.note)")
            )
            if let x = k.resolvedOn {
                out.append(
                    Event(day: x, kind: "complaint", id: k.id, text: "complaint resolved: \(k.resolution ?? "")"))
            }
        }
        for k in r.legalCases {
            out.append(Event(day: k.openedOn, kind: "legal", id: k.id, text: "legal case opened"))
            for e in k.steps {
                out.append(
                    Event(
                        day: e.on, kind: "legal", id: k.id,
                        text:
                            "\(e.step.rawValue)\(e.court.map { " at \($0)" } ?? "")\(e.deliveredOn.map { ", delivered \($0.iso)" } ?? "")\(e.note.map { ": \($0)" } ?? "")"
                    ))
            }
        }
        for w in r.writeOffs {
            out.append(Event(day: w.on, kind: "writeoff", id: w.id, text: "written off \(w.amount): \(w.reason)"))
        }
        for a in try books.assignments(customer: c.id) {
            guard let day = Day(String(a.at.prefix(10))) else { continue }
            out.append(
                Event(
                    day: day, kind: "assignment", id: a.agent,
                    text: "assigned to \(a.agent)\(a.previous.map { " (was \($0))" } ?? "") by \(a.by)"))
        }
        for k in try books.corrections(customer: c.id) {
            out.append(Event(day: k.on, kind: "correction", id: k.target, text: "\(k.kind) by \(k.by): \(k.reason)"))
        }
        return out.filter { $0.day <= asOf }.enumerated().sorted { a, b in
            a.element.day != b.element.day ? a.element.day < b.element.day : a.offset < b.offset
        }.map(\.element)
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : String(v) }
}
