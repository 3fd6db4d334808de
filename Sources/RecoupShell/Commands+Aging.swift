import Foundation
import LineEditing
import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    static var agingCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["aging"],
                    summary:
                        "open amounts as of a day: current and days-past-due buckets, by customer, contract, agent or segment",
                    discussion: """
                        Buckets count days past the due date with inclusive upper bounds (with 30,60,90: 1-30,
                        31-60, 61-90, 91+; 31 days late is 31-60); amounts not yet due are current. Open amounts
                        follow the allocation rule exactly (payments received on or before the day). --format csv
                        with --by customer prints customer_id,current,1-30,31-60,61-90,91+,total (the bucket
                        columns follow --buckets), one row per customer with an open amount. The table adds the
                        disputed part, totals and, on a terminal, a bar per bucket.
                        """,
                    options: [
                        .asOf,
                        OptionSpec(
                            "--by", value: "GROUP", help: "customer (default), contract, agent or segment",
                            completion: .values(["customer", "contract", "agent", "segment"])),
                        OptionSpec(
                            "--buckets", value: "DAYS,...",
                            help: "upper bounds of the overdue buckets (default: the policy's aging.buckets, 30,60,90)"),
                        .format,
                    ],
                    examples: [
                        "aging --as-of 2024-05-31 --by customer --format csv", "aging --by agent",
                        "aging --buckets 30,60,90,180 --by segment",
                    ])
            ) { inv in try Catalog.aging(inv) }
        ]
    }

    static func aging(_ inv: Invocation) throws -> Outcome {
        let asOf = try inv.asOf()
        var bounds = try inv.store { () throws(StoreError) in try inv.workspace.policy() }.agingBounds
        if let text = inv.parsed.value("--buckets") {
            guard let b = Policy.bounds(text) else {
                throw ShellError(
                    "bad --buckets '\(text)'", hint: "increasing whole numbers of days, e.g. 30,60,90",
                    column: inv.parsed.column(ofOption: "--buckets"))
            }
            bounds = b
        }
        let aging = Aging(bounds: bounds)
        let ledger = try inv.portfolioLedger()
        let allocation = ledger.allocate(asOf: asOf)
        let by = inv.parsed.value("--by") ?? "customer"
        let format = inv.parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? inv.session.defaultFormat
        var keyColumns: [Column]
        var rows: [(keys: [String], row: Aging.Row)]
        switch by {
        case "contract":
            let r = aging.rows(ledger, allocation) { c, i in GroupKey(a: Int(ledger.invoiceContract[i]), b: c) }
            rows = r.map { (k, v) in ([k.a >= 0 ? ledger.contractIds[k.a] : "", ledger.customerIds[k.b]], v) }
            keyColumns = [Column("Contract", key: "contract_id"), Column("Customer", key: "customer_id")]
        case "agent", "segment":
            let customers = try inv.store { () throws(StoreError) in try inv.workspace.customers() }
            let label = customers.map { (by == "agent" ? $0.agent : $0.segment) ?? "" }
            let r = aging.rows(ledger, allocation) { c, _ in label[c] }
            rows = r.map { ([$0.key], $0.value) }
            keyColumns = [Column(by.capitalized, key: by)]
        default:
            // Customers come in id byte order already.
            rows = zip(ledger.customerIds, aging.rowsByCustomer(ledger, allocation)).compactMap {
                $1.total > 0 ? ([$0], $1) : nil
            }
            keyColumns = [Column("Customer", key: "customer_id")]
        }
        if by != "customer" {
            rows.sort { $0.keys.lexicographicallyPrecedes($1.keys) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        }
        let labels = aging.labels
        let amountColumns = labels.map { Column($0, key: $0) } + [Column("Total", key: "total")]
        if format != .table {
            return .output(
                .table(
                    Table(
                        columns: keyColumns + amountColumns,
                        rows: rows.map { r in
                            r.keys.map { Cell.text($0) }
                                + (r.row.buckets + [r.row.total]).map { Invocation.money(Money(minorUnits: $0)) }
                        })))
        }
        var totals = [Int64](repeating: 0, count: labels.count + 2)
        var tableRows: [[Cell]] = rows.map { r in
            for (k, v) in r.row.buckets.enumerated() { totals[k] += v }
            totals[labels.count] += r.row.disputed
            totals[labels.count + 1] += r.row.total
            return r.keys.map { Cell.text($0) }
                + (r.row.buckets + [r.row.disputed, r.row.total]).map { Invocation.money(Money(minorUnits: $0)) }
        }
        tableRows.append(
            [Cell.text("Total")] + Array(repeating: Cell.empty, count: keyColumns.count - 1)
                + totals.map { Invocation.money(Money(minorUnits: $0)) })
        let table = Table(
            columns: keyColumns + labels.map { Column($0, key: $0) }
                + [Column("Disputed", key: "disputed"), Column("Total", key: "total")], rows: tableRows)
        let chart = agingChart(
            labels: labels, totals: Array(totals.prefix(labels.count)),
            width: inv.session.interactive ? Terminal.width : 80)
        return .output(
            .document([
                Section("aging", title: "Aging as of \(asOf.iso), by \(by)", .table(table)),
                Section("buckets", title: "Buckets", .text(chart)),
            ]))
    }

    struct GroupKey: Hashable { var a: Int; var b: Int }

    /// One bar per bucket, scaled to the largest, with its amount and share of the total.
    static func agingChart(labels: [String], totals: [Int64], width: Int) -> String {
        let top = max(1, totals.max() ?? 1), sum = max(1, totals.reduce(0, +))
        let labelWidth = labels.map(\.count).max() ?? 7
        let barWidth = max(10, min(50, width - labelWidth - 30))
        var out = ""
        for (label, v) in zip(labels, totals) {
            let cells = Int((Double(v) / Double(top) * Double(barWidth)).rounded())
            let amount = Money(minorUnits: v).grouped
            let share = Double(v) * 100 / Double(sum)
            out +=
                label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: "█", count: cells) + String(repeating: " ", count: barWidth - cells)
                + "  " + String(repeating: " ", count: max(0, 16 - amount.count)) + amount
                + String(format: "  %5.1f%%", share) + "\n"
        }
        return out
    }
}
