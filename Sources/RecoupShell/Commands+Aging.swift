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
        let keyColumns: [(column: Column, about: String)]
        var rows: [AgingLine]
        switch by {
        case "contract":
            let r = aging.rows(ledger, allocation) { c, i in GroupKey(a: Int(ledger.invoiceContract[i]), b: c) }
            rows = r.map { (k, v) in
                AgingLine([k.a >= 0 ? ledger.contractIds[k.a] : "", ledger.customerIds[k.b]], v, total: v.total)
            }
            keyColumns = [agingContractKey, agingCustomerKey]
        case "agent", "segment":
            let customers = try inv.store { () throws(StoreError) in try inv.workspace.customers() }
            let label = customers.map { (by == "agent" ? $0.agent : $0.segment) ?? "" }
            let r = aging.rows(ledger, allocation) { c, _ in label[c] }
            rows = r.map { AgingLine([$0.key], $0.value, total: $0.value.total) }
            keyColumns = [by == "agent" ? agingAgentKey : agingSegmentKey]
        default:
            // Customers come in id byte order already.
            rows = zip(ledger.customerIds, aging.rowsByCustomer(ledger, allocation)).compactMap { id, row in
                let total = row.total
                return total > 0 ? AgingLine([id], row, total: total) : nil
            }
            keyColumns = [agingCustomerKey]
        }
        if by != "customer" {
            rows.sort { $0.keys.lexicographicallyPrecedes($1.keys) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        }
        let labels = aging.labels
        if format != .table {
            return .output(.table(agingSpec(keys: keyColumns, labels: labels, disputed: false).table(rows)))
        }
        // The table closes with a total row: "Total" under the first key, the sums under the amounts.
        var buckets = [Int64](repeating: 0, count: labels.count)
        var disputed: Int64 = 0, total: Int64 = 0
        for r in rows {
            for (k, v) in r.buckets.enumerated() { buckets[k] += v }
            disputed += r.disputed
            total += r.total
        }
        rows.append(AgingLine(keys: [Invocation.tr("Total")], buckets: buckets, disputed: disputed, total: total))
        let table = agingSpec(keys: keyColumns, labels: labels, disputed: true).table(rows)
        let chart = agingChart(
            labels: labels, totals: buckets, width: inv.session.interactive ? Terminal.width : 80)
        return .output(
            .document([
                Section("aging", title: "Aging as of \(asOf.iso), by \(by)", .table(table)),
                Section("buckets", title: "Buckets", .text(chart)),
            ]))
    }

    struct GroupKey: Hashable { var a: Int; var b: Int }

    /// One row of `aging`: a group's key values and aged amounts (minor units), or the total row.
    struct AgingLine {
        /// One value per key column; the total row has only `Total` (its other key cells are empty).
        var keys: [String]
        /// In `Aging.labels` order.
        var buckets: [Int64]
        var disputed: Int64
        var total: Int64

        init(keys: [String], buckets: [Int64], disputed: Int64, total: Int64) {
            self.keys = keys
            self.buckets = buckets
            self.disputed = disputed
            self.total = total
        }

        init(_ keys: [String], _ row: Aging.Row, total: Int64) {
            self.init(keys: keys, buckets: row.buckets, disputed: row.disputed, total: total)
        }
    }

    /// The key columns of `aging`, by `--by`: customer (the default), contract (with the customer), agent, segment.
    static let agingCustomerKey = (column: Column("Customer", key: "customer_id"), about: "the customer's id")
    static let agingContractKey = (
        column: Column("Contract", key: "contract_id"), about: "the contract's id, empty for invoices under none"
    )
    static let agingAgentKey = (
        column: Column("Agent", key: "agent"), about: "the collector the customers are assigned to, empty for none"
    )
    static let agingSegmentKey = (
        column: Column("Segment", key: "segment"), about: "the customers' segment, empty for none"
    )

    /// `aging`'s columns: the grouping's keys, one amount per bucket (keyed by its label), in table format the
    /// disputed part, and the total. Made at run time: the buckets follow `--buckets` or the policy.
    static func agingSpec(keys: [(column: Column, about: String)], labels: [String], disputed: Bool)
        -> TableSpec<AgingLine>
    {
        var columns: [TableSpec<AgingLine>.Col] = []
        for (k, key) in keys.enumerated() {
            columns.append(.init(key.column, key.about) { k < $0.keys.count ? .text($0.keys[k]) : .empty })
        }
        for (k, label) in labels.enumerated() {
            var about = "the open amount \(label) days past due (a column per bucket of --buckets or aging.buckets)"
            if label == "current" { about = "the open amount not yet due on the day" }
            columns.append(
                .init(Column(label, key: label), about) { Invocation.money(Money(minorUnits: $0.buckets[k])) })
        }
        if disputed {
            columns.append(
                .init(
                    Column("Disputed", key: "disputed"),
                    "the part of the open amount a dispute holds (table format only)"
                ) { Invocation.money(Money(minorUnits: $0.disputed)) })
        }
        columns.append(
            .init(Column("Total", key: "total"), "the group's open amount on the day") {
                Invocation.money(Money(minorUnits: $0.total))
            })
        return TableSpec("aging", columns)
    }

    /// `aging` for the reference: every grouping's key columns, the default policy's buckets, the table's columns.
    static var agingReference: OutputReference {
        agingSpec(
            keys: [agingContractKey, agingCustomerKey, agingAgentKey, agingSegmentKey],
            labels: Aging(bounds: Policy().agingBounds).labels, disputed: true
        ).reference
    }

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
