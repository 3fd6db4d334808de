import Foundation
import RecoupCore
import RecoupStore

/// The case timeline: contacts, promises, disputes, complaints, legal cases and write-offs, read and
/// written. Every check a change depends on is read in the transaction that applies it.
extension Workspace {
    // MARK: Reading

    public func caseRecords(customer: String?) throws(StoreError) -> CaseRecords {
        try read { db in try Self.caseRecords(db, customer: customer) }
    }

    public func promises(customer: String?) throws(StoreError) -> [Promise] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM promise\(customer == nil ? "" : " WHERE customer_id = ?") ORDER BY made_on, id",
                arguments: customer.map { [$0] } ?? []
            ).map(Self.promise)
        }
    }

    static func caseRecords(_ db: Database, customer: String?) throws -> CaseRecords {
        let only = customer.map { _ in " WHERE customer_id = ?" } ?? ""
        let args: StatementArguments = customer.map { [$0] } ?? []
        var out = CaseRecords()
        out.contacts = try Row.fetchAll(db, sql: "SELECT * FROM contact\(only) ORDER BY on_day, id", arguments: args)
            .map(contact)
        let promiseRows = try Row.fetchAll(
            db, sql: "SELECT * FROM promise\(only) ORDER BY made_on, id", arguments: args)
        out.promises = promiseRows.map(promise)
        for r in promiseRows {
            if let s = r["decided"] as String?, let d = day(r["decided_on"] as String?) {
                out.recordedDecisions[r["id"] as String] = (s, d)
            }
        }
        out.disputes = try disputes(db, customer: customer)
        out.complaints = try Row.fetchAll(
            db, sql: "SELECT * FROM complaint\(only) ORDER BY received_on, id", arguments: args
        ).map(complaint)
        var cases = try Row.fetchAll(db, sql: "SELECT * FROM legal_case\(only) ORDER BY id", arguments: args).map {
            LegalCase(
                id: $0["id"], customerId: $0["customer_id"], contractId: $0["contract_id"],
                invoiceIds: ids($0["invoices"]), openedOn: day($0["opened_on"] as String))
        }
        if !cases.isEmpty {
            let position = Dictionary(uniqueKeysWithValues: cases.enumerated().map { ($1.id, $0) })
            for r in try Row.fetchAll(db, sql: "SELECT * FROM legal_step ORDER BY case_id, seq") {
                guard let k = position[r["case_id"] as String], let step = LegalCase.Step(rawValue: r["step"]) else {
                    continue
                }
                cases[k].steps.append(
                    LegalCase.Entry(
                        step: step, on: day(r["on_day"] as String), note: r["note"], court: r["court"],
                        deliveredOn: day(r["delivered_on"] as String?)))
            }
        }
        out.legalCases = cases
        var writeOffs: [WriteOff] = []
        for r in try Row.fetchAll(
            db,
            sql:
                "SELECT * FROM writeoff\(only.isEmpty ? " WHERE" : only + " AND") reversed_at IS NULL ORDER BY id, due_on, invoice_id",
            arguments: args)
        {
            let part = WriteOff.InvoicePart(
                invoiceId: r["invoice_id"], amount: Money(minorUnits: r["amount"]), dueOn: day(r["due_on"] as String))
            if writeOffs.last?.id == (r["id"] as String) {
                writeOffs[writeOffs.count - 1].parts.append(part)
            } else {
                writeOffs.append(
                    WriteOff(
                        id: r["id"], customerId: r["customer_id"], parts: [part], on: day(r["on_day"] as String),
                        reason: r["reason"], evidence: r["evidence"], revenue: money(r["revenue"])))
            }
        }
        out.writeOffs = writeOffs
        return out
    }

    /// Disputes, with the ones an import's `disputed=yes` stands for (id `D-` + the invoice, open from
    /// the issue date) among them.
    static func disputes(_ db: Database, customer: String?) throws -> [Dispute] {
        let only = customer.map { _ in " WHERE customer_id = ?" } ?? ""
        let args: StatementArguments = customer.map { [$0] } ?? []
        var out = try Row.fetchAll(db, sql: "SELECT * FROM dispute\(only)", arguments: args).map(dispute)
        out += try Row.fetchAll(
            db,
            sql:
                "SELECT id, customer_id, issued_on FROM invoice\(only.isEmpty ? " WHERE" : only + " AND") disputed = 1",
            arguments: args
        ).map {
            Dispute(
                id: Dispute.importedPrefix + ($0["id"] as String), invoiceId: $0["id"], customerId: $0["customer_id"],
                reason: .invoice, openedOn: day($0["issued_on"] as String), note: "imported as disputed")
        }
        return out.sorted {
            $0.openedOn != $1.openedOn ? $0.openedOn < $1.openedOn : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8)
        }
    }

    /// The entries that are not cash but close what they name: credit notes of valid disputes and
    /// write-offs, as payments (for one customer's ledger).
    static func nonCashEntries(_ db: Database, customer: String) throws -> [Payment] {
        var out: [Payment] = []
        for r in try Row.fetchAll(
            db,
            sql: "SELECT id, invoice_id, resolved_on, credit FROM dispute WHERE customer_id = ? AND credit IS NOT NULL",
            arguments: [customer])
        {
            out.append(
                Payment(
                    id: Dispute.creditPrefix + (r["id"] as String), customerId: customer,
                    receivedOn: day(r["resolved_on"] as String), amount: Money(minorUnits: r["credit"]),
                    invoiceId: r["invoice_id"], method: "credit note", reference: r["id"]))
        }
        for r in try Row.fetchAll(
            db,
            sql: "SELECT id, invoice_id, on_day, amount FROM writeoff WHERE customer_id = ? AND reversed_at IS NULL",
            arguments: [customer])
        {
            out.append(
                Payment(
                    id: WriteOff.entryPrefix + (r["id"] as String) + "~" + (r["invoice_id"] as String),
                    customerId: customer, receivedOn: day(r["on_day"] as String),
                    amount: Money(minorUnits: r["amount"]), invoiceId: r["invoice_id"], method: "written off",
                    reference: r["id"]))
        }
        return out
    }

    static func ids(_ text: String?) -> [String] { (text ?? "").split(separator: " ").map(String.init) }

    static func contact(_ r: Row) -> Contact {
        Contact(
            id: r["id"], customerId: r["customer_id"], on: day(r["on_day"] as String),
            channel: Contact.Channel(rawValue: r["channel"]) ?? .phone,
            direction: Contact.Direction(rawValue: r["direction"]) ?? .out, person: r["person"],
            outcome: r["outcome"], note: r["note"], invoiceIds: ids(r["invoices"]), demand: (r["demand"] as Int) != 0,
            deliveredOn: day(r["delivered_on"] as String?), proof: r["proof"],
            acknowledged: (r["acknowledged"] as Int) != 0, forcedReason: r["forced_reason"], loggedBy: r["operator"])
    }

    static func promise(_ r: Row) -> Promise {
        var p = Promise(
            id: r["id"], customerId: r["customer_id"], amount: Money(minorUnits: r["amount"]),
            madeOn: day(r["made_on"] as String), promisedOn: day(r["promised_on"] as String),
            invoiceIds: ids(r["invoices"]), graceDays: r["grace_days"],
            threshold: (r["threshold"] as String?).flatMap(Rate.fraction))
        p.cancelledOn = day(r["cancelled_on"] as String?)
        p.cancelReason = r["cancel_reason"]
        return p
    }

    static func dispute(_ r: Row) -> Dispute {
        Dispute(
            id: r["id"], invoiceId: r["invoice_id"], customerId: r["customer_id"], amount: money(r["amount"]),
            reason: Dispute.Reason(rawValue: r["reason"]) ?? .invoice, openedOn: day(r["opened_on"] as String),
            note: r["note"], resolvedOn: day(r["resolved_on"] as String?),
            outcome: (r["outcome"] as String?).flatMap(Dispute.Outcome.init), credit: money(r["credit"]),
            resolution: r["resolution"])
    }

    static func complaint(_ r: Row) -> Complaint {
        Complaint(
            id: r["id"], customerId: r["customer_id"], tier: ComplaintTier(rawValue: r["tier"]) ?? .simple,
            receivedOn: day(r["received_on"] as String), note: r["note"], about: r["about"],
            extendedDays: r["extended_days"], extensionReason: r["extension_reason"],
            resolvedOn: day(r["resolved_on"] as String?), resolution: r["resolution"], resolvedBy: r["resolved_by"])
    }

    // MARK: Checks shared by the changes

    /// Each id names an invoice of `customer`.
    static func requireInvoices(_ db: Database, _ ids: [String], of customer: String) throws {
        for id in ids {
            let owner = try String.fetchOne(db, sql: "SELECT customer_id FROM invoice WHERE id = ?", arguments: [id])
            guard let owner else { throw StoreError.notFound(kind: "invoice", id: id) }
            guard owner == customer else {
                throw StoreError.rule("invoice '\(id)' is \(owner)'s, not \(customer)'s")
            }
        }
    }

    // MARK: Applying

    func applyCase(_ change: BookChange, _ db: Database, _ context: ChangeContext) throws -> (ChangeOutcome, String) {
        switch change {
        case .contactLogged(var c):
            try Self.requireCustomer(db, c.customerId)
            try Self.requireInvoices(db, c.invoiceIds, of: c.customerId)
            if let d = c.deliveredOn, d < c.on {
                throw StoreError.rule("a demand cannot be delivered (\(d.iso)) before it was sent (\(c.on.iso))")
            }
            // The interval guard is against harassment: it counts live contacts we made (calls, visits,
            // messages), so a letter or an e-mail after the call is not held back by it.
            if c.forcedReason == nil && c.direction == .out && c.channel.isLive {
                let interval = try policy().count("contact.min_interval_days")
                if interval > 0,
                    let last = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT id, on_day, channel FROM contact WHERE customer_id = ? AND direction = 'out'
                            AND channel IN ('phone', 'visit', 'sms', 'wechat') AND on_day > ? AND on_day <= ? ORDER BY on_day DESC, id DESC LIMIT 1
                            """, arguments: [c.customerId, (c.on - interval).iso, c.on.iso])
                {
                    throw StoreError.rule(
                        "\(c.customerId) was contacted on \(last["on_day"] as String) (\(last["channel"] as String), \(last["id"] as String)): contact.min_interval_days is \(interval); add --force REASON to log this one anyway"
                    )
                }
            }
            if c.id.isEmpty { c.id = try Self.nextNumberedId(db, table: "contact", prefix: "K", digits: 8) }
            try db.execute(
                sql: """
                    INSERT INTO contact(id, customer_id, on_day, channel, direction, person, outcome, note, invoices,
                      demand, delivered_on, proof, acknowledged, forced_reason, at, operator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    c.id, c.customerId, c.on.iso, c.channel.rawValue, c.direction.rawValue, c.person, c.outcome, c.note,
                    c.invoiceIds.joined(separator: " "), c.demand, c.deliveredOn?.iso, c.proof, c.acknowledged,
                    c.forcedReason, context.at, context.operator,
                ])
            // Logging the contact ends the collector's `queue --take` lease on the customer.
            try db.execute(
                sql: "DELETE FROM queue_claim WHERE customer_id = ? AND agent = ?",
                arguments: [c.customerId, context.operator])
            var what = "\(c.channel.rawValue) \(c.direction.rawValue) \(c.customerId) on \(c.on.iso)"
            if c.demand { what += c.deliveredOn.map { ", demand delivered \($0.iso)" } ?? ", demand (not delivered)" }
            if c.acknowledged { what += ", debt acknowledged" }
            if let r = c.forcedReason { what += ", guard overridden: \(r)" }
            return (.id(c.id), "contact \(c.id): \(what)")

        case .promiseMade(var p):
            try Self.requireCustomer(db, p.customerId)
            try Self.requireInvoices(db, p.invoiceIds, of: p.customerId)
            guard p.amount.isPositive else { throw StoreError.rule("a promise must be a positive amount") }
            guard p.promisedOn >= p.madeOn else {
                throw StoreError.rule(
                    "a promise made on \(p.madeOn.iso) cannot be due by \(p.promisedOn.iso), a day before it")
            }
            if p.id.isEmpty { p.id = try Self.nextNumberedId(db, table: "promise", prefix: "R", digits: 8) }
            try db.execute(
                sql: """
                    INSERT INTO promise(id, customer_id, amount, made_on, promised_on, invoices, grace_days, threshold,
                      at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    p.id, p.customerId, p.amount.minorUnits, p.madeOn.iso, p.promisedOn.iso,
                    p.invoiceIds.joined(separator: " "), p.graceDays, p.threshold?.description, context.at,
                    context.operator,
                ])
            return (
                .id(p.id),
                "promise \(p.id): \(p.customerId) promised \(p.amount) by \(p.promisedOn.iso) on \(p.madeOn.iso)"
            )

        case .promiseCancelled(let id, let on, let reason):
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM promise WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "promise", id: id)
            }
            let p = Self.promise(row)
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.rule("cancelling a promise needs a reason")
            }
            let standing = try promiseStandings(customer: p.customerId, asOf: on).first { $0.promise.id == id }
            if let s = standing, s.status != .pending {
                throw StoreError.rule(
                    "promise \(id) is \(s.status.rawValue) as of \(on.iso); only a pending promise can be cancelled")
            }
            guard on >= p.madeOn else {
                throw StoreError.rule("promise \(id) was made on \(p.madeOn.iso), after \(on.iso)")
            }
            try db.execute(
                sql: "UPDATE promise SET cancelled_on = ?, cancel_reason = ? WHERE id = ?",
                arguments: [on.iso, reason, id])
            return (.id(id), "promise \(id) of \(p.customerId) cancelled on \(on.iso): \(reason)")

        case .promisesDecided(let decisions):
            for d in decisions {
                try db.execute(
                    sql:
                        "UPDATE promise SET decided = ?, decided_on = ?, decided_paid = ? WHERE id = ? AND decided IS NULL",
                    arguments: [d.status.rawValue, d.on.iso, d.paid.minorUnits, d.promiseId])
            }
            let kept = decisions.filter { $0.status == .kept }.count
            return (
                .none,
                "promises decided: \(kept) kept, \(decisions.count - kept) broken: "
                    + decisions.map { "\($0.promiseId) \($0.status.rawValue)" }.joined(separator: ", ")
            )

        case .disputeOpened(var d):
            guard let inv = try Row.fetchOne(db, sql: "SELECT * FROM invoice WHERE id = ?", arguments: [d.invoiceId])
            else {
                throw StoreError.notFound(kind: "invoice", id: d.invoiceId)
            }
            let invoice = Self.invoice(inv)
            d.customerId = invoice.customerId
            guard d.openedOn >= invoice.issuedOn else {
                throw StoreError.rule(
                    "invoice \(invoice.id) was issued on \(invoice.issuedOn.iso), after \(d.openedOn.iso)")
            }
            if let a = d.amount, a > invoice.amount || !a.isPositive {
                throw StoreError.rule(
                    "a dispute of \(a) on invoice \(invoice.id) of \(invoice.amount): the amount must be positive and at most the invoice's"
                )
            }
            let open = try Self.disputes(db, customer: invoice.customerId).filter {
                $0.invoiceId == invoice.id && $0.resolvedOn == nil
            }
            if let o = open.first {
                throw StoreError.rule(
                    "invoice \(invoice.id) already has dispute \(o.id) open since \(o.openedOn.iso); resolve it first (dispute resolve \(o.id) ...)"
                )
            }
            if d.id.isEmpty { d.id = try Self.nextNumberedId(db, table: "dispute", prefix: "D", digits: 8) }
            try db.execute(
                sql: """
                    INSERT INTO dispute(id, invoice_id, customer_id, amount, reason, opened_on, note, at, operator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    d.id, d.invoiceId, d.customerId, d.amount?.minorUnits, d.reason.rawValue, d.openedOn.iso, d.note,
                    context.at, context.operator,
                ])
            return (
                .id(d.id),
                "dispute \(d.id) on invoice \(d.invoiceId) of \(d.customerId): \(d.amount.map { "\($0)" } ?? "all of it") (\(d.reason.rawValue)) from \(d.openedOn.iso)"
            )

        case .disputeResolved(let id, let outcome, let credit, let on, let note):
            var all = try Self.disputes(db, customer: nil).filter { $0.id == id }
            guard var d = all.popLast() else { throw StoreError.notFound(kind: "dispute", id: id) }
            if let r = d.resolvedOn { throw StoreError.rule("dispute \(id) was resolved on \(r.iso)") }
            guard on >= d.openedOn else {
                throw StoreError.rule("dispute \(id) was opened on \(d.openedOn.iso), after \(on.iso)")
            }
            if let credit {
                guard outcome == .valid else {
                    throw StoreError.rule("only a valid dispute is resolved with a credit note")
                }
                guard credit.isPositive else { throw StoreError.rule("a credit note must be a positive amount") }
                let ledger = try self.ledger(customer: try self.customer(id: d.customerId)!)
                let alloc = ledger.allocate(asOf: on)
                let k = ledger.invoiceIds.firstIndex(of: d.invoiceId)
                let open = Money(minorUnits: k.map { alloc.open[$0] } ?? 0)
                let limit = min(open, d.amount ?? open)
                guard credit <= limit else {
                    throw StoreError.rule(
                        "a credit note of \(credit) on dispute \(id): at most \(limit) (\(d.amount == nil ? "open on the invoice" : "disputed and open")) on \(on.iso)"
                    )
                }
            }
            d.resolvedOn = on; d.outcome = outcome; d.credit = credit; d.resolution = note
            if d.isImported {
                try db.execute(sql: "UPDATE invoice SET disputed = 0 WHERE id = ?", arguments: [d.invoiceId])
                try db.execute(
                    sql: """
                        INSERT INTO dispute(id, invoice_id, customer_id, amount, reason, opened_on, note, at, operator)
                        VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        d.id, d.invoiceId, d.customerId, d.reason.rawValue, d.openedOn.iso, d.note, context.at,
                        context.operator,
                    ])
            }
            try db.execute(
                sql: "UPDATE dispute SET resolved_on = ?, outcome = ?, credit = ?, resolution = ? WHERE id = ?",
                arguments: [on.iso, outcome.rawValue, credit?.minorUnits, note, id])
            return (
                .id(id),
                "dispute \(id) on invoice \(d.invoiceId) resolved \(outcome.rawValue) on \(on.iso)\(credit.map { ", credit note \($0)" } ?? "")"
            )

        case .complaintOpened(var c):
            try Self.requireCustomer(db, c.customerId)
            guard !c.note.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.rule("a complaint needs a note saying what it is about")
            }
            if c.id.isEmpty { c.id = try Self.nextNumberedId(db, table: "complaint", prefix: "Q", digits: 8) }
            try db.execute(
                sql: """
                    INSERT INTO complaint(id, customer_id, tier, received_on, note, about, at, operator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    c.id, c.customerId, c.tier.rawValue, c.receivedOn.iso, c.note, c.about, context.at,
                    context.operator,
                ])
            return (
                .id(c.id), "complaint \(c.id) (\(c.tier.rawValue)) from \(c.customerId) received \(c.receivedOn.iso)"
            )

        case .complaintExtended(let id, let days, let reason):
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM complaint WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "complaint", id: id)
            }
            let c = Self.complaint(row)
            if let r = c.resolvedOn { throw StoreError.rule("complaint \(id) was resolved on \(r.iso)") }
            guard days > 0 else { throw StoreError.rule("an extension is a positive number of days") }
            let most = try policy().count("complaint.max_extension_days")
            guard c.extendedDays + days <= most else {
                throw StoreError.rule(
                    "complaint \(id) may be extended by \(most - c.extendedDays) more days at most, not \(days) (complaint.max_extension_days is \(most), \(c.extendedDays) used)"
                )
            }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.rule("an extension needs a reason")
            }
            try db.execute(
                sql: "UPDATE complaint SET extended_days = extended_days + ?, extension_reason = ? WHERE id = ?",
                arguments: [days, reason, id])
            return (.id(id), "complaint \(id) extended by \(days) days: \(reason)")

        case .complaintResolved(let id, let on, let note):
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM complaint WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "complaint", id: id)
            }
            let c = Self.complaint(row)
            if let r = c.resolvedOn { throw StoreError.rule("complaint \(id) was resolved on \(r.iso)") }
            if let about = c.about, about == context.operator {
                throw StoreError.rule("complaint \(id) is about \(about): another operator must resolve it")
            }
            guard on >= c.receivedOn else {
                throw StoreError.rule("complaint \(id) was received on \(c.receivedOn.iso), after \(on.iso)")
            }
            try db.execute(
                sql: "UPDATE complaint SET resolved_on = ?, resolution = ?, resolved_by = ? WHERE id = ?",
                arguments: [on.iso, note, context.operator, id])
            return (.id(id), "complaint \(id) resolved on \(on.iso) by \(context.operator): \(note)")

        case .legalCaseOpened(var c):
            try Self.requireCustomer(db, c.customerId)
            try Self.requireInvoices(db, c.invoiceIds, of: c.customerId)
            if let k = c.contractId {
                let owner = try String.fetchOne(
                    db, sql: "SELECT customer_id FROM contract WHERE id = ?", arguments: [k])
                guard owner == c.customerId else {
                    throw StoreError.notFound(kind: "contract of \(c.customerId)", id: k)
                }
            }
            if c.id.isEmpty { c.id = try Self.nextNumberedId(db, table: "legal_case", prefix: "L", digits: 8) }
            try db.execute(
                sql:
                    "INSERT INTO legal_case(id, customer_id, contract_id, invoices, opened_on, at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    c.id, c.customerId, c.contractId, c.invoiceIds.joined(separator: " "), c.openedOn.iso, context.at,
                    context.operator,
                ])
            return (.id(c.id), "legal case \(c.id) against \(c.customerId) opened \(c.openedOn.iso)")

        case .legalStepRecorded(let id, let e):
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM legal_case WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "legal case", id: id)
            }
            let opened = Self.day(row["opened_on"] as String)
            guard e.on >= opened else {
                throw StoreError.rule("case \(id) was opened on \(opened.iso), after \(e.on.iso)")
            }
            let last = try Row.fetchOne(
                db, sql: "SELECT step, on_day, seq FROM legal_step WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
                arguments: [id])
            if let last, (last["step"] as String) == LegalCase.Step.closed.rawValue {
                throw StoreError.rule("case \(id) was closed on \(last["on_day"] as String)")
            }
            if let last, Self.day(last["on_day"] as String) > e.on {
                throw StoreError.rule(
                    "case \(id)'s last step is dated \(last["on_day"] as String), after \(e.on.iso): steps are recorded in date order"
                )
            }
            if let d = e.deliveredOn, d < e.on {
                throw StoreError.rule("a letter cannot be delivered (\(d.iso)) before it was sent (\(e.on.iso))")
            }
            let seq = ((last?["seq"] as Int?) ?? 0) + 1
            try db.execute(
                sql:
                    "INSERT INTO legal_step(case_id, seq, step, on_day, note, court, delivered_on, at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, seq, e.step.rawValue, e.on.iso, e.note, e.court, e.deliveredOn?.iso, context.at,
                    context.operator,
                ])
            return (.id(id), "case \(id): \(e.step.rawValue) on \(e.on.iso)\(e.court.map { " at \($0)" } ?? "")")

        case .writtenOff(var w):
            guard let customer = try self.customer(id: w.customerId) else {
                throw StoreError.notFound(kind: "customer", id: w.customerId)
            }
            let reason = w.reason.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw StoreError.rule("a write-off needs a reason") }
            if let i = w.invoiceId { try Self.requireInvoices(db, [i], of: w.customerId) }
            let ledger = try self.ledger(customer: customer)
            let real = Set(
                try String.fetchAll(db, sql: "SELECT id FROM invoice WHERE customer_id = ?", arguments: [w.customerId]))
            let everything = ledger.allocate(asOf: Day(ordinal: Int32.max / 2), record: true)
            // Not before the claim's last payment (Fineract: must occur on or after other transactions).
            var lastPaid: Day?
            for a in everything.applications where !ledger.paymentIsRestructuring[Int(a.payment)] {
                let i = Int(a.invoice)
                guard w.invoiceId.map({ ledger.invoiceIds[i] == $0 }) ?? true else { continue }
                let d = Day(ordinal: ledger.paymentDay[Int(a.payment)])
                if lastPaid.map({ d > $0 }) ?? true { lastPaid = d }
            }
            if let p = lastPaid, p > w.on {
                throw StoreError.rule(
                    "\(w.invoiceId.map { "invoice \($0)" } ?? w.customerId) was last paid on \(p.iso): a write-off cannot be dated before the claim's last payment (\(w.on.iso))"
                )
            }
            let alloc = ledger.allocate(asOf: w.on)
            var parts: [WriteOff.InvoicePart] = []
            var left = w.amount?.minorUnits ?? Int64.max
            // A partial write-off of a customer takes the oldest due invoices first, whatever the import order.
            let byDue = (0..<ledger.invoiceCount).sorted {
                (ledger.invoiceDue[$0], ledger.invoiceIds[$0]) < (ledger.invoiceDue[$1], ledger.invoiceIds[$1])
            }
            for i in byDue where left > 0 {
                let id = ledger.invoiceIds[i]
                guard real.contains(id), w.invoiceId.map({ $0 == id }) ?? true, alloc.open[i] > 0,
                    ledger.invoiceIssued[i] <= w.on.ordinal
                else { continue }
                let take = min(left, alloc.open[i])
                parts.append(
                    .init(invoiceId: id, amount: Money(minorUnits: take), dueOn: Day(ordinal: ledger.invoiceDue[i])))
                left -= take
            }
            let open = parts.reduce(Money.zero) { $0 + $1.amount }
            guard open.isPositive else {
                throw StoreError.rule(
                    "nothing is open on \(w.invoiceId.map { "invoice \($0)" } ?? w.customerId + "'s invoices") on \(w.on.iso) to write off"
                )
            }
            if let a = w.amount {
                guard a.isPositive else { throw StoreError.rule("a write-off must be a positive amount") }
                guard left <= 0 else {
                    throw StoreError.rule(
                        "cannot write off \(a): only \(open) is open on \(w.invoiceId.map { "invoice \($0)" } ?? w.customerId + "'s invoices") on \(w.on.iso)"
                    )
                }
            }
            if w.id.isEmpty { w.id = try Self.nextNumberedId(db, table: "writeoff", prefix: "W", digits: 8) }
            for p in parts {
                try db.execute(
                    sql: """
                        INSERT INTO writeoff(id, customer_id, invoice_id, amount, on_day, due_on, reason, evidence, revenue, at, operator)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        w.id, w.customerId, p.invoiceId, p.amount.minorUnits, w.on.iso, p.dueOn.iso, reason, w.evidence,
                        w.revenue?.minorUnits, context.at, context.operator,
                    ])
            }
            return (
                .id(w.id),
                "write-off \(w.id) of \(open) for \(w.customerId) on \(w.on.iso): "
                    + parts.map { "\($0.invoiceId) \($0.amount)" }.joined(separator: ", ") + "; \(reason)"
            )

        default:
            throw StoreError.rule("not a case change: \(change.kind)")
        }
    }

    /// The standings of a customer's promises as of a day, from the cash received (the policy's
    /// `promise.grace_days` and `promise.threshold` for promises that state neither).
    public func promiseStandings(customer: String, asOf: Day) throws(StoreError) -> [PromiseStanding] {
        guard let c = try self.customer(id: customer) else { return [] }
        let promises = try caseRecords(customer: customer).promises
        guard !promises.isEmpty else { return [] }
        let ledger = try self.ledger(customer: c)
        let rule = PromiseRule(policy: try policy())
        return rule.standings(promises, payments: ledger.cashPayments(customer: 0), asOf: asOf)
    }
}
