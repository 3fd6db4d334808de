import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// Where a session writes: results to one stream, diagnostics to another.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
}

/// Writes to a file descriptor (standard output or standard error).
public final class FileOutput: TextOutput {
    let fd: Int32
    public init(fd: Int32) { self.fd = fd }
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n <= 0 { return }
                done += n
            }
        }
    }
}

/// Collects what is written, for tests.
public final class BufferOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// A what-if scenario open in a shell: its name and its typed changes, in order.
public struct OpenScenario: Sendable {
    public var name: String
    public var steps: [ScenarioStep]
}

/// The state a shell keeps between commands: the workspace, variables, the date and the streams.
public final class Session {
    public let workspace: any WorkspaceStore
    public let out: TextOutput
    public let err: TextOutput
    /// True when a person is typing at a terminal: tables by default, progress shown.
    public let interactive: Bool
    /// Who is at the keyboard, for the journal: once the workspace has operators, the OS account
    /// running `recoup` (`login`); before that, one user as today (`$RECOUP_OPERATOR`, else `$USER`).
    public var operatorName: String { acting?.login ?? declaredName }
    /// The name a single-user workspace journals (`$RECOUP_OPERATOR`, else `$USER`, else the login).
    public let declaredName: String
    /// The OS account running this process (its login name), which is who one is once a workspace
    /// has operators: environment variables do not choose it.
    public let login: String
    /// The operator running the current command, as `Shell.execute` found them (nil: single-user).
    public internal(set) var acting: Operator?
    /// Shell variables set with `set NAME VALUE`, expanded as `$NAME`.
    public var variables: [String: String] = [:]
    /// The system's today (local calendar day), injected for tests.
    let clock: () -> Day
    /// Completion indexes, loaded in the background on first need.
    public let index: CompletionIndex
    /// Nesting depth of `source`, to stop a script that sources itself.
    var sourceDepth = 0
    /// Long commands (imports) report progress on stderr: true when a person is watching a
    /// terminal, false in scripts (`-f`, piped input) and whenever stderr is not a terminal.
    public var showProgress = false
    /// The open what-if scenario: its name and its changes so far (kept in the workspace too).
    public var scenario: OpenScenario? {
        didSet { if scenario?.name != oldValue?.name { scenarioBooks = nil } }
    }
    /// The books' side of `whatif diff`'s policy figures, made once per scenario and dropped when a
    /// colleague's commit moves the books (`Shell.execute` compares `booksVersion`).
    var scenarioBooks: Catalog.ScenarioBooks?
    /// What the shell's cached ledger must be of: "" for the books (no scenario, or one that changes
    /// only the policy), else the scenario's name and how many of its changes move balances.
    var scenarioScope: String {
        guard let s = scenario else { return "" }
        let moving = s.steps.filter(\.change.movesBooks).count
        return moving == 0 ? "" : s.name + "#" + String(moving)
    }
    /// The workspace's `booksVersion` when this shell's caches were last known fresh.
    var booksVersion: Int64?
    /// The date pinned for this shell or script alone (`set today`), over the workspace's pin.
    var pinnedToday: Day?
    /// Customers the open scenario's commands changed, or nil when one may have changed anyone's
    /// balance (an import, a new date): `whatif diff` then compares the whole portfolio.
    public var scenarioTouched: Set<String>? = []
    /// Customers the running command changed (commands that know say so with `touch`).
    var commandTouched: Set<String> = []

    /// Notes that the running command changed this customer's books.
    func touch(_ customer: String) { commandTouched.insert(customer) }
    /// Polled by long commands (imports): true when the person pressed Ctrl-C.
    public var shouldStop: () -> Bool = { false }
    /// The `--format` used when a command is not given one.
    var defaultFormat: OutputFormat
    /// The interface's language (`en`, `zh`): see `Localization` for how it is chosen.
    public internal(set) var language: String {
        didSet { tr = Localization.catalogue(language) ?? .english }
    }
    /// The catalogue of `language`: what help, messages and table headers are shown through.
    public private(set) var tr: Catalogue
    /// Output taller than the screen goes through the pager in an interactive shell (`set pager off`
    /// turns it off, and is saved like the language); never in scripts.
    public internal(set) var pager: Bool = true

