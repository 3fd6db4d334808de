import Foundation
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// What running a command does to the workspace; `Shell.execute` decides from it alone whether the
/// command runs inside the open scenario's span, is refused there, and which caches it spoils.
enum Effect: Sendable, Equatable {
    /// Reads only.
    case reads
    /// Makes `BookChange`s that move balances: kept in an open scenario; drops the cached ledger.
    case changesBooks
    /// Makes `BookChange`s to the policy: kept in an open scenario; balances stay as they were.
    case changesPolicy
    /// Writes records derived from the books (scores, overdue states): inside a scenario they are
    /// worked out on the scenario and not kept.
    case records
    /// Writes straight to the books or outside them (imports, letters, the workspace's date):
    /// refused while a scenario is open.
    case outsideScenario
    /// Opens, closes or commits the scenario itself: runs outside its span.
    case controlsScenario

    /// True when the command makes typed changes.
    var changes: Bool { self == .changesBooks || self == .changesPolicy }
}

/// A shell command: its declaration and its handler, side by side.
struct Command: Sendable {
    let spec: CommandSpec
    /// What this use of the command does (it may depend on flags such as `--dry-run`).
    let effect: @Sendable (ParsedCommand) -> Effect
    let run: @Sendable (Invocation) throws -> Outcome

    init(
        spec: CommandSpec, effect: @escaping @Sendable (ParsedCommand) -> Effect = { _ in .reads },
        run: @escaping @Sendable (Invocation) throws -> Outcome
    ) {
        self.spec = spec
        self.effect = effect
        self.run = run
    }
}

/// What a command leaves behind.
enum Outcome {
    case output(Output)
    /// Leave the shell (or end the script) successfully.
    case quit
}

/// A command failure that carries several located problems (an import's), rendered one a line.
struct ProblemsFailure: Error {
    var file: String
    var problems: [ImportProblem]
    var truncated: Bool
    var summary: ShellError
}

/// One run of a command: the parsed words, the session, and helpers for common options.
struct Invocation {
    let parsed: ParsedCommand
    let session: Session
    /// The command line as typed, for the journal.
    let source: String

    var workspace: any WorkspaceStore { session.workspace }

    /// Who runs this command, as typed, and when: given to each write it makes.
    var change: ChangeContext { ChangeContext(operator: session.operatorName, command: source) }

    /// A required argument (the parser has checked it is there).
    func argument(_ name: String) -> String { parsed.argument(name) ?? "" }

    /// `--as-of D`, else today (pinned or the calendar's).
    func asOf() throws -> Day {
        guard let text = parsed.value("--as-of") else { return try session.today() }
        guard let day = Day(text) else {
            throw ShellError(
                "bad date '\(text)' for --as-of", hint: "write dates as YYYY-MM-DD",
                column: parsed.column(ofOption: "--as-of"))
        }
        return day
    }

    /// A whole number option, with a range check.
    func integer(_ option: String, default value: Int, range: ClosedRange<Int> = 1...1_000_000) throws -> Int {
        guard let text = parsed.value(option) else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw ShellError(
                "bad value '\(text)' for \(option)",
                hint: "expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                column: parsed.column(ofOption: option))
        }
        return v
    }

    /// A positive amount typed as `text` (an argument's value), or an error at `column` saying why,
    /// with the forms that are accepted.
    func positiveAmount(_ text: String, column: Int?) throws -> Money {
        switch Money.parseTyped(text) {
        case .success(let m) where m.isPositive: return m
        case .success: throw ShellError("bad amount '\(text)': not above zero", hint: Self.amountForms, column: column)
        case .failure(let e):
            throw ShellError("bad amount '\(text)': \(e.reason)", hint: Self.amountForms, column: column)
        }
    }

    static let amountForms = tr("a positive amount like 5000, 5000.50, 5,000.50, ¥5,000 or 5000元")
    /// Marks a literal as text shown to the user (the English catalogue collects it), as it is.
    static func tr(_ english: String) -> String { english }

    /// An amount option.
    func amount(_ option: String) throws -> Money? {
        guard let text = parsed.value(option) else { return nil }
        switch Money.parseTyped(text) {
        case .success(let m): return m
        case .failure(let e):
            throw ShellError(
                "bad amount '\(text)' for \(option): \(e.reason)",
                hint: "write amounts like 12345.67, 12,345.67 or ¥12,345.67",
                column: parsed.column(ofOption: option))
        }
    }

