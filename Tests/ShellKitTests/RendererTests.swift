import Foundation
import Testing
@testable import ShellKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("上海", 4), ("上海 Ltd", 8), ("e\u{301}", 1), ("ｶ", 1), ("Ａ１", 4), ("한국", 4),
        ("ひらがなカタカナ", 16), ("、。「」", 8), ("😀", 2), ("❤️", 2), ("a\u{200B}b", 2), ("", 0), ("𠀋", 2),
    ])
    func measures(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func padsAndTruncatesByCells() {
        #expect(DisplayWidth.pad("上海", to: 6) == "上海  ")
        #expect(DisplayWidth.pad("上海", to: 6, alignment: .right) == "  上海")
        #expect(DisplayWidth.pad("上海星辰", to: 4) == "上海星辰")
        #expect(DisplayWidth.truncate("上海星辰贸易", to: 7) == "上海星…")
        #expect(DisplayWidth.truncate("上海", to: 4) == "上海")
    }
}

@Suite struct RendererTests {
    let invoices = Table(
        title: "open invoices",
        columns: [Column("Customer"), Column("Invoice", key: "invoice_id"), Column("Amount")],
        rows: [
            [.text("上海星辰贸易"), .text("INV-1"), .number("1200.00")],
            [.text("Acme"), .text("INV-22"), .number("-35.5")],
            [.text("北京东方红"), .empty, .empty],
        ])

