import Foundation
import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    /// Commands about the shell itself: help, variables, scripts, leaving, the workspace.
    static var sessionCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["help"], summary: "list commands, or explain one",
                    arguments: [
                        ArgumentSpec(
                            "command", help: "a command, e.g. 'customer show'", completion: .domain("command"),
                            optional: true, variadic: true)
                    ],
                    examples: ["help", "help customer show", "help import"])
            ) { inv in
                let words = inv.parsed.arguments("command")
                let table = Catalog.table
                let tr = inv.session.tr
                if words.isEmpty { return .output(.text(table.helpIndex(tr))) }
                let name = words.joined(separator: " ")
                if let spec = table.specs.first(where: {
                    $0.name == name || $0.aliases.contains(where: { $0.joined(separator: " ") == name })
                }) {
                    return .output(.text(table.help(for: spec, tr)))
                }
                let group = table.specs.filter { $0.path.starts(with: words) }
                if !group.isEmpty {
                    return .output(.text(group.map { table.help(for: $0, tr) }.joined(separator: "\n")))
                }
                let names = table.specs.map(\.name)
                throw ShellError(
                    "no command '\(name)'",
                    hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
                        ?? "type 'help' for the list",
                    column: inv.parsed.column(ofArgument: "command"))
            },
            Command(
                spec: CommandSpec(
                    ["set"], summary: "set a variable, pin today's date, choose the default format or the language",
                    discussion: """
                        'set NAME VALUE' defines $NAME for the rest of the session or script. Two names are special:
                        'set today 2024-06-30' pins the date for this shell or script alone (used wherever --as-of is
                        not given; colleagues on the workspace keep theirs; 'set today off' returns to the workspace's
                        date), and 'set format table|csv|json' changes the default output format of this session.
                        'set language zh|en' shows help, messages and table headers in Chinese or English (command
                        words, options, CSV and JSON stay the same); typed at the prompt it is saved as your choice
                        for the shells you open later, in a script it holds for the script alone. 'set pager off' prints
                        long output straight to the terminal instead of through $PAGER (default 'less -FRX'); scripts
                        never page.
                        'workspace pin-date' pins a date for everyone on the workspace. 'set' alone lists the variables.
                        """,
                    arguments: [
                        ArgumentSpec(
                            "name", help: "variable name: letters, digits and _", completion: .domain("variable"),
                            optional: true),
                        ArgumentSpec(
                            "value", help: "the value (words are joined with spaces)", optional: true, variadic: true),
                    ],
                    examples: [
                        "set today 2024-06-30", "set cust C000123", "set format json", "set today off",
                        "set language zh",
                    ])
            ) { inv in try Catalog.set(inv) },
            Command(
                spec: CommandSpec(
                    ["unset"], summary: "remove a variable",
                    arguments: [ArgumentSpec("name", help: "variable name", completion: .domain("variable"))],
                    examples: ["unset cust"])
            ) { inv in
                let name = inv.argument("name")
                guard inv.session.variables.removeValue(forKey: name) != nil else {
                    throw ShellError(
                        "no variable '\(name)'", hint: "'set' lists the variables",
                        column: inv.parsed.column(ofArgument: "name"))
                }
                return .output(.empty)
            },
            Command(
                spec: CommandSpec(
                    ["source"], summary: "run the commands of a script file",
                    discussion:
                        "Runs FILE line by line as if typed, stopping at its first error (with FILE:LINE:COLUMN).",
                    arguments: [ArgumentSpec("file", help: "a script of recoup commands", completion: .file)],
                    examples: ["source scripts/examples/month-end.recoup"])
            ) { inv in try Catalog.source(inv) },
            Command(
                spec: CommandSpec(
                    ["quit"], aliases: [["exit"]], summary: "leave the shell (Ctrl-D does too)", examples: ["quit"])
            ) { _ in .quit },
            Command(
                spec: CommandSpec(
                    ["workspace", "info"], summary: "show the workspace file, its records and its pinned date",
                    options: [.format], examples: ["workspace info"])
            ) { inv in
                let counts = try inv.store { () throws(StoreError) in try inv.workspace.counts() }
                let pinned = try inv.store { () throws(StoreError) in try inv.workspace.setting("today") }
                let whose =
                    inv.session.pinnedToday != nil
                    ? " (pinned for this shell)" : pinned != nil ? " (pinned for the workspace)" : " (calendar)"
                return .output(
                    .record(
                        [
                            Field("path", title: "Workspace", .text(inv.workspace.path)),
                            Field("today", title: "Today", .text(try inv.session.today().iso + whose)),
                            Field("workspace_date", title: "Workspace date", .text(pinned ?? "calendar")),
                            Field(
                                "writable", title: "Writable",
                                .text(inv.workspace.readOnlyReason.map { "no: " + $0 } ?? "yes")),
                            Field("operator", title: "Operator", .text(inv.session.operatorName)),
                        ]
                            + RecordKind.allCases.map {
                                Field($0.rawValue, title: $0.rawValue.capitalized, .number(String(counts[$0] ?? 0)))
                            }))
            },
            Command(
                spec: CommandSpec(
                    ["workspace", "pin-date"],
                    summary: "pin today's date for everyone on the workspace, or 'off' for the calendar",
                    discussion: """
                        The pinned date is kept in the workspace, journaled, shown in 'workspace info' and in the prompt, and
                        used by every shell and nightly job wherever --as-of is not given (a shell's own 'set today' comes
                        first). A demo or a month-end close pins one; 'workspace pin-date off' returns to the calendar.
                        """,
                    arguments: [ArgumentSpec("date", help: "YYYY-MM-DD, or off")],
                    examples: ["workspace pin-date 2026-11-30", "workspace pin-date off"]),
                effect: { _ in .outsideScenario }
            ) { inv in
                let text = inv.argument("date")
                let value: String?
                if ["off", "none", "clear"].contains(text) {
                    value = nil
                } else if let d = Day(text) {
                    value = d.iso
                } else {
                    throw ShellError(
                        "bad date '\(text)'", hint: "write YYYY-MM-DD, or 'off' for the calendar",
                        column: inv.parsed.column(ofArgument: "date"))
                }
                try inv.store { () throws(StoreError) in
                    try inv.workspace.setSetting("today", value, context: inv.change)
                }
                return .output(
                    inv.session.interactive
                        ? .text(
                            value.map { "the workspace's date is pinned to \($0)\n" }
                                ?? "the workspace follows the calendar\n") : .empty)
            },
            Command(
                spec: CommandSpec(
                    ["workspace", "create"],
                    summary: "create a new, empty workspace: a file, or in an empty PostgreSQL database",
                    arguments: [
                        ArgumentSpec(
                            "path", help: "the new workspace file, or a postgres:// address", completion: .file)
                    ],
                    examples: ["workspace create team.db"])
            ) { inv in
                let path = inv.argument("path")
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw ShellError(
                        "'\(path)' exists already", hint: "recoup -w \(path) opens it",
                        column: inv.parsed.column(ofArgument: "path"))
                }
                guard let open = inv.session.opener else {
                    throw ShellError("this shell cannot create workspaces", hint: "recoup --create -w \(path)")
                }
                // A database address (nothing on disk to look at): one that opens holds a workspace already.
                if path.hasPrefix("postgres"), (try? open(path, false)) != nil {
                    throw ShellError(
                        "'\(path)' holds a workspace already", hint: "recoup -w \(path) opens it",
                        column: inv.parsed.column(ofArgument: "path"))
                }
                _ = try inv.store(column: inv.parsed.column(ofArgument: "path")) { () throws(StoreError) in
                    try open(path, true)
                }
                return .output(.text("created workspace \(path); open it with: recoup -w \(path)\n"))
            },
            Command(
                spec: CommandSpec(
                    ["workspace", "copy"],
                    summary: "copy the whole workspace into a new file or an empty PostgreSQL database, checked",
                    discussion:
                        "Copies the books, the journal, the policy, saved scenarios and operators in one transaction on the target, from one snapshot of this workspace, then checks the copy (every table's row count and the journal's chain to the same newest entry) before it reports success. The target is a new file or an empty database (postgres://USER@HOST[:PORT]/DATABASE); SQLite to PostgreSQL or back.",
                    arguments: [
                        ArgumentSpec(
                            "target", help: "a new workspace file, or a postgres:// address", completion: .file)
                    ],
                    examples: [
                        "workspace copy postgres://recoup@db.example.com/collections", "workspace copy backup.db",
                    ])
            ) { inv in
                let target = inv.argument("target")
                let column = inv.parsed.column(ofArgument: "target")
                if !target.hasPrefix("postgres"), FileManager.default.fileExists(atPath: target) {
                    throw ShellError("'\(target)' exists already", hint: "copy into a new file", column: column)
                }
                guard let open = inv.session.opener else {
                    throw ShellError("this shell cannot open other workspaces", hint: "run recoup -w WORKSPACE")
                }
                let report = try inv.store(column: column) { () throws(StoreError) in
                    try inv.workspace.copy(into: try open(target, true))
                }
                let rows = report.rows.values.reduce(0, +)
                return .output(
                    .text(
                        "copied \(rows) rows (\(report.rows["customer"] ?? 0) customers, \(report.rows["invoice"] ?? 0) invoices, \(report.rows["payment"] ?? 0) payments) and \(report.journalEntries) journal entries into \(report.target); counts and the journal's chain checked\n"
                    ))
            },
            Command(
                spec: CommandSpec(
                    ["workspace", "backup"],
                    summary: "write a consistent copy of the workspace to a new file while colleagues keep writing",
                    discussion:
                        "SQLite's online backup: a snapshot of the last commit, taken without stopping anyone (colleagues' writes go on and land after it). Written beside FILE and moved into place, so a failed backup leaves no file; the copy is then opened and checked as 'workspace check' does. A workspace on PostgreSQL is backed up with the server's pg_dump (the error says the command).",
                    arguments: [ArgumentSpec("file", help: "a new file for the copy", completion: .file)],
                    examples: ["workspace backup /mnt/backup/recoup-2026-12-03.db"])
            ) { inv in
                let file = inv.argument("file")
                let column = inv.parsed.column(ofArgument: "file")
                try inv.store(column: column) { () throws(StoreError) in try inv.workspace.backup(into: file) }
                guard let open = inv.session.opener else {
                    return .output(.text("backed up into \(file)\n"))
                }
                let check = try inv.store { () throws(StoreError) in try open(file, false).check() }
                guard check.holds else {
                    throw ShellError(
                        "the backup in \(file) does not check: \(Self.damage(check))",
                        hint: "the workspace itself may be damaged: run 'workspace check'")
                }
                return .output(
                    .text(
                        "backed up into \(file): \(check.customers) customers, \(check.invoices) invoices, \(check.payments) payments, journal to entry \(check.journal.lastSequence ?? 0); the copy checked\n"
                    ))
            },
            Command(
                spec: CommandSpec(
                    ["workspace", "check"],
                    summary: "check the workspace's storage and the journal's chain; exit 1 on damage",
                    discussion:
                        "Runs SQLite's integrity check (every page, index and constraint) and its foreign-key check, then recomputes the journal's hash chain. Prints what holds, or fails naming what is damaged (a page, an index, a missing reference, the first journal entry that does not hold), so a nightly job stops before it backs up a damaged file over a good one. On PostgreSQL the server checks its own storage; the journal's chain is checked.",
                    examples: ["workspace check"])
            ) { inv in
                let check = try inv.store { () throws(StoreError) in try inv.workspace.check() }
                guard check.holds else {
                    throw ShellError(
                        "the workspace is damaged: \(Self.damage(check))",
                        hint:
                            "restore it from the last good backup ('workspace backup FILE' each night, then 'workspace check' on the copy)"
                    )
                }
                return .output(
                    .text(
                        "workspace holds: \(check.checked): ok; journal: \(check.journal.count) entries chained\(check.journal.lastHash.map { ", last hash \($0.prefix(16))" } ?? ""); \(check.customers) customers, \(check.invoices) invoices, \(check.payments) payments\n"
                    ))
            },
            Command(
                spec: CommandSpec(
                    ["generate", "portfolio"],
                    summary: "write a deterministic synthetic portfolio as canonical CSV files",
                    discussion:
                        "Writes customers.csv, contracts.csv, invoices.csv and payments.csv into DIR: about ten invoices a customer over the two years before --end. The same options always give the same files.",
                    arguments: [
                        ArgumentSpec(
                            "dir", help: "folder to write the files into (created if missing)", completion: .directory)
                    ],
                    options: [
                        OptionSpec("--customers", value: "N", help: "how many customers (default 300)"),
                        OptionSpec("--seed", value: "N", help: "random seed (default 20261129)"),
                        OptionSpec(
                            "--end", value: "DATE", help: "last day of the generated history (default 2026-11-30)"),
                    ],
                    examples: [
                        "generate portfolio demo/data --customers 300",
                        "generate portfolio /tmp/big --customers 100000",
                    ])
            ) { inv in
                let n = try inv.integer("--customers", default: 300, range: 1...10_000_000)
                let seed = try inv.integer("--seed", default: 20261129, range: 0...Int.max)
                var end = Day("2026-11-30")!
                if let text = inv.parsed.value("--end") {
                    guard let d = Day(text) else {
                        throw ShellError(
                            "bad date '\(text)' for --end", hint: "write dates as YYYY-MM-DD",
                            column: inv.parsed.column(ofOption: "--end"))
                    }
                    end = d
                }
                let p = PortfolioGenerator(customers: n, seed: UInt64(seed), end: end).generate()
                let dir = inv.argument("dir")
                try inv.store(column: inv.parsed.column(ofArgument: "dir")) { () throws(StoreError) in
                    try PortfolioFiles.write(p, to: dir)
                }
                return .output(
                    .text(
                        "wrote \(p.customers.count) customers, \(p.contracts.count) contracts, \(p.invoices.count) invoices, \(p.payments.count) payments to \(dir)\n"
                    ))
            },
        ]
    }

    /// What `workspace check` found damaged, in one line (the first problems, then how many more).
    static func damage(_ check: WorkspaceCheck) -> String {
        var parts = check.problems.prefix(5).map { $0 }
        if check.problems.count > 5 { parts.append("and \(check.problems.count - 5) more problems") }
        if !check.journal.holds {
            parts.append("journal entry \(check.journal.brokenAt ?? 0) does not hold: \(check.journal.problem ?? "")")
        }
        return parts.joined(separator: "; ")
    }

    /// `set` alone: one row per variable of the session, by name.
    static let variableSpec = TableSpec<(name: String, value: String)>(
        "set",
        [
            .init(Column("Name", key: "name"), "the variable's name ($NAME)") { .text($0.name) },
            .init(Column("Value", key: "value"), "its value") { .text($0.value) },
        ])

    static func set(_ inv: Invocation) throws -> Outcome {
        guard let name = inv.parsed.argument("name") else {
            let rows = inv.session.variables.keys.sorted().map { (name: $0, value: inv.session.variables[$0]!) }
            return .output(.table(variableSpec.table(rows)))
        }
        let value = inv.parsed.arguments("value").joined(separator: " ")
        let valueColumn = inv.parsed.column(ofArgument: "value")
        guard
            name.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)) || $0 == "_")
            })
        else {
            throw ShellError(
                "bad variable name '\(name)'", hint: "use letters, digits and _",
                column: inv.parsed.column(ofArgument: "name"))
        }
        switch name {
        case "today":
            if value.isEmpty { return .output(.text(try inv.session.today().iso + "\n")) }
            if ["off", "none", "clear"].contains(value) {
                inv.session.pinnedToday = nil
            } else if let d = Day(value) {
                inv.session.pinnedToday = d
            } else {
                throw ShellError(
                    "bad date '\(value)' for today", hint: "write YYYY-MM-DD, or 'off' to follow the workspace's date",
                    column: valueColumn)
            }
        case "format":
            guard let f = OutputFormat(rawValue: value) else {
                throw ShellError("bad format '\(value)'", hint: "choose table, csv or json", column: valueColumn)
            }
            inv.session.defaultFormat = f
        case "language":
            guard Localization.catalogue(value) != nil else {
                throw ShellError("bad language '\(value)'", hint: "choose zh or en", column: valueColumn)
            }
            inv.session.language = value
            if inv.session.interactive { try? Localization.save("language", value) }
        case "pager":
            guard ["on", "off"].contains(value) else {
                throw ShellError("bad value '\(value)' for pager", hint: "choose on or off", column: valueColumn)
            }
            inv.session.pager = value == "on" && inv.session.interactive
            if inv.session.interactive { try? Localization.save("pager", value) }
        default:
            guard !value.isEmpty else {
                throw ShellError(
                    "'set \(name)' needs a value", hint: "set \(name) VALUE",
                    column: inv.parsed.column(ofArgument: "name"))
            }
        }
        inv.session.variables[name] = value
        return .output(.empty)
    }
}
