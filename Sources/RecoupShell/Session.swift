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
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }
}

/// Collects what is written, for tests.
public final class BufferOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// The state a shell keeps between commands: the workspace, variables, the date and the streams.
public final class Session {
    public let workspace: Workspace
    public let out: TextOutput
    public let err: TextOutput
    /// True when a person is typing at a terminal: tables by default, progress shown.
    public let interactive: Bool
    /// Who is at the keyboard, for the journal (`$RECOUP_OPERATOR`, else `$USER`).
    public let operatorName: String
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
    /// The open what-if scenario: its name and the commands that made it so far.
    public var scenario: (name: String, commands: [String])? {
        didSet { if scenario?.name != oldValue?.name { scenarioBooks = nil } }
    }
    /// The books' side of `whatif diff`'s policy figures, made once per scenario: while a scenario
    /// is open it holds the workspace's write lock, so the committed books stay as they were.
    var scenarioBooks: Catalog.ScenarioBooks?
    /// Customers the open scenario's commands changed, or nil when one may have changed anyone's
    /// balance (an import, a new date): `whatif diff` then compares the whole portfolio.
    public var scenarioTouched: Set<String>? = []
    /// Customers the running command changed (commands that know say so with `touch`).
    var commandTouched: Set<String> = []

    /// Words the running command adds to the line a scenario keeps, so that a replay on another
    /// day means the same (`--on 2026-11-30` where the day was today's by default).
    var recordedExtras: [String] = []

    /// Notes that the running command changed this customer's books.
    func touch(_ customer: String) { commandTouched.insert(customer) }
    /// Polled by long commands (imports): true when the person pressed Ctrl-C.
    public var shouldStop: () -> Bool = { false }
    /// The `--format` used when a command is not given one.
    var defaultFormat: OutputFormat

    public init(workspace: Workspace, out: TextOutput, err: TextOutput, interactive: Bool,
                operatorName: String? = nil, clock: (() -> Day)? = nil) {
        self.workspace = workspace
        self.out = out
        self.err = err
        self.interactive = interactive
        let env = ProcessInfo.processInfo.environment
        self.operatorName = operatorName ?? env["RECOUP_OPERATOR"] ?? env["USER"] ?? "operator"
        self.clock = clock ?? Session.systemToday
        self.index = CompletionIndex(workspace: workspace)
        // Tables for a person at a terminal (the shell, or `recoup -c ...` typed there); CSV when the
        // output goes to a file or a pipe.
        self.defaultFormat = interactive || isatty(1) == 1 ? .table : .csv
    }

    /// The prompt: `recoup> `, or `recoup[whatif NAME]> ` inside a scenario.
    public var prompt: String { scenario.map { "recoup[whatif \($0.name)]> " } ?? "recoup> " }

    /// Today: the workspace's pinned date (`set today 2024-06-30`) or the calendar's.
    public func today() throws -> Day {
        if let pinned = try workspace.setting("today"), let day = Day(pinned) { return day }
        return clock()
    }

    static func systemToday() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