    @Test func alignsTableColumnsByDisplayWidth() {
        let text = Renderer.render(.table(invoices), as: .table)
        #expect(
            text == """
                open invoices
                Customer      Invoice   Amount
                ------------  -------  -------
                上海星辰贸易  INV-1    1200.00
                Acme          INV-22     -35.5
                北京东方红

                """)
        let rows = text.split(separator: "\n").dropFirst(3).dropLast().map(String.init)
        #expect(rows.allSatisfy { DisplayWidth.of($0) == 30 })
    }

    @Test func shrinksTextColumnsToTheWidth() {
        let text = Renderer.render(.table(invoices), as: .table, width: 26)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 26 })
        #expect(lines[3].hasPrefix("上海星…"))
        #expect(lines[3].hasSuffix("1200.00"))
    }

    /// Detail columns go first, last one first, and only as far as needed; CSV keeps them all.
    @Test func leavesOutDetailColumnsBeforeTruncating() {
        var wide = invoices
        wide.columns = [
            Column("Customer"), Column("Invoice", key: "invoice_id", detail: true), Column("Amount"),
            Column("Agent", detail: true),
        ]
        wide.rows = invoices.rows.map { $0 + [.text("A01")] }
        let full = Renderer.render(.table(wide), as: .table, width: 80)
        #expect(full.contains("Invoice") && full.contains("Agent"))
        let narrower = Renderer.render(.table(wide), as: .table, width: 30)
        #expect(narrower.contains("Invoice") && !narrower.contains("Agent") && narrower.contains("上海星辰贸易"))
        let narrowest = Renderer.render(.table(wide), as: .table, width: 23)
        #expect(!narrowest.contains("Invoice") && !narrowest.contains("Agent") && narrowest.contains("上海星辰贸易  1200.00"))
        #expect(Renderer.render(.table(wide), as: .csv).hasPrefix("customer,invoice_id,amount,agent\n"))
    }

    @Test func rendersRecordsAndDocuments() {
        let document = Output.document([
            Section(
                "customer", title: "客户",
                .record([
                    Field("id", title: "编号", .text("C001")), Field("limit", title: "Credit limit", .number("50000")),
                ])),
            Section("invoices", title: "Invoices", .empty),
        ])
        #expect(
            Renderer.render(document, as: .table) == """
                客户
                ====
                编号          C001
                Credit limit  50000

                Invoices
                ========
                (none)

                """)
    }

    @Test func writesCSVWithQuotingThatRoundTrips() {
        let awkward = ["plain", "comma, inside", "quote \" inside", "line\nbreak", "cr\rhere", "上海,星辰", ""]
        let table = Table(columns: awkward.indices.map { Column("c\($0)") }, rows: [awkward.map { .text($0) }])
        let csv = Renderer.render(.table(table), as: .csv)
        #expect(csv.hasPrefix("c0,c1,c2,c3,c4,c5,c6\nplain,\"comma, inside\",\"quote \"\" inside\","))
        #expect(Self.parseCSV(csv) == [awkward.indices.map { "c\($0)" }, awkward])
    }

    /// A table long enough to be rendered in parts on several cores comes out as one, in row order,
    /// each awkward field quoted as in a short one; a computed (TableSpec) table the same way.
    @Test func writesALongTableInPartsAsOne() {
        let awkward = ["plain", "comma, inside", "quote \" inside", "line\nbreak", "上海,星辰", ""]
        let rows = (0..<25_003).map { r in [Cell.number(String(r)), .text(awkward[r % awkward.count])] }
        let table = Table(columns: [Column("N", key: "n"), Column("Text", key: "text")], rows: rows)
        let csv = Renderer.render(.table(table), as: .csv)
        let parsed = Self.parseCSV(csv)
        #expect(parsed.count == 25_004)
        #expect(parsed.first == ["n", "text"])
        #expect(
            parsed.dropFirst().enumerated().allSatisfy { r, row in row == [String(r), awkward[r % awkward.count]] })
        let spec = TableSpec<Int>(
            "numbers",
            [
                .init(Column("N", key: "n"), "row") { .number(String($0)) },
                .init(Column("Text", key: "text"), "text") { .text(awkward[$0 % awkward.count]) },
            ])
        #expect(Renderer.render(.table(spec.table(Array(0..<25_003))), as: .csv) == csv)
    }

    @Test func writesDocumentsAsCSVSections() {
        let document = Output.document([
            Section("customer", .record([Field("id", .text("C001")), Field("name", .text("上海, 星辰"))])),
            Section(
                "invoices",
                .table(Table(columns: [Column("Id"), Column("Amount")], rows: [[.text("INV-1"), .number("10")]]))),
        ])
        #expect(
            Renderer.render(document, as: .csv) == """
                # customer
                key,value
                id,C001
                name,"上海, 星辰"

                # invoices
                id,amount
                INV-1,10

                """)
    }

    @Test func writesValidJSON() throws {
        let nasty = "quote \" slash \\ newline \n tab \t bell \u{07} 上海 😀"
        let document = Output.document([
            Section(
                "customer",
                .record([Field("name", .text(nasty)), Field("limit", .number("-1200.50")), Field("note", .empty)])),
            Section("invoices", .table(invoices)),
            Section("bad_number", .record([Field("x", .number("1,200"))])),
            Section("message", .text("done")),
        ])
        let json = Renderer.render(document, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let customer = try #require(object["customer"] as? [String: Any])
        #expect(customer["name"] as? String == nasty)
        #expect((customer["limit"] as? NSNumber)?.doubleValue == -1200.5)
        #expect(customer["note"] is NSNull)
        let rows = try #require(object["invoices"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["customer"] as? String == "上海星辰贸易")
        #expect(rows[0]["invoice_id"] as? String == "INV-1")
        #expect((rows[1]["amount"] as? NSNumber)?.doubleValue == -35.5)
        #expect(rows[2]["amount"] is NSNull)
        #expect((object["bad_number"] as? [String: Any])?["x"] as? String == "1,200")
        #expect(object["message"] as? String == "done")
        #expect(json.contains("上海星辰贸易"))
        #expect(json.contains(#"\u0007"#))
    }

    @Test(arguments: ["0", "-1", "12.50", "1e5", "-0.5E-3"])
    func acceptsJSONNumbers(literal: String) { #expect(JSONWriter.isNumber(literal)) }

    @Test(arguments: ["", "-", "01", "1.", ".5", "1,000", "1e", "+1", "NaN"])
    func rejectsNonJSONNumbers(literal: String) { #expect(!JSONWriter.isNumber(literal)) }

    @Test func rendersEmptyOutputAsNothing() {
        for format in OutputFormat.allCases { #expect(Renderer.render(.empty, as: format) == "") }
    }

    /// A strict RFC 4180 reader, for round-trip checks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\""); chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }
}

/// Narrow terminals: a wrapping column's text goes onto more lines and none of it is lost; ids,
/// dates and whole columns are never cut; free text is cut first.
@Suite struct NarrowTableTests {
    static let reason = "¥22,142.07 overdue 505 days; paid 12 % of what fell due 90+ days ago; suspended K000191-1"
    static let table = Table(
        columns: [
            Column("Customer", key: "customer_id"), Column("Name", key: "name"),
            Column("Phone", key: "phone", whole: true), Column("Since", key: "since"),
            Column("Reason", key: "reason", alignment: .left, wraps: true),
        ],
        rows: [[.text("C000191"), .text("广州晨光科技有限公司"), .text("16527008791"), .text("2025-07-12"), .text(reason)]])

    @Test(arguments: [60, 72, 100])
    func wrapsWithoutLosingText(width: Int) {
        let lines = Renderer.render(.table(Self.table), as: .table, width: width).split(separator: "\n").map(
            String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(lines)")
        let body = lines.dropFirst(2)
        #expect(body.first?.contains("C000191") == true && body.first?.contains("16527008791") == true)
        #expect(body.first?.contains("2025-07-12") == true)
        // The reason column, read down, is the whole reason.
        let rule = lines[1]  // dashes under each column, ASCII: the last run is the reason's
        let start = rule.count - rule.split(separator: " ").last!.count
        let pieces = body.map { line -> String in
            let chars = Array(line)
            var used = 0, k = 0
            while k < chars.count && used < start { used += DisplayWidth.of(chars[k]); k += 1 }
            return String(chars[k...]).trimmingCharacters(in: .whitespaces)
        }
        #expect(pieces.joined(separator: " ") == Self.reason, "\(pieces)")
    }

    @Test func wrapBreaksAtSpacesElseBetweenCharacters() {
        #expect(DisplayWidth.wrap("paid 12 % of what", to: 8) == ["paid", "12 % of", "what"])  // % stays with its number
        #expect(DisplayWidth.wrap("广州晨光科技有限公司", to: 8) == ["广州晨光", "科技有限", "公司"])
        #expect(DisplayWidth.wrap("short", to: 8) == ["short"])
    }
}