    /// Opens another workspace with the backend this shell's came from (`workspace create`).
    public let opener: WorkspaceOpener?

    public init(
        workspace: any WorkspaceStore, out: TextOutput, err: TextOutput, interactive: Bool,
        operatorName: String? = nil, login: String? = nil, clock: (() -> Day)? = nil, opener: WorkspaceOpener? = nil,
        language: String? = nil
    ) {
        self.workspace = workspace
        self.opener = opener
        self.out = out
        self.err = err
        self.interactive = interactive
        let env = ProcessInfo.processInfo.environment
        // On a server that authenticates its users (PostgreSQL) the operator is the database login.
        let account = workspace.databaseLogin ?? login ?? Session.osLogin()
        self.login = account
        self.declaredName = workspace.databaseLogin ?? operatorName ?? env["RECOUP_OPERATOR"] ?? env["USER"] ?? account
        self.clock = clock ?? Session.systemToday
        self.index = CompletionIndex(workspace: workspace)
        self.index.keepsLedger = interactive || !workspace.keepsLedgerSnapshot
        // Tables for a person at a terminal (the shell, or `recoup -c ...` typed there); CSV when the
        // output goes to a file or a pipe.
        self.defaultFormat = interactive || isatty(1) == 1 ? .table : .csv
        let chosen = language ?? (interactive ? Localization.saved("language") : nil) ?? Localization.fromLocale(env)
        self.language = Localization.catalogue(chosen) == nil ? "en" : chosen
        self.tr = Localization.catalogue(self.language) ?? .english
        self.pager = interactive && Localization.saved("pager") != "off"
    }

    /// The prompt: `recoup> `; `recoup[whatif NAME]> ` inside a scenario; a pinned date shows too
    /// (`recoup[2026-11-30]> `), so nobody mistakes a pinned day for the calendar's.
    public var prompt: String {
        let pinned = pinnedToday?.iso ?? (try? workspace.setting("today")) ?? nil
        let parts = [scenario.map { "whatif " + $0.name }, pinned].compactMap { $0 }
        return parts.isEmpty ? "recoup> " : "recoup[" + parts.joined(separator: " · ") + "]> "
    }

    /// Today: this shell's pinned date (`set today`), else the workspace's (`workspace pin-date`),
    /// else the calendar's.
    public func today() throws -> Day {
        if let pinnedToday { return pinnedToday }
        if let pinned = try workspace.setting("today"), let day = Day(pinned) { return day }
        return clock()
    }

    /// Who, with what command line: the context of a write this shell makes.
    func changeContext(_ command: String) -> ChangeContext { ChangeContext(operator: operatorName, command: command) }

    /// The login name of the effective user (`getpwuid(geteuid())`), or its uid when it has none.
    static func osLogin() -> String {
        guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return String(geteuid()) }
        return String(cString: name)
    }

    /// The operator running the next command, read from the workspace (a colleague may have added or
    /// removed operators since the last one): nil while it has none; an OS account that is not an
    /// active operator is refused.
    func resolveOperator() throws -> Operator? {
        let all = try { () throws(StoreError) in try workspace.operators() }()
        let active = all.filter(\.isActive)
        guard !active.isEmpty else {
            acting = nil
            return nil
        }
        guard let me = active.first(where: { $0.login == login }) else {
            acting = nil
            throw ShellError(
                "'\(login)' is not an operator of this workspace",
                hint: "ask an admin to run: operator add \(login) --name NAME --role collector")
        }
        acting = me
        return me
    }

    static func systemToday() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
