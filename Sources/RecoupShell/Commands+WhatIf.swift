import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// What-if scenarios: a sandbox over the books that locks nobody out.
///
/// A scenario is the list of its typed changes (`ScenarioStep`: the change and the line that made
/// it), kept in the workspace under its name and saved after every change. It holds no transaction
/// while a person thinks: each command inside it runs in a span where the workspace replays the
/// changes over the books as they are now (colleagues' commits included) and rolls them back at the
/// end (`Workspace.withScenario`); the lock is held for that span only. `whatif diff` compares with
/// the books as they are now. `whatif commit` applies the changes to the current books in one
/// transaction, checking each again: one that no longer applies is refused with its number, its line
/// and the reason, nothing is written, and the scenario stays open (`whatif drop N` removes a change,
/// `whatif discard` drops them all). `whatif close` leaves it saved; `whatif begin NAME` reopens it.
/// Scenarios saved before typed changes (command lines) are migrated when first reopened: their
/// lines are run again inside the scenario, and the first that fails is named.
extension Catalog {
    static var whatifCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["whatif", "begin"],
                    summary:
                        "open a what-if scenario (a saved one is reopened): changes stay out of the books until commit",
                    arguments: [
                        ArgumentSpec(
                            "name",
                            help: "the scenario's name (default scenario-N); a saved scenario of that name is reopened",
                            completion: .domain("scenario"), optional: true)
                    ],
                    examples: ["whatif begin", "whatif begin tier-c-50pct"]), effect: { _ in .controlsScenario }
            ) { inv in try Catalog.beginScenario(inv) },
            Command(
                spec: CommandSpec(
                    ["whatif", "diff"], summary: "what the open scenario changes: balances per customer and in total",
                    options: [
                        .asOf, OptionSpec("--all", help: "list every customer, not only those whose balances change"),
                        OptionSpec(
                            "--cash",
                            help:
                                "add expected collections by month, books against scenario (reads the whole portfolio twice)"
                        ),
                        OptionSpec(
                            "--months", value: "N", help: "months of expected collections with --cash (default 12)"),
                        OptionSpec(
                            "--policy",
                            help:
                                "add deposits to collect, unsecured exposure and expected loss by tier (shown by itself when the scenario changed the policy or deposits)"
                        ),
                        .format,
                    ],
                    examples: [
                        "whatif diff", "whatif diff --cash --months 6", "whatif diff --as-of 2026-12-31 --format csv",
                    ])
            ) { inv in try Catalog.diffScenario(inv) },
            Command(
                spec: CommandSpec(
                    ["whatif", "commit"],
                    summary:
                        "apply the open scenario's changes to the books as they are now, checked, in one transaction",
                    discussion: """
                        Each change is applied again to the books as they are now, with every check it makes (what a deposit
                        holds, what an invoice has open, whether a payment id is free). When one no longer applies, the commit
                        names it and why, writes nothing, and the scenario stays open to be changed ('whatif drop N') or
                        discarded.
                        """,
                    examples: ["whatif commit"]), effect: { _ in .controlsScenario }
            ) { inv in
                let s = try Catalog.openScenario(inv)
                do throws(StoreError) {
                    try inv.workspace.commitScenario(s.name, steps: s.steps, context: inv.change)
                } catch {
                    throw ShellError(error.message + "; nothing was written, the scenario stays open", hint: error.hint)
                }
                inv.session.scenario = nil
                inv.session.index.invalidate()
                return .output(
                    .text(
                        "scenario '\(s.name)' written to the books (\(s.steps.count) change\(s.steps.count == 1 ? "" : "s"))\n"
                    ))
            },
            Command(
                spec: CommandSpec(
                    ["whatif", "discard"], summary: "drop the open scenario and forget it",
                    examples: ["whatif discard"]), effect: { _ in .controlsScenario }
            ) { inv in
                let s = try Catalog.openScenario(inv)
                try inv.store { () throws(StoreError) in try inv.workspace.deleteSavedScenario(s.name) }
                inv.session.scenario = nil
                if !s.steps.isEmpty { inv.session.index.invalidate() }
                return .output(.text("scenario '\(s.name)' discarded; the books are unchanged\n"))
            },
            Command(
                spec: CommandSpec(
                    ["whatif", "drop"],
                    summary: "remove one change from the open scenario (see 'whatif list' for the numbers)",
                    arguments: [ArgumentSpec("change", help: "the change's number, 1 for the first")],
                    examples: ["whatif drop 2"]), effect: { _ in .controlsScenario }
            ) { inv in
                var s = try Catalog.openScenario(inv)
                let k = Int(inv.argument("change")) ?? 0
                guard (1...max(1, s.steps.count)).contains(k), !s.steps.isEmpty else {
                    throw ShellError(
                        "no change \(inv.argument("change")) in scenario '\(s.name)'",
                        hint: s.steps.isEmpty ? "the scenario has no changes" : "give 1 to \(s.steps.count)",
                        column: inv.parsed.column(ofArgument: "change"))
                }
                let gone = s.steps.remove(at: k - 1)
                try inv.store { () throws(StoreError) in
                    try inv.workspace.saveScenario(s.name, steps: s.steps, context: inv.change)
                }
                inv.session.scenario = s
                inv.session.scenarioTouched = touched(by: s.steps)
                inv.session.index.invalidate()
                return .output(.text("dropped change \(k) ('\(gone.line)'); \(s.steps.count) left\n"))
            },
            Command(
                spec: CommandSpec(
                    ["whatif", "close"],
                    summary:
                        "leave the open scenario without committing; it stays saved under its name to reopen later",
                    examples: ["whatif close"]), effect: { _ in .controlsScenario }
            ) { inv in
                let s = try Catalog.openScenario(inv)
                try Catalog.closeScenario(inv.session)
                return .output(
                    .text(
                        "scenario '\(s.name)' saved (\(s.steps.count) change\(s.steps.count == 1 ? "" : "s")); 'whatif begin \(s.name)' reopens it\n"
                    ))
            },
            Command(
                spec: CommandSpec(
                    ["whatif", "list"], summary: "the saved scenarios and the open one, with their changes",
                    options: [.format], examples: ["whatif list"]), effect: { _ in .controlsScenario }
            ) { inv in
                var rows: [ScenarioLine] = []
                func lines(_ steps: [ScenarioStep]) -> String {
                    steps.enumerated().map { "\($0 + 1). \($1.line)" }.joined(separator: "; ")
                }
                if let s = inv.session.scenario {
                    rows.append(
                        ScenarioLine(name: s.name, state: "open", changes: s.steps.count, lines: lines(s.steps)))
                }
                for s in try inv.store({ () throws(StoreError) in try inv.workspace.savedScenarios() })
                where s.name != inv.session.scenario?.name {
                    let count = s.legacyCommands?.count ?? s.steps.count
                    let what =
                        s.legacyCommands.map {
                            $0.joined(separator: "; ") + " (saved by an earlier Recoup: migrated when reopened)"
                        } ?? lines(s.steps)
                    rows.append(
                        ScenarioLine(
                            name: s.name, state: Invocation.tr("saved \(s.savedAt) by \(s.savedBy)"), changes: count,
                            lines: what))
                }
                return .output(.table(scenarioListSpec.table(rows)))
            },
        ]
    }

    /// One scenario in `whatif list`.
    struct ScenarioLine {
        var name: String
        /// `open`, or `saved AT by WHO`.
        var state: String
        var changes: Int
        var lines: String
    }

    /// `whatif list`: the open scenario first, then the saved ones.
    static let scenarioListSpec = TableSpec<ScenarioLine>(
        "whatif list",
        [
            .init(Column("Scenario", key: "name"), "the scenario's name") { .text($0.name) },
            .init(Column("State", key: "state"), "open, or saved with when and by whom") { .text($0.state) },
            .init(Column("Changes", key: "changes"), "how many changes it holds") { .number(String($0.changes)) },
            .init(Column("What", key: "lines"), "its changes, numbered, separated by '; '") { .text($0.lines) },
        ])

    static func openScenario(_ inv: Invocation) throws -> OpenScenario {
        guard let s = inv.session.scenario else {
            throw ShellError("no scenario is open", hint: "whatif begin [NAME] opens one")
        }
        return s
    }

    /// Leaves the open scenario; it is saved already (after every change), so nothing is lost.
    static func closeScenario(_ session: Session) throws {
        guard let s = session.scenario else { return }
        session.scenario = nil
        if !s.steps.isEmpty { session.index.invalidate() }
    }

    /// Customers whose books the steps move, or nil when one may move anyone's.
    static func touched(by steps: [ScenarioStep]) -> Set<String>? {
        var out = Set<String>()
        for step in steps where step.change.movesBooks {
            guard let c = step.change.customer else { return nil }
            out.insert(c)
        }
        return out
    }

    static func beginScenario(_ inv: Invocation) throws -> Outcome {
        if let open = inv.session.scenario {
            throw ShellError(
                "scenario '\(open.name)' is open", hint: "whatif commit, whatif discard or whatif close first")
        }
        let saved = try inv.store { () throws(StoreError) in try inv.workspace.savedScenarios() }
        var name = inv.parsed.argument("name") ?? ""
        if name.isEmpty {
            var k = saved.count + 1
            while saved.contains(where: { $0.name == "scenario-\(k)" }) { k += 1 }
            name = "scenario-\(k)"
        }
        guard let old = saved.first(where: { $0.name == name }) else {
            try inv.store { () throws(StoreError) in
                try inv.workspace.saveScenario(name, steps: [], context: inv.change)
            }
            inv.session.scenario = OpenScenario(name: name, steps: [])
            inv.session.scenarioTouched = []
            return .output(.text("scenario '\(name)' open: changes stay out of the books until 'whatif commit'\n"))
        }
        var steps = old.steps
        if let commands = old.legacyCommands {
            // Saved by an earlier Recoup as command lines: run them again inside the scenario, quietly,
            // to get their typed changes; the first that fails is named and nothing is changed.
            let quiet = Session(
                workspace: inv.workspace, out: BufferOutput(), err: BufferOutput(), interactive: false,
                operatorName: inv.session.operatorName, login: inv.session.login, clock: inv.session.clock)
            quiet.pinnedToday = inv.session.pinnedToday
            quiet.scenario = OpenScenario(name: name, steps: [])
            for (i, line) in commands.enumerated()
            where Shell(session: quiet).execute(line, file: nil, line: nil) != .ok {
                let why = (quiet.err as? BufferOutput)?.text.split(separator: "\n").first.map(String.init) ?? ""
                try? inv.workspace.saveScenario(name, steps: [], context: inv.change)  // undo the partial save
                try? inv.workspace.restoreLegacyScenario(
                    name, commands: commands, savedAt: old.savedAt, savedBy: old.savedBy)
                throw ShellError(
                    "scenario '\(name)' was saved by an earlier Recoup and cannot be migrated: its command \(i + 1), '\(line)', fails on today's books (\(why))",
                    hint: "whatif begin with another name starts afresh; 'whatif list' shows its commands")
            }
            steps = quiet.scenario?.steps ?? []
        }
        inv.session.scenario = OpenScenario(name: name, steps: steps)
        inv.session.scenarioTouched = touched(by: steps)
        if !steps.isEmpty { inv.session.index.invalidate() }
        let migrated =
            old.legacyCommands == nil
            ? ""
            : " (migrated from \(old.legacyCommands!.count) saved command\(old.legacyCommands!.count == 1 ? "" : "s"))"
        return .output(
            .text("scenario '\(name)' reopened: \(steps.count) change\(steps.count == 1 ? "" : "s")\(migrated)\n"))
    }

    static func diffScenario(_ inv: Invocation) throws -> Outcome {
        _ = try openScenario(inv)
        let asOf = try inv.asOf()
        let ws = inv.workspace
        var before: [String: Balance] = [:], after: [String: Balance] = [:], ids: [String] = []
        if let touched = inv.session.scenarioTouched, !inv.parsed.flag("--all") {
            // Only these customers' books changed: compare their ledgers alone (milliseconds, where the
            // whole portfolio takes seconds); the totals are then those of the changed customers.
            ids = touched.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for id in ids {
                guard let c = try inv.store({ () throws(StoreError) in try ws.customer(id: id) }) else { continue }
                let b = try inv.store { () throws(StoreError) in try ws.ledger(customer: c, base: true) }
                let a = try inv.store { () throws(StoreError) in try ws.ledger(customer: c, base: false) }
                before[id] = b.balances(b.allocate(asOf: asOf)).first
                after[id] = a.balances(a.allocate(asOf: asOf)).first
            }
        } else {
            let (base, scenario) = try bookAndScenarioLedgers(inv)
            before = Dictionary(uniqueKeysWithValues: zip(base.customerIds, base.balances(base.allocate(asOf: asOf))))
            after = Dictionary(
                uniqueKeysWithValues: zip(scenario.customerIds, scenario.balances(scenario.allocate(asOf: asOf))))
            ids = scenario.customerIds
        }
        var rows: [(id: String, name: String, base: Balance, scenario: Balance)] = []
        var totals = (Balance(), Balance())
        var names: [String: String]?  // read once, when the first row needs them
        for id in ids {
            let b = before[id] ?? Balance(), a = after[id] ?? Balance()
            totals.0.open += b.open; totals.0.overdue += b.overdue; totals.1.open += a.open;
            totals.1.overdue += a.overdue
            guard inv.parsed.flag("--all") || b != a else { continue }
            if names == nil {
                names = Dictionary(
                    uniqueKeysWithValues: try inv.store { () throws(StoreError) in try ws.customerKeys() }.map {
                        ($0.id, $0.name)
                    })
            }
            rows.append((id: id, name: names?[id] ?? "", base: b, scenario: a))
        }
        var cash: [Section] = []
        if inv.parsed.flag("--cash") {
            let months = try inv.integer("--months", default: 12, range: 1...120)
            let (base, scenario) = try bookAndScenarioLedgers(inv)
            let b = Forecast.project(base, asOf: asOf, months: months),
                a = Forecast.project(scenario, asOf: asOf, months: months)
            var cashRows: [(month: String, base: Money, scenario: Money)] = zip(b.months, a.months).map { x, y in
                (month: x.month, base: x.expected, scenario: y.expected)
            }
            cashRows.append((month: Invocation.tr("later"), base: b.later, scenario: a.later))
            cash = [
                Section(
                    "cash", title: "Expected collections by month (see 'forecast')",
                    .table(whatifCashSpec.table(cashRows)))
            ]
        }
        let kinds = (inv.session.scenario?.steps ?? []).map(\.change.kind)
        if inv.parsed.flag("--policy") || kinds.contains(where: { $0.hasPrefix("policy.") || $0.hasPrefix("deposit.") })
        {
            if inv.session.scenarioTouched?.isEmpty == true {
                // No customer's books moved: the shell's ledger (books plus scenario) is the books'.
                cash += try policySections(
                    inv, asOf: asOf,
                    books: {
                        try inv.store { () throws(StoreError) in
                            try inv.session.index.portfolioLedger(sameAsBooks: true)
                        }
                    }, scenario: nil)
            } else {
                let (base, scenario) = try bookAndScenarioLedgers(inv)
                cash += try policySections(inv, asOf: asOf, books: { base }, scenario: scenario)
            }
        }
        return .output(
            .document(
                [
                    Section(
                        "totals",
                        title: "Scenario '\(inv.session.scenario!.name)' against the books, as of \(asOf.iso)"
                            + (inv.session.scenarioTouched != nil && !inv.parsed.flag("--all")
                                ? " (customers it changed)" : " (whole portfolio)"),
                        .record([
                            Field("open_base", title: "Open, books", Invocation.money(totals.0.open)),
                            Field("open_scenario", title: "Open, scenario", Invocation.money(totals.1.open)),
                            Field(
                                "open_change", title: "Open, change", Invocation.money(totals.1.open - totals.0.open)),
                            Field("overdue_base", title: "Overdue, books", Invocation.money(totals.0.overdue)),
                            Field("overdue_scenario", title: "Overdue, scenario", Invocation.money(totals.1.overdue)),
                            Field(
                                "overdue_change", title: "Overdue, change",
                                Invocation.money(totals.1.overdue - totals.0.overdue)),
                            Field("customers_changed", title: "Customers changed", .number(String(rows.count))),
                        ])),
                    Section(
                        "customers", title: "Customers",
                        .table(whatifCustomersSpec.table(rows))),
                ] + cash))
    }

    /// `whatif diff`, section `customers`: one row per customer whose balances the scenario changes
    /// (every customer compared with --all).
    static let whatifCustomersSpec = TableSpec<(id: String, name: String, base: Balance, scenario: Balance)>(
        "whatif diff",
        [
            .init(Column("ID", key: "id"), "the customer's id") { .text($0.id) },
            .init(Column("Name", key: "name"), "the customer's name") { .text($0.name) },
            .init(Column("Open, books", key: "open_base"), "open balance on the day, on the books") {
                Invocation.money($0.base.open)
            },
            .init(Column("Open, scenario", key: "open_scenario"), "open balance on the day, in the scenario") {
                Invocation.money($0.scenario.open)
            },
            .init(Column("Change", key: "open_change"), "the scenario's open balance less the books'") {
                Invocation.money($0.scenario.open - $0.base.open)
            },
            .init(Column("Overdue, books", key: "overdue_base"), "overdue balance on the day, on the books") {
                Invocation.money($0.base.overdue)
            },
            .init(Column("Overdue, scenario", key: "overdue_scenario"), "overdue balance on the day, in the scenario") {
                Invocation.money($0.scenario.overdue)
            },
            .init(Column("Change", key: "overdue_change"), "the scenario's overdue balance less the books'") {
                Invocation.money($0.scenario.overdue - $0.base.overdue)
            },
        ])

    /// `whatif diff --cash`, section `cash`: expected collections per month, books against scenario.
    static let whatifCashSpec = TableSpec<(month: String, base: Money, scenario: Money)>(
        "whatif diff --cash",
        [
            .init(Column("Month", key: "month"), "YYYY-MM, or later for what is expected after the last month") {
                $0.month.hasPrefix("2") ? .text($0.month) : .term($0.month)  // later: a word, translated
            },
            .init(Column("Books", key: "base_expected"), "collections expected on the books") {
                Invocation.money($0.base)
            },
            .init(Column("Scenario", key: "scenario_expected"), "collections expected in the scenario") {
                Invocation.money($0.scenario)
            },
            .init(Column("Change", key: "change"), "the scenario's less the books'") {
                Invocation.money($0.scenario - $0.base)
            },
        ])
}

extension Catalog {
    /// The books' and the open scenario's whole-portfolio ledgers, read at the same time: the books
    /// through a reader of the WAL pool on another thread, the scenario through the writer here.
    static func bookAndScenarioLedgers(_ inv: Invocation) throws -> (base: Ledger, scenario: Ledger) {
        let ws = inv.workspace
        let base = Background { () throws(StoreError) in try ws.ledger(base: true) }
        let scenario = try inv.store { () throws(StoreError) in try ws.ledger(base: false) }
        return (try inv.store { () throws(StoreError) in try base.value() }, scenario)
    }
}

/// A value worked out on another thread (the second core) while this one goes on; `value()` waits for it.
/// The work must read the books through its own connection (a reader of the WAL pool).
final class Background<T>: @unchecked Sendable {
    private var result: Result<T, StoreError>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws(StoreError) -> T) {
        let thread = Thread { [self] in
            result = Result { () throws(StoreError) in try work() }; done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func value() throws(StoreError) -> T {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }
}
