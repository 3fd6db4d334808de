/// What went wrong in the workspace, in words for the person at the keyboard.
///
/// Each case names the record and the rule, so the message can say "payment 'P1' already exists"
/// rather than SQLite's "UNIQUE constraint failed". Backends map their own errors to these cases at
/// the store boundary; nothing above the store sees a database error.
public enum StoreError: Error, Sendable, Equatable {
    /// The workspace file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// There is no workspace at that path, and it was not asked to be created.
    case noWorkspace(path: String)
    /// The workspace can be read but not written (a read-only mount, no write permission).
    case readOnly(path: String, reason: String)
    /// A file to import or export could not be read or written.
    case file(path: String, reason: String)
    /// An import found problems; nothing was written.
    case importRejected(path: String, problems: [ImportProblem], truncated: Bool)
    /// A record that must exist does not.
    case notFound(kind: String, id: String)
    /// A record with that id is on the books already.
    case duplicate(kind: String, id: String)
    /// Another writer held the workspace's write lock for longer than the lock timeout.
    case busy(seconds: Double)
    /// A change of a what-if scenario no longer applies to the books as they are now.
    case conflict(change: Int, summary: String, reason: String)
    /// A rule of the books refused the change (over-applying, a refund above what is held, ...).
    case rule(String)
    /// Anything else the database reported, already in plain words.
    case database(String)
    /// Not an error: the change needs a second operator's approval and was stored as a request
    /// (nothing else changed). The shell reports it as the command's outcome.
    case approvalRequested(ApprovalRequested)
    /// The operator may not do this (a role's limits, a checker who is the maker).
    case notPermitted(String, hint: String?)

    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open workspace '\(path)': \(reason)"
        case .noWorkspace(let path): return "no workspace at '\(path)'"
        case .readOnly(let path, let reason):
            return "workspace '\(path)' can be read but not written (\(reason)); nothing was written"
        case .file(let path, let reason): return "'\(path)': \(reason)"
        case .importRejected(let path, let problems, _):
            return
                "import of '\(path)' rejected: \(problems.count) problem\(problems.count == 1 ? "" : "s"); the workspace is unchanged"
        case .notFound(let kind, let id): return "no \(kind) '\(id)'"
        case .duplicate(let kind, let id): return "\(kind) '\(id)' already exists"
        case .busy(let seconds):
            return
                "another shell kept the workspace locked for more than \(Self.seconds(seconds)) s; nothing was written"
        case .conflict(let change, let summary, let reason):
            return "change \(change) of the scenario ('\(summary)') no longer applies: \(reason)"
        case .rule(let text), .database(let text): return text
        case .approvalRequested(let r):
            return "\(r.summary): needs approval (\(r.why)); requested as \(r.id), nothing changed yet"
        case .notPermitted(let text, _): return text
        }
    }

    /// What to do about it, when there is something to say.
    public var hint: String? {
        switch self {
        case .noWorkspace(let path): return "create one with: recoup --create -w \(path)"
        case .readOnly: return "ask for write permission on the file and its folder, or work on a copy"
        case .busy: return "try again; RECOUP_LOCK_TIMEOUT=SECONDS waits longer for the lock"
        case .conflict(let change, _, _):
            return
                "the books changed since the scenario was made: 'whatif drop \(change)' removes that change, 'whatif discard' drops the scenario"
        case .approvalRequested(let r):
            return
                "\(Role.list(r.approvers)) may approve it with: approval approve \(r.id); approval show \(r.id) shows it"
        case .notPermitted(_, let hint): return hint
        default: return nil
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

/// One problem in an imported file, located by line (the header is line 1) and column.
public struct ImportProblem: Sendable, Equatable {
    public var line: Int
    /// 1-based column in Unicode scalars where the offending field starts.
    public var column: Int
    public var message: String
    public var hint: String?

    public init(line: Int, column: Int, message: String, hint: String? = nil) {
        self.line = line; self.column = column; self.message = message; self.hint = hint
    }
}
