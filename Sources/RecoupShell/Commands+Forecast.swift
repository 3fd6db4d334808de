import LineEditing
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// The collections forecast: expected collections by month (the model is `Forecast`'s, see
/// docs/FORECAST.md), with a bar chart in table format and base against scenario inside a what-if.
extension Catalog {
    static var forecastCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["forecast"],
                    summary:
                        "expected collections by month from open invoices and plan installments, weighted by payment history",
                    discussion:
                        "Each open amount is expected on its due date (today for overdue amounts) plus the customer's average days late, times the share of their matured invoices they have paid (halved for amounts over 365 days overdue); customers with fewer than 3 paid or matured invoices take the portfolio's figures. Due is the open amount by the month it falls due. The last row, later, sums what lands after the last month. Inside a what-if scenario the base and the scenario are shown side by side. In table format each month has a bar.",
                    options: [
                        OptionSpec(
                            "--months", value: "N",
                            help:
                                "number of calendar months, starting with the month of --as-of (default 12, at most 120)"
                        ),
                        OptionSpec(
                            "--customer", value: "CUSTOMER",
                            help:
                                "only this customer's open amounts (the portfolio's figures still come from everyone)",
                            completion: .domain("customer")),
                        .asOf, .format,
                    ],
                    examples: [
                        "forecast", "forecast --months 6 --format csv", "forecast --customer C000001 --months 3",
                        "forecast --as-of 2024-06-30 --format json",
                    ])
            ) { inv in try Catalog.forecast(inv) }
        ]
    }

    static func forecast(_ inv: Invocation) throws -> Outcome {
        let months = try inv.integer("--months", default: 12, range: 1...120)
        let asOf = try inv.asOf()
        let customer = try inv.parsed.value("--customer").map { _ in try inv.resolveCustomer("--customer").id }
        let ws = inv.workspace
        let policy = try inv.store { () throws(StoreError) in try ws.policy() }
        let promises = try inv.store { () throws(StoreError) in try ws.promises(customer: customer) }
        func project(_ ledger: Ledger) -> Forecast {
            let filter = customer.map { id in Set(ledger.customerIds.firstIndex(of: id).map { [$0] } ?? []) }
            let position = Dictionary(uniqueKeysWithValues: ledger.customerIds.enumerated().map { ($1, $0) })
            var promised: [Int: [(day: Day, amount: Money)]] = [:]
            for s in CaseBook.standings(promises, ledger: ledger, policy: policy, asOf: asOf) where s.status == .pending
            {
                if let c = position[s.promise.customerId] {
                    promised[c, default: []].append((s.promise.promisedOn, s.promise.amount - s.paid))
                }
            }
            return Forecast.project(ledger, asOf: asOf, months: months, customers: filter, promised: promised)
        }
        let format = inv.parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? inv.session.defaultFormat
        let width = inv.session.interactive ? Terminal.width : 80
        let title =
            customer.map { Invocation.tr("Expected collections as of \(asOf.iso) for \($0)") }
            ?? Invocation.tr("Expected collections as of \(asOf.iso)")
        if inv.session.scenario != nil {
            let ledgers = try bookAndScenarioLedgers(inv)
            let base = project(ledgers.base), scenario = project(ledgers.scenario)
            return .output(
                .table(sideBySide(base: base, scenario: scenario, title: title, bars: format == .table ? width : nil)))
        }
        return .output(
            .table(
                table(
                    project(try inv.store { () throws(StoreError) in try ws.ledger(base: false) }), title: title,
                    bars: format == .table ? width : nil)))
    }

    /// One row of `forecast`: a month, or the last row `later` (no promised amount, no bar).
    struct ForecastLine {
        var month: String
        var expected: Money
        var due: Money
        var promised: Money?
        /// The chart's bar, in table format only.
        var bar: String? = nil
    }

    /// month, expected, due, and a last row `later`; with `bars`, a chart column fitted to that width.
    static func table(_ f: Forecast, title: String, bars width: Int?) -> Table {
        var rows = f.months.map {
            ForecastLine(month: $0.month, expected: $0.expected, due: $0.due, promised: $0.promised)
        }
        rows.append(ForecastLine(month: Invocation.tr("later"), expected: f.later, due: f.laterDue, promised: nil))
        let plain = withoutBar(forecastSpec).table(rows)
        guard let width else { return plain }
        let room = barRoom(plain.rows, plain.columns, width: width)
        let top = f.months.map(\.expected.minorUnits).max() ?? 0
        for (k, m) in f.months.enumerated() {
            rows[k].bar = bar(m.expected.minorUnits, of: top, cells: room)
        }
        return forecastSpec.table(rows, title: title)
    }

    /// `forecast`: one row per month, then `later`.
    static let forecastSpec = TableSpec<ForecastLine>(
        "forecast",
        [
            .init(Column("Month", key: "month"), "YYYY-MM, or later for what lands after the last month") {
                $0.month.hasPrefix("2") ? .text($0.month) : .term($0.month)  // later: a word, translated
            },
            .init(Column("Expected", key: "expected"), "the collections expected to land in the month") {
                Invocation.money($0.expected)
            },
            .init(
                Column("Due", key: "due"), "the open amount falling due in the month (all that is overdue in the first)"
            ) { Invocation.money($0.due) },
            .init(Column("Promised", key: "promised"), "the part of expected that pending promises bring in") {
                Invocation.money($0.promised)
            },
            .init(
                Column("", key: "bar", alignment: .left), "the month's expected amount as a bar (table format only)"
            ) { Invocation.text($0.bar) },
        ])

    /// One row of `forecast` inside a what-if scenario: a month, or the last row `later` (no bar).
    struct ForecastChange {
        var month: String
        var base: Money
        var scenario: Money
        /// The chart's bar, in table format only.
        var bar: String? = nil
    }

    /// month, base_expected, scenario_expected, change; with `bars`, the scenario against the base.
    static func sideBySide(base: Forecast, scenario: Forecast, title: String, bars width: Int?) -> Table {
        var rows = zip(base.months, scenario.months).map {
            ForecastChange(month: $0.month, base: $0.expected, scenario: $1.expected)
        }
        rows.append(ForecastChange(month: Invocation.tr("later"), base: base.later, scenario: scenario.later))
        let plain = withoutBar(forecastChangeSpec).table(rows)
        guard let width else { return plain }
        let room = barRoom(plain.rows, plain.columns, width: width)
        let top =
            zip(base.months, scenario.months).map { max($0.expected.minorUnits, $1.expected.minorUnits) }.max() ?? 0
        for (k, (b, s)) in zip(base.months, scenario.months).enumerated() {
            let bc = cells(b.expected.minorUnits, of: top, room: room),
                sc = cells(s.expected.minorUnits, of: top, room: room)
            let common = min(bc, sc)
            rows[k].bar =
                String(repeating: "█", count: common)
                + String(repeating: sc > bc ? "▒" : "░", count: max(bc, sc) - common)
        }
        return forecastChangeSpec.table(rows, title: Invocation.tr("\(title) (█ both, ▒ more in the scenario, ░ less)"))
    }

    /// `forecast` inside a what-if scenario: the base's expected collections against the scenario's.
    static let forecastChangeSpec = TableSpec<ForecastChange>(
        "forecast (in a what-if scenario)",
        [
            .init(Column("Month", key: "month"), "YYYY-MM, or later for what lands after the last month") {
                $0.month.hasPrefix("2") ? .text($0.month) : .term($0.month)  // later: a word, translated
            },
            .init(Column("Base", key: "base_expected"), "expected collections by the books as they are") {
                Invocation.money($0.base)
            },
            .init(Column("Scenario", key: "scenario_expected"), "expected collections in the scenario") {
                Invocation.money($0.scenario)
            },
            .init(Column("Change", key: "change"), "scenario less base") { Invocation.money($0.scenario - $0.base) },
            .init(
                Column("", key: "bar", alignment: .left),
                "the scenario against the base as a bar (table format only)"
            ) { Invocation.text($0.bar) },
        ])

    /// A spec without its last column, the chart's bar (CSV, JSON, and the layout before the bar is drawn).
    static func withoutBar<Row>(_ spec: TableSpec<Row>) -> TableSpec<Row> {
        var s = spec
        s.columns.removeLast()
        return s
    }

    /// Cells left for the chart once the other columns (and the two-space gaps) are laid out:
    /// at least 10, at most 60.
    static func barRoom(_ rows: [[Cell]], _ columns: [Column], width: Int) -> Int {
        let used =
            columns.indices.map { c in
                rows.map { DisplayWidth.of($0[c].plain) }.reduce(DisplayWidth.of(columns[c].title), max)
            }.reduce(0, +) + 2 * columns.count
        return min(60, max(10, width - used))
    }

    /// Whole cells for `value` on a chart where `top` takes `room` cells (a drawing, so floating
    /// point is fine here: no amount is computed).
    static func cells(_ value: Int64, of top: Int64, room: Int) -> Int {
        guard top > 0, value > 0 else { return 0 }
        return Int((Double(value) / Double(top) * Double(room)).rounded())
    }

    /// A bar of `value` on a chart where `top` takes `room` cells, to the eighth of a cell.
    static func bar(_ value: Int64, of top: Int64, cells room: Int) -> String {
        guard top > 0, value > 0 else { return "" }
        let eighths = Int((Double(value) / Double(top) * Double(room * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
