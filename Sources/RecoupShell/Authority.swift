import RecoupStore
import ShellKit

/// Who may run what, once a workspace has operators (a single-user workspace runs everything).
///
/// It follows each use of a command's declared `Effect`: whatever only reads is open to every role;
/// whatever writes is open to every role but the auditor, except the commands named in `restricted`,
/// which are for the roles listed there. Approvals (`ApprovalRule`, in the store) come on top: a
/// collector may ask for a large waiver, and the store keeps it as a request.
enum Authority {
    /// Every role that works customers (all but the auditor).
    static let working: Set<Role> = [.collector, .legal, .lead, .finance, .admin]
    static let nightly: Set<Role> = [.lead, .finance, .admin]
    static let billing: Set<Role> = [.finance, .admin]

    /// Writes kept for some roles: operators and the workspace's date (admin), assignments (lead),
    /// legal steps (legal), the nightly runs (lead, finance, admin), billing imports (finance, admin),
    /// deciding approvals (lead, finance, admin; the store checks the kind and amount).
    static let restricted: [String: Set<Role>] = [
        "operator add": [.admin], "operator role": [.admin], "operator remove": [.admin],
        "workspace pin-date": [.admin],
        "customer assign": [.lead, .admin],
        "legal open": [.legal, .admin], "legal step": [.legal, .admin],
        "latefee post": nightly, "overdue": nightly, "dun run": nightly, "credit score": nightly,
        "promise check": nightly,
        "import": billing, "bureau import": billing,
        "approval approve": nightly, "approval reject": nightly,
    ]

    /// The roles that may run `command` when it does `effect`.
    static func roles(_ command: String, effect: Effect) -> Set<Role> {
        effect == .reads ? Set(Role.allCases) : restricted[command] ?? working
    }

    /// Refuses, before anything runs, a use of a command the operator's role does not cover.
    static func check(_ command: String, effect: Effect, operator who: Operator) throws {
        let allowed = roles(command, effect: effect)
        guard !allowed.contains(who.role) else { return }
        throw ShellError(
            "\(who.login) (\(who.role.rawValue)) may not run '\(command)': \(Role.list(allowed)) may",
            hint: who.role == .auditor
                ? "an auditor reads everything and changes nothing" : "ask one of them, or an admin to change your role"
        )
    }

    /// Who may run a command, in words, for `help COMMAND` and the README ("anyone" for reads).
    static func summary(_ command: String, writes: Bool) -> String {
        guard writes else { return "anyone" }
        let r = restricted[command] ?? working
        return r == working ? "every role but auditor" : Role.list(r)
    }
}
