import RecoupCore
import RecoupStore
import ShellKit

/// A shell command: its declaration and its handler, side by side.
struct Command: Sendable {
    let spec: CommandSpec
    /// True when this use of the command changes the books: inside a what-if scenario it is kept
    /// with the scenario (and replayed when the scenario is reopened).
    let mutates: @Sendable (ParsedCommand) -> Bool
    let run: @Sendable (Invocation) throws -> Outcome

    init(spec: CommandSpec, mutates: @escaping @Sendable (ParsedCommand) -> Bool = { _ in false },
         run: @escaping @Sendable (Invocation) throws -> Outcome) {
        self.spec = spec
        self.mutates = mutates
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

    var workspace: Workspace { session.workspace }

    /// A required argument (the parser has checked it is there).
    func argument(_ name: String) -> String { parsed.argument(name) ?? "" }

    /// `--as-of D`, else today (pinned or the calendar's).
    func asOf() throws -> Day {
        guard let text = parsed.value("--as-of") else { return try session.today() }
        guard let day = Day(text) else {
            throw ShellError("bad date '\(text)' for --as-of", hint: "write dates as YYYY-MM-DD", column: parsed.column(ofOption: "--as-of"))
        }
        return day
    }

    /// A whole number option, with a range check.
    func integer(_ option: String, default value: Int, range: ClosedRange<Int> = 1...1_000_000) throws -> Int {
        guard let text = parsed.value(option) else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw ShellError("bad value '\(text)' for \(option)", hint: "expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                             column: parsed.column(ofOption: option))
        }
        return v
    }

    /// An amount option.
    func amount(_ option: String) throws -> Money? {
        guard let text = parsed.value(option) else { return nil }
        switch Money.parse(text) {
        case .success(let m): return m
        case .failure(let e):
            throw ShellError("bad amount '\(text)' for \(option): \(e.reason)", hint: "write amounts like 12345.67", column: parsed.column(ofOption: option))
        }
    }

    /// Runs a store call, turning its errors into shell errors pointed at `column`.
    func store<T>(column: Int? = nil, _ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch { throw ShellError(error.message, column: column) }
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
        let matches = named.isEmpty
            ? session.index.matchCustomers(text, limit: 11).map { session.index.customer(at: $0.position) }.map { ($0.id, $0.name) }
            : named.map { ($0.id, $0.name) }
        if matches.count == 1, let c = try store(column: column, { () throws(StoreError) in try workspace.customer(id: matches[0].0) }) {
            return c
        }
        if matches.isEmpty {
            throw ShellError("no customer '\(text)'", hint: "customer find TEXT searches ids, names and pinyin initials", column: column)
        }
        let list = matches.prefix(10).map { "\($0.0) \($0.1)" }.joined(separator: "; ")
        throw ShellError("'\(text)' matches \(matches.count > 10 ? "more than 10" : String(matches.count)) customers: \(list)",
                         hint: "use the customer's id", column: column)
    }

    /// Money as a table/CSV/JSON cell.
    static func money(_ m: Money) -> Cell { .number(m.description) }
    static func money(_ m: Money?) -> Cell { m.map { .number($0.description) } ?? .empty }
    static func text(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }
    static func day(_ d: Day?) -> Cell { d.map { .text($0.iso) } ?? .empty }
    static func int(_ i: Int?) -> Cell { i.map { .number(String($0)) } ?? .empty }
}

extension OptionSpec {
    static let format = OptionSpec("--format", value: "FORMAT", help: "table, csv or json (default: table on a terminal, csv otherwise; see 'set format')",
                                   completion: .values(OutputFormat.allCases.map(\.rawValue)))
    static let asOf = OptionSpec("--as-of", value: "DATE", help: "the day to compute for, YYYY-MM-DD (default: today, or the date pinned with 'set today')")
    static func limit(_ what: String) -> OptionSpec { OptionSpec("--limit", value: "N", help: "show at most N \(what)") }
}
