import Foundation
import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    /// Third-party credit reports: importing an agency's file, and a customer's reports.
    static var bureauCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["bureau", "import"],
                    summary:
                        "import third-party credit reports (customer_id, score 0-1000, date, agency) from a CSV file",
                    discussion: """
                        Each row is kept as a report; each customer's bureau score (used by the credit score from its
                        date on) becomes its latest report. One transaction: when any row is wrong (unknown customer,
                        score outside 0-1000, bad date, missing column, a report already on file for the same
                        customer, day and agency) every problem is listed as FILE:LINE:COLUMN: error: ... and
                        nothing is written.
                        """,
                    arguments: [ArgumentSpec("file", help: "the CSV file", completion: .file)],
                    options: [
                        OptionSpec(
                            "--map", value: "MAPPING",
                            help: "canonical=Foreign column pairs, e.g. 'customer_id=客户编号,score=评分,date=报告日期'"),
                        OptionSpec(
                            "--date-format", value: "FORMAT",
                            help: "layout of dates, e.g. M/d/yyyy (default yyyy-MM-dd)",
                            completion: .values(["yyyy-MM-dd", "M/d/yyyy", "d/M/yyyy", "dd.MM.yyyy", "yyyy/M/d"])),
                        OptionSpec("--agency", value: "NAME", help: "agency of rows that name none (default: empty)"),
                        OptionSpec(
                            "--ignore-extra-columns", help: "skip columns that are neither canonical nor mapped"),
                    ],
                    examples: [
                        "bureau import reports.csv",
                        "bureau import pboc.csv --map 'customer_id=客户编号,score=评分,date=日期' --date-format yyyy/M/d --agency 百行征信",
                    ]),
                effect: { _ in .outsideScenario }
            ) { inv in try Catalog.importBureau(inv) },
            Command(
                spec: CommandSpec(
                    ["bureau", "show"], summary: "a customer's third-party credit reports, newest first",
                    arguments: [
                        ArgumentSpec(
                            "customer", help: "customer id, name, part of a name or pinyin initials",
                            completion: .domain("customer"), variadic: true)
                    ],
                    options: [.format], examples: ["bureau show C001", "bureau show shxc --format csv"])
            ) { inv in
                let c = try inv.resolveCustomer("customer")
                let reports = try inv.store { () throws(StoreError) in try inv.workspace.bureauReports(customer: c.id) }
                return .output(.table(bureauReportSpec.table(reports)))
            },
        ]
    }

    /// `bureau show`: one row per third-party credit report of the customer, newest first.
    static let bureauReportSpec = TableSpec<BureauReport>(
        "bureau show",
        [
            .init(Column("Date", key: "date"), "the report's date") { .text($0.day.iso) },
            .init(Column("Score", key: "score"), "the agency's score on our scale, 0-1000, higher is safer") {
                .number(String($0.score))
            },
            .init(Column("Agency", key: "agency"), "the agency's name (empty if the file named none)") {
                .text($0.agency)
            },
        ])

    static func importBureau(_ inv: Invocation) throws -> Outcome {
        let path = inv.argument("file")
        var options = BureauImportOptions()
        options.ignoreExtraColumns = inv.parsed.flag("--ignore-extra-columns")
        options.agency = inv.parsed.value("--agency") ?? ""
        if let map = inv.parsed.value("--map") {
            do { options.mapping = try BureauImportOptions.parseMapping(map) } catch {
                throw ShellError(
                    "bad --map: \(error.reason)", hint: "write canonical=Foreign pairs separated by commas",
                    column: inv.parsed.column(ofOption: "--map"))
            }
        }
        if let f = inv.parsed.value("--date-format") {
            guard let format = DateFormat(f) else {
                throw ShellError(
                    "bad --date-format '\(f)'", hint: "use yyyy, M or MM, d or dd and separators, e.g. M/d/yyyy",
                    column: inv.parsed.column(ofOption: "--date-format"))
            }
            options.dateFormat = format
        }
        do {
            let s = try inv.workspace.importBureau(path: path, options: options, context: inv.change)
            let text =
                "imported \(s.reports) bureau reports from \(path); latest score of \(s.customers) customers set\n"
            return .output(inv.session.interactive ? .text(text) : .empty)
        } catch {
            throw importFailure(error, inv)
        }
    }
}