    /// The context a service is given for this command: the books, the policy as it stands now, the
    /// day (`--as-of`, else today, unless given) and who asks.
    func services(asOf day: Day? = nil) throws -> ServiceContext {
        let asOf = try day ?? asOf()
        return try store { () throws(StoreError) in try ServiceContext(books: workspace, asOf: asOf, change: change) }
    }

    /// The whole portfolio's ledger as this command reads it (the shell keeps it between commands
    /// until the books, or the open scenario, change).
    func portfolioLedger() throws -> Ledger {
        try store { () throws(StoreError) in try session.index.portfolioLedger() }
    }

    /// Runs a service call, turning its errors (a service's or the store's) into shell errors pointed at `column`.
    func service<T>(column: Int? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ServiceError {
            throw ShellError(e.message, hint: e.hint, column: column)
        } catch let e as StoreError {
            if case .approvalRequested = e { throw e }  // the command's outcome, reported by Shell.execute
            throw ShellError(e.message, hint: e.hint, column: column)
        }
    }

    /// Runs a store call, turning its errors into shell errors pointed at `column`.
    func store<T>(column: Int? = nil, _ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch {
            if case .approvalRequested = error { throw error }  // the command's outcome, reported by Shell.execute
            throw ShellError(error.message, hint: error.hint, column: column)
        }
    }

    /// Finds one customer by id, exact name, or a unique match of part of the name or its pinyin
    /// initials; several matches are an error that lists them.
    func resolveCustomer(_ argument: String) throws -> Customer {
        let words = parsed.arguments(argument)
        let text = words.isEmpty ? (parsed.value(argument) ?? "") : words.joined(separator: " ")
        let column = parsed.column(ofArgument: argument) ?? parsed.column(ofOption: argument)
        if let c = try store(column: column, { () throws(StoreError) in try workspace.customer(id: text) }) { return c }
        let named = try store(column: column, { () throws(StoreError) in try workspace.customers(named: text) })
        if named.count == 1 { return named[0] }
        let matches =
            named.isEmpty
            ? session.index.matchCustomers(text, limit: 11).map { ($0.id, $0.name) }
            : named.map { ($0.id, $0.name) }
        if matches.count == 1,
            let c = try store(column: column, { () throws(StoreError) in try workspace.customer(id: matches[0].0) })
        {
            return c
        }
        if matches.isEmpty {
            throw ShellError(
                "no customer '\(text)'", hint: "customer find TEXT searches ids, names and pinyin initials",
                column: column)
        }
        let list = matches.prefix(10).map { "\($0.0) \($0.1)" }.joined(separator: "; ")
        throw ShellError(
            "'\(text)' matches \(matches.count > 10 ? "more than 10" : String(matches.count)) customers: \(list)",
            hint: "use the customer's id", column: column)
    }

    /// Money as a table/CSV/JSON cell.
    static func money(_ m: Money) -> Cell { .money(m.description) }
    static func money(_ m: Money?) -> Cell { m.map { .money($0.description) } ?? .empty }
    static func text(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }
    /// A recorded moment (UTC ISO 8601), shown in a table in the operator's time zone (`TZ`, else
    /// the system's), to the second, with its offset; text that is not such a moment as it is.
    static func time(_ utc: String?, zone: TimeZone? = nil) -> Cell {
        guard let utc else { return .empty }
        guard let date = utcParser.date(from: utc) else { return .text(utc) }
        guard let zone else { return .time(utc, local: localFormatter.string(from: date)) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = localFormatter.dateFormat
        return .time(utc, local: f.string(from: date))
    }
    nonisolated(unsafe) static let utcParser = ISO8601DateFormatter()
    nonisolated(unsafe) static let localFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        f.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return f
    }()
    /// A term (a state, a kind) shown in the interface's language in tables, as the word in CSV and JSON.
    static func term(_ s: String?) -> Cell { s.map { .term($0) } ?? .empty }
    static func day(_ d: Day?) -> Cell { d.map { .text($0.iso) } ?? .empty }
    static func int(_ i: Int?) -> Cell { i.map { .number(String($0)) } ?? .empty }
}

extension OptionSpec {
    static let format = OptionSpec(
        "--format", value: "FORMAT",
        help: "table, csv or json (default: table on a terminal, csv otherwise; see 'set format')",
        completion: .values(OutputFormat.allCases.map(\.rawValue)))
    static let asOf = OptionSpec(
        "--as-of", value: "DATE",
        help: "the day to compute for, YYYY-MM-DD (default: today, or the date pinned with 'set today')")
    static func limit(_ what: String) -> OptionSpec {
        OptionSpec("--limit", value: "N", help: "show at most N \(what)")
    }
}
