import Foundation
import RecoupCore
import RecoupStore

/// Who may do what: operators, assignments, and the approvals (maker-checker) every change passes
/// through once a workspace has operators. Each check reads inside the write's own transaction.
extension Workspace {
    /// Where the operator making a change stands in the transaction of `db`.
    enum Standing {
        /// No operators yet: one user, every change applies at once.
        case singleUser
        case member(Operator)
        /// Operators exist and this login is not an active one.
        case stranger(String)
    }

    static func standing(_ db: Database, _ login: String) throws -> Standing {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM operator") ?? 0 > 0 else { return .singleUser }
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]),
            r["removed_at"] as String? == nil
        else { return .stranger(login) }
        return .member(Self.operatorRecord(r))
    }

    static func operatorRecord(_ r: Row) -> Operator {
        var o = Operator(login: r["login"], name: r["name"], role: Role(rawValue: r["role"]) ?? .auditor)
        o.addedAt = r["added_at"]; o.addedBy = r["added_by"]; o.removedAt = r["removed_at"]
        return o
    }

    static func notAnOperator(_ login: String) -> StoreError {
        .notPermitted(
            "'\(login)' is not an operator of this workspace",
            hint: "ask an admin to run: operator add \(login) --name NAME --role collector")
    }

    /// The operator making a change, who must be an admin (once operators exist).
    static func requireAdmin(_ db: Database, _ context: ChangeContext, to what: String) throws {
        switch try standing(db, context.operator) {
        case .singleUser: return
        case .stranger(let login): throw notAnOperator(login)
        case .member(let o) where o.role != .admin:
            throw StoreError.notPermitted("\(o.login) (\(o.role.rawValue)) may not \(what): an admin may", hint: nil)
        case .member: return
        }
    }

    static func activeAdmins(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT login FROM operator WHERE role = 'admin' AND removed_at IS NULL")
    }

    /// Operator and assignment changes.
    func applyTeam(_ change: BookChange, _ db: Database, _ context: ChangeContext) throws -> (ChangeOutcome, String) {
        switch change {
        case .operatorAdded(let o):
            let login = o.login.trimmingCharacters(in: .whitespaces)
            guard !login.isEmpty, !login.contains(where: { $0.isWhitespace }) else {
                throw StoreError.rule("an operator is an OS login, without spaces")
            }
            switch try Self.standing(db, context.operator) {
            case .singleUser:
                guard login == context.operator, o.role == .admin else {
                    throw StoreError.notPermitted(
                        "the first operator must be the one adding it, as admin ('\(context.operator)')",
                        hint: "operator add \(context.operator) --name NAME --role admin, then add the others")
                }
            default: try Self.requireAdmin(db, context, to: "add operators")
            }
            if let r = try Row.fetchOne(db, sql: "SELECT removed_at FROM operator WHERE login = ?", arguments: [login])
            {
                guard r["removed_at"] as String? != nil else { throw StoreError.duplicate(kind: "operator", id: login) }
                try db.execute(
                    sql: """
                        UPDATE operator SET name = ?, role = ?, added_at = ?, added_by = ?, removed_at = NULL,
                          removed_by = NULL WHERE login = ?
                        """, arguments: [o.name, o.role.rawValue, context.at, context.operator, login])
            } else {
                try db.execute(
                    sql: "INSERT INTO operator(login, name, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                    arguments: [login, o.name, o.role.rawValue, context.at, context.operator])
            }
            try engine.grantRole(o.role.rawValue, to: login, db)
            return (.id(login), "operator \(login) (\(o.name)) added as \(o.role.rawValue)")
        case .operatorRoleSet(let login, let role):
            try Self.requireAdmin(db, context, to: "change roles")
            guard
                let r = try Row.fetchOne(
                    db, sql: "SELECT * FROM operator WHERE login = ? AND removed_at IS NULL", arguments: [login])
            else { throw StoreError.notFound(kind: "operator", id: login) }
            let old = Self.operatorRecord(r).role
            if old == .admin, role != .admin, try Self.activeAdmins(db).count == 1 {
                throw StoreError.rule("\(login) is the last admin: make another operator admin first")
            }
            try db.execute(sql: "UPDATE operator SET role = ? WHERE login = ?", arguments: [role.rawValue, login])
            try engine.grantRole(role.rawValue, to: login, db)
            return (.id(login), "operator \(login): \(old.rawValue) -> \(role.rawValue)")
        case .operatorRemoved(let login):
            try Self.requireAdmin(db, context, to: "remove operators")
            guard
                let r = try Row.fetchOne(
                    db, sql: "SELECT * FROM operator WHERE login = ? AND removed_at IS NULL", arguments: [login])
            else { throw StoreError.notFound(kind: "operator", id: login) }
            if Self.operatorRecord(r).role == .admin, try Self.activeAdmins(db).count == 1 {
                throw StoreError.rule("\(login) is the last admin and cannot be removed")
            }
            try db.execute(
                sql: "UPDATE operator SET removed_at = ?, removed_by = ? WHERE login = ?",
                arguments: [context.at, context.operator, login])
            try engine.grantRole(nil, to: login, db)
            return (.id(login), "operator \(login) removed (kept on record)")
        case .customerAssigned(let customer, let agent):
            switch try Self.standing(db, context.operator) {
            case .singleUser: break
            case .stranger(let login): throw Self.notAnOperator(login)
            case .member(let o):
                guard [.lead, .admin].contains(o.role) else {
                    throw StoreError.notPermitted(
                        "\(o.login) (\(o.role.rawValue)) may not assign customers: a lead or admin may", hint: nil)
                }
                guard
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM operator WHERE login = ? AND removed_at IS NULL", arguments: [agent])
                        == true
                else {
                    throw StoreError.rule(
                        "'\(agent)' is not an operator of this workspace: assign customers to operators")
                }
            }
            guard
                let previous = try Row.fetchOne(
                    db, sql: "SELECT agent FROM customer WHERE id = ?", arguments: [customer])
            else { throw StoreError.notFound(kind: "customer", id: customer) }
            let was: String? = previous["agent"]
            try db.execute(sql: "UPDATE customer SET agent = ? WHERE id = ?", arguments: [agent, customer])
            try db.execute(
                sql: "INSERT INTO assignment(customer_id, agent, previous, at, operator) VALUES (?, ?, ?, ?, ?)",
                arguments: [customer, agent, was, context.at, context.operator])
            return (.id(customer), "customer \(customer) assigned to \(agent)" + (was.map { " (was \($0))" } ?? ""))
        case .creditLimitExceeded(let customer, let service, let value, let exposure, let limit, let reason):
            let reason = reason.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                throw StoreError.rule("letting a contract over the limit through needs a reason")
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [customer]) == true
            else {
                throw StoreError.notFound(kind: "customer", id: customer)
            }
            try db.execute(
                sql: """
                    INSERT INTO limit_approval(customer_id, service, value, exposure, credit_limit, reason, at, operator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    customer, service, value.minorUnits, exposure.minorUnits, limit.minorUnits, reason, context.at,
                    context.operator,
                ])
            return (
                .id(customer),
                "a \(service) contract of \(value) for \(customer) let through over its credit limit \(limit) (exposure \(exposure)): \(reason)"
            )
        default:
            throw StoreError.rule("not a team change: \(change.kind)")
        }
    }

    // MARK: The gate

    /// What a gated write did: applied, or stored as a request for approval.
    enum Gated {
        case applied(ChangeOutcome)
        case requested(ApprovalRequested)
    }

    /// Applies `change` unless the operator making it needs a second operator's approval for it:
    /// then the change is checked as if applied (in a savepoint rolled back), stored as an approval
    /// request with the amount it took, and nothing else changes. A single-user workspace applies
    /// every change at once.
    func gated(_ change: BookChange, _ db: Database, _ context: ChangeContext) throws -> Gated {
        let maker: Operator
        switch try Self.standing(db, context.operator) {
        case .singleUser: return .applied(try apply(change, db, context))
        case .stranger(let login): throw Self.notAnOperator(login)
        case .member(let o): maker = o
        }
        guard maker.role != .auditor else {
            throw StoreError.notPermitted("\(maker.login) is an auditor: auditors read and change nothing", hint: nil)
        }
        let rule = ApprovalRule(policy: try policy())
        // Cheap first: most changes never need approval.
        switch change {
        case .lateFeesWaived, .writtenOff, .depositRefunded, .planCreated, .policySet, .writeOffReversed,
            .paymentVoided, .planCancelled, .creditLimitExceeded:
            break
        default: return .applied(try apply(change, db, context))
        }
        var outcome: ChangeOutcome = .none
        var requirement: ApprovalRule.Requirement?
        var summary = change.kind
        var stored = change
        do {
            try db.inSavepoint {
                outcome = try apply(change, db, context)
                var waived: Money?
                if case .charges(let charges) = outcome,
                    case .lateFeesWaived(let c, let i, _, let on, let reason, let accrued) = change
                {
                    let a = Money(minorUnits: -charges.reduce(Int64(0)) { $0 + $1.amount.minorUnits })
                    waived = a
                    stored = .lateFeesWaived(
                        customer: c, invoice: i, amount: a, on: on, reason: reason, accrued: accrued)
                }
                requirement = rule.requirement(for: change, maker: maker.role, waived: waived)
                if requirement != nil {
                    summary =
                        try String.fetchOne(db, sql: "SELECT effect FROM journal ORDER BY seq DESC LIMIT 1") ?? summary
                }
                return requirement == nil ? .commit : .rollback
            }
        } catch let e as SQLError where e.kind == .permission {
            // The database refuses the maker the policy tables (PostgreSQL's grants), so the change
            // cannot be tried first: its values were checked before the refused write, and the
            // request is stored untried; the admin's approval applies it, checked again.
            guard case .policySet(let values) = change,
                let r = rule.requirement(for: change, maker: maker.role, waived: nil)
            else { throw e }
            requirement = r
            summary = "policy " + values.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
        }
        guard let req = requirement else { return .applied(outcome) }
        let id = try Self.nextNumberedId(db, table: "approval", prefix: "A", digits: 6)
        let customer = try change.customer ?? Self.customer(of: change, db)
        try db.execute(
            sql: """
                INSERT INTO approval(id, kind, customer_id, amount, change, summary, why, maker, made_at, approvers, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
                """,
            arguments: [
                id, req.kind, customer, req.amount?.minorUnits, stored.payload, summary, req.why, maker.login,
                context.at, req.approvers.sorted().map(\.rawValue).joined(separator: " "),
            ])
        try Self.journal(
            db, context, kind: "approval.requested", payload: stored.payload,
            effect: "approval \(id) requested by \(maker.login): \(summary) (\(req.why))", customer: customer)
        return .requested(
            ApprovalRequested(id: id, kind: req.kind, summary: summary, why: req.why, approvers: req.approvers))
    }

    // MARK: Approvals

    static func approvalRecord(_ r: Row) throws -> Approval {
        let payload: String = r["change"]
        guard let change = BookChange.decode(payload) else {
            throw StoreError.database("approval \(r["id"] as String) holds a change this version cannot read")
        }
        var a = Approval(
            id: r["id"], kind: r["kind"], customerId: r["customer_id"],
            amount: (r["amount"] as Int64?).map { Money(minorUnits: $0) }, change: change, summary: r["summary"],
            why: r["why"], maker: r["maker"], madeAt: r["made_at"],
            approvers: Set((r["approvers"] as String).split(separator: " ").compactMap { Role(rawValue: String($0)) }))
        a.status = Approval.Status(rawValue: r["status"]) ?? .pending
        a.checker = r["checker"]; a.checkedAt = r["checked_at"]; a.note = r["note"]
        return a
    }

    /// Approval requests, oldest first: all, or those of one status or one customer.
    public func approvals(status: Approval.Status?, customer: String?) throws(StoreError) -> [Approval] {
        try read { db in
            var sql = "SELECT * FROM approval", conditions: [String] = [], args: [any DatabaseValueConvertible] = []
            if let s = status { conditions.append("status = ?"); args.append(s.rawValue) }
            if let c = customer { conditions.append("customer_id = ?"); args.append(c) }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: StatementArguments(args))
                .map(Self.approvalRecord)
        }
    }

    /// Approves (applying the stored change to the books as they are now, checked again) or rejects a
    /// pending request. The checker must be an active operator other than the maker whose role may
    /// approve it under the policy now. A change that no longer applies marks the request failed,
    /// with the reason, and changes nothing else: `StoreError.rule` says so after that is recorded.
    public func decideApproval(_ id: String, approve: Bool, note: String?, context: ChangeContext) throws(StoreError)
        -> String
    {
        var failure: String?
        let message: String = try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM approval WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "approval", id: id)
            }
            let a = try Self.approvalRecord(row)
            guard a.status == .pending else {
                throw StoreError.rule(
                    "approval \(id) is \(a.status.rawValue) already\(a.checker.map { " (by \($0))" } ?? "")")
            }
            let checker: Operator
            switch try Self.standing(db, context.operator) {
            case .singleUser: throw StoreError.rule("this workspace has no operators: nothing waits for approval")
            case .stranger(let login): throw Self.notAnOperator(login)
            case .member(let o): checker = o
            }
            guard checker.login != a.maker else {
                throw StoreError.notPermitted(
                    "\(checker.login) asked for \(id) and cannot \(approve ? "approve" : "reject") their own request",
                    hint:
                        "another operator who is \(Role.list(a.approvers)) may: approval \(approve ? "approve" : "reject") \(id)"
                )
            }
            let makerRole =
                try String.fetchOne(db, sql: "SELECT role FROM operator WHERE login = ?", arguments: [a.maker])
                .flatMap(Role.init(rawValue:)) ?? .collector
            let now = ApprovalRule(policy: try policy()).requirement(for: a.change, maker: makerRole, waived: a.amount)
            let approvers = now?.approvers ?? a.approvers
            guard approvers.contains(checker.role) else {
                throw StoreError.notPermitted(
                    "\(checker.login) (\(checker.role.rawValue)) may not \(approve ? "approve" : "reject") \(id), a \(a.kind)\(a.amount.map { " of \($0)" } ?? ""): \(Role.list(approvers)) may",
                    hint: nil)
            }
            let decided = "\(id) (\(a.kind), asked for by \(a.maker)): \(a.summary)"
            guard approve else {
                let reason = (note ?? "").trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { throw StoreError.rule("rejecting a request needs a reason (--reason)") }
                try db.execute(
                    sql: "UPDATE approval SET status = 'rejected', checker = ?, checked_at = ?, note = ? WHERE id = ?",
                    arguments: [checker.login, context.at, reason, id])
                try Self.journal(
                    db, context, kind: "approval.rejected", payload: a.change.payload,
                    effect: "approval \(decided) rejected by \(checker.login): \(reason)", customer: a.customerId)
                return "rejected \(decided)"
            }
            do {
                try db.inSavepoint {
                    _ = try apply(a.change, db, context)
                    return .commit
                }
            } catch {
                let reason = mapped(error).message
                failure = reason
                try db.execute(
                    sql: "UPDATE approval SET status = 'failed', checker = ?, checked_at = ?, note = ? WHERE id = ?",
                    arguments: [checker.login, context.at, reason, id])
                try Self.journal(
                    db, context, kind: "approval.failed", payload: a.change.payload,
                    effect: "approval \(decided) approved by \(checker.login) but no longer applies: \(reason)",
                    customer: a.customerId)
                return ""
            }
            try db.execute(
                sql: "UPDATE approval SET status = 'approved', checker = ?, checked_at = ?, note = ? WHERE id = ?",
                arguments: [checker.login, context.at, note, id])
            try Self.journal(
                db, context, kind: "approval.approved", payload: a.change.payload,
                effect: "approval \(decided) approved by \(checker.login)\(note.map { ": \($0)" } ?? "")",
                customer: a.customerId)
            return "approved \(decided)"
        }
        if let failure {
            throw StoreError.rule(
                "approval \(id) no longer applies: \(failure); it is marked failed and nothing changed")
        }
        return message
    }

    // MARK: Reading the team

    /// Every operator, removed ones too, by login.
    public func operators() throws(StoreError) -> [Operator] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM operator ORDER BY login").map(Self.operatorRecord) }
    }

    /// A customer's assignments, oldest first.
    public func assignments(customer: String) throws(StoreError) -> [Assignment] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM assignment WHERE customer_id = ? ORDER BY seq", arguments: [customer]
            ).map {
                Assignment(
                    customerId: $0["customer_id"], agent: $0["agent"], previous: $0["previous"], at: $0["at"],
                    by: $0["operator"])
            }
        }
    }

    /// Contracts over the credit limit let through for a customer, oldest first.
    public func limitApprovals(customer: String) throws(StoreError) -> [LimitApproval] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM limit_approval WHERE customer_id = ? ORDER BY seq", arguments: [customer]
            ).map {
                LimitApproval(
                    customerId: $0["customer_id"], service: $0["service"], value: Money(minorUnits: $0["value"]),
                    at: $0["at"], by: $0["operator"], reason: $0["reason"])
            }
        }
    }
}
